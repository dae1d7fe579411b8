/**
 * The module's elementary functions: plain JavaScript arithmetic, so that every engine returns the
 * same double for the same argument. The engines' Math.exp, Math.log, Math.sin, … are only
 * "implementation-approximated": Node 20's V8 and Chromium 156's differ in the last bit on up to 10%
 * of arguments, which made the scalar `forward` (Math.exp) and the WebAssembly `map` kernels (which
 * carry fdlibm) disagree in a browser, and the playground's numbers differ from Node's.
 *
 * Each function is fdlibm's algorithm (the one Node 20's V8 implements, src/base/ieee754.cc), so the
 * values are bit for bit Node 20's Math.* (test/libm.test.ts): `exp` and `expm1` are transcribed in
 * exp.ts, `log1p`, `tanh`, `sin`, `cos` and `hypot` here; `log` is stdlib's port of fdlibm,
 * which equals V8's on every argument measured. `pow` is the exception (see there).
 */
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibPow from '@stdlib/math-base-special-pow';
import stdlibRempio2 from '@stdlib/math-base-special-rempio2';
import { expm1 } from './exp.js';

// exp, expm1 (fdlibm's e_exp.c, s_expm1.c) and expNonPositive (exp for x ≤ 0, less code to inline
// where the argument cannot be positive) live in exp.ts, with erfc's and softmax's use of them.
export { exp, expm1, expNonPositive } from './exp.js';

/** The natural logarithm (fdlibm's e_log.c, stdlib's port). */
export const log: (x: number) => number = stdlibLn;

// fdlibm's s_log1p.c.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** x < 0.41422 (high word below 0x3FDA827A): k = 0 for x ≥ 0. */
const LOG1P_K0 = 0.4142136573791504;
/** 1 + x ≥ 2 − 3·2^−20 (high word above 0x3FFFFFFC): s_log1p.c's |f| < 2^−20 case, hu = 0. */
const NEAR_TWO = 1.9999971389770508;

/**
 * log(1 + x) for x in [0, 1] (and NaN): `log1p` for the arguments of the logistic family,
 * log(1 + e^−|x|), with the branches [0, 1] cannot reach removed and the high-word tests written as
 * comparisons: plain arithmetic the JIT inlines, where a general log1p reads and writes the words
 * of doubles through typed arrays (softplus took 1.2–1.5× as long with stdlib's).
 */
