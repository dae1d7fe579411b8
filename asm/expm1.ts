// Math.expm1 transcribed (exported as `expm1` for the tests of the transcription); `vexpm1` is
// shared by elu, selu, celu and tanh.

import { K_HALF, K_INF, K_INVLN2, K_K0_EDGE, K_LN2HI, K_LN2LO, K_MINUS_HALF, K_MINUS_ONE, K_ONE, K_O_THRESHOLD, K_SIGN, K_SIX, K_THREE, K_TWO, c2, ld, pow2, sel } from './simd';

// expm1: fdlibm's s_expm1.c (V8's Math.expm1, v8/src/base/ieee754.cc), two lanes at once. Every
// lane runs the argument reduction and the common rational approximation, then each of fdlibm's
// return statements is computed and the one its branch would take is selected:
//  - NaN: x + x; x > o_threshold (+∞ included): +∞; x ≤ −56 ln2 (high word ≥ 0x4043687A, −∞
//    included): −1 (tiny − one rounds to −1); |x| < 2^−54: x;
//  - |x| < 0x3FD62E43_00000000: k = 0 (forced here, then hi = x, lo = 0, c = 0, as fdlibm);
//  - 0.5 ln2 < |x| < 1.5 ln2: fdlibm's k = ±1, hi = x ∓ ln2_hi, lo = ±ln2_lo are what the common
//    reduction computes there (invln2·x ± 0.5 truncates to ±1 with a wide margin);
//  - the returns for k = 0, k = −1, k = 1 (two forms on x < −0.25), k ≤ −2 or k > 56, 2 ≤ k < 20
//    (t = 1 − 2^−k, exact) and 20 ≤ k ≤ 56 (t = 2^−k);
//  - y·2^k: fdlibm multiplies by 2^k (exact or overflowing) or, for k = 1024, by 2 then 2^1023
//    (one rounding); here by 2^(k>>1) (exact) then 2^(k−(k>>1)) (one rounding): the same value.
// `nonPositive` (a compile-time flag) keeps only what x ≤ 0 or NaN can reach (k ≤ 0).

export const Q1: f64 = -3.33333333333331316428e-2;
export const Q2: f64 = 1.58730158725481460165e-3;
export const Q3: f64 = -7.93650757867487942473e-5;
export const Q4: f64 = 4.00821782732936239552e-6;
export const Q5: f64 = -2.01099218183624371326e-7;
export const K_Q1 = memory.data<f64>([Q1, Q1], 16);
export const K_Q2 = memory.data<f64>([Q2, Q2], 16);
export const K_Q3 = memory.data<f64>([Q3, Q3], 16);
export const K_Q4 = memory.data<f64>([Q4, Q4], 16);
export const K_Q5 = memory.data<f64>([Q5, Q5], 16);
// 0x4043687A_00000000 (56 ln2 by fdlibm's high-word test) and 2^−54.
export const K_EXPM1_HUGE = memory.data<u64>([0x4043687a00000000, 0x4043687a00000000], 16);
export const K_EXPM1_TINY = memory.data<u64>([0x3c90000000000000, 0x3c90000000000000], 16);

