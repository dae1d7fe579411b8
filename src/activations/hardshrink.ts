import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Hardshrink (hard thresholding): x where |x| > λ, 0 elsewhere. PyTorch:
 * torch.nn.functional.hardshrink / torch.nn.Hardshrink (lambd = 0.5).
 * Measured on torch 1.13 (float64): the kernel is `-λ <= x <= λ ? 0 : x`, so NaN stays NaN and -0
 * gives +0; the backward uses the same mask: 0 at ±λ, and 1 at NaN in the scalar kernel, which we
 * follow (the vectorised kernel, on the bulk of tensors with 8 or more float64 elements, gives 0 at
 * NaN). PyTorch accepts a negative λ (unlike Softshrink): the dead zone is then empty and the
 * function is the identity. We match that; a NaN λ is a RangeError (PyTorch would act as the identity).
 */
export const hardshrink = defineActivation({
  id: 'hardshrink',
  name: 'Hardshrink',
  summary: 'Hard thresholding: zeroes inputs within λ of 0 and passes every other input unchanged.',
  torchFunction: 'torch.nn.functional.hardshrink',
  torchModule: 'torch.nn.Hardshrink',
  defaults: { lambda: 0.5 },
  params: [
    {
      name: 'lambda',
      torchName: 'lambd',
      symbol: String.raw`\lambda`,
      description: 'Half-width of the dead zone (PyTorch default 0.5); a negative value empties it, as in PyTorch.',
      range: [0, 2],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{Hardshrink}(x) = \begin{cases} x & \text{if } x > \lambda \\ x & \text{if } x < -\lambda \\ 0 & \text{otherwise} \end{cases}`,
    derivative: String.raw`\operatorname{Hardshrink}'(x) = \begin{cases} 1 & \text{if } |x| > \lambda \\ 0 & \text{if } |x| \le \lambda \end{cases}`,
  },
  kinkConvention: 'At x = ±λ the function jumps between 0 and ±λ; PyTorch autograd returns 0 there (the gradient passes only where |x| > λ).',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, -\lambda) \cup \{0\} \cup (\lambda, \infty)`,
    monotonic: true,
    continuity: 'discontinuous',
    zeroCentered: true,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [
      { x: -0.5, derivative: 0 },
      { x: 0.5, derivative: 0 },
    ],
  },
  papers: ['donoho1994ideal'],
  tradeOffs: {
    advantages: [
      {
        text: 'Keep or kill: exact zeros for |x| ≤ λ (sparsity), and every other input passed unchanged, without Softshrink’s bias.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'df0' },
        ],
      },
      {
        text: 'Keeping or killing each coefficient is the “selective wavelet reconstruction” that Donoho and Johnstone take as the ideal, oracle-guided estimator; their shrinkage method (RiskShrink) comes within a factor of about 2 log n of that ideal risk, using the data alone.',
        evidence: [
          {
            kind: 'paper',
            key: 'donoho1994ideal',
            where: 'Summary (abstract)',
            shows: 'selective wavelet reconstruction with an oracle; the oracle inequality, attained within a factor of about 2 log n',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Discontinuous at ±λ: the output jumps from 0 to ±λ, so small input changes can flip a value on or off.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Zero gradient in the dead zone [−λ, λ]: units there do not learn.',
        evidence: [{ kind: 'property', property: 'df0' }],
      },
      {
        text: 'λ is a hyper-parameter: both the dead zone and the jump sit at ±λ.',
        evidence: [{ kind: 'property', property: 'kinks' }],
      },
    ],
    whenToUse: [
      {
        text: 'Sparse representations and denoising by thresholding wavelet coefficients, where large values should pass unbiased.',
        evidence: [
          {
            kind: 'paper',
            key: 'donoho1994ideal',
            where: 'Summary (abstract)',
            shows: 'spatially adaptive estimation by selecting (keeping or killing) empirical wavelet coefficients',
          },
        ],
      },
      {
        text: 'As a general hidden-layer activation only after checking it on the task: in our training experiment it falls below ReLU’s interval of test accuracy on spirals, circles and XOR, and matches it on blobs and iris.',
        evidence: [{ kind: 'measured', experiment: 'training', finding: 'shrink-functions-vs-relu' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 2, derivative: 1 },
    { x: -0.75, forward: -0.75, derivative: 1 },
    { x: 0.25, forward: 0, derivative: 0 },
    { x: 1, params: { lambda: 1.5 }, forward: 0, derivative: 0 },
    { x: -0.5, forward: 0, derivative: 0, note: 'the jump: autograd returns 0' },
  ],
  seeAlso: ['softshrink', 'tanhshrink', 'relu'],
  family: 'other',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const l = p.lambda;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = Math.abs(x) > l ? x : 0;
      }
    };
  },
  onnx: { opType: 'Shrink', attributes: { bias: 0, lambd: { param: 'lambda' } }, opset: 18 },
  reference: {
    torch: 'F.hardshrink(x, p["lambda"])',
    exact: 'mpf(0) if -m(p["lambda"]) <= x <= m(p["lambda"]) else x',
    exactDerivative: 'mpf(0) if -m(p["lambda"]) <= x <= m(p["lambda"]) else mpf(1)',
    paramSets: [{ lambda: 1 }, { lambda: 0 }, { lambda: 2.5 }, { lambda: 2 }, { lambda: -1 }, { lambda: 0.1 }],
    kinks: (p) => [p.lambda, -p.lambda],
  },
  forward: (x, p) => (x >= -p.lambda && x <= p.lambda ? 0 : x),
  derivative: (x, p) => (x >= -p.lambda && x <= p.lambda ? 0 : 1),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/hardshrink.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('hardshrink', xs, out, p.lambda)) return;
    const l = p.lambda;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x >= -l && x <= l ? 0 : x;
    }
  },
});
