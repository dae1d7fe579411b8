// SiLU's kernel (src/activations/silu.ts; swish with β = 1 runs it too): float64 bit for bit, float32
// within 1 ulp (fast32.ts).

import { fexp } from './fast32';
import { EXP_SUBNORMAL_EDGE, K_HALF, K_NEG_INF, K_ONE, c2, ld, negAbs, sel, vexp } from './simd';

/**
 * math/stable.ts silu: x >= 0: x/(1 + e^−x); −700 < x < 0: x·e^x/(1 + e^x); −∞: −0; else (NaN
 * included) x·h·h with h = e^(x/2). One exponential per lane: of −|x|, or of x/2 in the last case.
 */
@inline export function f_silu(x: v128): v128 {
  const far = v128.not(f64x2.gt(x, c2(EXP_SUBNORMAL_EDGE))); // x <= −700 or NaN (and not x >= 0)
  const pos = f64x2.ge(x, c2(0.0));
  const tail = v128.andnot(far, pos);
  const e = vexp(sel(f64x2.mul(x, ld(K_HALF)), negAbs(x), tail), true);
  const d = f64x2.add(ld(K_ONE), e);
  const neg = f64x2.div(f64x2.mul(x, e), d);
  let far_ = f64x2.mul(f64x2.mul(x, e), e);
  far_ = sel(c2(-0.0), far_, f64x2.eq(x, c2(-Infinity)));
  return sel(f64x2.div(x, d), sel(far_, neg, tail), pos);
}

/** silu: x·σ(x); −∞: −0 (forward's x·h·h). */
@inline export function g_silu(x: v128): v128 {
  const e = fexp(negAbs(x));
  const r = f64x2.mul(x, f64x2.div(sel(ld(K_ONE), e, f64x2.ge(x, c2(0.0))), f64x2.add(ld(K_ONE), e)));
  return sel(c2(-0.0), r, f64x2.eq(x, ld(K_NEG_INF)));
}

// Four vectors per iteration: the exponential is a long dependency chain, and V8 does not
// interleave independent iterations by itself.
// @loop silu_f64() f64*4 => f_silu(x)
// @loop silu_f32() f32via64*4 => g_silu(x)
