// Sigmoid's kernel (src/activations/sigmoid.ts): float64 bit for bit, float32 within 1 ulp (fast32.ts).

import { fexp } from './fast32';
import { K_ONE, c2, ld, negAbs, sel, vexp } from './simd';

/** math/stable.ts sigmoid: x >= 0 ? 1/(1 + e^−x) : e^x/(1 + e^x); both exponentials are e^−|x|. */
@inline export function f_sigmoid(x: v128): v128 {
  const e = vexp(negAbs(x), true);
  const d = f64x2.add(ld(K_ONE), e);
  return sel(f64x2.div(ld(K_ONE), d), f64x2.div(e, d), f64x2.ge(x, c2(0.0)));
}

/** σ(x): e = e^−|x|, (x ≥ 0 ? 1 : e)/(1 + e). */
@inline export function g_sigmoid(x: v128): v128 {
  const e = fexp(negAbs(x));
  return f64x2.div(sel(ld(K_ONE), e, f64x2.ge(x, c2(0.0))), f64x2.add(ld(K_ONE), e));
}

// Four vectors per iteration: the exponential is a long dependency chain, and V8 does not
// interleave independent iterations by itself.
// @loop sigmoid_f64() f64*4 => f_sigmoid(x)
// float32: four float32 vectors (eight float64 ones) per iteration, faster here than two, as for
// most of the family; gelu and tanhshrink, whose per-vector code is longer, keep two (measured).
// @loop sigmoid_f32() f32via64*4 => g_sigmoid(x)
