// Threshold's kernel (src/activations/threshold.ts): one comparison and one select, in float64 lanes
// and in float32 lanes.

import { sel } from './simd';

/**
 * threshold.ts: x <= t ? v : x. NaN compares false and is kept; −0 ≤ 0 holds, so −0 gives v.
 * `tv` and `vv` are t and v splatted.
 */
@inline export function f_threshold(x: v128, tv: v128, vv: v128): v128 {
  return sel(vv, x, f64x2.le(x, tv));
}

/**
 * f_threshold in float32 lanes: `tv` is floor32(t) (asm/hardshrink.ts), the largest float32 ≤ t, so
 * that x ≤ floor32(t) holds for a float32 x exactly when x ≤ t; `vv` is v rounded to float32, what
 * the TypeScript loop stores.
 */
@inline export function f_threshold32(x: v128, tv: v128, vv: v128): v128 {
  return sel(vv, x, f32x4.le(x, tv));
}

// @loop threshold_f64(t: f64, v: f64) f64*4 => f_threshold(x, f64x2.splat(t), f64x2.splat(v))
// @loop threshold_f32(t: f64, v: f64) f32*4 => f_threshold32(x, f32x4.splat(floor32(t)), f32x4.splat(<f32>v))
