// Softshrink's kernel (src/activations/softshrink.ts): float64 lanes, and float32 lanes where λ is a float32.

import { c2, sel } from './simd';

/** softshrink.ts: x > λ ? x − λ : x < −λ ? x + λ : 0. */
@inline export function f_softshrink(x: v128, l: f64): v128 {
  const low = sel(f64x2.add(x, c2(l)), c2(0.0), f64x2.lt(x, c2(-l)));
  return sel(f64x2.sub(x, c2(l)), low, f64x2.gt(x, c2(l)));
}

/** f_softshrink in float32 lanes: `lv` λ, `nlv` −λ (both float32), `z` 0, splatted. */
@inline export function f_softshrink32(x: v128, lv: v128, nlv: v128, z: v128): v128 {
  const low = sel(f32x4.add(x, lv), z, f32x4.lt(x, nlv));
  return sel(f32x4.sub(x, lv), low, f32x4.gt(x, lv));
}

// @loop softshrink_f64(l: f64) f64*2 => f_softshrink(x, l)

// Float32: when λ is itself a float32 (0.5, the default, is), the kernel works in float32 lanes:
// the comparisons are the same, and x ∓ λ rounded once to float32 equals forward's x ∓ λ rounded to
// float64 then to float32 (both operands float32: double rounding through float64 is innocuous for
// +, −, ×, ÷ since 53 ≥ 2·24 + 2, Figueroa 1995). Any other λ: float64 lanes, as forward.
// @loop softshrink_f32(l: f64) f32*2 if <f64>(<f32>l) == l => f_softshrink32(x, f32x4.splat(<f32>l), f32x4.splat(-<f32>l), f32x4.splat(0.0))
// @loop softshrink_f32(l: f64) f32via64*1 => f_softshrink(x, l)
