// Shared SIMD helpers for the kernels (AssemblyScript): lane helpers, constants in memory, the
// vectorised e^x (fdlibm's e_exp.c, V8's Math.exp, bit for bit) and Dekker's product error.
// Imported by the kernels in the other files of asm/ (see asm/README.md).
// ---------------------------------------------------------------------------------------------
// helpers

@inline export function c2(x: f64): v128 {
  return f64x2.splat(x);
}

/** m ? a : b, lane by lane (m is an all-ones or all-zeros mask per lane). */
@inline export function sel(a: v128, b: v128, m: v128): v128 {
  return v128.bitselect(a, b, m);
}

@inline export function lo32(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

@inline export function hi32(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
}

/** Rounds two f64x2 vectors to float32 (round to nearest even, as Float32Array stores do) and joins them. */
@inline export function pack32(a: v128, b: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(a), f32x4.demote_f64x2_zero(b), 0, 1, 4, 5);
}


// ---------------------------------------------------------------------------------------------
// exp: fdlibm's e_exp.c (V8's Math.exp), two lanes at once. Every branch of the scalar code gives
// the same value as the common path below except the ones handled by the selects at the end:
//  - |x| < 0x3FD62E43_00000000 (high word ≤ 0x3FD62E42): fdlibm takes k = 0; forced here, then
//    hi = x, lo = 0 and the common formula equals fdlibm's k = 0 formula exactly;
//  - 0.5 ln2 < |x| < 1.5 ln2: fdlibm's k = ±1, hi = x ∓ ln2HI, lo = ±ln2LO are what the common path
//    computes there (invln2·x ± 0.5 truncates to ±1 with a margin far above rounding);
//  - |x| < 2^−28: 1 + x; x = 1: E; overflow, underflow, ±∞ and NaN: as fdlibm.
//  - scaling by 2^k: fdlibm multiplies once (k ≥ −1021, exact) or twice with one rounding
//    (2^(k+1000) exact, then 2^−1000); here 2^(k>>1) (exact) then 2^(k−(k>>1)) (one rounding):
//    the same correctly rounded y·2^k in every case, 1024 included.

export const LN2HI: f64 = 6.93147180369123816490e-1;
export const LN2LO: f64 = 1.90821492927058770002e-10;
export const INVLN2: f64 = 1.44269504088896338700e0;
export const P1: f64 = 1.66666666666666019037e-1;
export const P2: f64 = -2.77777777770155933842e-3;
export const P3: f64 = 6.61375632143793436117e-5;
export const P4: f64 = -1.65339022054652515390e-6;
export const P5: f64 = 4.13813679705723846039e-8;
export const O_THRESHOLD: f64 = 7.09782712893383973096e2;
export const U_THRESHOLD: f64 = -7.45133219101941108420e2;
export const E: f64 = 2.718281828459045;
// 0x3FD62E43_00000000 and 2^−28 (fdlibm's high-word tests).
export const K0_EDGE: f64 = 0.3465735912322998046875;
export const TINY_EDGE: f64 = 3.725290298461914e-9;

// Constants used in the hot loops live in memory: V8 rebuilds a v128.const from immediates at every
// use (three instructions), while a load from a static address is one.
export const K_INVLN2 = memory.data<f64>([INVLN2, INVLN2], 16);
export const K_HALF = memory.data<f64>([0.5, 0.5], 16);
export const K_MINUS_HALF = memory.data<f64>([-0.5, -0.5], 16);
export const K_K0_EDGE = memory.data<f64>([K0_EDGE, K0_EDGE], 16);
export const K_LN2HI = memory.data<f64>([LN2HI, LN2HI], 16);
export const K_LN2LO = memory.data<f64>([LN2LO, LN2LO], 16);
export const K_P1 = memory.data<f64>([P1, P1], 16);
export const K_P2 = memory.data<f64>([P2, P2], 16);
export const K_P3 = memory.data<f64>([P3, P3], 16);
export const K_P4 = memory.data<f64>([P4, P4], 16);
export const K_P5 = memory.data<f64>([P5, P5], 16);
export const K_ONE = memory.data<f64>([1.0, 1.0], 16);
export const K_TWO = memory.data<f64>([2.0, 2.0], 16);
export const K_SIX = memory.data<f64>([6.0, 6.0], 16);
export const K_TINY_EDGE = memory.data<f64>([TINY_EDGE, TINY_EDGE], 16);
export const K_E = memory.data<f64>([E, E], 16);
export const K_INF = memory.data<f64>([Infinity, Infinity], 16);
export const K_NEG_INF = memory.data<f64>([-Infinity, -Infinity], 16);
export const K_O_THRESHOLD = memory.data<f64>([O_THRESHOLD, O_THRESHOLD], 16);
export const K_U_THRESHOLD = memory.data<f64>([U_THRESHOLD, U_THRESHOLD], 16);
// 2^52 + 2^51: adding it to an integer-valued |k| < 2^51 puts k in the low bits of the result.
export const K_MAGIC = memory.data<f64>([6755399441055744.0, 6755399441055744.0], 16);
export const K_SIGN = memory.data<u64>([0x8000000000000000, 0x8000000000000000], 16);
export const K_BIAS = memory.data<u64>([1023, 1023], 16);
// Dekker's splitter 2^27 + 1 (exact products of the halves).
export const SPLIT: f64 = 134217729.0;
export const K_SPLIT = memory.data<f64>([SPLIT, SPLIT], 16);

@inline export function ld(p: usize): v128 {
  return v128.load(p);
}

