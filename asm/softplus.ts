// Softplus's kernel (src/activations/softplus.ts): float64 bit for bit; float32 within 1 ulp for β = 1
// (fast32.ts), else computed in float64 and rounded once.

import { g_log1pExp } from './fast32';
import { vlog1p } from './log1p';
import { EXP_SUBNORMAL_EDGE, K_ONE, K_TWO, c2, ld, negAbs, productError, sel, vexp } from './simd';

/**
 * softplus.ts: z = βx; z > τ: x; dz = β = 1 ? 0 : productError(β, x, z); z < −700:
 * h·((h·(1 + dz))/β) with h = e^(z/2); else log1pExp(z)/β when dz = 0, (log1pExp(z) + dz·σ(z))/β
 * otherwise. log1pExp(z) = z > 0 ? z + log1p(e^−z) : log1p(e^z) and σ(z) (math/stable.ts) share
 * e^−|z|. `unitBeta` (compile time): β = 1.
 */
@inline export function f_softplus(x: v128, bv: v128, tv: v128, unitBeta: bool): v128 {
  const z = unitBeta ? x : f64x2.mul(bv, x);
  // One exponential per lane: e^−|z|, or e^(z/2) where z < −700 (the lane's other values unused).
  const far = f64x2.lt(z, c2(EXP_SUBNORMAL_EDGE));
  const u = vexp(sel(f64x2.div(z, ld(K_TWO)), negAbs(z), far), true);
  const l = vlog1p(u, true);
  const lpe = sel(f64x2.add(z, l), l, f64x2.gt(z, c2(0.0)));
  let r: v128;
  if (unitBeta) {
    r = sel(f64x2.mul(u, u), lpe, far); // h·((h·(1 + 0))/1), log1pExp(z)/1
  } else {
    const dz = productError(bv, x, z);
    const d = f64x2.add(ld(K_ONE), u);
    const sig = sel(f64x2.div(ld(K_ONE), d), f64x2.div(u, d), f64x2.ge(z, c2(0.0)));
    r = sel(f64x2.div(lpe, bv), f64x2.div(f64x2.add(lpe, f64x2.mul(dz, sig)), bv), f64x2.eq(dz, c2(0.0)));
    r = sel(f64x2.mul(u, f64x2.div(f64x2.mul(u, f64x2.add(ld(K_ONE), dz)), bv)), r, far);
  }
  return sel(x, r, f64x2.gt(z, tv));
}

/** softplus.ts for β = 1: x > τ ? x : log(1 + e^x). */
@inline export function g_softplus1(x: v128, tv: v128): v128 {
  return sel(x, g_log1pExp(x), f64x2.gt(x, tv));
}

// @loop softplus_f64(beta: f64, threshold: f64) f64*4 if beta == 1.0 => f_softplus(x, f64x2.splat(beta), f64x2.splat(threshold), true)
// @loop softplus_f64(beta: f64, threshold: f64) f64*4 => f_softplus(x, f64x2.splat(beta), f64x2.splat(threshold), false)
// @loop softplus_f32(beta: f64, threshold: f64) f32via64*4 if beta == 1.0 => g_softplus1(x, f64x2.splat(threshold))
// @loop softplus_f32(beta: f64, threshold: f64) f32via64*1 => f_softplus(x, f64x2.splat(beta), f64x2.splat(threshold), false)
