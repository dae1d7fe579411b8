// SELU's kernel (src/activations/selu.ts), with λ and λα passed in: float64 bit for bit, float32
// within 1 ulp (fast32.ts).

import { vexpm1 } from './expm1';
import { fexpm1 } from './fast32';
import { c2, sel } from './simd';

/** selu.ts: x > 0 ? λ·x : λα·expm1(x), with λ and λα passed in (the TypeScript constants). */
@inline export function f_selu(x: v128, scale: v128, scaleAlpha: v128): v128 {
  return sel(f64x2.mul(scale, x), f64x2.mul(scaleAlpha, vexpm1(x, true)), f64x2.gt(x, c2(0.0)));
}

/** selu.ts with the fast expm1. */
@inline export function g_selu(x: v128, scale: v128, scaleAlpha: v128): v128 {
  return sel(f64x2.mul(scale, x), f64x2.mul(scaleAlpha, fexpm1(x)), f64x2.gt(x, c2(0.0)));
}

// @loop selu_f64(scale: f64, scaleAlpha: f64) f64*4 => f_selu(x, f64x2.splat(scale), f64x2.splat(scaleAlpha))
// @loop selu_f32(scale: f64, scaleAlpha: f64) f32via64*4 => g_selu(x, f64x2.splat(scale), f64x2.splat(scaleAlpha))
