// GELU kernels (AssemblyScript, written by hand: their loops sort by class, see below): `gelu`, the
// exact GELU of src/activations/gelu.ts (`geluExact`, approximate: 'none'), and, at the end of this file,
// `geluTanh`, its tanh approximation (approximate: 'tanh'); each bit for bit in float64. The float32
// kernels, within 1 float32 ulp and far shorter, are in gelu32.ts.
//
// `geluExact` is x·Φ(x) = (x/2)·erfc(−x/√2) through src/math/erf.ts (s_erf.c's erfc, and
// `erfcShifted`, erfc(z + ε) with the rounding error ε of z = −x·(1/√2) put back for x < 0),
// src/math/stable.ts's `productError` (Dekker's TwoProduct) and, below x = −30, the asymptotic
// series `millsSeries` times the Gaussian (`geluTail`). Every operation is done in the same
// order on the same constants, and every exponential is fdlibm's e_exp.c (Math.exp and
// `expNonPositive`) bit for bit: `vexp` from asm/simd.ts, or one of the two shortened forms below,
// which leave out only cases their arguments cannot reach.
//
// Both signs share erfc's argument: a = fl(|x|·(1/√2)) is |z| for x ≥ 0 (z = −x·(1/√2) = −a) and
// z itself for x < 0. Each element belongs to one of nine classes, each with one straight-line
// formula (`classes`):
//  0–3: x ≥ 0 with a < 0.84375 (s_erf.c's smallRatio, in a²), a < 1.25 (midDifference, in a − 1),
//       a < 1/0.35 and a ≤ 6 (tailRatio's two coefficient sets, in 1/a²): erfc(−a) is
//       1 + (a + a·y) (that is 1 − (z + z·y), exactly; below a = 2^−56 it rounds to the 1 − z
//       s_erf.c returns there, as |a + a·y| < 2^−55), (1 + erx) + y, and 2 − r with
//       r = e^(−zₕ² − 0.5625)·e^((zₕ − a)(zₕ + a) + y)/a; the result is (0.5·x)·erfc;
//  4–7: the same four for −30 ≤ x < 0, erfcShifted: s_erf.c's erfc(a) for a positive argument
//       minus ε·(2/√π)·e^(−a²), e^(−a²) evaluated below 1.25 and recovered from the first
//       exponential above; (0.5·x)·that;
//  8:   the rest: x ≥ 0 with a > 6 (+∞ included), (0.5·x)·2 (erfc(−a) = 2 − 10^−300 = 2);
//       −39 ≤ x < −30, geluTail(x); x < −39 (−∞ included), −0; NaN, NaN.
// The loops sort each block of elements by class and run each class's formula on its elements
// only (see there).

import {
  c2,
  sel,
  ld,
  vexp,
  pow2,
  K_ONE,
  K_TWO,
  K_HALF,
  K_INVLN2,
  K_MINUS_HALF,
  K_K0_EDGE,
  K_TINY_EDGE,
  K_SPLIT,
  K_SIX,
  expReduced,
  expQuotient,
} from './simd';

// s_erf.c's coefficients as src/math/erf.ts writes them, constant term first (the denominators'
// constant term, 1, left out), each twice (one per lane).
const SMALL_P = memory.data<f64>([1.28379167095512558561e-1, 1.28379167095512558561e-1, -0.3250421072470015, -0.3250421072470015, -0.02848174957559851, -0.02848174957559851, -0.005770270296489442, -0.005770270296489442, -0.000023763016656650163, -0.000023763016656650163], 16);
const SMALL_Q = memory.data<f64>([0.39791722395915535, 0.39791722395915535, 0.0650222499887673, 0.0650222499887673, 0.005081306281875766, 0.005081306281875766, 0.00013249473800432164, 0.00013249473800432164, -0.000003960228278775368, -0.000003960228278775368], 16);
const MID_P = memory.data<f64>([-2.36211856075265944077e-3, -2.36211856075265944077e-3, 0.41485611868374833, 0.41485611868374833, -0.3722078760357013, -0.3722078760357013, 0.31834661990116175, 0.31834661990116175, -0.11089469428239668, -0.11089469428239668, 0.035478304325618236, 0.035478304325618236, -0.002166375594868791, -0.002166375594868791], 16);
const MID_Q = memory.data<f64>([0.10642088040084423, 0.10642088040084423, 0.540397917702171, 0.540397917702171, 0.07182865441419627, 0.07182865441419627, 0.12617121980876164, 0.12617121980876164, 0.01363708391202905, 0.01363708391202905, 0.011984499846799107, 0.011984499846799107], 16);
const TAIL_A_P = memory.data<f64>([-9.86494403484714822705e-3, -9.86494403484714822705e-3, -0.6938585727071818, -0.6938585727071818, -10.558626225323291, -10.558626225323291, -62.375332450326006, -62.375332450326006, -162.39666946257347, -162.39666946257347, -184.60509290671104, -184.60509290671104, -81.2874355063066, -81.2874355063066, -9.814329344169145, -9.814329344169145], 16);
const TAIL_A_Q = memory.data<f64>([19.651271667439257, 19.651271667439257, 137.65775414351904, 137.65775414351904, 434.56587747522923, 434.56587747522923, 645.3872717332679, 645.3872717332679, 429.00814002756783, 429.00814002756783, 108.63500554177944, 108.63500554177944, 6.570249770319282, 6.570249770319282, -0.0604244152148581, -0.0604244152148581], 16);
const TAIL_B_P = memory.data<f64>([-9.86494292470009928597e-3, -9.86494292470009928597e-3, -0.799283237680523, -0.799283237680523, -17.757954917754752, -17.757954917754752, -160.63638485582192, -160.63638485582192, -637.5664433683896, -637.5664433683896, -1025.0951316110772, -1025.0951316110772, -483.5191916086514, -483.5191916086514], 16);
const TAIL_B_Q = memory.data<f64>([30.33806074348246, 30.33806074348246, 325.7925129965739, 325.7925129965739, 1536.729586084437, 1536.729586084437, 3199.8582195085955, 3199.8582195085955, 2553.0504064331644, 2553.0504064331644, 474.52854120695537, 474.52854120695537, -22.44095244658582, -22.44095244658582], 16);

