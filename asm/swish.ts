// Swish's kernel for β ≠ 0, 1 (src/activations/swish.ts), float64 and float32 (computed in float64).

import { EXP_SUBNORMAL_EDGE, K_INF, K_ONE, K_SIGN, K_TWO, c2, ld, negAbs, productError, sel, vexp } from './simd';

const K_BELOW_ALL: f64 = -1500.0;

/**
 * swish.ts for β ≠ 0, 1: x = ±∞: βx > 0 ? x : x > 0 ? 0 : −0; else z = βx, dz = productError(β, x, z);
 * z ≥ 0: u = e^−z, s = 1/(1 + u), x·s·(1 + dz·(u·s)); −700 < z < 0: e = e^z, d = 1 + e,
 * (x·e/d)·(1 + dz/d); z < −1500: x·0; else x·(1 + dz)·h·h with h = e^(z/2). One exponential per
 * lane: of −|z|, or of z/2 in the last case.
 */
@inline export function f_swish(x: v128, bv: v128): v128 {
  const z = f64x2.mul(bv, x);
  const dz = productError(bv, x, z);
  const pos = f64x2.ge(z, c2(0.0));
  const mid = f64x2.gt(z, c2(EXP_SUBNORMAL_EDGE));
  const far = v128.not(v128.or(pos, mid)); // z ≤ −700 or NaN
  const u = vexp(sel(f64x2.div(z, ld(K_TWO)), negAbs(z), far), true);
  const d = f64x2.add(ld(K_ONE), u);
  const s = f64x2.div(ld(K_ONE), d);
  const rPos = f64x2.mul(f64x2.mul(x, s), f64x2.add(ld(K_ONE), f64x2.mul(dz, f64x2.mul(u, s))));
  const rMid = f64x2.mul(f64x2.div(f64x2.mul(x, u), d), f64x2.add(ld(K_ONE), f64x2.div(dz, d)));
  let rFar = f64x2.mul(f64x2.mul(f64x2.mul(x, f64x2.add(ld(K_ONE), dz)), u), u);
  rFar = sel(f64x2.mul(x, c2(0.0)), rFar, f64x2.lt(z, c2(K_BELOW_ALL)));
  let r = sel(rPos, sel(rMid, rFar, mid), pos);
  // x = ±∞
  const inf = f64x2.eq(f64x2.abs(x), ld(K_INF));
  const rInf = sel(x, v128.and(x, ld(K_SIGN)), f64x2.gt(z, c2(0.0)));
  return sel(rInf, r, inf);
}

// @loop swish_f64(beta: f64) f64*4 => f_swish(x, f64x2.splat(beta))
// @loop swish_f32(beta: f64) f32via64*1 => f_swish(x, f64x2.splat(beta))
