// Hardsigmoid's kernel (src/activations/hardsigmoid.ts), float64 and float32 (computed in float64).

import { K_ONE, K_SIX, K_THREE, c2, ld } from './simd';

/**
 * hardsigmoid.ts: x <= −3 ? 0 : x >= 3 ? 1 : (x + 3)/6, as min(max((x + 3)/6, 0), 1): the same
 * doubles (x ≤ −3 gives (x + 3)/6 ≤ 0, and +0 at −3; x ≥ 3 gives ≥ 1; ±∞ too), and NaN stays NaN
 * (pmax/pmin return their first operand unless the second compares smaller/larger).
 */
@inline export function f_hardsigmoid(x: v128): v128 {
  const mid = f64x2.div(f64x2.add(x, ld(K_THREE)), ld(K_SIX));
  return f64x2.pmin(f64x2.pmax(mid, c2(0.0)), ld(K_ONE));
}

// @loop hardsigmoid_f64() f64*2 => f_hardsigmoid(x)
// @loop hardsigmoid_f32() f32via64*2 => f_hardsigmoid(x)
