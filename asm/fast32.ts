// Helpers of the float32 kernels of the exponential family (each kernel's own `g_` form is in its
// file). A float32 kernel that calls into this file is marked within1Ulp by scripts/build-wasm.mjs
// (src/kernels/kernel-names.generated.ts lists them) and held to the rule below.

import { K_LP1, K_LP2, K_LP3, K_LP4, K_LP5 } from './log1p';
import { EXP32_Q, EXP32_Q_DEGREE } from './fit32.generated';
import { K_BIAS, K_HALF, K_INVLN2, K_MAGIC, K_ONE, K_SIGN, K_TWO, c2, ld, negAbs, sel } from './simd';

// Float32 kernels of the exponential family. These do not transcribe fdlibm: the float32 rule is
// "within 1 float32 ulp of the exact value" (scripts/verify-f32-kernels.mjs checks it on every float32 input), not
// "exactly fround(forward(x))". Each computes in float64 with short approximations whose relative
// error stays below about 2^−30 (far under the 2^−25 left between a float32 rounding, half an ulp,
// and 1 ulp; tanhshrink's cancellation and GELU's polynomial have their budgets in their files), so
// the final rounding to float32 is the correct one except when the exact value lies within that
// relative distance of a float32 midpoint, and is then the other neighbour: never more than 1 ulp
// away (bench/verify-f32.md counts, per function, the results that differ from fround(forward): a
// few in 100 000 at most). Special values (NaN,
// ±∞, ±0 with its sign) give exactly what forward gives.
//
//  - fexpCore(t), t ≤ 0: t clamped to −200 (e^−200 ≈ 1.4e−87 is 0 for every float32 result that
//    uses it), k = round(t/ln2) by the 2^52 + 2^51 trick, r = t − k·ln2 with ln2 one double: for
//    |k| ≤ 289 that r is off by under 2^−45 absolutely (ln2's rounding and the product's), a
//    relative 2^−45 of e^r, so fdlibm's two-part ln2 (Cody–Waite), needed for float64 results, is
//    not; |r| ≤ ln2/2; e^r − 1 = r + r²·Q(r), Q of degree 5 fitted by scripts/fit_f32.py
//    (fit32.generated.ts: relative error of e^r below 2^−32, of e^r − 1 below 2^−30.8, largest at
//    r = −ln2/2 where e^r − 1 = −0.29); with s = 2^k, e^t = s·P + s and expm1(t) = s·P + (s − 1)
//    (exact s − 1; once k ≠ 0, |t| ≥ ln2/2 and |expm1(t)| ≥ 0.29, so e^r's error grows by at most
//    e^t/|expm1 t| ≤ 2.5: below 2^−30.6).
//  - flog1pUnit(u), 0 ≤ u ≤ 1: w = 1 + u, c = u − (w − 1) (its rounding error, exact), w = 2^j·m
//    with m in [√2/2, √2) (j = 0 or 1, both exact), f = m − 1, fdlibm's log(1 + f) with s = f/(2+f)
//    with R(z), z = s² ≤ 0.0295, cut after Lp5 (the terms Lp6·z⁶ + Lp7·z⁷ < 1.1e−10 it leaves out
//    move the result by s·1.1e−10, a relative 2^−34 of log(1 + f) ≈ 2s), plus j·ln2, plus c
//    (c/w ≈ c within |c|·u, a relative 2^−53 of the result).

const T_LIMIT: f64 = -200.0;
const K_T_LIMIT = memory.data<f64>([T_LIMIT, T_LIMIT], 16);
const K_LN2 = memory.data<f64>([0.6931471805599453, 0.6931471805599453], 16);
const K_SQRT2 = memory.data<f64>([1.4142135623730951, 1.4142135623730951], 16);

/** Coefficient k of Q (of r^k): fit32.generated.ts lists them highest first. */
@inline function q(k: i32): v128 {
  if (EXP32_Q_DEGREE != 5) ERROR('fexpCore evaluates Q of degree 5: fit32.generated.ts has another (scripts/fit_f32.py)');
  return v128.load(EXP32_Q + <usize>((EXP32_Q_DEGREE - k) << 4));
}

