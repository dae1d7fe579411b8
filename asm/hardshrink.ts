// Hardshrink's kernel (src/activations/hardshrink.ts): float64 lanes, and float32 lanes for Float32Array.

import { c2, sel } from './simd';

/** hardshrink.ts: x >= −λ && x <= λ ? 0 : x. */
@inline export function f_hardshrink(x: v128, l: f64): v128 {
  return sel(c2(0.0), x, v128.and(f64x2.ge(x, c2(-l)), f64x2.le(x, c2(l))));
}

/**
 * The largest float32 ≤ l. For float32 x, −λ ≤ x ≤ λ holds exactly when −λ₃₂ ≤ x ≤ λ₃₂ with λ₃₂ =
 * floor32(λ) (no float32 lies between them).
 */
@inline export function floor32(l: f64): f32 {
  let l32 = <f32>l;
  // Rounded up: one float32 step down (towards −∞; −0 steps to the smallest negative subnormal).
  if (<f64>l32 > l) l32 = reinterpret<f32>(reinterpret<u32>(l32) + (l32 > 0 ? -1 : 1));
  return l32;
}

/** f_hardshrink in float32 lanes: `lv` floor32(λ), `nlv` its negation, `z` 0, splatted. */
@inline export function f_hardshrink32(x: v128, lv: v128, nlv: v128, z: v128): v128 {
  return sel(z, x, v128.and(f32x4.ge(x, nlv), f32x4.le(x, lv)));
}

// @loop hardshrink_f64(l: f64) f64*4 => f_hardshrink(x, l)

// Float32: the output is 0 or x itself, so the kernel compares with floor32(λ) in float32 lanes. Any
// λ: negative (the dead zone is empty), ±∞, NaN (every comparison false).
// @loop hardshrink_f32(l: f64) f32*4 => f_hardshrink32(x, f32x4.splat(floor32(l)), f32x4.splat(-floor32(l)), f32x4.splat(0.0))
