/**
 * Numerically stable building blocks for the logistic family (sigmoid, softplus, SiLU, swish, Mish,
 * log-sigmoid). Each avoids a specific failure of the textbook formula; the comment on each says
 * which. All of them propagate NaN.
 */
import { exp, expNonPositive, log1pUnit } from './libm.js';

/**
 * Below this, e^x is subnormal (e^-708.4 ≈ 2.2e-308) and carries fewer than 53 bits, so a product
 * x·e^x that is itself still normal would inherit that loss. There we use e^(x/2)·e^(x/2): each half
 * is a normal number and only the final product rounds into the subnormal range.
 */
export const EXP_SUBNORMAL_EDGE = -700;

/**
 * The logistic function 1/(1+e^−x). For x < 0 it uses e^x/(1+e^x): 1/(1+e^−x) would overflow e^−x
 * to Infinity below −709.8 and return 0 where the true value is still a subnormal number (PyTorch's
 * kernel does exactly that), and 1 − σ(−x) would cancel.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + expNonPositive(-x));
  const e = expNonPositive(x);
  return e / (1 + e);
}

/**
 * σ'(x) = σ(x)·σ(−x) = u/(1+u)² with u = e^−|x|. The usual σ·(1−σ) loses every digit once σ rounds
 * to 1 (x > 36.7), where the true value is about e^−x. (1 + u)² is formed as a double-double (1 + u
 * exact by Fast2Sum, as u ≤ 1; its square by a Dekker product) and divided once (`quotientDD`), so
 * that only exp's error and the final rounding remain (rounding each step: 2.3 ulps, measured).
 */
export function sigmoidDerivative(x: number): number {
  const u = expNonPositive(-Math.abs(x));
  const d = 1 + u;
  const den = d * d;
  return quotientDD(u, 0, den, productError(d, d, den) + 2 * d * (1 - d + u));
}

/**
 * log(1 + e^x), the softplus core. log1p keeps the digits of e^x when it is tiny (log(1 + e^x)
 * would return 0 below x ≈ −37); for x > 0 the form x + log1p(e^−x) cannot overflow (e^x does at
 * 709.8) and adds two positive terms, so nothing cancels.
 */
export function log1pExp(x: number): number {
  if (x > 0) return x + log1pUnit(expNonPositive(-x));
  return log1pUnit(expNonPositive(x));
}

/** 2^27 + 1, Veltkamp's splitting constant for binary64. */
const SPLIT = 134217729;

/**
 * The rounding error of the product p = fl(a·b), so that a·b = p + error exactly (Dekker's
 * TwoProduct without FMA, which JavaScript lacks). Swish and softplus with β ≠ 1 evaluate at β·x;
 * the rounding of β·x alone costs up to |β·x|/2 ulps in e^(β·x), and adding this error back as a
 * first-order correction removes that. Returns 0 where splitting could overflow (|a|, |b| or |p|
 * above 1e290) or p is not finite: there the correction is below an ulp or meaningless.
 */