const SQRT1_2: f64 = 0.7071067811865476;
const SQRT1_2_LO: f64 = -4.833646656726457e-17;
/** Veltkamp's split of SQRT1_2 (by 2^27 + 1): the halves productError forms for it. */
const SQRT1_2_HI_HALF: f64 = 0.7071067839860916;
const SQRT1_2_LO_HALF: f64 = -2.7995440410322203e-9;
const TWO_OVER_SQRT_PI: f64 = 1.1283791670955126;
const INV_SQRT_2PI: f64 = 0.3989422804014327;
const EXP_9_16: f64 = 1.7550546569602985;
/** 1 + erx and 1 − erx (erx = 8.45062911510467529297e−1): the doubles s_erf.c's sums give. */
const ONE_PLUS_ERX: f64 = 1.8450629115104675;
const ONE_MINUS_ERX: f64 = 0.15493708848953247;

const K_SQRT1_2 = memory.data<f64>([SQRT1_2, SQRT1_2], 16);
const K_SQRT1_2_LO = memory.data<f64>([SQRT1_2_LO, SQRT1_2_LO], 16);
const K_SQRT1_2_HH = memory.data<f64>([SQRT1_2_HI_HALF, SQRT1_2_HI_HALF], 16);
const K_SQRT1_2_HL = memory.data<f64>([SQRT1_2_LO_HALF, SQRT1_2_LO_HALF], 16);
const K_TWO_OVER_SQRT_PI = memory.data<f64>([TWO_OVER_SQRT_PI, TWO_OVER_SQRT_PI], 16);
const K_INV_SQRT_2PI = memory.data<f64>([INV_SQRT_2PI, INV_SQRT_2PI], 16);
/** Veltkamp's halves of INV_SQRT_2PI (by 2^27 + 1), as productError forms them. */
const K_INV_SQRT_2PI_HH = memory.data<f64>([0.3989422768354416, 0.3989422768354416], 16);
const K_INV_SQRT_2PI_HL = memory.data<f64>([3.5659911135077493e-9, 3.5659911135077493e-9], 16);
/** INV_SQRT_2PI_LO/INV_SQRT_2PI (src/activations/gelu.ts INV_SQRT_2PI_REL). */
const K_INV_SQRT_2PI_REL = memory.data<f64>([-6.247337834861335e-17, -6.247337834861335e-17], 16);
/** src/activations/gelu.ts TWO_POW_200 and TWO_POW_MINUS_200. */
const K_TWO_POW_200 = memory.data<f64>([1.6069380442589903e60, 1.6069380442589903e60], 16);
const K_TWO_POW_MINUS_200 = memory.data<f64>([6.223015277861142e-61, 6.223015277861142e-61], 16);
const K_EXP_9_16 = memory.data<f64>([EXP_9_16, EXP_9_16], 16);
const K_ONE_PLUS_ERX = memory.data<f64>([ONE_PLUS_ERX, ONE_PLUS_ERX], 16);
const K_ONE_MINUS_ERX = memory.data<f64>([ONE_MINUS_ERX, ONE_MINUS_ERX], 16);
const K_9_16 = memory.data<f64>([0.5625, 0.5625], 16);
const K_SMALL_EDGE = memory.data<f64>([0.84375, 0.84375], 16);
const K_MID_EDGE = memory.data<f64>([1.25, 1.25], 16);
const K_TAIL_SPLIT = memory.data<f64>([2.857142857142857, 2.857142857142857], 16);
const K_QUARTER = memory.data<f64>([0.25, 0.25], 16);
const K_HIGH_WORD = memory.data<u64>([0xffffffff00000000, 0xffffffff00000000], 16);
const K_ASYMPTOTIC_EDGE = memory.data<f64>([-30.0, -30.0], 16);
const K_EXACT_UNDERFLOW = memory.data<f64>([-39.0, -39.0], 16);
const K_HALF_EXP_EDGE = memory.data<f64>([1416.0, 1416.0], 16);
const K_MINUS_QUARTER = memory.data<f64>([-0.25, -0.25], 16);
const K_NEG_ZERO = memory.data<u64>([0x8000000000000000, 0x8000000000000000], 16);
const K_MINUS_FOUR = memory.data<i64>([-4, -4], 16);
const K_MINUS_EIGHT = memory.data<i64>([-8, -8], 16);
/** millsSeries' coefficients, constant term first: 1, −1, 3, …, 2027025 (each twice). */
const MILLS = memory.data<f64>([1.0, 1.0, -1.0, -1.0, 3.0, 3.0, -15.0, -15.0, 105.0, 105.0, -945.0, -945.0, 10395.0, 10395.0, -135135.0, -135135.0, 2027025.0, 2027025.0], 16);