/** e^t (m1 false) or e^t − 1 (m1 true, compile time) for t ≤ 0 (clamped at −200) or NaN. */
@inline export function fexpCore(t0: v128, m1: bool, horner: bool = false): v128 {
  const t = f64x2.max(t0, ld(K_T_LIMIT)); // NaN stays NaN
  const kr = f64x2.add(f64x2.mul(t, ld(K_INVLN2)), ld(K_MAGIC));
  const kf = f64x2.sub(kr, ld(K_MAGIC));
  const r = f64x2.sub(t, f64x2.mul(kf, ld(K_LN2)));
  // Q(r) by Estrin's scheme (pairs, then r², r⁴): half the dependent steps of Horner's, and the loops
  // are bound by this chain's latency. `horner` (compile time) keeps Horner's scheme where Estrin's is
  // slower (tanhshrink).
  let p: v128;
  if (horner) {
    p = f64x2.add(q(4), f64x2.mul(r, q(5)));
    p = f64x2.add(q(3), f64x2.mul(r, p));
    p = f64x2.add(q(2), f64x2.mul(r, p));
    p = f64x2.add(q(1), f64x2.mul(r, p));
    p = f64x2.add(q(0), f64x2.mul(r, p));
    p = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), p)); // e^r − 1
  } else {
    const r2 = f64x2.mul(r, r);
    const r4 = f64x2.mul(r2, r2);
    const q01 = f64x2.add(q(0), f64x2.mul(r, q(1)));
    const q23 = f64x2.add(q(2), f64x2.mul(r, q(3)));
    const q45 = f64x2.add(q(4), f64x2.mul(r, q(5)));
    p = f64x2.add(r, f64x2.mul(r2, f64x2.add(f64x2.add(q01, f64x2.mul(r2, q23)), f64x2.mul(r4, q45)))); // e^r − 1
  }
  // 2^k: k sits in the low bits of kr (−289 ≤ k ≤ 0, so k + 1023 is a normal exponent).
  const s = i64x2.shl(i64x2.add(kr, ld(K_BIAS)), 52);
  if (!m1) return f64x2.add(f64x2.mul(s, p), s);
  // expm1(−0) = −0: the sign of t put back (every result for t ≤ 0 is ≤ 0).
  return v128.or(f64x2.add(f64x2.mul(s, p), f64x2.sub(s, ld(K_ONE))), v128.and(t0, ld(K_SIGN)));
}

/** e^t for t ≤ 0 (clamped at −200) or NaN. */
@inline export function fexp(t: v128): v128 {
  return fexpCore(t, false);
}

/** e^t − 1 for t ≤ 0 (clamped at −200: −1) or NaN. */
@inline export function fexpm1(t: v128, horner: bool = false): v128 {
  return fexpCore(t, true, horner);
}

/** fdlibm's R(z) = z·(Lp1 + … + z⁴·Lp5), z = s²: its first five terms (see the header). */
@inline function shortR(s: v128): v128 {
  const z = f64x2.mul(s, s);
  let R = f64x2.add(ld(K_LP4), f64x2.mul(z, ld(K_LP5)));
  R = f64x2.add(ld(K_LP3), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP2), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP1), f64x2.mul(z, R));
  return f64x2.mul(z, R);
}

/** log(1 + u) for 0 ≤ u ≤ 1 or NaN. */
@inline export function flog1pUnit(u: v128): v128 {
  const w = f64x2.add(ld(K_ONE), u);
  const c = f64x2.sub(u, f64x2.sub(w, ld(K_ONE)));
  const big = f64x2.ge(w, ld(K_SQRT2));
  const f = f64x2.sub(sel(f64x2.mul(w, ld(K_HALF)), w, big), ld(K_ONE));
  const hfsq = f64x2.mul(f64x2.mul(ld(K_HALF), f), f);
  const s = f64x2.div(f, f64x2.add(ld(K_TWO), f));
  const R = shortR(s);
  const lm = f64x2.sub(f, f64x2.sub(hfsq, f64x2.mul(s, f64x2.add(hfsq, R))));
  return f64x2.add(f64x2.add(lm, c), v128.and(ld(K_LN2), big));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^−|x|) (max propagates NaN; max(−0, 0) = +0). */
@inline export function g_log1pExp(x: v128): v128 {
  return f64x2.add(f64x2.max(x, c2(0.0)), flog1pUnit(fexp(negAbs(x))));
}
