import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { productError, quotientDD } from '../math/stable.js';
import { exp, expNonPositive } from '../math/libm.js';

/**
 * x − tanh(x) for x ≥ 0, without the cancellation of the literal formula (PyTorch's kernel), which
 * keeps no digit at all for |x| < 1e-8 (it returns 0 where the value is x³/3) and loses about
 * log10(3/x²) digits below 1.
 *
 * - x < 1: Lambert's continued fraction tanh x = x/(1 + q), q = x²/(3 + x²/(5 + x²/(7 + …))), so
 *   x − tanh x = x·q/(1 + q). Every partial denominator is a sum of positive terms, so nothing
 *   cancels; we wrote it ourselves because no library function gives x − tanh x.
 * - x ≥ 1: x − tanh x = (x − 1) + 2/(e^2x + 1), a sum of two non-negative terms (x − 1 is exact).
 */
function tanhshrinkPositive(x: number): number {
  if (x < 1) {
    const x2 = x * x;
    // Cut at 21: the truncation error is 4e-22 relative at x = 1, its worst point (mpmath).
    let a = 21;
    for (let k = 19; k >= 3; k -= 2) a = k + x2 / a;
    const q = x2 / a;
    return (x * q) / (1 + q);
  }
  return x - 1 + 2 / (exp(2 * x) + 1);
}

/**
 * Odd. A tiny negative input gives −0 (the value, about x³/3, is negative and underflows); at
 * x = −0 itself we return +0 like PyTorch (−0 − tanh(−0) = +0), since the slope there is 0 and no
 * sign is implied.
 */
function tanhshrinkForward(x: number): number {
  return x < 0 ? -tanhshrinkPositive(-x) : x > 0 ? tanhshrinkPositive(x) : x === 0 ? 0 : x;
}

/** Below 2^−400, tanh² x = x²·(1 − 2x²/3 + …) rounds like x², whose low part would underflow. */
const TINY = 2 ** -400;

/**
 * tanh²(x), even. In tanh(x)², tanh's own error (up to about 1 ulp) counts twice, and more
 * roundings add to it. Here every step keeps its rounding error (TwoSum,
 * Dekker products, `quotientDD`), so that only the final rounding and a fraction of one ulp remain:
 * - |x| < 1: tanh x = x/(1 + q) with q = x²/a, a = 3 + b from the continued fraction of
 *   `tanhshrinkPositive` (b's rounding errors enter q's relative error with weight below 0.07), so
 *   tanh² x = x²/(1 + q)², both squares formed as double-doubles;
 * - |x| ≥ 1: tanh x = (1 − u)/(1 + u) with u = e^−2|x| ≤ e^−2, so tanh² x = (1 − u)²/(1 + u)²; the
 *   error of exp enters with weight 4u/(1 − u²) ≤ 0.55.
 * ±∞ give 1 (PyTorch's too), NaN gives NaN.
 */
function tanhshrinkDerivative(x: number): number {
  const ax = Math.abs(x);
  if (ax < TINY) return ax * ax;
  let nh: number, nl: number, dh: number, dl: number;
  if (ax < 1) {
    const h = ax * ax;
    const l = productError(ax, ax, h);
    // b = x²/(5 + x²/(7 + … + x²/21)): the same continued fraction as `tanhshrinkPositive`, summed
    // into one ratio of polynomials in x² (exact integer coefficients, all positive) so that it
    // costs one division instead of eight; its rounding errors reach q only through b/a < 0.07.
    const b = (h * ((((h + 1950) * h + 546975) * h + 43648605) * h + 916620705)) / ((((65 * h + 42900) * h + 6891885) * h + 349188840) * h + 4583103525);
    const a = 3 + b;
    const al = 3 - a + b; // Fast2Sum: b < 3
    // q = (h + l)/(a + al) as a double-double: q's remainder over a.
    const q = h / a;
    const qa = q * a;
    const ql = (h - qa - productError(q, a, qa) + l - q * al) / a;
    const d = 1 + q;
    const dLo = 1 - d + q + ql; // Fast2Sum: q < 1
    nh = h;
    nl = l;
    dh = d * d;
    dl = productError(d, d, dh) + 2 * d * dLo;
  } else {
    const u = expNonPositive(-2 * ax);
    const m = 1 - u;
    const mLo = 1 - m - u; // Fast2Sum: u < 1
    const p = 1 + u;
    const pLo = 1 - p + u;
    nh = m * m;
    nl = productError(m, m, nh) + 2 * m * mLo;
    dh = p * p;
    dl = productError(p, p, dh) + 2 * p * pLo;
  }
  return quotientDD(nh, nl, dh, dl);
}