// ---------------------------------------------------------------------------------------------
// per-vector pieces

/** c0 + w·(c1 + w·(c2 + … + w·c(n−1))), the coefficients at t, each twice (2 ≤ n ≤ 8, compile time). */
// @ts-ignore: decorator
@inline function poly(w: v128, t: usize, n: i32): v128 {
  let r = v128.load(t + (<usize>(n - 1) << 4));
  if (n > 7) r = f64x2.add(v128.load(t, 96), f64x2.mul(w, r));
  if (n > 6) r = f64x2.add(v128.load(t, 80), f64x2.mul(w, r));
  if (n > 5) r = f64x2.add(v128.load(t, 64), f64x2.mul(w, r));
  if (n > 4) r = f64x2.add(v128.load(t, 48), f64x2.mul(w, r));
  if (n > 3) r = f64x2.add(v128.load(t, 32), f64x2.mul(w, r));
  if (n > 2) r = f64x2.add(v128.load(t, 16), f64x2.mul(w, r));
  return f64x2.add(v128.load(t), f64x2.mul(w, r));
}

/** P(w)/(1 + w·Q(w)), s_erf.c's rational approximations. */
// @ts-ignore: decorator
@inline function rational(w: v128, p: usize, np: i32, q: usize, nq: i32): v128 {
  return f64x2.div(poly(w, p, np), f64x2.add(ld(K_ONE), f64x2.mul(w, poly(w, q, nq))));
}

/** erfc's argument, a = fl(|x|·(1/√2)). */
// @ts-ignore: decorator
@inline function arg(x: v128): v128 {
  return f64x2.mul(f64x2.abs(x), ld(K_SQRT1_2));
}

/**
 * ε·(2/√π) for x < 0: ε = productError(−x, 1/√2, a) − x·SQRT1_2_LO (−x = |x|), the rounding error
 * of a = fl(−x·(1/√2)) (erfNegScaled).
 */
// @ts-ignore: decorator
@inline function epsilon(x: v128, a: v128): v128 {
  const ax = f64x2.abs(x);
  const t = f64x2.mul(ld(K_SPLIT), ax);
  const ah = f64x2.sub(t, f64x2.sub(t, ax));
  const al = f64x2.sub(ax, ah);
  let pe = f64x2.sub(f64x2.mul(ah, ld(K_SQRT1_2_HH)), a);
  pe = f64x2.add(pe, f64x2.mul(ah, ld(K_SQRT1_2_HL)));
  pe = f64x2.add(pe, f64x2.mul(al, ld(K_SQRT1_2_HH)));
  pe = f64x2.add(pe, f64x2.mul(al, ld(K_SQRT1_2_HL)));
  return f64x2.mul(f64x2.sub(pe, f64x2.mul(x, ld(K_SQRT1_2_LO))), ld(K_TWO_OVER_SQRT_PI));
}

/**
 * e^x as e_exp.c computes it (`vexp`), for −708 < x ≤ 0, where the result is normal: without the
 * overflow, underflow and subnormal cases, and 2^k·y is one exact product. `large` (compile time):
 * |x| ≥ 0x3FD62E43_00000000 (≈ 0.5·ln 2) in every lane, where e_exp.c's k = 0 and 1 + x cases
 * cannot occur (e^(−a²) for 0.84375 ≤ a < 1.25, and erfc's first exponential, x ≤ −2.125).
 */
// @ts-ignore: decorator
@inline function expNormal(x: v128, large: bool): v128 {
  let kf = f64x2.trunc(f64x2.add(f64x2.mul(ld(K_INVLN2), x), ld(K_MINUS_HALF)));
  if (!large) kf = v128.andnot(kf, f64x2.lt(f64x2.abs(x), ld(K_K0_EDGE)));
  const y = f64x2.mul(expReduced(x, kf), pow2(kf));
  return large ? y : sel(f64x2.add(ld(K_ONE), x), y, f64x2.lt(f64x2.abs(x), ld(K_TINY_EDGE)));
}

/**
 * e^x for erfc's second exponential, (zₕ − a)(zₕ + a) + tailRatio(a) ∈ [−0.2146, −0.0109] for
 * 1.25 ≤ a ≤ 28 (measured on 2·10^7 points): inside fdlibm's k = 0 range (|x| < 0.5·ln 2) and
 * above 2^−28 in magnitude, where e_exp.c returns 1 − ((x·c)/(c − 2) − x), which equals the
 * 1 − ((0 − q) − x) below (q = (x·c)/(2 − c) ≠ 0).
 */
