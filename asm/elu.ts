// ELU's kernel (src/activations/elu.ts): float64 bit for bit, float32 within 1 ulp (fast32.ts).

import { vexpm1 } from './expm1';
import { fexpm1 } from './fast32';
import { c2, sel } from './simd';

/** elu.ts: x > 0 ? x : x === 0 ? (α > 0 ? x : 0) : α·expm1(x). `keep` is all ones when α > 0. */
@inline export function f_elu(x: v128, av: v128, keep: v128): v128 {
  let r = f64x2.mul(av, vexpm1(x, true));
  r = sel(v128.and(x, keep), r, f64x2.eq(x, c2(0.0)));
  return sel(x, r, f64x2.gt(x, c2(0.0)));
}

/** elu.ts with the fast expm1 (x ≤ 0 there). */
@inline export function g_elu(x: v128, av: v128, keep: v128): v128 {
  let r = f64x2.mul(av, fexpm1(x));
  r = sel(v128.and(x, keep), r, f64x2.eq(x, c2(0.0)));
  return sel(x, r, f64x2.gt(x, c2(0.0)));
}

// `keep`: all ones when α > 0.
// @loop elu_f64(alpha: f64) f64*4 => f_elu(x, f64x2.splat(alpha), alpha > 0 ? i64x2.splat(-1) : i64x2.splat(0))
// @loop elu_f32(alpha: f64) f32via64*4 => g_elu(x, f64x2.splat(alpha), alpha > 0 ? i64x2.splat(-1) : i64x2.splat(0))