export function productError(a: number, b: number, p: number): number {
  if (!(Math.abs(p) < 1e290 && Math.abs(a) < 1e290 && Math.abs(b) < 1e290)) return 0;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * The rounding error of the sum s = fl(a + b), so that a + b = s + error exactly (Knuth's TwoSum,
 * no condition on the sizes of a and b). With `productError` and `quotientDD` it carries an
 * intermediate value as a double-double (hi + lo), so that only the final rounding remains.
 */
export function sumError(a: number, b: number, s: number): number {
  const bv = s - a;
  return a - (s - bv) + (b - bv);
}

/**
 * (nh + nl)/(dh + dl) rounded once, for double-doubles whose low parts are small next to their high
 * parts: q = nh/dh is corrected by the remainder nh + nl − q·(dh + dl), of which nh − fl(q·dh) is
 * exact (Sterbenz) and q·dh − fl(q·dh) is `productError`. The error is 0.5 ulp plus about
 * (|nl/nh| + |dl/dh| + 2^−53)·|dl/dh| relative: below 2^−100 when the low parts are within an ulp.
 * A plain a/b/c in double costs up to 0.5 ulp per operation, and the rounding errors of the inputs
 * count again; this replaces those roundings by one (a few more flops). |nh|, |dh| < 1e290.
 */
export function quotientDD(nh: number, nl: number, dh: number, dl: number): number {
  const q = nh / dh;
  const p = q * dh;
  return q + (nh - p - productError(q, dh, p) + nl - q * dl) / dh;
}

/**
 * SiLU, x·σ(x). PyTorch's x/(1+e^−x) returns −0 below x ≈ −709.8 (e^−x overflows) where the true
 * value x·e^x is still a subnormal number down to about −745; for x < 0 we use x·e^x/(1+e^x), and
 * below EXP_SUBNORMAL_EDGE x·e^(x/2)·e^(x/2) so that a normal result never passes through a
 * subnormal e^x. At −∞ it returns the limit −0 (PyTorch: −∞/∞ = NaN).
 */
export function silu(x: number): number {
  if (x >= 0) return x / (1 + expNonPositive(-x));
  if (x > EXP_SUBNORMAL_EDGE) {
    const e = expNonPositive(x);
    return (x * e) / (1 + e);
  }
  if (x === -Infinity) return -0;
  const h = expNonPositive(x / 2);
  return x * h * h;
}

/**
 * SiLU′(x) = σ(x)·(1 + x·σ(−x)). Autograd's σ·(1 + x·(1−σ)) takes 1 − σ from the rounded σ, which is
 * 0 once σ rounds to 1 (x ≥ 37, where the true slope exceeds 1 by about x·e^−x) and it returns −0
 * below −709.8. We write it over one denominator: with u = e^−x (x ≥ 0), (1 + u·(1+x))/(1+u)², all
 * terms positive; with e = e^x (x < 0), e·((1+x) + e)/(1+e)². Numerator and denominator are formed
 * as double-doubles (TwoSum, Dekker products) and divided once (`quotientDD`), so that only
 * exp's error and the final rounding remain (rounding each step would add several ulps).
 * The sum (1+x) + e cancels next to SiLU's minimum (x ≈ −1.278, where the slope is 0); there, on
 * [−2, −0.5], e comes from `expDoubleDouble`, so the last bit of exp does not become hundreds
 * of ulps (measured: 263 ulps at 1.6e-4 from the zero before, 2.6 ulps after). For x = ±∞ autograd
 * gives NaN (∞·0), and so do we: the derivative contract follows autograd at infinities.
 */
export function siluDerivative(x: number): number {
  if (x >= 0) {
    if (x === Infinity) return NaN;
    const u = expNonPositive(-x);
    const g = 1 + x;
    const gl = sumError(1, x, g);
    const m = u * g;
    const ml = productError(u, g, m) + u * gl;
    const n = 1 + m;
    const nl = sumError(1, m, n) + ml;
    const d = 1 + u;
    const dl = 1 - d + u; // Fast2Sum: u ≤ 1
    const den = d * d;
    return quotientDD(n, nl, den, productError(d, d, den) + 2 * d * dl);
  }
  if (x > EXP_SUBNORMAL_EDGE) {
    // Around the zero at −1.2785: e^x in double-double.
    expAroundDerivativeZeros(x);
    const e = expDD.hi;
    const el = expDD.lo;
    const g = 1 + x;
    const gl = sumError(1, x, g);
    const n = g + e;
    const nl = sumError(g, e, n) + gl + el; // (1 + x) + e^x, exact before its one rounding
    const num = e * n;
    const numLo = productError(e, n, num) + e * nl + el * n;
    const d = 1 + e;
    const dl = 1 - d + e + el; // Fast2Sum: e < 1
    const den = d * d;
    return quotientDD(num, numLo, den, productError(d, d, den) + 2 * d * dl);
  }
  if (x === -Infinity) return NaN;
  // e^x·(1 + x) to far below an ulp; halves keep a normal result from passing through a subnormal e^x.
  const h = expNonPositive(x / 2);
  return h === 0 ? -0 : (1 + x) * h * h;
}

/** SiLU″(x) = σ(x)σ(−x)·(2 + x·(σ(−x) − σ(x))), used for first-order corrections; finite x only. */
export function siluSecondDerivative(x: number): number {
  const s = sigmoid(x);
  const sb = sigmoid(-x);
  const ssb = s * sb;
  return ssb === 0 ? 0 : ssb * (2 + x * (sb - s));
}

/** e^(k/4) for k = −8…−2 as double-doubles [hi, lo] (mpmath, 50 digits). */
const EXP_QUARTERS: readonly (readonly [number, number])[] = [
  [0.1353352832366127, -1.042381423288669e-17],
  [0.17377394345044514, -1.2999409968044821e-17],
  [0.22313016014842982, 1.0887723699042263e-17],
  [0.2865047968601901, 8.479830077607644e-18],
  [0.36787944117144233, -1.2428753672788363e-17],
  [0.4723665527410147, 1.7984004434373214e-17],
  [0.6065306597126334, -6.593178415491414e-19],
];

/** The result of `expDoubleDouble`: e^x ≈ hi + lo with |lo| ≤ ulp(hi)/2. */
export const expDD = { hi: 0, lo: 0 };

/**
 * e^x as a double-double (relative error about 1e-19) for x in [−2, −0.5], stored in `expDD`.
 * The derivatives of SiLU/Swish and Mish vanish at x ≈ −1.2785 and −1.1924; near there they are a
 * difference of terms in e^x that cancels, and the last bit of exp (up to 1 ulp off) alone
 * would cost up to 0.2–0.3 ulp of the result per unit of its condition number. No library gives
 * e^x to more than double precision, so we wrote this: e^x = e^(k/4)·e^t with |t| ≤ 1/8 exact,
 * e^t = 1 + t + t²/2 + t³·p(t) with the first terms in double-double (p's rounding then matters at
 * 4e-20) and p a Taylor polynomial to t^12 (truncation below 1e-21).
 */
export function expDoubleDouble(x: number): void {
  const k = Math.round(4 * x);
  const [ah, al] = EXP_QUARTERS[k + 8]!;
  const t = x - k / 4; // exact: |t| ≤ 1/8 and x, k/4 share a binade's grid
  const t2 = t * t;
  const t2Err = productError(t, t, t2);
  let p = 1 / 479001600;
  for (const c of [1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6]) p = c + t * p;
  const s1 = 1 + t;
  const e1 = 1 - s1 + t; // Fast2Sum: |t| < 1
  const half = t2 / 2;
  const s2 = s1 + half;
  const e2 = s1 - s2 + half; // Fast2Sum: half < |s1|
  const lo = e1 + e2 + t2Err / 2 + t2 * t * p;
  const bh = s2 + lo;
  const bl = lo - (bh - s2);
  const ph = ah * bh;
  const pl = productError(ah, bh, ph) + ah * bl + al * bh;
  expDD.hi = ph + pl;
  expDD.lo = pl - (expDD.hi - ph);
}

/**
 * e^x into `expDD` for the derivatives of SiLU/Swish and Mish: a double-double on [−2, −0.5], where
 * their zeros are (`expDoubleDouble`), and `exp` with lo = 0 elsewhere.
 */
export function expAroundDerivativeZeros(x: number): void {
  if (x >= -2 && x <= -0.5) expDoubleDouble(x);
  else {
    expDD.hi = exp(x);
    expDD.lo = 0;
  }
}
