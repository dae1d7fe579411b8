// Softsign's kernel (src/activations/softsign.ts), float64 and float32 (computed in float64).

import { c2, sel } from './simd';

/** softsign.ts: ±∞ → ±1, else x/(1 + |x|). */
@inline export function f_softsign(x: v128): v128 {
  let r = f64x2.div(x, f64x2.add(c2(1.0), f64x2.abs(x)));
  r = sel(c2(1.0), r, f64x2.eq(x, c2(Infinity)));
  return sel(c2(-1.0), r, f64x2.eq(x, c2(-Infinity)));
}

// @loop softsign_f64() f64*1 => f_softsign(x)
// @loop softsign_f32() f32via64*1 => f_softsign(x)
