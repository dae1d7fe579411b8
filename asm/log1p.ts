// Math.log1p transcribed (exported as `log1p`, and `log1pUnit` for its [0, 1] variant, for the tests
// of the transcription); `vlog1p` is shared by logSigmoid and softplus, its coefficients by fast32.ts.

import { K_HALF, K_INF, K_LN2HI, K_LN2LO, K_MINUS_ONE, K_NEG_INF, K_ONE, K_TWO, c2, ld, sel } from './simd';

// log1p: fdlibm's s_log1p.c (V8's Math.log1p, v8/src/base/ieee754.cc), two lanes at once. The
// high-word tests become comparisons of doubles whose low word is zero; both reductions (k = 0 with
// f = x, and k ≠ 0 with u = 1 + x, its correction c and u normalised by its exponent) and all of
// fdlibm's returns are computed and the taken one selected:
//  - NaN: NaN; x = −1: −∞; x < −1: NaN; +∞: +∞; |x| < 2^−54: x; |x| < 2^−29: x − x·x·0.5;
//  - k = 0 where −0x3FD2BEC5_00000000 < x < 0x3FDA827A_00000000 (√2/2 − 1 ≲ x ≲ √2 − 1);
//  - else u = 1 + x (x itself from 2^53 on, c = 0); k and hu from u's bits; the two
//    normalisations (hu < 0x6A09E: u·2^−k; else u·2^−k/2, k + 1); fdlibm's hu == 0 returns
//    (|f| < 2^−20, f = 0 among them) and its general ones, each for k = 0 and k ≠ 0.
// `unit` (compile time) keeps only what 0 ≤ x ≤ 1 or NaN can reach.

export const LP1: f64 = 6.666666666666735130e-1;
export const LP2: f64 = 3.999999999940941908e-1;
export const LP3: f64 = 2.857142874366239149e-1;
export const LP4: f64 = 2.222219843214978396e-1;
export const LP5: f64 = 1.818357216161805012e-1;
export const LP6: f64 = 1.531383769920937332e-1;
export const LP7: f64 = 1.479819860511658591e-1;
export const K_LP1 = memory.data<f64>([LP1, LP1], 16);
export const K_LP2 = memory.data<f64>([LP2, LP2], 16);
export const K_LP3 = memory.data<f64>([LP3, LP3], 16);
export const K_LP4 = memory.data<f64>([LP4, LP4], 16);
export const K_LP5 = memory.data<f64>([LP5, LP5], 16);
export const K_LP6 = memory.data<f64>([LP6, LP6], 16);
export const K_LP7 = memory.data<f64>([LP7, LP7], 16);

/** fdlibm's R(z) = z·(Lp1 + z·(Lp2 + … + z·Lp7)), z = s², Horner's scheme: log1p's and flog1pUnit's. */
@inline export function log1pR(s: v128): v128 {
  const z = f64x2.mul(s, s);
  let R = f64x2.add(ld(K_LP6), f64x2.mul(z, ld(K_LP7)));
  R = f64x2.add(ld(K_LP5), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP4), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP3), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP2), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP1), f64x2.mul(z, R));
  return f64x2.mul(z, R);
}
export const K_TWO_THIRDS = memory.data<f64>([0.66666666666666666, 0.66666666666666666], 16);
export const K_POW52 = memory.data<f64>([4503599627370496.0, 4503599627370496.0], 16);
export const K_1023 = memory.data<f64>([1023.0, 1023.0], 16);
export const K_MANT = memory.data<u64>([0x000fffffffffffff, 0x000fffffffffffff], 16);
export const K_ONE_BITS = memory.data<u64>([0x3ff0000000000000, 0x3ff0000000000000], 16);
export const K_L1P_K0_HI = memory.data<u64>([0x3fda827a00000000, 0x3fda827a00000000], 16);
export const K_L1P_K0_LO = memory.data<u64>([0xbfd2bec500000000, 0xbfd2bec500000000], 16);
export const K_L1P_TINY = memory.data<u64>([0x3e20000000000000, 0x3e20000000000000], 16);
export const K_L1P_TINIER = memory.data<u64>([0x3c90000000000000, 0x3c90000000000000], 16);
export const K_L1P_BIG = memory.data<u64>([0x4340000000000000, 0x4340000000000000], 16);
export const K_L1P_SQRT2 = memory.data<u64>([0x3ff6a09e00000000, 0x3ff6a09e00000000], 16);
export const K_L1P_HU0_LO = memory.data<u64>([0x3ff0000100000000, 0x3ff0000100000000], 16);
export const K_L1P_HU0_HI = memory.data<u64>([0x3ffffffd00000000, 0x3ffffffd00000000], 16);