// @ts-ignore: decorator
@inline function expSmall(x: v128): v128 {
  return f64x2.sub(ld(K_ONE), f64x2.sub(f64x2.sub(c2(0.0), expQuotient(x)), x));
}

/**
 * GELU for a < 1.25: erfc by smallRatio(a²) (a < 0.84375) or midDifference(a − 1); for x ≥ 0
 * erfc(−a) = 1 + (a + a·y) (which is 1 − (z + z·y) for z = −a, exactly, and rounds to the 1 − z
 * of a < 2^−56) or (1 + erx) + y; for x < 0 erfcShifted(a, ε) = erfc(a) − ε·(2/√π)·e^(−a·a).
 */
// @ts-ignore: decorator
@inline function geluLow(x: v128, mid: bool, neg: bool): v128 {
  const a = arg(x);
  const y = mid
    ? rational(f64x2.sub(a, ld(K_ONE)), MID_P, 7, MID_Q, 6)
    : rational(f64x2.mul(a, a), SMALL_P, 5, SMALL_Q, 5);
  let e: v128;
  if (!neg) {
    e = mid ? f64x2.add(ld(K_ONE_PLUS_ERX), y) : f64x2.add(ld(K_ONE), f64x2.add(a, f64x2.mul(a, y)));
  } else {
    if (mid) {
      e = f64x2.sub(ld(K_ONE_MINUS_ERX), y);
    } else {
      const ay = f64x2.mul(a, y);
      e = sel(
        f64x2.sub(ld(K_ONE), f64x2.add(a, ay)),
        f64x2.sub(ld(K_HALF), f64x2.add(ay, f64x2.sub(a, ld(K_HALF)))),
        f64x2.lt(a, ld(K_QUARTER)),
      );
    }
    e = f64x2.sub(e, f64x2.mul(epsilon(x, a), expNormal(f64x2.neg(f64x2.mul(a, a)), mid)));
  }
  return f64x2.mul(f64x2.mul(ld(K_HALF), x), e);
}

/**
 * GELU for 1.25 ≤ a (x ≥ 0: a ≤ 6; x < 0: x ≥ −30): r = e^(−zₕ² − 0.5625)·e^((zₕ − a)(zₕ + a) +
 * tailRatio(a))/a with tailRatio's first set below a = 1/0.35 and its second above; erfc(−a) =
 * 2 − r, erfcShifted(a, ε) = r − ε·(2/√π)·gauss with gauss = e1·e^(9/16)·(1 + d·(1 + 0.5·d)).
 */
// @ts-ignore: decorator
@inline function geluTail(x: v128, second: bool, neg: bool): v128 {
  const a = arg(x);
  const s = f64x2.div(ld(K_ONE), f64x2.mul(a, a));
  const y = second ? rational(s, TAIL_B_P, 7, TAIL_B_Q, 7) : rational(s, TAIL_A_P, 8, TAIL_A_Q, 8);
  const zh = v128.and(a, ld(K_HIGH_WORD)); // s_erf.c's SET_LOW_WORD(z, 0)
  const d = f64x2.mul(f64x2.sub(zh, a), f64x2.add(zh, a));
  const e1 = expNormal(f64x2.sub(f64x2.neg(f64x2.mul(zh, zh)), ld(K_9_16)), true);
  const r = f64x2.div(f64x2.mul(e1, expSmall(f64x2.add(d, y))), a);
  let e: v128;
  if (!neg) {
    e = f64x2.sub(ld(K_TWO), r);
  } else {
    const gauss = f64x2.mul(
      f64x2.mul(e1, ld(K_EXP_9_16)),
      f64x2.add(ld(K_ONE), f64x2.mul(d, f64x2.add(ld(K_ONE), f64x2.mul(ld(K_HALF), d)))),
    );
    e = f64x2.sub(r, f64x2.mul(epsilon(x, a), gauss));
  }
  return f64x2.mul(f64x2.mul(ld(K_HALF), x), e);
}

/**
 * GELU for every other x: x ≥ 0 with a > 6 (+∞ included), (0.5·x)·2 (erfc(−a) = 2 − 10^−300 = 2);
 * −39 ≤ x < −30, geluTail(x): δ = d + (K's rest/K − (0.5·l)·(1 + d)) with d = millsSeriesRest(x)
 * and l = productError(x, x, h), p = K·e, q = p·δ, then −((p + (productError(K, e, p) + q))·2^−200)
 * with e = e^(−0.5·h)·2^200 where h = x² < 1416, else −((p + q)·e) with e = e^(−0.25·h); below −39
 * (−∞ included), −0; NaN, NaN.
 */
