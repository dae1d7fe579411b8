import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { erfc, erfcShifted } from '../math/erf.js';
import { productError, quotientDD, sumError } from '../math/stable.js';
import {
  GELU_TANH_COEFF,
  GELU_TANH_COEFF_LO,
  INV_SQRT_2PI,
  INV_SQRT_2PI_LO,
  SQRT1_2,
  SQRT1_2_LO,
  SQRT_2_OVER_PI,
  SQRT_2_OVER_PI_LO,
} from '../math/constants.js';
import { exp, expNonPositive } from '../math/libm.js';

type GeluParams = { readonly approximate: 'none' | 'tanh' };

/**
 * erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), for the bench's plain-loop baseline only:
 * JavaScript has no Math.erf, and the textbook loop should not borrow our exact erf.
 */
function erfAS(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

/**
 * Φ + x·φ(x) for |x| ≤ 40, with φ(x) = e^(−x²/2)/√(2π). x² is carried as a double-double: fl(x²) has
 * a relative error up to 2^−53, which e^(−x²/2) multiplies by x²/2 (about 400 at x = −28). The
 * products x·(1/√(2π))·e^(−x²/2) and the sum with Φ are carried with their rounding errors too, so
 * that only the errors of erfc and exp remain: where Φ and x·φ nearly cancel (x < 0) each rounding
 * would otherwise cost an ulp or more (4 ulps at x = −1.66 before this was done, measured).
 */
function plusXPhi(cdf: number, x: number): number {
  const h = x * x;
  const l = productError(x, x, h);
  const e = expNonPositive(-0.5 * h);
  const p = x * INV_SQRT_2PI;
  const pl = productError(x, INV_SQRT_2PI, p) + x * INV_SQRT_2PI_LO;
  const q = p * e;
  const ql = productError(p, e, q) + pl * e - 0.5 * l * q;
  const s = cdf + q;
  const sv = s - cdf;
  return s + (cdf - (s - sv) + (q - sv) + ql);
}

/**
 * erfc(−x/√2) for x < 0 (argument z = −x/√2 > 0). fl(x·(1/√2)) is off by up to half an ulp of z, and
 * erfc(z) turns a relative error δ of z into about 2z²·δ: the plain 0.5·x·erfc(−x·√½) is off by up to
 * 869 ulps on our fixture (at x = −26.24), its derivative Φ + x·φ without double-double x² by 216.
 * So the rest of z is computed exactly (Dekker product plus the low part of 1/√2) and added back
 * through erfc(z + ε) ≈ erfc(z) − ε·(2/√π)·e^(−z²) (`erfcShifted`, which saves an exp there).
 */
function erfcNegScaled(x: number): number {
  const zh = -x * SQRT1_2;
  const zl = productError(-x, SQRT1_2, zh) - x * SQRT1_2_LO;
  return erfcShifted(zh, zl);
}

/**
 * The asymptotic series Φ(x)·|x|/φ(x) = 1 − 1/x² + 3/x⁴ − 15/x⁶ + … for x ≤ −30. Below x ≈ −37.5
 * erfc(−x/√2) is subnormal and has lost bits before it is multiplied by x/2; the series lets us form
 * the result as a product of normal numbers that rounds only once, at the end. At |x| ≥ 30 the
 * first omitted term, 34459425/x¹⁸, is below 1e−19, so nine terms give full precision.
 */
function millsSeries(x: number): number {
  return 1 + millsSeriesRest(x);
}

/** millsSeries(x) − 1, about −1/x² (−0.0011 at x = −30): kept apart, its rounding weighs 1000× less. */
function millsSeriesRest(x: number): number {
  const t = 1 / (x * x);
  return t * (-1 + t * (3 + t * (-15 + t * (105 + t * (-945 + t * (10395 + t * (-135135 + t * 2027025)))))));
}

/**
 * m·φ(x) for −39 ≤ x ≤ −30, where φ(x) = e^(−x²/2)/√(2π) ranges from 1e−196 down into the subnormal
 * range. x² is carried as a double-double (see `plusXPhi`); once e^(−x²/2) would be subnormal
 * (x²/2 > 708) it is formed as e^(−x²/4)·e^(−x²/4) with m folded into the first factor, so only the
 * final product rounds into the subnormal range.
 */
function gaussianTail(x: number, m: number): number {
  const h = x * x;
  const c = m * INV_SQRT_2PI * (1 - 0.5 * productError(x, x, h));
  if (h < 1416) return c * expNonPositive(-0.5 * h);
  const e = expNonPositive(-0.25 * h);
  return c * e * e;
}

/** INV_SQRT_2PI_LO/INV_SQRT_2PI: the relative rest of 1/√(2π), folded into `geluTail`'s δ. */
const INV_SQRT_2PI_REL = INV_SQRT_2PI_LO / INV_SQRT_2PI;

/**
 * 2^200 and 2^−200: a product carried with its rounding error (`productError`) near the smallest
 * normal numbers is formed 2^200 times larger, where its partial products are not subnormal (each
 * would round by up to 2^−1075, half an ulp of such a result), and scaled back at the end.
 */
const TWO_POW_200 = 2 ** 200;
const TWO_POW_MINUS_200 = 2 ** -200;

/**
 * x·Φ(x) = −millsSeries(x)·φ(x) for −39 ≤ x < −30, as −K·e·(1 + δ) with K = 1/√(2π), e =
 * e^(−fl(x²)/2) and δ = (millsSeries − 1) − l/2·millsSeries + K's rest/K (l: x²'s rounding error).
 * The terms of δ are 1e−3 or less, so their roundings vanish; K·e is carried with its rounding error,
 * so only exp's error and one final rounding remain, where `gaussianTail`'s product of five
 * rounded factors adds up to an ulp or more (K·e is formed 2^200 times larger: see TWO_POW_200).
 * Below x ≈ −37.6 (fl(x²) ≥ 1416) the result is subnormal and e^(−x²/2)
 * would be too: (K·e′·(1 + δ))·e′ with e′ = e^(−x²/4) instead.
 */
function geluTail(x: number): number {
  const h = x * x;
  const d = millsSeriesRest(x);
  const delta = d + (INV_SQRT_2PI_REL - 0.5 * productError(x, x, h) * (1 + d));
  if (h < 1416) {
    const e = expNonPositive(-0.5 * h) * TWO_POW_200;
    const p = INV_SQRT_2PI * e;
    return -((p + (productError(INV_SQRT_2PI, e, p) + p * delta)) * TWO_POW_MINUS_200);
  }
  const e = expNonPositive(-0.25 * h);
  const p = INV_SQRT_2PI * e;
  return -((p + p * delta) * e);
}

/** Below this, x·Φ(x) and its derivative are computed from `millsSeries` (see there). */
const ASYMPTOTIC_EDGE = -30;

/**
 * Below this, |x·Φ(x)| < 2^−1075 (half the smallest subnormal): the exact value rounds to −0
 * (x·Φ(x) ≈ −φ(x) and φ(−38.56) ≈ 2.47e−324).
 */
const EXACT_UNDERFLOW = -39;

/**
 * Exact GELU, x·Φ(x) = (x/2)·erfc(−x/√2). PyTorch computes x·½·(1 + erf(x/√2)), which cancels for
 * x < −3 and returns −0 from x ≈ −8.374 on (measured), where the true value is still a normal number
 * down to x ≈ −37.5; erfc has no such cancellation.
 */
function geluExact(x: number): number {
  if (x >= 0) return 0.5 * x * erfc(-x * SQRT1_2); // erfc(z ≤ 0) ∈ [1, 2]: well conditioned
  if (x >= ASYMPTOTIC_EDGE) return 0.5 * x * erfcNegScaled(x);
  if (x >= EXACT_UNDERFLOW) return geluTail(x);
  // NaN falls through every comparison above; −∞ and x < −39 give the limit −0.
  return x !== x ? x : -0;
}

/**
 * GELU′(x) = Φ(x) + x·φ(x). At ±∞ autograd evaluates ∞·0 = NaN in x·φ(x), and so do we (the
 * derivative contract follows autograd at infinities).
 */
function geluExactDerivative(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x > 40) return 1; // Φ(x) rounds to 1 and x·φ(x) < 2^−1000
  if (x >= 0) return plusXPhi(0.5 * erfc(-x * SQRT1_2), x);
  if (x >= ASYMPTOTIC_EDGE) return plusXPhi(0.5 * erfcNegScaled(x), x);
  // Φ + x·φ = x·φ·(1 − S/x²), no cancellation here (S/x² < 0.0012).
  if (x >= EXACT_UNDERFLOW) return gaussianTail(x, x * (1 - millsSeries(x) / (x * x)));
  return -0; // the true value is negative and below half the smallest subnormal
}

