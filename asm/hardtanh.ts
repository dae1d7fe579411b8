// Hardtanh and ReLU6 (hardtanh.ts, relu6.ts: lo = 0, hi = 6): one clamp, in float64 lanes and in
// float32 lanes.

/**
 * hardtanh.ts: x < lo ? lo : x > hi ? hi : x (relu6.ts: lo = 0, hi = 6), as pmin(pmax(x, lo), hi):
 * pmax(x, lo) is x < lo ? lo : x by definition, pmin(y, hi) is hi < y ? hi : y, and lo ≤ hi
 * (validated), so the two agree on every input, NaN and −0 included.
 */
@inline export function f_hardtanh(x: v128, lo: v128, hi: v128): v128 {
  return f64x2.pmin(f64x2.pmax(x, lo), hi);
}

/** f_hardtanh in float32 lanes, with bounds already float32 (see hardtanh_f32). */
@inline export function f_hardtanh32(x: v128, lo: v128, hi: v128): v128 {
  return f32x4.pmin(f32x4.pmax(x, lo), hi);
}

// @loop relu6_f64() f64*4 => f_hardtanh(x, f64x2.splat(0.0), f64x2.splat(6.0))
// @loop relu6_f32() f32*4 => f_hardtanh32(x, f32x4.splat(0.0), f32x4.splat(6.0))
// @loop hardtanh_f64(lo: f64, hi: f64) f64*4 => f_hardtanh(x, f64x2.splat(lo), f64x2.splat(hi))

// Float32: x is a float32, and for float32 x the tests x < lo and x > hi select the same output
// value as with lo and hi rounded to float32 (no float32 lies strictly between lo and its rounding,
// and the selected bound is stored rounded anyway), so the kernel compares in float32.
// @loop hardtanh_f32(lo: f64, hi: f64) f32*4 => f_hardtanh32(x, f32x4.splat(<f32>lo), f32x4.splat(<f32>hi))
