// Leaky ReLU / PReLU (leaky-relu.ts, prelu.ts): one kernel, `leaky`, with the slope s. The −∞ fix of
// f_leaky only matters for s = ±0, so the common case (s ≠ 0) runs a multiply and a select (or a max)
// per vector.

import { K_NEG_INF, c2, hi32, ld, lo32, pack32, sel } from './simd';

/**
 * leaky-relu.ts / prelu.ts: x > 0 ? x : s === 0 && x === −∞ ? −s : x·s. `sv` is s splatted, `fixV`
 * −s splatted, `fix` all ones when s === 0 (hoisted out of the loops by the callers).
 */
@inline export function f_leaky(x: v128, sv: v128, fixV: v128, fix: v128): v128 {
  let neg = f64x2.mul(x, sv);
  neg = sel(fixV, neg, v128.and(fix, f64x2.eq(x, ld(K_NEG_INF))));
  return sel(x, neg, f64x2.gt(x, c2(0.0)));
}

/**
 * 0 < s ≤ 1: x·s ≤ x for x > 0 and x·s ≥ x otherwise (rounding is monotonic), so the result is
 * pmax(x·s, x) = x·s < x ? x : x·s, NaN and ±0 included: one multiply and one max.
 */
@inline export function f_leakyUnit(x: v128, sv: v128): v128 {
  return f64x2.pmax(f64x2.mul(x, sv), x);
}

/** Any other s ≠ ±0: x > 0 ? x : x·s (`z` is 0 splatted). */
@inline export function f_leakyAny(x: v128, sv: v128, z: v128): v128 {
  return sel(x, f64x2.mul(x, sv), f64x2.gt(x, z));
}

// Float32: x > 0 ? x : fround(x·s). Where s is a float32 (0.25, 0, …) the double product x·s is
// exact (24 + 24 bits), so the float32 product rounds the same exact value once: the kernel stays in
// float32 lanes (−∞·0 fixed to −s for s = ±0, exact too). Otherwise (s = 0.01, the default) the
// products are formed in float64 and rounded to float32, and the select is done in float32.

/** s = ±0 in float32 lanes: `s4` s, `fixV` −s, `ninf` −∞, `z` 0, each splatted. */
@inline export function f_leakyZero32(x: v128, s4: v128, fixV: v128, ninf: v128, z: v128): v128 {
  return sel(x, sel(fixV, f32x4.mul(x, s4), f32x4.eq(x, ninf)), f32x4.gt(x, z));
}

/** f_leakyUnit in float32 lanes (s a float32 in (0, 1]). */
@inline export function f_leakyUnit32(x: v128, s4: v128): v128 {
  return f32x4.pmax(f32x4.mul(x, s4), x);
}

/** f_leakyAny in float32 lanes (s a float32). */
@inline export function f_leakyAny32(x: v128, s4: v128, z: v128): v128 {
  return sel(x, f32x4.mul(x, s4), f32x4.gt(x, z));
}

/** fround(x·s) for the four float32 lanes of x, the products in float64 (`sv` s splatted in float64). */
@inline function product32(x: v128, sv: v128): v128 {
  return pack32(f64x2.mul(lo32(x), sv), f64x2.mul(hi32(x), sv));
}

/** s in (0, 1] not a float32: fround(x·s) ≤ x for x > 0 and ≥ x otherwise (both roundings are monotonic): pmax as above. */
@inline export function f_leakyUnitMixed(x: v128, sv: v128): v128 {
  return f32x4.pmax(product32(x, sv), x);
}

/** Any other s not a float32. */
@inline export function f_leakyAnyMixed(x: v128, sv: v128, z: v128): v128 {
  return sel(x, product32(x, sv), f32x4.gt(x, z));
}

// @loop leaky_f64(s: f64) f64*2 if s == 0.0 => f_leaky(x, f64x2.splat(s), f64x2.splat(-s), i64x2.splat(-1))
// @loop leaky_f64(s: f64) f64*4 if s > 0.0 && s <= 1.0 => f_leakyUnit(x, f64x2.splat(s))
// @loop leaky_f64(s: f64) f64*4 => f_leakyAny(x, f64x2.splat(s), f64x2.splat(0.0))
// @loop leaky_f32(s: f64) f32*1 if s == 0.0 => f_leakyZero32(x, f32x4.splat(<f32>s), f32x4.splat(<f32>-s), f32x4.splat(-Infinity), f32x4.splat(0.0))
// @loop leaky_f32(s: f64) f32*4 if <f64><f32>s == s && s > 0.0 && s <= 1.0 => f_leakyUnit32(x, f32x4.splat(<f32>s))
// @loop leaky_f32(s: f64) f32*4 if <f64><f32>s == s => f_leakyAny32(x, f32x4.splat(<f32>s), f32x4.splat(0.0))
// @loop leaky_f32(s: f64) f32*2 if s > 0.0 && s <= 1.0 => f_leakyUnitMixed(x, f64x2.splat(s))
// @loop leaky_f32(s: f64) f32*2 => f_leakyAnyMixed(x, f64x2.splat(s), f32x4.splat(0.0))