/**
 * s·x·(1 + k·x²) as a double-double (hi, lo), for |x| ≤ 23, with s = sHi + sLo and k = kHi + kLo
 * given to about 106 bits. Used for the tanh argument w = −2·√(2/π)·(x + 0.044715x³) and for the
 * slope 2x·u′ = 2√(2/π)·x·(1 + 3·0.044715x²): e^w amplifies a relative error δ of w into |w|·δ
 * (|w| reaches 900), and 1 + 2x·u′·(1 − σ) cancels near the derivative's zero, so both are carried
 * beyond double precision (Dekker products via `productError`, Knuth's two-sum).
 */
function scaledCubic(x: number, kHi: number, kLo: number, sHi: number, sLo: number): [number, number] {
  const h = x * x;
  const l = productError(x, x, h);
  const p = kHi * h;
  const pl = productError(kHi, h, p) + kHi * l + kLo * h;
  const a = 1 + p;
  const av = a - 1;
  const al = 1 - (a - av) + (p - av) + pl;
  const m = x * a;
  const ml = productError(x, a, m) + x * al;
  const w = sHi * m;
  const wl = productError(sHi, m, w) + sHi * ml + sLo * m;
  const hi = w + wl;
  return [hi, wl - (hi - w)];
}

const TANH_K3 = 3 * GELU_TANH_COEFF;
const TANH_K3_LO = productError(3, GELU_TANH_COEFF, TANH_K3) + 3 * GELU_TANH_COEFF_LO;

