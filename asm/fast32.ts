// Helpers of the float32 kernels of the exponential family (each kernel's own `g_` form is in its
// file). A float32 kernel that calls into this file is marked within1Ulp by scripts/build-wasm.mjs
// (src/kernels/kernel-names.generated.ts lists them) and held to the rule below.

import { log1pR } from './log1p';
import { K_BIAS, K_HALF, K_INVLN2, K_LN2HI, K_LN2LO, K_MAGIC, K_ONE, K_SIGN, K_TWO, c2, ld, negAbs, sel } from './simd';

// Float32 kernels of the exponential family. These do not transcribe fdlibm: the float32 rule is
// "within 1 float32 ulp of the exact value" (scripts/verify-f32-kernels.mjs checks it on every float32 input), not
// "exactly fround(forward(x))". Each computes in float64 with short approximations whose relative
// error stays below ~2^−31 (far under the 2^−25 left between a float32 rounding, half an ulp, and
// 1 ulp), so the final rounding to float32 is the correct one except when the exact value lies
// within that relative distance of a float32 midpoint, and is then the other neighbour: never more
// than 1 ulp away (about 1 result in 200 000 differs from fround(forward)). Special values (NaN,
// ±∞, ±0 with its sign) give exactly what forward gives.
//
//  - fexpCore(t), t ≤ 0: t clamped to −200 (e^−200 ≈ 1.4e−87 is 0 for every float32 result that
//    uses it), k = round(t/ln2) by the 2^52 + 2^51 trick, r = t − k·ln2 (Cody–Waite: k·LN2HI exact
//    for |k| < 2^21), |r| ≤ ln2/2, e^r − 1 = P(r) by Taylor to r^8 (relative error < 2.1e−10 = 2^−32);
//    with s = 2^k, e^t = s·P + s and expm1(t) = s·P + (s − 1) (exact s − 1, and a
//    relative error < 1e−15 from the cancellation once |t| ≥ ln2/2, where |expm1| ≥ 0.29).
//  - flog1pUnit(u), 0 ≤ u ≤ 1: w = 1 + u, c = u − (w − 1) (its rounding error, exact), w = 2^j·m
//    with m in [√2/2, √2) (j = 0 or 1, both exact), f = m − 1, fdlibm's log(1 + f) with s = f/(2+f)
//    (Lp1..Lp7), plus j·ln2, plus c (c/w ≈ c within |c|·u, a relative 2^−53 of the result).

const T_LIMIT: f64 = -200.0;
const K_T_LIMIT = memory.data<f64>([T_LIMIT, T_LIMIT], 16);
const K_LN2 = memory.data<f64>([0.6931471805599453, 0.6931471805599453], 16);
const K_SQRT2 = memory.data<f64>([1.4142135623730951, 1.4142135623730951], 16);
const K_C3 = memory.data<f64>([1.0 / 6.0, 1.0 / 6.0], 16);
const K_C4 = memory.data<f64>([1.0 / 24.0, 1.0 / 24.0], 16);
const K_C5 = memory.data<f64>([1.0 / 120.0, 1.0 / 120.0], 16);
const K_C6 = memory.data<f64>([1.0 / 720.0, 1.0 / 720.0], 16);
const K_C7 = memory.data<f64>([1.0 / 5040.0, 1.0 / 5040.0], 16);
const K_C8 = memory.data<f64>([1.0 / 40320.0, 1.0 / 40320.0], 16);

/** e^t (m1 false) or e^t − 1 (m1 true, compile time) for t ≤ 0 (clamped at −200) or NaN. */
@inline export function fexpCore(t0: v128, m1: bool, horner: bool = false): v128 {
  const t = f64x2.max(t0, ld(K_T_LIMIT)); // NaN stays NaN
  const kr = f64x2.add(f64x2.mul(t, ld(K_INVLN2)), ld(K_MAGIC));
  const kf = f64x2.sub(kr, ld(K_MAGIC));
  const r = f64x2.sub(f64x2.sub(t, f64x2.mul(kf, ld(K_LN2HI))), f64x2.mul(kf, ld(K_LN2LO)));
  // 1/2 + r/6 + … + r⁶/8!, by Estrin's scheme (pairs, then the powers r², r⁴): half the dependent
  // steps of Horner's, and the loops are bound by this chain's latency. `horner` (compile time) keeps
  // Horner's scheme where Estrin's is slower (tanhshrink).
  let p: v128;
  if (horner) {
    p = f64x2.add(ld(K_C7), f64x2.mul(r, ld(K_C8)));
    p = f64x2.add(ld(K_C6), f64x2.mul(r, p));
    p = f64x2.add(ld(K_C5), f64x2.mul(r, p));
    p = f64x2.add(ld(K_C4), f64x2.mul(r, p));
    p = f64x2.add(ld(K_C3), f64x2.mul(r, p));
    p = f64x2.add(ld(K_HALF), f64x2.mul(r, p));
    p = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), p)); // e^r − 1
  } else {
    const r2 = f64x2.mul(r, r);
    const r4 = f64x2.mul(r2, r2);
    const q01 = f64x2.add(ld(K_HALF), f64x2.mul(r, ld(K_C3)));
    const q23 = f64x2.add(ld(K_C4), f64x2.mul(r, ld(K_C5)));
    const q45 = f64x2.add(ld(K_C6), f64x2.mul(r, ld(K_C7)));
    const q = f64x2.add(f64x2.add(q01, f64x2.mul(r2, q23)), f64x2.mul(r4, f64x2.add(q45, f64x2.mul(r2, ld(K_C8)))));
    p = f64x2.add(r, f64x2.mul(r2, q)); // e^r − 1
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

/** log(1 + u) for 0 ≤ u ≤ 1 or NaN. */
@inline export function flog1pUnit(u: v128): v128 {
  const w = f64x2.add(ld(K_ONE), u);
  const c = f64x2.sub(u, f64x2.sub(w, ld(K_ONE)));
  const big = f64x2.ge(w, ld(K_SQRT2));
  const f = f64x2.sub(sel(f64x2.mul(w, ld(K_HALF)), w, big), ld(K_ONE));
  const hfsq = f64x2.mul(f64x2.mul(ld(K_HALF), f), f);
  const s = f64x2.div(f, f64x2.add(ld(K_TWO), f));
  const R = log1pR(s);
  const lm = f64x2.sub(f, f64x2.sub(hfsq, f64x2.mul(s, f64x2.add(hfsq, R))));
  return f64x2.add(f64x2.add(lm, c), v128.and(ld(K_LN2), big));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^−|x|) (max propagates NaN; max(−0, 0) = +0). */
@inline export function g_log1pExp(x: v128): v128 {
  return f64x2.add(f64x2.max(x, c2(0.0)), flog1pUnit(fexp(negAbs(x))));
}