@inline export function vexpm1(x: v128, nonPositive: bool = false, tanhArgs: bool = false): v128 {
  const ax = f64x2.abs(x);
  // ±0.5 by the sign of x; −0.5 for the x ≤ 0 of nonPositive (+0 gives k = 0 either way).
  const half = nonPositive ? ld(K_MINUS_HALF) : v128.or(v128.and(x, ld(K_SIGN)), ld(K_HALF));
  let kf = f64x2.trunc(f64x2.add(f64x2.mul(ld(K_INVLN2), x), half));
  kf = v128.andnot(kf, f64x2.lt(ax, ld(K_K0_EDGE)));
  const hi = f64x2.sub(x, f64x2.mul(kf, ld(K_LN2HI)));
  const lo = f64x2.mul(kf, ld(K_LN2LO));
  const xr = f64x2.sub(hi, lo);
  const c = f64x2.sub(f64x2.sub(hi, xr), lo);
  const hfx = f64x2.mul(ld(K_HALF), xr);
  const hxs = f64x2.mul(xr, hfx);
  let r1 = f64x2.add(ld(K_Q4), f64x2.mul(hxs, ld(K_Q5)));
  r1 = f64x2.add(ld(K_Q3), f64x2.mul(hxs, r1));
  r1 = f64x2.add(ld(K_Q2), f64x2.mul(hxs, r1));
  r1 = f64x2.add(ld(K_Q1), f64x2.mul(hxs, r1));
  r1 = f64x2.add(ld(K_ONE), f64x2.mul(hxs, r1));
  const t = f64x2.sub(ld(K_THREE), f64x2.mul(r1, hfx));
  const e = f64x2.mul(hxs, f64x2.div(f64x2.sub(r1, t), f64x2.sub(ld(K_SIX), f64x2.mul(xr, t))));
  // k = 0
  const r0 = f64x2.sub(xr, f64x2.sub(f64x2.mul(xr, e), hxs));
  // k ≠ 0
  const e2 = f64x2.sub(f64x2.sub(f64x2.mul(xr, f64x2.sub(e, c)), c), hxs);
  const rm1 = f64x2.sub(f64x2.mul(ld(K_HALF), f64x2.sub(xr, e2)), ld(K_HALF));
  const yA = f64x2.sub(ld(K_ONE), f64x2.sub(e2, xr));
  let res: v128;
  if (nonPositive) {
    // k ≥ −56 wherever this value is selected: 2^k is normal and the product exact.
    res = f64x2.sub(f64x2.mul(yA, pow2(kf)), ld(K_ONE));
  } else {
    const twopk = pow2(kf);
    if (tanhArgs) {
      // k ≤ 64: 2^k is normal and the product exact, as fdlibm's.
      res = f64x2.sub(f64x2.mul(yA, twopk), ld(K_ONE));
    } else {
      const k1 = f64x2.floor(f64x2.mul(kf, ld(K_HALF)));
      const k2 = f64x2.sub(kf, k1);
      res = f64x2.sub(f64x2.mul(f64x2.mul(yA, pow2(k1)), pow2(k2)), ld(K_ONE));
    }
    const twomk = pow2(f64x2.neg(kf));
    const rB = f64x2.mul(f64x2.sub(f64x2.sub(ld(K_ONE), twomk), f64x2.sub(e2, xr)), twopk);
    const rC = f64x2.mul(f64x2.add(f64x2.sub(xr, f64x2.add(e2, twomk)), ld(K_ONE)), twopk);
    const kB = v128.and(f64x2.ge(kf, ld(K_TWO)), f64x2.lt(kf, c2(20.0)));
    const kC = v128.and(f64x2.ge(kf, c2(20.0)), f64x2.le(kf, c2(56.0)));
    res = sel(rB, res, kB);
    res = sel(rC, res, kC);
    const rp1 = sel(
      f64x2.mul(c2(-2.0), f64x2.sub(e2, f64x2.add(xr, ld(K_HALF)))),
      f64x2.add(ld(K_ONE), f64x2.mul(ld(K_TWO), f64x2.sub(xr, e2))),
      f64x2.lt(xr, c2(-0.25)),
    );
    res = sel(rp1, res, f64x2.eq(kf, ld(K_ONE)));
  }
  res = sel(rm1, res, f64x2.eq(kf, ld(K_MINUS_ONE)));
  res = sel(r0, res, f64x2.eq(kf, c2(0.0)));
  // tanh passes only −2 ≤ x ≤ −2^−27 or 2^−27 ≤ x < 44 in the lanes it keeps: none of the rest applies.
  if (tanhArgs) return res;
  res = sel(x, res, f64x2.lt(ax, ld(K_EXPM1_TINY)));
  res = sel(ld(K_MINUS_ONE), res, f64x2.le(x, f64x2.neg(ld(K_EXPM1_HUGE))));
  // NaN: every value above is NaN already; the nonPositive callers only need a NaN, not x + x.
  if (nonPositive) return res;
  res = sel(ld(K_INF), res, f64x2.gt(x, ld(K_O_THRESHOLD)));
  return sel(f64x2.add(x, x), res, f64x2.ne(x, x));
}

// @loop expm1_f64() f64*1 => vexpm1(x)