// @ts-ignore: decorator
@inline function geluOther(x: v128): v128 {
  let res = f64x2.mul(f64x2.mul(ld(K_HALF), x), ld(K_TWO));
  const tail = v128.and(f64x2.ge(x, ld(K_EXACT_UNDERFLOW)), f64x2.lt(x, ld(K_ASYMPTOTIC_EDGE)));
  if (v128.any_true(tail)) {
    const h = f64x2.mul(x, x);
    const u = f64x2.div(ld(K_ONE), h);
    const d = f64x2.mul(u, poly(u, MILLS + 16, 8)); // t·(−1 + t·(3 + …))
    const xh = highHalf(x);
    const pe = productError2(xh, f64x2.sub(x, xh), xh, f64x2.sub(x, xh), h); // |x| ≤ 39
    const delta = f64x2.add(d, f64x2.sub(ld(K_INV_SQRT_2PI_REL), f64x2.mul(f64x2.mul(ld(K_HALF), pe), f64x2.add(ld(K_ONE), d))));
    const near = f64x2.lt(h, ld(K_HALF_EXP_EDGE));
    const g = vexp(f64x2.mul(sel(ld(K_MINUS_HALF), ld(K_MINUS_QUARTER), near), h), true);
    const gs = f64x2.mul(g, sel(ld(K_TWO_POW_200), ld(K_ONE), near));
    const p = f64x2.mul(ld(K_INV_SQRT_2PI), gs);
    const q = f64x2.mul(p, delta);
    const gh = highHalf(gs);
    const pl = productError2(ld(K_INV_SQRT_2PI_HH), ld(K_INV_SQRT_2PI_HL), gh, f64x2.sub(gs, gh), p);
    const r = sel(f64x2.mul(f64x2.add(p, f64x2.add(pl, q)), ld(K_TWO_POW_MINUS_200)), f64x2.mul(f64x2.add(p, q), g), near);
    res = sel(f64x2.neg(r), res, tail);
  }
  return sel(ld(K_NEG_ZERO), res, f64x2.lt(x, ld(K_EXACT_UNDERFLOW)));
}

/**
 * Each lane's class, negated: 0 to −3 for x ≥ 0 with a < 0.84375, < 1.25, < 1/0.35 and ≤ 6; −4 to
 * −7 the same for −30 ≤ x < 0; −8 for the rest (x ≥ 0 with a > 6, x < −30, NaN).
 */
// @ts-ignore: decorator
@inline function classes(x: v128): v128 {
  const a = arg(x);
  const neg = f64x2.lt(x, c2(0.0));
  const ok = v128.and(f64x2.ge(x, ld(K_ASYMPTOTIC_EDGE)), v128.or(neg, f64x2.le(a, ld(K_SIX))));
  const k = i64x2.add(
    i64x2.add(f64x2.ge(a, ld(K_SMALL_EDGE)), f64x2.ge(a, ld(K_MID_EDGE))),
    i64x2.add(f64x2.ge(a, ld(K_TAIL_SPLIT)), v128.and(neg, ld(K_MINUS_FOUR))),
  );
  return sel(k, ld(K_MINUS_EIGHT), ok);
}

// ---------------------------------------------------------------------------------------------
// The loops. Each block of BLOCK elements is sorted by class into BUCKETS, records of 16 bytes:
// the element, then the offset of its result from the base the drains store to (the array itself).
// Then each bucket runs through its class's formula, a group of vectors at a time, and stores each
// result to its place. Sorting costs about 2 ns per element (measured), and leaves every vector
// with one formula: evaluating all of them in every lane and selecting (coefficients chosen per
// lane from a table) took 11 ns per element, this 7.5 (uniform inputs in [−8, 8), measured).

const BLOCK: i32 = 512;
const CLASSES: i32 = 9;
/** Bytes per bucket: a record per element of the block, and room to round up to a group of 8. */
const BUCKET_BYTES: usize = (<usize>BLOCK + 8) << 4;
const BUCKETS = memory.data(<i32>BUCKET_BYTES * CLASSES, 16);
/** The end of each bucket's records (u32 addresses), bucket c at ENDS + 32 − 4c. */
const ENDS = memory.data(CLASSES * 4, 16);
/** Where the results of the padding records go. */
const DUMP = memory.data(16, 16);

/** The end of bucket c's records: ENDS + 32 − 4c (classes() gives −c). */
// @ts-ignore: decorator
@inline function endOf(c: usize): usize {
  return ENDS + 32 - (c << 2);
}

/**
 * Files lane `lane` (compile time) of x in the bucket of class −k (k from classes()), with `out`,
 * the offset of its result from the drains' base.
 */
// @ts-ignore: decorator
@inline function file(x: v128, lane: u8, k: i64, out: usize): void {
  const end = ENDS + 32 + (<usize>k << 2);
  const at = load<u32>(end);
  if (lane == 0) v128.store64_lane(at, x, 0);
  else v128.store64_lane(at, x, 1);
  store<u32>(at, out, 8);
  store<u32>(end, at + 16);
}

/** GELU of x, a vector of class c (compile time). */
// @ts-ignore: decorator
@inline function geluOf(c: i32, x: v128): v128 {
  if (c == 0) return geluLow(x, false, false);
  if (c == 1) return geluLow(x, true, false);
  if (c == 2) return geluTail(x, false, false);
  if (c == 3) return geluTail(x, true, false);
  if (c == 4) return geluLow(x, false, true);
  if (c == 5) return geluLow(x, true, true);
  if (c == 6) return geluTail(x, false, true);
  if (c == 7) return geluTail(x, true, true);
  return geluOther(x);
}

/** Stores the two lanes of r at base plus the offsets in the records at `at`. */
// @ts-ignore: decorator
@inline function put(r: v128, at: usize, base: usize): void {
  v128.store64_lane(base + load<u32>(at, 8), r, 0);
  v128.store64_lane(base + load<u32>(at, 24), r, 1);
}

