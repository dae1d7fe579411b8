// Mish's kernel (src/activations/mish.ts): float64 bit for bit, float32 within 1 ulp (fast32.ts).

import { fexp } from './fast32';
import { EXP_SUBNORMAL_EDGE, K_HALF, K_NEG_INF, K_ONE, K_TWO, c2, ld, negAbs, sel, vexp } from './simd';

/**
 * mish.ts: x >= 0: u = e^−x, x·((1 + 2u)/(1 + 2u(1 + u))); −700 < x < 0: e = e^x, n = e(e + 2),
 * x·(n/(n + 2)); −∞: −0; else x·h·h with h = e^(x/2).
 */
@inline export function f_mish(x: v128): v128 {
  const far = v128.not(f64x2.gt(x, c2(EXP_SUBNORMAL_EDGE)));
  const pos = f64x2.ge(x, c2(0.0));
  const tail = v128.andnot(far, pos);
  const e = vexp(sel(f64x2.mul(x, ld(K_HALF)), negAbs(x), tail), true);
  const twoU = f64x2.mul(ld(K_TWO), e);
  const posV = f64x2.mul(
    x,
    f64x2.div(f64x2.add(ld(K_ONE), twoU), f64x2.add(ld(K_ONE), f64x2.mul(twoU, f64x2.add(ld(K_ONE), e)))),
  );
  // x < 0: x·e − x·e·δ, δ = (e/2)(1 + e)/(1 + e(1 + e/2)), as src/activations/mish.ts (same order).
  const a = f64x2.add(ld(K_ONE), f64x2.mul(ld(K_HALF), e));
  const b = f64x2.add(ld(K_ONE), f64x2.mul(e, a));
  const dl = f64x2.div(f64x2.mul(f64x2.mul(ld(K_HALF), e), f64x2.add(ld(K_ONE), e)), b);
  const xe = f64x2.mul(x, e);
  const negV = f64x2.sub(xe, f64x2.mul(xe, dl));
  let farV = f64x2.mul(f64x2.mul(x, e), e);
  farV = sel(c2(-0.0), farV, f64x2.eq(x, c2(-Infinity)));
  return sel(posV, sel(farV, negV, tail), pos);
}

/**
 * mish: x·tanh(softplus(x)) = x·N/D with u = e^−|x|: x ≥ 0: N = 1 + 2u, D = 1 + 2u(1 + u);
 * x < 0: N = u(u + 2), D = N + 2. −∞: −0.
 */
@inline export function g_mish(x: v128): v128 {
  const u = fexp(negAbs(x));
  const twoU = f64x2.add(u, u);
  const nPos = f64x2.add(ld(K_ONE), twoU);
  const dPos = f64x2.add(ld(K_ONE), f64x2.mul(twoU, f64x2.add(ld(K_ONE), u)));
  const nNeg = f64x2.mul(u, f64x2.add(u, ld(K_TWO)));
  const dNeg = f64x2.add(nNeg, ld(K_TWO));
  const pos = f64x2.ge(x, c2(0.0));
  const r = f64x2.mul(x, f64x2.div(sel(nPos, nNeg, pos), sel(dPos, dNeg, pos)));
  return sel(c2(-0.0), r, f64x2.eq(x, ld(K_NEG_INF)));
}

// Four vectors per iteration: the exponential is a long dependency chain, and V8 does not
// interleave independent iterations by itself.
// @loop mish_f64() f64*4 => f_mish(x)
// float32: four float32 vectors per iteration (see sigmoid.ts).
// @loop mish_f32() f32via64*4 => g_mish(x)
