/**
 * The error function and its complement.
 *
 * erfc matters on its own: 1 + erf(x) for x < −3 (or 1 − erf(x) for x > 3) cancels and loses every
 * digit, while erfc(x) keeps full relative precision down to its underflow near x ≈ 26.5.
 *
 * `erf` is stdlib's (a port of FreeBSD msun's s_erf.c, accurate to about one ulp). `erfc` is our own
 * port of the same algorithm (FreeBSD msun s_erf.c, Sun's fdlibm: rational approximations on
 * |x| < 0.84375, [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 28)), transcribed from stdlib's
 * @stdlib/math-base-special-erfc 0.2.5, which stays the reference: test/erfc-port.test.ts checks
 * the two agree bit for bit on millions of inputs over the whole range.
 *
 * Why a port instead of the library: speed. GELU calls erfc once per element, and stdlib's erfc
 * evaluates e^x through stdlib's own JavaScript exp (with a generic ldexp), about 30 ns a call, twice
 * per call above |x| = 1.25; with the module's exp (src/math/exp.ts) and the constants inlined, GELU's
 * `map` is several times faster. That exp and stdlib's return the same double wherever the result is a
 * normal number (measured; both are fdlibm's e_exp.c), which covers every exp erfc evaluates for
 * |x| < 26.5; beyond that erfc(x) is subnormal or 0 and the test checks those inputs too.
 * `erfcShifted` is the same algorithm specialised for GELU (see there).
 */
import stdlibErf from '@stdlib/math-base-special-erf';
import { TWO_OVER_SQRT_PI } from './constants.js';
import { expNonPositive } from './exp.js';

/** erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt. */
export const erf: (x: number) => number = stdlibErf;

// Coefficients of s_erf.c (identical to stdlib's generated polyval_*.js files).
const ERX = 8.45062911510467529297e-1; // 0x3FEB0AC1, 0x60000000
const TINY = 1.0e-300;
const SMALL = 1.3877787807814457e-17; // 2^−56
/** e^0.5625, for `erfcShifted` (only needs ~20 correct bits there). */
const EXP_9_16 = 1.7550546569602985;

/**
 * s_erf.c's SET_LOW_WORD(z, 0) for 1 ≤ x < 2^31: x truncated to 21 significant bits, so that z² is
 * exact. Computed as trunc(x·2^(20−e))·2^(e−20) with e = ⌊log₂ x⌋: writing the word through a typed
 * array view and reading the double back stalls the CPU's store forwarding (4 ns a call, measured).
 */
const TRUNC_UP = new Float64Array(32);
const TRUNC_DOWN = new Float64Array(32);
for (let e = 0; e < 32; e++) {
  TRUNC_UP[e] = 2 ** (20 - e);
  TRUNC_DOWN[e] = 2 ** (e - 20);
}
function clearLowWord(x: number): number {
  const e = 31 - Math.clz32(x);
  return Math.trunc(x * TRUNC_UP[e]!) * TRUNC_DOWN[e]!;
}

/** erf(x)/x − 1 on |x| < 0.84375 as r/s, x² = z (s_erf.c's pp/qq). */
function smallRatio(z: number): number {
  const r = 1.28379167095512558561e-1 + z * (-0.3250421072470015 + z * (-0.02848174957559851 + z * (-0.005770270296489442 + z * -0.000023763016656650163)));
  const s = 1 + z * (0.39791722395915535 + z * (0.0650222499887673 + z * (0.005081306281875766 + z * (0.00013249473800432164 + z * -0.000003960228278775368))));
  return r / s;
}

/** erf(1 + s) − erx on 0.84375 ≤ |x| < 1.25, s = |x| − 1 (s_erf.c's pa/qa). */
function midDifference(s: number): number {
  const p =
    -2.36211856075265944077e-3 +
    s *
      (0.41485611868374833 +
        s * (-0.3722078760357013 + s * (0.31834661990116175 + s * (-0.11089469428239668 + s * (0.035478304325618236 + s * -0.002166375594868791)))));
  const q =
    1 +
    s *
      (0.10642088040084423 +
        s * (0.540397917702171 + s * (0.07182865441419627 + s * (0.12617121980876164 + s * (0.01363708391202905 + s * 0.011984499846799107)))));
  return p / q;
}