@inline export function vlog1p(x: v128, unit: bool = false): v128 {
  // k ≠ 0: u = 1 + x (x from 2^53 on), k from u's exponent, c the rounding of 1 + x over u.
  let u = f64x2.add(ld(K_ONE), x);
  let big = i64x2.splat(0);
  if (!unit) {
    big = f64x2.ge(x, ld(K_L1P_BIG));
    u = sel(x, u, big);
  }
  const e = f64x2.sub(v128.or(i64x2.shr_u(u, 52), ld(K_POW52)), ld(K_POW52));
  const k0 = f64x2.sub(e, ld(K_1023));
  let c = sel(
    f64x2.sub(ld(K_ONE), f64x2.sub(u, x)),
    f64x2.sub(x, f64x2.sub(u, ld(K_ONE))),
    f64x2.gt(k0, c2(0.0)),
  );
  c = f64x2.div(c, u);
  if (!unit) c = v128.andnot(c, big);
  const un = v128.or(v128.and(u, ld(K_MANT)), ld(K_ONE_BITS));
  const low = f64x2.lt(un, ld(K_L1P_SQRT2));
  const fB = f64x2.sub(sel(un, f64x2.mul(un, ld(K_HALF)), low), ld(K_ONE));
  const kB = sel(k0, f64x2.add(k0, ld(K_ONE)), low);
  const huZeroB = sel(f64x2.lt(un, ld(K_L1P_HU0_LO)), f64x2.ge(un, ld(K_L1P_HU0_HI)), low);
  // k = 0: f = x, hu = 1.
  const inA = v128.and(f64x2.lt(x, ld(K_L1P_K0_HI)), f64x2.gt(x, ld(K_L1P_K0_LO)));
  const f = sel(x, fB, inA);
  const kf = v128.andnot(kB, inA);
  const huZero = v128.andnot(huZeroB, inA);
  const kZero = f64x2.eq(kf, c2(0.0));
  const hfsq = f64x2.mul(f64x2.mul(ld(K_HALF), f), f);
  const kh = f64x2.mul(kf, ld(K_LN2HI));
  const kl = f64x2.mul(kf, ld(K_LN2LO));
  // hu == 0 (|f| < 2^−20)
  const R1 = f64x2.mul(hfsq, f64x2.sub(ld(K_ONE), f64x2.mul(ld(K_TWO_THIRDS), f)));
  let rz = sel(
    f64x2.sub(f, R1),
    f64x2.sub(kh, f64x2.sub(f64x2.sub(R1, f64x2.add(kl, c)), f)),
    kZero,
  );
  rz = sel(v128.andnot(f64x2.add(kh, f64x2.add(c, kl)), kZero), rz, f64x2.eq(f, c2(0.0)));
  // general
  const s = f64x2.div(f, f64x2.add(ld(K_TWO), f));
  const R = log1pR(s);
  const sR = f64x2.mul(s, f64x2.add(hfsq, R));
  const rg = sel(
    f64x2.sub(f, f64x2.sub(hfsq, sR)),
    f64x2.sub(kh, f64x2.sub(f64x2.sub(hfsq, f64x2.add(sR, f64x2.add(kl, c))), f)),
    kZero,
  );
  let res = sel(rz, rg, huZero);
  const ax = f64x2.abs(x);
  res = sel(f64x2.sub(x, f64x2.mul(f64x2.mul(x, x), ld(K_HALF))), res, f64x2.lt(ax, ld(K_L1P_TINY)));
  res = sel(x, res, f64x2.lt(ax, ld(K_L1P_TINIER)));
  if (!unit) {
    res = sel(ld(K_INF), res, f64x2.eq(x, ld(K_INF)));
    res = sel(ld(K_NEG_INF), res, f64x2.eq(x, ld(K_MINUS_ONE)));
    res = sel(c2(NaN), res, f64x2.lt(x, ld(K_MINUS_ONE)));
  }
  return sel(f64x2.add(x, x), res, f64x2.ne(x, x));
}

// @loop log1p_f64() f64*1 => vlog1p(x)
// log1p restricted to [0, 1] (the `unit` variant), for the tests.
// @loop log1pUnit_f64() f64*1 => vlog1p(x, true)