export function log1pUnit(x: number): number {
  if (!(x >= LOG1P_K0)) {
    // k = 0, f = x
    if (!(x >= 1.862645149230957e-9)) return x < 5.551115123125783e-17 ? x : x - x * x * 0.5;
    const hfsq = 0.5 * x * x;
    const s = x / (2 + x);
    const z = s * s;
    const R = z * LP(z);
    return x - (hfsq - s * (hfsq + R));
  }
  // 1 + x in [1.41422, 2]: k = 1, f = (1 + x)/2 − 1, c the rounding error of 1 + x over 1 + x
  const u = 1 + x;
  // 1 + x rounded up to 2: s_log1p.c's k > 0 form of c, and f = 0.
  if (u === 2) return LN2_HI + ((1 - (u - x)) / u + LN2_LO);
  const c = (x - (u - 1)) / u;
  const f = u * 0.5 - 1;
  const hfsq = 0.5 * f * f;
  if (u >= NEAR_TWO) {
    const R = hfsq * (1 - 6.666666666666666666e-1 * f);
    return LN2_HI - (R - (LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * LP(z);
  return LN2_HI - (hfsq - (s * (hfsq + R) + (LN2_LO + c)) - f);
}

/**
 * log(1 + x) without the cancellation near 0, fdlibm's s_log1p.c (V8's Math.log1p). stdlib's port
 * takes k = 0 below √2 − 1 and −(1 − √2/2) exactly where fdlibm compares high words, and so differs
 * from it on (√2 − 1, 0.4142137).
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x ≤ −1
    if (ax < 0x3e200000) return ax < 0x3c900000 ? x : x - x * x * 0.5; // |x| < 2^−29
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u; // the rounding error of 1 + x, relative
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = fromWords(hu | 0x3ff00000, lowWord(u)); // u normalised to [1, √2)
    } else {
      k += 1;
      u = fromWords(hu | 0x3fe00000, lowWord(u)); // u/2 in [√2/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^−20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
    const R = hfsq * (1 - 0.66666666666666666 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * LP(z);
  return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
}

/** s_log1p.c's polynomial Lp1 + Lp2·z + … + Lp7·z⁶. */
function LP(z: number): number {
  return (
    0.6666666666666735 +
    z *
      (0.3999999999940942 +
        z * (0.2857142874366239 + z * (0.22222198432149784 + z * (0.1818357216161805 + z * (0.15313837699209373 + z * 0.14798198605116586)))))
  );
}

/** |x| < 2^−28: tanh x = x. */
const TANH_TINY = 3.725290298461914e-9;

/**
 * tanh(x), fdlibm's s_tanh.c on `expm1`: ±1 from |x| ≥ 22, x itself below 2^−28,
 * 1 − 2/(e^(2|x|) − 1 + 2) from |x| ≥ 1, −t/(t + 2) with t = e^(−2|x|) − 1 below.
 */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (!(a < 22)) return a !== a ? x : x > 0 ? 1 : -1;
  if (a < TANH_TINY) return x;
  let z: number;
  if (a >= 1) {
    const t = expm1(2 * a);
    z = 1 - 2 / (t + 2);
  } else {
    const t = expm1(-2 * a);
    z = -t / (t + 2);
  }
  return x > 0 ? z : -z;
}

// The high word of a double (sign, exponent and 20 bits of significand), as fdlibm reads it.
const WORDS = new Float64Array(1);
const WORDS32 = new Int32Array(WORDS.buffer);
WORDS[0] = 1;
const HI = WORDS32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  WORDS[0] = x;
  return WORDS32[HI]!;
}

function lowWord(x: number): number {
  WORDS[0] = x;
  return WORDS32[LO]!;
}

function fromWords(hi: number, lo: number): number {
  WORDS32[HI] = hi;
  WORDS32[LO] = lo;
  return WORDS[0]!;
}

// fdlibm's k_sin.c, k_cos.c.
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;
/** |x| < 2^−27: sin x = x, cos x = 1. */
const TRIG_TINY = 7.450580596923828e-9;

/** sin(x + y) for |x| ≤ π/4, y the tail of x (fdlibm's __kernel_sin; iy = 0: y is 0). */
function kernelSin(x: number, y: number, iy: boolean): number {
  if (Math.abs(x) < TRIG_TINY) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!iy) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** |x| < 0.3 (fdlibm's high word 0x3FD33333). */
const COS_SMALL = fromWords(0x3fd33333, 0);
/** |x| > 0.78125 (high word above 0x3FE90000). */
const COS_LARGE = fromWords(0x3fe90001, 0);

/** cos(x + y) for |x| ≤ π/4, y the tail of x (fdlibm's __kernel_cos). */
function kernelCos(x: number, y: number): number {
  const a = Math.abs(x);
  if (a < TRIG_TINY) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (a < COS_SMALL) return 1 - (0.5 * z - (z * r - x * y));
  // qx = |x|/4 cut to its high word, so that 1 − qx and z/2 − qx are exact.
  const qx = a >= COS_LARGE ? 0.28125 : fromWords(highWord(a) - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const b = 1 - qx;
  return b - (hz - (z * r - x * y));
}

// fdlibm's e_rem_pio2.c.
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c,
  0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c,
  0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];
/** |x| ≤ π/4 needs no reduction (high word ≤ 0x3FE921FB). */
const PIO4_EDGE = fromWords(0x3fe921fc, 0);
/** |x| < 3π/4: n = ±1 (high word below 0x4002D97C). */
const THREE_PIO4_EDGE = fromWords(0x4002d97c, 0);
/** Medium arguments, |x| ≲ 2^19·π/2 (high word ≤ 0x413921FB). */
const MEDIUM_EDGE = fromWords(0x413921fc, 0);

/** x − n·π/2 = REM[0] + REM[1], |REM[0]| ≤ π/4. */
const REM = [0, 0];

/** n with x − n·π/2 in REM (fdlibm's __ieee754_rem_pio2); |x| > π/4, finite. */
function remPio2(x: number): number {
  const t = Math.abs(x);
  if (t < THREE_PIO4_EDGE) {
    const nearPio2 = highWord(t) === 0x3ff921fb;
    if (x > 0) {
      let z = x - PIO2_1;
      if (!nearPio2) {
        REM[0] = z - PIO2_1T;
        REM[1] = z - REM[0]! - PIO2_1T;
      } else {
        z -= PIO2_2;
        REM[0] = z - PIO2_2T;
        REM[1] = z - REM[0]! - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (!nearPio2) {
      REM[0] = z + PIO2_1T;
      REM[1] = z - REM[0]! + PIO2_1T;
    } else {
      z += PIO2_2;
      REM[0] = z + PIO2_2T;
      REM[1] = z - REM[0]! + PIO2_2T;
    }
    return -1;
  }
  if (t < MEDIUM_EDGE) {
    const ix = highWord(t);
    const n = Math.trunc(t * INV_PIO2 + 0.5);
    let r = t - n * PIO2_1;
    let w = n * PIO2_1T; // first round, good to 85 bits
    let y0 = r - w;
    if (!(n < 32 && ix !== NPIO2_HW[n - 1])) {
      const j = ix >> 20;
      let i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 16) {
        // second round, good to 118 bits
        let u = r;
        w = n * PIO2_2;
        r = u - w;
        w = n * PIO2_2T - (u - r - w);
        y0 = r - w;
        i = j - ((highWord(y0) >> 20) & 0x7ff);
        if (i > 49) {
          // third round, 151 bits
          u = r;
          w = n * PIO2_3;
          r = u - w;
          w = n * PIO2_3T - (u - r - w);
          y0 = r - w;
        }
      }
    }
    const y1 = r - y0 - w;
    if (x < 0) {
      REM[0] = -y0;
      REM[1] = -y1;
      return -n;
    }
    REM[0] = y0;
    REM[1] = y1;
    return n;
  }
  // Large arguments: Payne–Hanek (fdlibm's __kernel_rem_pio2, stdlib's port).
  return stdlibRempio2(x, REM);
}

/** sin(x), fdlibm's s_sin.c. */
export function sin(x: number): number {
  if (Math.abs(x) < PIO4_EDGE) return kernelSin(x, 0, false);
  if (!Number.isFinite(x)) return NaN;
  const n = remPio2(x);
  const y0 = REM[0]!;
  const y1 = REM[1]!;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, true);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, true);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos(x), fdlibm's s_cos.c. */
export function cos(x: number): number {
  if (Math.abs(x) < PIO4_EDGE) return kernelCos(x, 0);
  if (!Number.isFinite(x)) return NaN;
  const n = remPio2(x);
  const y0 = REM[0]!;
  const y1 = REM[1]!;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, true);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, true);
  }
}

