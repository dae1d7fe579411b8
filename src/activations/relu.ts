import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * ReLU, max(0, x). PyTorch: torch.nn.functional.relu / torch.nn.ReLU.
 * Measured on torch 1.13 (float64): relu(-0) is -0 and relu(NaN) is NaN (clamp_min keeps its input
 * unless it is below 0); autograd's threshold_backward(grad, result, 0) zeroes the gradient where the
 * result is <= 0, so the derivative is 0 at x = 0 and -0, and 1 at NaN (NaN <= 0 is false). The
 * scalar and vectorised kernels agree on all of these.
 */
export const relu = defineActivation({
  id: 'relu',
  name: 'ReLU',
  summary: 'The rectified linear unit: passes positive inputs unchanged and sets the rest to zero.',
  torchFunction: 'torch.nn.functional.relu',
  torchModule: 'torch.nn.ReLU',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{ReLU}(x) = \max(0, x)`,
    derivative: String.raw`\operatorname{ReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{if } x \le 0 \end{cases}`,
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd returns 0 (threshold_backward passes the gradient only where the output is > 0, so NaN inputs get 1).',
  properties: {
    range: { min: 0, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[0, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0 }],
  },
  papers: ['nair2010relu'],
  tradeOffs: {
    advantages: [
      { text: 'Computational simplicity: a comparison and nothing else, so networks train and run fast.', evidence: [] },
      { text: 'Sparsity: every negative input gives an exact zero, so representations are sparse.', evidence: [] },
      { text: 'Reduces the likelihood of vanishing gradients: the gradient is exactly 1 for every positive input, unlike sigmoid or tanh, which saturate.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Dying ReLU: a unit whose pre-activations become negative for every input gets zero gradient and stops learning for good.', evidence: [] },
      { text: 'Not zero-centred: outputs are never negative, which can slow optimisation.', evidence: [] },
      { text: 'Unbounded above: activations can grow large without normalisation.', evidence: [] },
    ],
    whenToUse: [
      { text: 'The default for hidden layers of feed-forward and convolutional networks.', evidence: [] },
      { text: 'Deep networks where speed matters, with He initialisation and normalisation layers.', evidence: [] },
    ],
  },
  examples: [
    { x: 2.5, forward: 2.5, derivative: 1 },
    { x: -1.5, forward: 0, derivative: 0 },
    { x: 0, forward: 0, derivative: 0, note: 'the kink: autograd returns 0' },
    { x: -0, forward: -0, derivative: 0, note: 'the sign of zero is kept, as in PyTorch' },
  ],
  seeAlso: ['leakyRelu', 'prelu', 'relu6', 'elu', 'gelu'],
  // `x < 0 ? 0 : x` rather than `x > 0 ? x : 0`: the latter would turn NaN into 0 and -0 into +0,
  // where PyTorch returns NaN and -0.
  forward: (x) => (x < 0 ? 0 : x),
  // `x <= 0 ? 0 : 1` sends NaN to 1, as threshold_backward does (NaN <= 0 is false).
  derivative: (x) => (x <= 0 ? 0 : 1),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('relu', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x < 0 ? 0 : x;
    }
  },
});