/** w = −2u = −2·√(2/π)·(x + 0.044715x³), so that ½(1 + tanh u) = 1/(1 + e^w). */
function tanhArgument(x: number): [number, number] {
  return scaledCubic(x, GELU_TANH_COEFF, GELU_TANH_COEFF_LO, -2 * SQRT_2_OVER_PI, -2 * SQRT_2_OVER_PI_LO);
}

/** Below this, |GELU_tanh(x)| and its derivative are below 2^−1075 (|w| > 900): they round to −0. */
const TANH_UNDERFLOW = -23;

/** Where e^(−w) turns subnormal: beyond it 1 + e^(−w) rounds to 1 and e^(−w) is split (`geluTanh`). */
const EXP_SUBNORMAL = 700;
/** e^(−w) = e^(−FAR_SHIFT)·e^(FAR_SHIFT − w) beyond EXP_SUBNORMAL: FAR_SHIFT − w is exact (Sterbenz) up to w = 920. */
const FAR_SHIFT = 460;
/** e^(−460) (mpmath) times TWO_POW_200, and its relative rest: the first factor of that split, as a double-double. */
const EXP_MINUS_FAR = 1.6770203186015345e-200 * TWO_POW_200;
const EXP_MINUS_FAR_REL = 1.577857327899402e-217 / 1.6770203186015345e-200;

