// Hardswish's kernel (src/activations/hardswish.ts), float64 and float32 (computed in float64).

import { K_MINUS_THREE, K_MINUS_ZERO, K_SIX, K_THREE, ld, sel } from './simd';

/** hardswish.ts: x <= −3 ? −0 : x >= 3 ? x : x·(x + 3)/6. */
@inline export function f_hardswish(x: v128): v128 {
  const mid = f64x2.div(f64x2.mul(x, f64x2.add(x, ld(K_THREE))), ld(K_SIX));
  return sel(ld(K_MINUS_ZERO), sel(x, mid, f64x2.ge(x, ld(K_THREE))), f64x2.le(x, ld(K_MINUS_THREE)));
}

// @loop hardswish_f64() f64*2 => f_hardswish(x)
// @loop hardswish_f32() f32via64*2 => f_hardswish(x)