/** 2^k for integer-valued k in [−1022, 1023] (k from kf + 2^52 + 2^51: the bits above 12 shift out). */
@inline export function pow2(kf: v128): v128 {
  return i64x2.shl(i64x2.add(f64x2.add(kf, ld(K_MAGIC)), ld(K_BIAS)), 52);
}

/** e_exp.c's (r·c)/(2 − c), c = r − r²·P(r²): e^r = 1 − ((lo − that) − hi) for r = hi − lo. */
@inline export function expQuotient(r: v128): v128 {
  const t = f64x2.mul(r, r);
  let p = f64x2.add(ld(K_P4), f64x2.mul(t, ld(K_P5)));
  p = f64x2.add(ld(K_P3), f64x2.mul(t, p));
  p = f64x2.add(ld(K_P2), f64x2.mul(t, p));
  p = f64x2.add(ld(K_P1), f64x2.mul(t, p));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  return f64x2.div(f64x2.mul(r, c), f64x2.sub(ld(K_TWO), c));
}

/**
 * e_exp.c's y = e^r for r = x − k·ln2 (Cody–Waite, hi − lo) with k = kf given, before the scaling by
 * 2^k. Shared by `vexp` and the shortened forms in asm/gelu.ts.
 */
@inline export function expReduced(x: v128, kf: v128): v128 {
  const hi = f64x2.sub(x, f64x2.mul(kf, ld(K_LN2HI)));
  const lo = f64x2.mul(kf, ld(K_LN2LO));
  return f64x2.sub(ld(K_ONE), f64x2.sub(f64x2.sub(lo, expQuotient(f64x2.sub(hi, lo))), hi));
}

/**
 * e^x as fdlibm computes it; `nonPositive` drops the overflow and x = 1 cases when the caller only
 * passes x ≤ 0 or NaN (a compile-time flag).
 */
@inline export function vexp(x: v128, nonPositive: bool = false): v128 {
  const ax = f64x2.abs(x);
  // fdlibm's ±0.5 by the sign of x; −0.5 for the x ≤ 0 of nonPositive (+0 gives k = 0 either way).
  const half = nonPositive ? ld(K_MINUS_HALF) : v128.or(v128.and(x, ld(K_SIGN)), ld(K_HALF));
  let kf = f64x2.trunc(f64x2.add(f64x2.mul(ld(K_INVLN2), x), half));
  kf = v128.andnot(kf, f64x2.lt(ax, ld(K_K0_EDGE)));
  const y = expReduced(x, kf);
  // k = k1 + k2 with k1 = floor(k/2): both factors are normal for every k in [−1075, 1024].
  const k1 = f64x2.floor(f64x2.mul(kf, ld(K_HALF)));
  const k2 = f64x2.sub(kf, k1);
  let res = f64x2.mul(f64x2.mul(y, pow2(k1)), pow2(k2));
  res = sel(f64x2.add(ld(K_ONE), x), res, f64x2.lt(ax, ld(K_TINY_EDGE)));
  if (!nonPositive) {
    res = sel(ld(K_E), res, f64x2.eq(x, ld(K_ONE)));
    res = sel(ld(K_INF), res, f64x2.gt(x, ld(K_O_THRESHOLD)));
  }
  res = sel(c2(0.0), res, f64x2.lt(x, ld(K_U_THRESHOLD)));
  // NaN: every step above is NaN already (2^k of a NaN k is some finite power, times y = NaN), so
  // the nonPositive callers, which only need a NaN, skip fdlibm's x + x.
  return nonPositive ? res : sel(f64x2.add(x, x), res, f64x2.ne(x, x));
}

/** −|x|, exactly. */
@inline export function negAbs(x: v128): v128 {
  return v128.or(x, ld(K_SIGN));
}

// ---------------------------------------------------------------------------------------------
// shared by several kernels

export const K_THREE = memory.data<f64>([3.0, 3.0], 16);
export const K_MINUS_THREE = memory.data<f64>([-3.0, -3.0], 16);
export const K_MINUS_ZERO = memory.data<f64>([-0.0, -0.0], 16);
export const K_MINUS_ONE = memory.data<f64>([-1.0, -1.0], 16);

/** Where the scalar forms (math/stable.ts) switch from e^x to (e^(x/2))², before e^x nears the subnormal range. */
export const EXP_SUBNORMAL_EDGE: f64 = -700.0;

export const K_1E290 = memory.data<f64>([1e290, 1e290], 16);

/** math/stable.ts productError(a, b, p): Dekker's TwoProduct error, 0 where |a|, |b| or |p| ≥ 1e290 or NaN. */
@inline export function productError(a: v128, b: v128, p: v128): v128 {
  const big = ld(K_1E290);
  const ok = v128.and(
    v128.and(f64x2.lt(f64x2.abs(p), big), f64x2.lt(f64x2.abs(a), big)),
    f64x2.lt(f64x2.abs(b), big),
  );
  let t = f64x2.mul(ld(K_SPLIT), a);
  const ah = f64x2.sub(t, f64x2.sub(t, a));
  const al = f64x2.sub(a, ah);
  t = f64x2.mul(ld(K_SPLIT), b);
  const bh = f64x2.sub(t, f64x2.sub(t, b));
  const bl = f64x2.sub(b, bh);
  let err = f64x2.sub(f64x2.mul(ah, bh), p);
  err = f64x2.add(err, f64x2.mul(ah, bl));
  err = f64x2.add(err, f64x2.mul(al, bh));
  err = f64x2.add(err, f64x2.mul(al, bl));
  return v128.and(err, ok);
}