/**
 * Tanhshrink, x − tanh(x). PyTorch: torch.nn.functional.tanhshrink / torch.nn.Tanhshrink.
 */
export const tanhshrink = defineActivation({
  id: 'tanhshrink',
  name: 'Tanhshrink',
  summary: 'x − tanh(x): flat (cubic, x³/3) near zero and parallel to the identity, offset by ∓1, for large |x|.',
  torchFunction: 'torch.nn.functional.tanhshrink',
  torchModule: 'torch.nn.Tanhshrink',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{Tanhshrink}(x) = x - \tanh(x)`,
    derivative: String.raw`\operatorname{Tanhshrink}'(x) = 1 - \operatorname{sech}^2(x) = \tanh^2(x)`,
    notes: [String.raw`x - \tanh(x) = \frac{x^3}{3} - \frac{2x^5}{15} + \frac{17x^7}{315} - \cdots \text{ for } |x| < \tfrac{\pi}{2}`],
  },
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: true,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [],
  },
  papers: [],
  tradeOffs: {
    advantages: [
      {
        text: 'Smooth shrinkage: it suppresses small inputs (cubically, about x³/3) and passes large ones shifted by ∓1, a smooth (C^∞) relative of soft-thresholding.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'f0' },
          { kind: 'property', property: 'df0' },
        ],
      },
      {
        text: 'Zero-centred, odd and monotonic, with a gradient tanh²(x) that never exceeds 1.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'monotonic' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Near-zero gradient around 0 (f′(0) = 0): units whose inputs stay small barely learn.',
        evidence: [{ kind: 'property', property: 'df0' }],
      },
      {
        text: 'Unbounded in both directions, and little used as a hidden activation; on our small problems it trains worse than ReLU on spirals (training experiment).',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'measured', experiment: 'training', finding: 'shrink-functions-vs-relu' },
        ],
      },
      {
        text: 'Computed literally as x − tanh(x) it cancels near 0, since f′(0) = 0 means tanh(x) agrees with x to first order: about 6 of 16 significant digits survive at x = 1e−5 and none below about 1e−8, where PyTorch’s float64 kernel returns 0 (this module avoids the cancellation).',
        evidence: [{ kind: 'property', property: 'df0' }],
      },
    ],
    whenToUse: [
      {
        text: 'Where a smooth (C^∞) stand-in for soft-thresholding (Softshrink) is wanted, e.g. when second derivatives must exist.',
        evidence: [{ kind: 'property', property: 'continuity' }],
      },
      {
        text: 'As a general hidden-layer activation only after checking it on the task: in our training experiment it falls below ReLU’s interval of test accuracy on spirals and matches it on the other four data sets.',
        evidence: [{ kind: 'measured', experiment: 'training', finding: 'shrink-functions-vs-relu' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 1.035972419924183, derivative: 0.9293491751468356 },
    { x: -1, forward: -0.23840584404423512, derivative: 0.580025658385974 },
    { x: 0.5, forward: 0.03788284273999024, derivative: 0.2135522670340726 },
    {
      x: 1e-5,
      forward: 3.333333333200001e-16,
      derivative: 9.999999999333335e-11,
      note: 'x − tanh(x) computed literally keeps only about 6 of 16 significant digits here (it cancels)',
    },
    { x: 0, forward: 0, derivative: 0 },
  ],
  seeAlso: ['tanh', 'softshrink', 'hardshrink'],
  family: 'other',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x - Math.tanh(x);
    }
  },
  reference: {
    torch: 'F.tanhshrink(x)',
    exact: 'x - mpmath.tanh(x)',
    exactDerivative: 'mpmath.tanh(x) ** 2',
  },
  forward: tanhshrinkForward,
  derivative: tanhshrinkDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/tanhshrink.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('tanhshrink', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = tanhshrinkForward(xs[i]!);
  },
});