/**
 * √(a² + b²) as V8's Math.hypot computes it (src/builtins/math.tq): both scaled by the larger
 * magnitude, the squares summed with Kahan's compensation, √ of the sum times that magnitude.
 */
export function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === Infinity || y === Infinity) return Infinity;
  if (x !== x || y !== y) return NaN;
  const max = Math.max(x, y);
  if (max === 0) return 0;
  let sum = 0;
  let compensation = 0;
  for (const v of [x, y]) {
    const n = v / max;
    const summand = n * n - compensation;
    const preliminary = sum + summand;
    compensation = preliminary - sum - summand;
    sum = preliminary;
  }
  return Math.sqrt(sum) * max;
}

/**
 * x^y: stdlib's pow (FreeBSD msun's e_pow.c, from fdlibm) for finite non-zero operands; the cases
 * ECMAScript's Number::exponentiate defines exactly (an operand NaN, ±0 or ±∞, a base ±1) as the
 * specification gives them, where stdlib follows C (x^0 is 1 for NaN too, ±1^±∞ is NaN, and its
 * √x for y = 0.5 keeps −0's sign). Node 20's ** is not fdlibm's (it differs from it on about 4% of
 * arguments), so here the module follows the library, the same in every engine.
 */
export function pow(x: number, y: number): number {
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if (x !== x) return NaN;
  if (x !== 0 && x !== 1 && x !== -1 && Number.isFinite(x) && Number.isFinite(y)) return stdlibPow(x, y);
  const oddInteger = Number.isInteger(y) && Math.abs(y % 2) === 1;
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (x === -Infinity) return y > 0 ? (oddInteger ? -Infinity : Infinity) : oddInteger ? -0 : 0;
  if (x === 0) {
    const negative = Object.is(x, -0) && oddInteger;
    return y > 0 ? (negative ? -0 : 0) : negative ? -Infinity : Infinity;
  }
  const ax = Math.abs(x);
  if (y === Infinity) return ax > 1 ? Infinity : ax === 1 ? NaN : 0;
  if (y === -Infinity) return ax > 1 ? 0 : ax === 1 ? NaN : Infinity;
  // x = ±1, y finite
  if (x === 1) return 1;
  return Number.isInteger(y) ? (oddInteger ? -1 : 1) : NaN;
}