/** The two values in the records at `at`. */
// @ts-ignore: decorator
@inline function take(at: usize): v128 {
  return v128.shuffle<i64>(v128.load(at), v128.load(at, 16), 0, 2);
}

/**
 * Runs bucket c (compile time) over its records, storing the results at `base` plus their offsets:
 * four vectors at a time for x ≥ 0, two for the longer forms of x < 0 and class 8 (measured
 * fastest). The padding records after the last, up to a full group, send theirs to DUMP.
 */
// @ts-ignore: decorator
@inline function drain(c: i32, base: usize): void {
  const start = BUCKETS + <usize>c * BUCKET_BYTES;
  const end = <usize>load<u32>(endOf(<usize>c));
  for (let k: usize = 0; k < 7; k++) store<u32>(end + (k << 4), DUMP - base, 8);
  if (c < 4) {
    for (let at = start; at < end; at += 128) {
      const r0 = geluOf(c, take(at));
      const r1 = geluOf(c, take(at + 32));
      const r2 = geluOf(c, take(at + 64));
      const r3 = geluOf(c, take(at + 96));
      put(r0, at, base);
      put(r1, at + 32, base);
      put(r2, at + 64, base);
      put(r3, at + 96, base);
    }
  } else {
    for (let at = start; at < end; at += 64) {
      const r0 = geluOf(c, take(at));
      const r1 = geluOf(c, take(at + 32));
      put(r0, at, base);
      put(r1, at + 32, base);
    }
  }
}

// Each bucket's drain is a function of its own: the same code inlined into one function made
// Binaryen's -O3 take two minutes over it (and ran no faster, measured).
function drain0(base: usize): void {
  drain(0, base);
}
function drain1(base: usize): void {
  drain(1, base);
}
function drain2(base: usize): void {
  drain(2, base);
}
function drain3(base: usize): void {
  drain(3, base);
}
function drain4(base: usize): void {
  drain(4, base);
}
function drain5(base: usize): void {
  drain(5, base);
}
function drain6(base: usize): void {
  drain(6, base);
}
function drain7(base: usize): void {
  drain(7, base);
}
function drain8(base: usize): void {
  drain(8, base);
}

function drainAll(base: usize): void {
  drain0(base);
  drain1(base);
  drain2(base);
  drain3(base);
  drain4(base);
  drain5(base);
  drain6(base);
  drain7(base);
  drain8(base);
}

// @ts-ignore: decorator
@inline function resetEnds(): void {
  for (let c: usize = 0; c < <usize>CLASSES; c++) store<u32>(endOf(c), BUCKETS + c * BUCKET_BYTES);
}

/** The float64 kernel: lanes past n up to a full vector are sorted and computed like the others. */
function gelu(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += BLOCK) {
    const m = min(BLOCK, n - i);
    resetEnds();
    const p = ptr + (<usize>i << 3);
    for (let j = 0; j < m; j += 2) {
      const o = <usize>j << 3;
      const x = v128.load(p + o);
      const c = classes(x);
      file(x, 0, i64x2.extract_lane(c, 0), o);
      file(x, 1, i64x2.extract_lane(c, 1), o + 8);
    }
    drainAll(p);
  }
}

export function gelu_f64(ptr: usize, n: i32): void {
  gelu(ptr, n);
}

// ---------------------------------------------------------------------------------------------
// GELU's tanh approximation (`geluTanh`, approximate: 'tanh'), bit for bit in float64 (the
// float32 kernel is in gelu32.ts). geluTanh is, with w = −2·√(2/π)·(x + 0.044715·x³):
//  - x ≥ 0 (−0 and +∞ included): x/(1 + e^w), w = ((−2·√(2/π))·x)·(1 + (0.044715·x)·x);
//  - −23 ≤ x < 0: w as a double-double (hi, lo) from `scaledCubic`, then with e = e^(−hi),
//    d = 1 + e, q = (x·e)/d: min(q + q·((−lo) − ((((1 − d) + e) − e·lo)/d)), −0);
//    or above hi = 700, with f = e^(460 − hi) and C = e^(−460)
//    (a double-double, C's rest relative REL; C and the sum 2^200 times larger): a = (−x)·C,
//    al = productError(−x, C, a) + a·(REL − lo), p = a·f, −((p + (productError(a, f, p) + al·f))·2^−200);
//  - below −23 (−∞ included): −0; NaN: NaN.
// Both forms share one exponential and the division q: for x ≥ 0 it divides x instead of x·e, and
// the correction (a second division) runs only for vectors with a lane x < 0. Where w < −40, e^w < 2^−57 and
// 1 + e^w rounds to 1 (the result is x), so the exponential's argument is clamped to −40 there and
// every argument stays in `expNormal`'s range. Two passes over blocks of TANH_BLOCK elements (the
// argument and lo first, stored in TANH_SCRATCH; then the rest), four vectors at a time: the
// double-double chain and the exponential in one pass ran 15% slower (measured).

