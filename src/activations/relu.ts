import { defineActivation } from '../define.js';

/**
 * ReLU, max(0, x). PyTorch: torch.nn.functional.relu / torch.nn.ReLU.
 * Autograd's derivative at 0 is 0 (threshold_backward passes the gradient only where x > 0).
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
  kinkConvention: 'At x = 0 the derivative is undefined; PyTorch autograd returns 0.',
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
      'Computational simplicity: a comparison and nothing else, so networks train and run fast.',
      'Sparsity: every negative input gives an exact zero, so representations are sparse.',
      'Reduces the likelihood of vanishing gradients: the gradient is exactly 1 for every positive input, unlike sigmoid or tanh, which saturate.',
    ],
    disadvantages: [
      'Dying ReLU: a unit whose pre-activations become negative for every input gets zero gradient and stops learning for good.',
      'Not zero-centred: outputs are never negative, which can slow optimisation.',
      'Unbounded above: activations can grow large without normalisation.',
    ],
    whenToUse: [
      'The default for hidden layers of feed-forward and convolutional networks.',
      'Deep networks where speed matters, with He initialisation and normalisation layers.',
    ],
  },
  examples: [
    { x: 2.5, forward: 2.5, derivative: 1 },
    { x: -1.5, forward: 0, derivative: 0 },
    { x: 0, forward: 0, derivative: 0, note: 'the kink: autograd returns 0' },
  ],
  seeAlso: ['leakyRelu', 'prelu', 'relu6', 'elu', 'gelu'],
  // x > 0 ? x : 0 would turn NaN into 0 and -0 into 0; PyTorch propagates NaN and keeps -0 as 0
  // (clamp_min(-0, 0) is 0), so test NaN explicitly.
  forward: (x) => (x > 0 ? x : x !== x ? x : 0),
  derivative: (x) => (x > 0 ? 1 : x !== x ? x : 0),
  mapKernel(xs, out) {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : x !== x ? x : 0;
    }
  },
});