/**
 * log(|x|·erfc(|x|)·e^(x²)) + 0.5625 for 1.25 ≤ |x| < 28 as r/s, s = 1/x² (s_erf.c's ra/sa below
 * 1/0.35, rb/sb above).
 */
function tailRatio(ax: number): number {
  const s = 1 / (ax * ax);
  if (ax < 2.857142857142857) {
    const r =
      -9.86494403484714822705e-3 +
      s *
        (-0.6938585727071818 +
          s *
            (-10.558626225323291 +
              s * (-62.375332450326006 + s * (-162.39666946257347 + s * (-184.60509290671104 + s * (-81.2874355063066 + s * -9.814329344169145))))));
    const q =
      1 +
      s *
        (19.651271667439257 +
          s *
            (137.65775414351904 +
              s *
                (434.56587747522923 +
                  s * (645.3872717332679 + s * (429.00814002756783 + s * (108.63500554177944 + s * (6.570249770319282 + s * -0.0604244152148581)))))));
    return r / q;
  }
  const r =
    -9.86494292470009928597e-3 +
    s *
      (-0.799283237680523 +
        s * (-17.757954917754752 + s * (-160.63638485582192 + s * (-637.5664433683896 + s * (-1025.0951316110772 + s * -483.5191916086514)))));
  const q =
    1 +
    s *
      (30.33806074348246 +
        s *
          (325.7925129965739 +
            s * (1536.729586084437 + s * (3199.8582195085955 + s * (2553.0504064331644 + s * (474.52854120695537 + s * -22.44095244658582))))));
  return r / q;
}

/** erfc(x) = 1 − erf(x), computed without the cancellation. Bit for bit stdlib's erfc (see above). */
export function erfc(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < SMALL) return 1 - x; // ±0 included: 1
    const y = smallRatio(x * x);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const d = midDifference(ax - 1);
    return x < 0 ? 1 + ERX + d : 1 - ERX - d;
  }
  if (ax < 28) {
    if (x < -6) return 2 - TINY;
    const rs = tailRatio(ax);
    const z = clearLowWord(ax);
    const r = expNonPositive(-(z * z) - 0.5625) * expNonPositive((z - ax) * (z + ax) + rs);
    return x < 0 ? 2 - r / ax : r / ax;
  }
  return x < 0 ? 2 - TINY : TINY * TINY; // ±∞ included: 2 and 0
}

/**
 * erfc(z + ε) for 0 < z ≤ 28 and a tiny ε (|ε| ≤ 2^−52·z, the rounding error of the caller's z), to
 * first order: erfc(z) − ε·(2/√π)·e^(−z²). GELU needs it for z = −x/√2 (x < 0): erfc turns a relative
 * error δ of its argument into about 2z²·δ, so the rounding of −x·(1/√2) alone would cost up to
 * hundreds of ulps. The correction term is about 2z²·2^−53 relative to the result, so ~20 correct
 * bits of e^(−z²) suffice: for z ≥ 1.25 it is recovered from the first exponential erfc evaluates,
 * e^(−z²) = e^(−zₕ² − 0.5625)·e^0.5625·e^((zₕ − z)(zₕ + z)) with |(zₕ − z)(zₕ + z)| < 2^−10, whose
 * last factor is a second-order Taylor polynomial (error < 2^−32): one exp fewer per element. The
 * erfc(z) part is bit for bit `erfc(z)`.
 */
export function erfcShifted(z: number, eps: number): number {
  if (z < 1.25) return erfc(z) - eps * TWO_OVER_SQRT_PI * expNonPositive(-z * z);
  if (z >= 28) return 0;
  const rs = tailRatio(z);
  const zh = clearLowWord(z);
  const d = (zh - z) * (zh + z);
  const e1 = expNonPositive(-(zh * zh) - 0.5625);
  const r = e1 * expNonPositive(d + rs);
  const gauss = e1 * EXP_9_16 * (1 + d * (1 + 0.5 * d));
  return r / z - eps * TWO_OVER_SQRT_PI * gauss;
}