const GELU_TANH_COEFF: f64 = 0.044715;
const GELU_TANH_COEFF_LO: f64 = 2.1960211427085595e-18;
/** −2·√(2/π) (exact: a power of 2 times SQRT_2_OVER_PI) and −2 times the rest. */
const TANH_SCALE: f64 = -1.5957691216057308;
const TANH_SCALE_LO: f64 = 9.96930880911092e-17;
const K_TANH_COEFF = memory.data<f64>([GELU_TANH_COEFF, GELU_TANH_COEFF], 16);
const K_TANH_COEFF_LO = memory.data<f64>([GELU_TANH_COEFF_LO, GELU_TANH_COEFF_LO], 16);
/** Veltkamp's halves of GELU_TANH_COEFF and TANH_SCALE (by 2^27 + 1), as productError forms them. */
const K_TANH_COEFF_HH = memory.data<f64>([0.044715000316500664, 0.044715000316500664], 16);
const K_TANH_COEFF_HL = memory.data<f64>([-3.1650066595334536e-10, -3.1650066595334536e-10], 16);
const K_TANH_SCALE = memory.data<f64>([TANH_SCALE, TANH_SCALE], 16);
const K_TANH_SCALE_LO = memory.data<f64>([TANH_SCALE_LO, TANH_SCALE_LO], 16);
const K_TANH_SCALE_HH = memory.data<f64>([-1.5957691073417664, -1.5957691073417664], 16);
const K_TANH_SCALE_HL = memory.data<f64>([-1.4263964454030997e-8, -1.4263964454030997e-8], 16);
const K_TANH_UNDERFLOW = memory.data<f64>([-23.0, -23.0], 16);
const K_EXP_SUBNORMAL = memory.data<f64>([700.0, 700.0], 16);
const K_MINUS_FORTY = memory.data<f64>([-40.0, -40.0], 16);
/** geluTanh's FAR_SHIFT, e^(−FAR_SHIFT)·2^200 with Veltkamp's halves, and its relative rest. */
const K_FAR_SHIFT = memory.data<f64>([460.0, 460.0], 16);
const K_EXP_MINUS_FAR = memory.data<f64>([2.6948677509561386e-140, 2.6948677509561386e-140], 16);
const K_EXP_MINUS_FAR_HH = memory.data<f64>([2.6948677250802095e-140, 2.6948677250802095e-140], 16);
const K_EXP_MINUS_FAR_HL = memory.data<f64>([2.587592910882975e-148, 2.587592910882975e-148], 16);
const K_EXP_MINUS_FAR_REL = memory.data<f64>([9.408695353286928e-18, 9.408695353286928e-18], 16);

/** Veltkamp's high half of x (by 2^27 + 1); the low half is x minus it. */
// @ts-ignore: decorator
@inline function highHalf(x: v128): v128 {
  const t = f64x2.mul(ld(K_SPLIT), x);
  return f64x2.sub(t, f64x2.sub(t, x));
}

/**
 * productError(a, b, p) (src/math/stable.ts, Dekker's TwoProduct) from the halves of a and b, for
 * the |a|, |b|, |p| < 1e290 of |x| ≤ 23: ah·bh − p + ah·bl + al·bh + al·bl, in that order.
 */
// @ts-ignore: decorator
@inline function productError2(ah: v128, al: v128, bh: v128, bl: v128, p: v128): v128 {
  let e = f64x2.sub(f64x2.mul(ah, bh), p);
  e = f64x2.add(e, f64x2.mul(ah, bl));
  e = f64x2.add(e, f64x2.mul(al, bh));
  return f64x2.add(e, f64x2.mul(al, bl));
}

/**
 * Pass 1: the exponential's argument (stored at o; negated, so positive, where x < 0 takes the
 * form above hi = 700) and lo (at o + 16; 0 for x ≥ 0). scaledCubic(x, 0.044715, its rest, −2·√(2/π), its rest):
 * h = x², l its error; p = k·h, pl = productError(k, h, p) + k·l + kLo·h; a = 1 + p with its
 * error al (two-sum); m = x·a, ml = productError(x, a, m) + x·al; w = s·m, wl =
 * productError(s, m, w) + s·ml + sLo·m; hi = w + wl, lo = wl − (hi − w).
 */