/**
 * PyTorch's tanh approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))), evaluated as x·σ(2u) =
 * x/(1 + e^w). PyTorch's own formula cancels in 1 + tanh for x < −3 (tanh → −1) and returns −0
 * from x ≈ −7.145 on (measured), where the true value of the formula is a normal number down to
 * x ≈ −21. Every exponential here has a non-positive argument: `expNonPositive`, the module's exp (fdlibm's),
 * inlined (twice as fast as the call, measured).
 */
function geluTanh(x: number): number {
  if (x >= 0) {
    // e^w ≤ 1 here, so its relative error barely reaches the result; x³ may overflow to ∞ (w = −∞).
    const w = -2 * SQRT_2_OVER_PI * x * (1 + GELU_TANH_COEFF * x * x);
    return x / (1 + expNonPositive(w));
  }
  if (x >= TANH_UNDERFLOW) {
    const [w, wl] = tanhArgument(x);
    if (w > EXP_SUBNORMAL) {
      // 1 + t rounds to 1: x·t = (x·e^(−460))·(1 − wl)·e^(460 − w), a product of normal numbers whose
      // first factor is carried with its rounding error, so that only exp's error and the final
      // rounding remain (e^(−w/2) squared would double the first); 2^200 times larger (TWO_POW_200),
      // and for −x, so that an underflow gives +0 throughout and the result −0.
      const f = expNonPositive(FAR_SHIFT - w);
      const a = -x * EXP_MINUS_FAR;
      const al = productError(-x, EXP_MINUS_FAR, a) + a * (EXP_MINUS_FAR_REL - wl);
      const p = a * f;
      return -((p + (productError(a, f, p) + al * f)) * TWO_POW_MINUS_200);
    }
    // x·t/(1 + t) with t = e^(−w − wl) ≈ e·(1 − wl) and 1 + t = d + (1 − d + e) − e·wl exactly, d =
    // fl(1 + e): q = x·e/d times 1 − wl − (1 − d + e − e·wl)/d, so that neither wl nor the rounding
    // of 1 + e is lost to a rounding of t or of 1 + t (each cost up to half an ulp, and
    // exp's error and the two roundings of q remain).
    const e = expNonPositive(-w);
    const d = 1 + e;
    const q = (x * e) / d;
    // min with −0: where q underflows to −0, a +0 from q·(…) would otherwise take its sign.
    return Math.min(q + q * (-wl - (1 - d + e - e * wl) / d), -0);
  }
  return x !== x ? x : -0; // NaN, or the limit −0 (−∞ included)
}

/**
 * d/dx ½x(1 + tanh u) = s + 2x·u′·s·(1 − s) with s = σ(2u), u′ = √(2/π)(1 + 3·0.044715x²). Autograd
 * gives NaN at ±∞ and, measured, at |x| ≥ 1.4e154 (x² overflows and meets 1 − tanh² = 0: ∞·0); we
 * give NaN at ±∞ like autograd and the exact value (1 or −0) at every finite x.
 */
function geluTanhDerivative(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const du2x = 2 * x * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_COEFF * x * x);
  if (x >= 0) {
    const w = -2 * SQRT_2_OVER_PI * x * (1 + GELU_TANH_COEFF * x * x);
    const e = expNonPositive(w);
    if (e === 0) return 1;
    const d = 1 + e;
    return 1 / d + (du2x * e) / (d * d);
  }
  if (x >= TANH_UNDERFLOW) {
    const [w, wl] = tanhArgument(x);
    if (w > EXP_SUBNORMAL) {
      const e = exp(-0.5 * w);
      return (1 + du2x) * (1 - wl) * e * e;
    }
    // s·(1 + P·(1 − s)) with s = t/(1 + t) is t·(1 + t + P)/(1 + t)², t = e^−w. The numerator cancels
    // near the zero at x ≈ −0.7525, so 1 + P + t is summed exactly from the double-double P; and
    // numerator and denominator are double-doubles divided once (`quotientDD`), with t = e + tl
    // (e = exp(−w), tl = −e·wl): rounding each step would add several ulps around x ≈ −1.7;
    // this way only exp's error (weight about 1) and the final rounding remain.
    const e = exp(-w);
    const tl = -e * wl;
    const [P, Pl] = scaledCubic(x, TANH_K3, TANH_K3_LO, 2 * SQRT_2_OVER_PI, 2 * SQRT_2_OVER_PI_LO);
    const a = 1 + P;
    const al = sumError(1, P, a) + Pl;
    const n = a + e;
    const nl = sumError(a, e, n) + al + tl; // 1 + P + t
    const num = e * n;
    const numLo = productError(e, n, num) + e * nl + tl * n;
    const d = 1 + e;
    const dl = 1 - d + e + tl; // Fast2Sum: e < 1 (w > 0)
    const den = d * d;
    return quotientDD(num, numLo, den, productError(d, d, den) + 2 * d * dl);
  }
  return -0;
}

