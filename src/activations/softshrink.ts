import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Softshrink (soft thresholding): x - λ above λ, x + λ below -λ, 0 between. PyTorch:
 * torch.nn.functional.softshrink / torch.nn.Softshrink (lambd = 0.5).
 * Measured on torch 1.13 (float64): the kernel is `x > λ ? x - λ : x < -λ ? x + λ : 0`, so NaN gives
 * 0 (not NaN), and -0 gives +0; we match both. The backward zeroes the gradient where -λ <= x <= λ:
 * 0 at the kinks ±λ, and 1 at NaN in the scalar kernel, which we follow (the vectorised kernel, on
 * the bulk of tensors with 8 or more float64 elements, gives 0 at NaN). PyTorch raises "lambda must be
 * greater or equal to 0" for a negative or NaN λ; we raise a RangeError. λ = Infinity is accepted (the
 * function is then 0 everywhere), as in PyTorch.
 */
export const softshrink = defineActivation({
  id: 'softshrink',
  name: 'Softshrink',
  summary: 'Soft thresholding: zeroes inputs within λ of 0 and moves every other input λ closer to 0.',
  torchFunction: 'torch.nn.functional.softshrink',
  torchModule: 'torch.nn.Softshrink',
  defaults: { lambda: 0.5 },
  params: [
    {
      name: 'lambda',
      torchName: 'lambd',
      symbol: String.raw`\lambda`,
      description: 'Half-width of the dead zone and the amount every other input is shrunk by; must be >= 0 (PyTorch default 0.5).',
      range: [0, 2],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{Softshrink}(x) = \begin{cases} x - \lambda & \text{if } x > \lambda \\ x + \lambda & \text{if } x < -\lambda \\ 0 & \text{otherwise} \end{cases}`,
    derivative: String.raw`\operatorname{Softshrink}'(x) = \begin{cases} 1 & \text{if } |x| > \lambda \\ 0 & \text{if } |x| \le \lambda \end{cases}`,
    notes: [String.raw`\operatorname{Softshrink}(x) = \operatorname{sign}(x)\,\max(|x| - \lambda, 0)`],
  },
  kinkConvention: 'At x = ±λ the derivative is undefined; PyTorch autograd returns 0 at both (the gradient passes only where |x| > λ).',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: true,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [
      { x: -0.5, derivative: 0 },
      { x: 0.5, derivative: 0 },
    ],
  },
  papers: ['donoho1995softthreshold'],
  tradeOffs: {
    advantages: [
      {
        text: 'Produces exact zeros for |x| ≤ λ (sparsity) while staying continuous, unlike Hardshrink: it is the soft threshold that Donoho’s de-noising applies to empirical wavelet coefficients.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'kinks' },
          {
            kind: 'paper',
            key: 'donoho1995softthreshold',
            where: 'Abstract',
            shows: 'the estimator translates every empirical wavelet coefficient towards 0 by a fixed amount',
          },
        ],
      },
      {
        text: 'Denoising: Donoho proved that soft-thresholding the wavelet coefficients of noisy samples gives, with high probability, an estimate at least as smooth as the true function, and one that comes nearly as close in mean square as any estimator can, uniformly over broad smoothness classes.',
        evidence: [
          { kind: 'paper', key: 'donoho1995softthreshold', where: 'Abstract', shows: 'the [Smooth] and [Adapt] results for the soft-threshold estimator' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Biased: every surviving value is moved λ towards 0, even large ones (Hardshrink keeps them).',
        evidence: [{ kind: 'paper', key: 'donoho1995softthreshold', where: 'Abstract', shows: 'all coefficients are translated towards 0 by the threshold' }],
      },
      {
        text: 'Zero gradient in the dead zone [−λ, λ]: units there do not learn.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Not differentiable at ±λ, and λ must be chosen: Donoho’s de-noising sets it from the noise level and the sample size, σ·√(2 log n)/√n.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'paper', key: 'donoho1995softthreshold', where: 'Abstract', shows: 'the threshold σ√(2 log n)/√n' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Denoising by thresholding coefficients in a wavelet (or other orthogonal) basis, with λ set from the noise level.',
        evidence: [
          { kind: 'paper', key: 'donoho1995softthreshold', where: 'Abstract', shows: 'de-noising by soft-thresholding empirical wavelet coefficients' },
        ],
      },
      {
        text: 'As a general hidden-layer activation only after checking it on the task: in our training experiment it falls below ReLU’s interval of test accuracy on spirals and matches it on the other four data sets.',
        evidence: [{ kind: 'measured', experiment: 'training', finding: 'shrink-functions-vs-relu' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 1.5, derivative: 1 },
    { x: -1.25, forward: -0.75, derivative: 1 },
    { x: 0.25, forward: 0, derivative: 0 },
    { x: 2, params: { lambda: 1.5 }, forward: 0.5, derivative: 1 },
    { x: 0.5, forward: 0, derivative: 0, note: 'the kink: autograd returns 0' },
  ],
  seeAlso: ['hardshrink', 'tanhshrink', 'relu'],
  family: 'other',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const l = p.lambda;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x > l ? x - l : x < -l ? x + l : 0;
      }
    };
  },
  onnx: { opType: 'Shrink', attributes: { bias: { param: 'lambda' }, lambd: { param: 'lambda' } }, opset: 18 },
  reference: {
    torch: 'F.softshrink(x, p["lambda"])',
    exact: 'x - m(p["lambda"]) if x > m(p["lambda"]) else (x + m(p["lambda"]) if x < -m(p["lambda"]) else mpf(0))',
    exactDerivative: 'mpf(0) if -m(p["lambda"]) <= x <= m(p["lambda"]) else mpf(1)',
    paramSets: [{ lambda: 1 }, { lambda: 0 }, { lambda: 2.5 }, { lambda: 1.5 }, { lambda: 1e-3 }, { lambda: 0.1 }],
    kinks: (p) => [p.lambda, -p.lambda],
  },
  validate(p) {
    // Mirrors PyTorch's check ("lambda must be greater or equal to 0").
    if (!(p.lambda >= 0)) {
      throw new RangeError(`softshrink: parameter 'lambda' must be >= 0, got ${Object.is(p.lambda, -0) ? '-0' : p.lambda}`);
    }
  },
  forward: (x, p) => (x > p.lambda ? x - p.lambda : x < -p.lambda ? x + p.lambda : 0),
  derivative: (x, p) => (x >= -p.lambda && x <= p.lambda ? 0 : 1),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/softshrink.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('softshrink', xs, out, p.lambda)) return;
    const l = p.lambda;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > l ? x - l : x < -l ? x + l : 0;
    }
  },
});
