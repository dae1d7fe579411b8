/**
 * e^x as plain arithmetic that the JIT inlines, the same double in every engine and bit for bit
 * Node 20's Math.exp: a transcription of fdlibm's e_exp.c, which V8's Math.exp implements (the
 * WebAssembly kernels carry a SIMD transcription of the same code, asm/simd.ts). `exp` is the
 * module's e^x (src/math/libm.ts); `expNonPositive` its half for x ≤ 0, for erfc and softmax.
 */

// fdlibm's e_exp.c (Sun, as FreeBSD msun and V8's Math.exp have it).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const EXP_P1 = 1.66666666666666019037e-1;
const EXP_P2 = -2.77777777770155933842e-3;
const EXP_P3 = 6.61375632143793436117e-5;
const EXP_P4 = -1.6533902205465251539e-6;
const EXP_P5 = 4.13813679705723846039e-8;
/** Below this e^x rounds to 0. */
const EXP_UNDERFLOW = -7.4513321910194110842e2;
/** fdlibm's |x| < 0x3FD62E43_00000000 (0.5·ln 2 rounded up to a high word): k = 0. */
const EXP_K0_EDGE = 0.3465735912322998046875;
/** Above this e^x overflows (fdlibm's o_threshold). */
const EXP_OVERFLOW = 7.09782712893383973096e2;
/** 2^k for k = −1022 … 1023 (index k + 1022), by exact doublings and halvings of 1. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let k = 1023; k < 2046; k++) POW2[k] = POW2[k - 1]! * 2;
for (let k = 1021; k >= 0; k--) POW2[k] = POW2[k + 1]! / 2;

/**
 * e^x for x ≤ 0, bit for bit Math.exp (fdlibm's e_exp.c, which V8 implements; test/erfc-port.test.ts
 * checks it on millions of inputs, edges of every branch included). erfc evaluates two exponentials
 * per call and softmax one per element; as a call into the engine's C library each is a barrier the
 * CPU cannot overlap with the arithmetic around it, while this inlines into the loop. Branches of
 * e_exp.c: |x| < 2^−28 gives 1 + x; k = 0 for |x| < 0.5·ln 2 and ±1 below 1.5·ln 2 are what the
 * general reduction gives there; 2^k·y is one multiplication (exact, or the one rounding into the
 * subnormal range that e_exp.c's 2^(k+1000)·2^−1000 also makes).
 */
export function expNonPositive(x: number): number {
  if (!(x >= EXP_UNDERFLOW)) return x !== x ? x : 0;
  if (x > -3.725290298461914e-9) return 1 + x;
  const k = x > -EXP_K0_EDGE ? 0 : Math.trunc(INV_LN2 * x - 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1022) return y * POW2[k + 1022]!;
  return y * POW2[k + 1222]! * 6.223015277861142e-61; // 2^(k+200) exact, then 2^−200 rounds once
}

/**
 * e^x, fdlibm's e_exp.c: `expNonPositive` for x ≤ 0, the same reduction and polynomial for x > 0
 * (inlined arithmetic: a call of stdlib's exp goes through a generic ldexp and took 1.8× as long).
 */
export function exp(x: number): number {
  if (x <= 0) return expNonPositive(x);
  if (!(x <= EXP_OVERFLOW)) return x !== x ? x : Infinity;
  if (x < 3.725290298461914e-9) return 1 + x;
  if (x === 1) return Math.E; // V8 special-cases e^1 to the correctly rounded e
  const k = x < EXP_K0_EDGE ? 0 : Math.trunc(INV_LN2 * x + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // 2^k·y is exact (fdlibm adds k to y's exponent); 2^1024 is not a double, so k = 1024 takes two steps.
  return k < 1024 ? y * POW2[k + 1022]! : y * 2 * POW2[2045]!;
}

// fdlibm's s_expm1.c.
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;
/** |x| ≥ 56·ln 2 (fdlibm's high word 0x4043687A): e^x − 1 is −1 for x < 0. */
const EXPM1_HUGE = 38.81622314453125;
/** |x| < 2^−54: e^x − 1 = x. */
const EXPM1_TINY = 5.551115123125783e-17;

/**
 * e^x − 1 without the cancellation near 0, fdlibm's s_expm1.c (V8's Math.expm1). stdlib's port
 * returns +∞ instead of 2^1024·(1 − ε) next to the overflow threshold, and is a call the JIT does
 * not inline; the last step for k ∉ {0, 2, …, 19} is out of line (`expm1Scaled`) so that this one
 * stays small enough to be inlined.
 */
export function expm1(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < EXPM1_HUGE)) {
    if (x !== x) return x;
    if (x < 0) return -1;
    if (x > EXP_OVERFLOW) return Infinity;
  } else if (ax < EXPM1_TINY) return x;
  let k = 0;
  let c = 0;
  if (ax >= EXP_K0_EDGE) {
    k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    x = hi - lo;
    c = hi - x - lo;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  const e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const ek = x * (e - c) - c - hxs;
  if (k >= 2 && k < 20) return (1 - POW2[1022 - k]! - (ek - x)) * POW2[k + 1022]!; // 1 − 2^−k is exact
  return expm1Scaled(x, ek, k);
}

/** s_expm1.c's last step for k = ±1, k ≤ −2 or k > 56 (2^k·(1 − (e − x)) − 1), and 20 ≤ k ≤ 56. */
function expm1Scaled(x: number, e: number, k: number): number {
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return (k === 1024 ? y * 2 * POW2[2045]! : y * POW2[k + 1022]!) - 1;
  }
  return (x - (e + POW2[1022 - k]!) + 1) * POW2[k + 1022]!;
}