/**
 * The TypeScript `map` loops, one per formula and array type: each stays monomorphic (one element
 * type, one callee, inlined), where a single loop over both types and both formulas was compiled for
 * all four and ran up to 1.5× slower (measured). Each stores exactly `forward`'s value (Float32Array:
 * its float32 rounding). `mapKernel` runs the WebAssembly kernels of asm/gelu.ts first (`gelu`,
 * `geluTanh`), which store the same values (test/gelu-kernel.test.ts); these loops are their
 * fallback.
 */
function mapExact64(xs: Float64Array, out: Float64Array): void {
  for (let i = 0; i < xs.length; i++) out[i] = geluExact(xs[i]!);
}
function mapExact32(xs: Float32Array, out: Float32Array): void {
  for (let i = 0; i < xs.length; i++) out[i] = geluExact(xs[i]!);
}
function mapTanh64(xs: Float64Array, out: Float64Array): void {
  for (let i = 0; i < xs.length; i++) out[i] = geluTanh(xs[i]!);
}
function mapTanh32(xs: Float32Array, out: Float32Array): void {
  for (let i = 0; i < xs.length; i++) out[i] = geluTanh(xs[i]!);
}

/**
 * GELU, x·Φ(x) with Φ the standard normal CDF. PyTorch: torch.nn.functional.gelu /
 * torch.nn.GELU(approximate='none' | 'tanh').
 */
