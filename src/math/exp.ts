/**
 * e^x for x ≤ 0 as plain arithmetic that the JIT inlines, bit for bit Math.exp: a transcription of
 * fdlibm's e_exp.c, which V8's Math.exp implements (the WebAssembly kernels carry a SIMD
 * transcription of the same code, asm/simd.ts). Used by erfc (GELU) and the softmax family.
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
/** 2^k for k = −1022 … 0 (index k + 1022). */
const POW2 = new Float64Array(1023);
for (let k = 0; k < 1023; k++) POW2[k] = 2 ** (k - 1022);

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
