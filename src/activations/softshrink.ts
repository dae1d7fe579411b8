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
  kinkConvention:
    'At x = ±λ the derivative is undefined; PyTorch autograd returns 0 at both (the gradient passes only where |x| > λ).',
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
      { text: 'Produces exact zeros for small inputs (sparsity) while staying continuous: it is the proximal operator of the L1 norm, the step behind ISTA and LASSO solvers.', evidence: [] },
      { text: 'Denoising: coefficients below the noise level λ are removed and the rest shrunk, which Donoho and Johnstone showed is near-optimal for wavelet denoising.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Biased: every surviving value is moved λ towards 0, even large ones (Hardshrink keeps them).', evidence: [] },
      { text: 'Zero gradient in the dead zone [-λ, λ]: units there do not learn.', evidence: [] },
      { text: 'Not differentiable at ±λ; λ must be chosen or tuned.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Sparse coding and unrolled optimisation networks (e.g. LISTA), and denoising layers.', evidence: [] },
      { text: 'Rarely as a general-purpose hidden-layer activation.', evidence: [] },
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
  validate(p) {
    // Mirrors PyTorch's check ("lambda must be greater or equal to 0").
    if (!(p.lambda >= 0)) {
      throw new RangeError(`softshrink: parameter 'lambda' must be >= 0, got ${Object.is(p.lambda, -0) ? '-0' : p.lambda}`);
    }
  },
  forward: (x, p) => (x > p.lambda ? x - p.lambda : x < -p.lambda ? x + p.lambda : 0),
  derivative: (x, p) => (x >= -p.lambda && x <= p.lambda ? 0 : 1),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('softshrink', xs, out, p.lambda)) return;
    const l = p.lambda;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > l ? x - l : x < -l ? x + l : 0;
    }
  },
});