export const gelu = defineActivation<GeluParams, 'gelu'>({
  id: 'gelu',
  name: 'GELU',
  summary: 'The Gaussian error linear unit: the input weighted by the probability that a standard normal variable is below it, x·Φ(x).',
  torchFunction: 'torch.nn.functional.gelu',
  torchModule: 'torch.nn.GELU',
  defaults: { approximate: 'none' },
  params: [
    {
      name: 'approximate',
      torchName: 'approximate',
      symbol: String.raw`\text{approximate}`,
      description:
        "'none' computes the exact x·Φ(x) through the error function; 'tanh' computes PyTorch's tanh approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))).",
      choices: ['none', 'tanh'],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{GELU}(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\!\left(\frac{x}{\sqrt{2}}\right)\right)`,
    derivative: String.raw`\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x), \qquad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}`,
    notes: [
      String.raw`\operatorname{GELU}_{\tanh}(x) = \frac{x}{2}\left(1 + \tanh\!\left(\sqrt{2/\pi}\,\left(x + 0.044715\,x^3\right)\right)\right)`,
      String.raw`\begin{aligned} \operatorname{GELU}_{\tanh}'(x) &= \frac{1}{2}\left(1 + \tanh u\right) + \frac{x}{2}\left(1 - \tanh^2 u\right)\sqrt{2/\pi}\left(1 + 3 \cdot 0.044715\,x^2\right), \\ u &= \sqrt{2/\pi}\,\left(x + 0.044715\,x^3\right) \end{aligned}`,
      String.raw`\operatorname{GELU}(x) = \frac{x}{2}\operatorname{erfc}\!\left(-\frac{x}{\sqrt{2}}\right) \text{ (the form evaluated here: no cancellation for } x < -3\text{)}`,
    ],
  },
  kinkConvention: 'GELU is smooth everywhere: there is no kink.',
  properties: {
    // min at x ≈ −0.75179 (mpmath, 50 digits): −0.16997120747990366; the tanh form's is −0.17004075057125406.
    range: { min: -0.16997120747990366, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[-0.16997\ldots, \infty)`,
    monotonic: false,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0,
    df0: 0.5,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['hendrycks2016gelu'],
  tradeOffs: {
    advantages: [
      {
        text: 'Weights inputs by their value instead of gating them by their sign as ReLU does: x·Φ(x) is the expected output of a random 0/1 mask that keeps x with probability Φ(x), so smaller inputs are more likely to be dropped.',
        evidence: [
          {
            kind: 'paper',
            key: 'hendrycks2016gelu',
            where: 'Section 2',
            shows: 'GELU defined as the expectation of a stochastic zero-or-identity map with keep probability Φ(x)',
          },
        ],
      },
      {
        text: 'In its authors’ experiments it matched or beat ReLU and ELU on every task tried (MNIST classification and autoencoding, Twitter POS tagging, TIMIT, CIFAR-10/100), by small margins: for example 7.89% CIFAR-10 error against 8.16% for ReLU, and 20.74% against 21.77% on CIFAR-100.',
        evidence: [
          {
            kind: 'paper',
            key: 'hendrycks2016gelu',
            where: 'Section 3.1–3.5, Figures 2–7',
            shows: 'median results over 3–5 runs per task; GELU lowest on each, with margins of tenths of a percent to about a point',
          },
        ],
      },
      {
        text: 'Smooth (C^∞): its derivative Φ(x) + x·φ(x) is continuous everywhere, tends to 1 for large positive inputs and to 0 for large negative ones; there is no kink.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'The GELU paper suggests that its curvature and non-monotonicity may let it approximate complicated functions more easily than ReLU or ELU; this is a conjecture there, not tested.',
        evidence: [{ kind: 'conjecture', key: 'hendrycks2016gelu' }],
      },
    ],
    disadvantages: [
      {
        text: 'Costlier than ReLU: it needs the error function (or a tanh for the approximation) where ReLU needs one comparison.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' }],
      },
      {
        text: 'No closed form in elementary functions: implementations use the error function or one of the approximations the paper gives (the tanh form or x·σ(1.702x)), which are close to it but not equal.',
        evidence: [
          {
            kind: 'paper',
            key: 'hendrycks2016gelu',
            where: 'Section 2',
            shows: 'defines GELU through erf and gives the tanh and x·σ(1.702x) approximations for speed',
          },
        ],
      },
      {
        text: 'Not monotonic: it decreases for inputs below about −0.75, where it reaches its minimum of about −0.17, so two different inputs can give the same output.',
        evidence: [
          { kind: 'property', property: 'monotonic' },
          { kind: 'property', property: 'range' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'As a smooth replacement for ReLU in hidden layers, where its authors found small but consistent gains across vision, language and speech tasks.',
        evidence: [{ kind: 'paper', key: 'hendrycks2016gelu', where: 'Section 3, Section 5', shows: 'GELU ahead of ReLU and ELU on every data set evaluated' }],
      },
      {
        text: 'Whether it beats ReLU on a small problem is measured here rather than assumed: the training experiment compares GELU, SiLU and Mish with ReLU over several seeds and reports which data sets, if any, show a difference beyond the seed-to-seed interval.',
        evidence: [{ kind: 'measured', experiment: 'training', finding: 'smooth-gated-vs-relu' }],
      },
      {
        text: "Use approximate='tanh' to reproduce models trained with it (the GELU paper’s own experiments used the tanh form); the exact x·Φ(x) is the definition.",
        evidence: [
          {
            kind: 'paper',
            key: 'hendrycks2016gelu',
            where: 'Section 2, Section 4',
            shows: 'the tanh formula is offered as an approximation; Section 4 says it was used in every experiment of the paper',
          },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough calls x·Φ(x) an approximation. x·Φ(x) is the exact definition of GELU; the tanh formula (and x·σ(1.702x)) are the approximations of it.',
        evidence: [
          {
            kind: 'paper',
            key: 'hendrycks2016gelu',
            where: 'Section 2',
            shows: 'GELU(x) = xΦ(x) is the definition; the tanh and sigmoid forms are introduced as approximations',
          },
        ],
      },
      {
        text: 'The walkthrough says an exact formulation "involves more complex operations"; the exact form is (x/2)(1 + erf(x/√2)), one call to the error function.',
        evidence: [{ kind: 'paper', key: 'hendrycks2016gelu', where: 'Section 2', shows: 'GELU(x) = x·½[1 + erf(x/√2)]' }],
      },
    ],
  },
  examples: [
    { x: 1, forward: 0.8413447460685429, derivative: 1.0833154705876864 },
    { x: -1, forward: -0.15865525393145705, derivative: -0.0833154705876863 },
    {
      x: -10,
      forward: -7.619853024160526e-23,
      derivative: -7.618400096464814e-22,
      note: "PyTorch's float64 kernel returns −0 here: 1 + erf(−7.07) cancels completely.",
    },
    {
      x: 1,
      params: { approximate: 'tanh' },
      forward: 0.8411919906082767,
      derivative: 1.0829640838457826,
      note: 'the tanh approximation is within 2e−4 of the exact value here',
    },
    {
      x: -5,
      params: { approximate: 'tanh' },
      forward: -2.291796196629506e-7,
      derivative: -1.5463619875325946e-6,
      note: 'far from the exact −1.43e−6 in relative terms: the approximation’s tail decays too fast',
    },
  ],
  seeAlso: ['silu', 'swish', 'mish', 'relu', 'elu'],
  family: 'smooth-gated',
  kernelGroup: 'gelu',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) =>
    p.approximate === 'tanh'
      ? (xs, out) => {
          const k = Math.sqrt(2 / Math.PI);
          for (let i = 0; i < xs.length; i++) {
            const x = xs[i]!;
            out[i] = 0.5 * x * (1 + Math.tanh(k * (x + 0.044715 * x * x * x)));
          }
        }
      : (xs, out) => {
          for (let i = 0; i < xs.length; i++) {
            const x = xs[i]!;
            out[i] = 0.5 * x * (1 + erfAS(x / Math.SQRT2));
          }
        },
  onnx: { opType: 'Gelu', attributes: { approximate: { param: 'approximate' } }, opset: 20 },
  reference: {
    torch: 'F.gelu(x, approximate=p["approximate"])',
    exact: 'x * ncdf(x) if p["approximate"] == "none" else gelu_tanh_f(x)',
    exactDerivative: 'ncdf(x) + x * npdf(x) if p["approximate"] == "none" else gelu_tanh_df(x)',
    paramSets: [{ approximate: 'tanh' }],
  },
  forward: (x, p) => (p.approximate === 'tanh' ? geluTanh(x) : geluExact(x)),
  derivative: (x, p) => (p.approximate === 'tanh' ? geluTanhDerivative(x) : geluExactDerivative(x)),
  mapKernel(xs, out, p) {
    const tanh = p.approximate === 'tanh';
    // The WebAssembly kernels: float64 exactly the loops' values (asm/gelu.ts); float32 within 1 ulp
    // of their rounding (asm/gelu32.ts, a fitted polynomial; `npm run bench` times both).
    if (tanh ? runWasm('geluTanh', xs, out) : runWasm('gelu', xs, out)) return;
    if (xs instanceof Float64Array) (tanh ? mapTanh64 : mapExact64)(xs, out as Float64Array);
    else (tanh ? mapTanh32 : mapExact32)(xs, out as Float32Array);
  },
});