// @ts-ignore: decorator
@inline function tanhArgument(x: v128, o: usize): void {
  const pos = f64x2.ge(x, c2(0.0));
  const wPos = f64x2.mul(
    f64x2.mul(ld(K_TANH_SCALE), x),
    f64x2.add(ld(K_ONE), f64x2.mul(f64x2.mul(ld(K_TANH_COEFF), x), x)),
  );
  const xh = highHalf(x);
  const xl = f64x2.sub(x, xh);
  const h = f64x2.mul(x, x);
  const l = productError2(xh, xl, xh, xl, h);
  const p = f64x2.mul(ld(K_TANH_COEFF), h);
  const hh = highHalf(h);
  let pl = productError2(ld(K_TANH_COEFF_HH), ld(K_TANH_COEFF_HL), hh, f64x2.sub(h, hh), p);
  pl = f64x2.add(f64x2.add(pl, f64x2.mul(ld(K_TANH_COEFF), l)), f64x2.mul(ld(K_TANH_COEFF_LO), h));
  const a = f64x2.add(ld(K_ONE), p);
  const av = f64x2.sub(a, ld(K_ONE));
  const al = f64x2.add(f64x2.add(f64x2.sub(ld(K_ONE), f64x2.sub(a, av)), f64x2.sub(p, av)), pl);
  const m = f64x2.mul(x, a);
  const ah = highHalf(a);
  const ml = f64x2.add(productError2(xh, xl, ah, f64x2.sub(a, ah), m), f64x2.mul(x, al));
  const w = f64x2.mul(ld(K_TANH_SCALE), m);
  const mh = highHalf(m);
  let wl = productError2(ld(K_TANH_SCALE_HH), ld(K_TANH_SCALE_HL), mh, f64x2.sub(m, mh), w);
  wl = f64x2.add(f64x2.add(wl, f64x2.mul(ld(K_TANH_SCALE), ml)), f64x2.mul(ld(K_TANH_SCALE_LO), m));
  const hi = f64x2.add(w, wl);
  const lo = f64x2.sub(wl, f64x2.sub(hi, w));
  const far = v128.andnot(f64x2.gt(hi, ld(K_EXP_SUBNORMAL)), pos);
  const arg = sel(f64x2.max(wPos, ld(K_MINUS_FORTY)), sel(f64x2.sub(hi, ld(K_FAR_SHIFT)), f64x2.neg(hi), far), pos);
  v128.store(o, arg);
  v128.store(o, v128.andnot(lo, pos), 16);
}

/** Pass 2: geluTanh(x) from pass 1's values at o. */
// @ts-ignore: decorator
@inline function tanhFinish(x: v128, o: usize): v128 {
  const pos = f64x2.ge(x, c2(0.0));
  const arg = v128.load(o);
  const lo = v128.load(o, 16);
  const far = f64x2.gt(arg, c2(0.0));
  const e = expNormal(f64x2.neg(f64x2.abs(arg)), false);
  const n = f64x2.mul(x, e);
  const d = f64x2.add(ld(K_ONE), e);
  const q = f64x2.div(sel(x, n, pos), d);
  let res = q;
  // Each form only where a lane needs it: x ≥ −23 (NaN aside), and then x < 0 below or above hi = 700.
  const live = f64x2.ge(x, ld(K_TANH_UNDERFLOW));
  if (v128.any_true(v128.andnot(v128.andnot(live, pos), far))) {
    // The correction of x < 0; lanes x ≥ 0 keep q.
    const dr = f64x2.sub(f64x2.add(f64x2.sub(ld(K_ONE), d), e), f64x2.mul(e, lo));
    const c = f64x2.sub(f64x2.neg(lo), f64x2.div(dr, d));
    res = sel(q, f64x2.min(f64x2.add(q, f64x2.mul(q, c)), ld(K_NEG_ZERO)), pos); // −0 where q underflows
  }
  if (v128.any_true(v128.and(far, live))) {
    const nx = f64x2.neg(x);
    const a = f64x2.mul(nx, ld(K_EXP_MINUS_FAR));
    const nxh = highHalf(nx);
    const pa = productError2(nxh, f64x2.sub(nx, nxh), ld(K_EXP_MINUS_FAR_HH), ld(K_EXP_MINUS_FAR_HL), a);
    const al = f64x2.add(pa, f64x2.mul(a, f64x2.sub(ld(K_EXP_MINUS_FAR_REL), lo)));
    const p = f64x2.mul(a, e);
    const ah = highHalf(a);
    const eh = highHalf(e);
    const pf = productError2(ah, f64x2.sub(a, ah), eh, f64x2.sub(e, eh), p);
    res = sel(f64x2.neg(f64x2.mul(f64x2.add(p, f64x2.add(pf, f64x2.mul(al, e))), ld(K_TWO_POW_MINUS_200))), res, far);
  }
  return sel(res, sel(x, ld(K_NEG_ZERO), f64x2.ne(x, x)), live);
}

const TANH_BLOCK: i32 = 512;
/** 32 bytes per pair of elements; the exact kernel's buckets, unused while this runs. */
const TANH_SCRATCH = BUCKETS;

export function geluTanh_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += TANH_BLOCK) {
    const p = ptr + (<usize>i << 3);
    const m = min(TANH_BLOCK, n - i);
    for (let j = 0; j < m; j += 8) {
      const q = p + (<usize>j << 3);
      const o = TANH_SCRATCH + (<usize>j << 4);
      tanhArgument(v128.load(q), o);
      tanhArgument(v128.load(q, 16), o + 32);
      tanhArgument(v128.load(q, 32), o + 64);
      tanhArgument(v128.load(q, 48), o + 96);
    }
    for (let j = 0; j < m; j += 8) {
      const q = p + (<usize>j << 3);
      const o = TANH_SCRATCH + (<usize>j << 4);
      const r0 = tanhFinish(v128.load(q), o);
      const r1 = tanhFinish(v128.load(q, 16), o + 32);
      const r2 = tanhFinish(v128.load(q, 32), o + 64);
      const r3 = tanhFinish(v128.load(q, 48), o + 96);
      v128.store(q, r0);
      v128.store(q, r1, 16);
      v128.store(q, r2, 32);
      v128.store(q, r3, 48);
    }
  }
}
