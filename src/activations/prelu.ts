import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * PReLU with a single weight a: x for x > 0, a·x otherwise. PyTorch: torch.nn.functional.prelu with a
 * one-element weight / torch.nn.PReLU (num_parameters = 1, init = 0.25). In a network a is learned;
 * here it is a parameter.
 * Measured on torch 1.13 (float64): forward is `x > 0 ? x : a·x` (NaN stays NaN, -0 gives -0);
 * the input gradient is `x > 0 ? 1 : a`, so a at x = 0 and at NaN. As for Leaky ReLU, with a = 0 we
 * return the limit -0 at -Infinity where PyTorch computes (-∞)·0 = NaN.
 */
export const prelu = defineActivation({
  id: 'prelu',
  name: 'PReLU',
  summary: 'A Leaky ReLU whose negative slope a is a learned parameter (here one shared weight, initialised to 0.25).',
  torchFunction: 'torch.nn.functional.prelu',
  torchModule: 'torch.nn.PReLU',
  defaults: { weight: 0.25 },
  params: [
    {
      name: 'weight',
      torchName: 'weight',
      symbol: 'a',
      description: 'The learned slope for negative inputs; PyTorch initialises it to 0.25 (torch.nn.PReLU init).',
      range: [0, 1],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{PReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ a x & \text{if } x \le 0 \end{cases}`,
    derivative: String.raw`\frac{\partial}{\partial x}\operatorname{PReLU}(x) = \begin{cases} 1 & \text{if } x > 0 \\ a & \text{if } x \le 0 \end{cases}`,
    notes: [
      String.raw`\frac{\partial}{\partial a}\operatorname{PReLU}(x) = \min(0, x)`,
      String.raw`\operatorname{PReLU}(x) = \max(0, x) + a \min(0, x)`,
    ],
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd returns the weight a (the full gradient passes only where x > 0, so NaN inputs also get a).',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0.25,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0.25 }],
  },
  papers: ['he2015delving'],
  tradeOffs: {
    advantages: [
      { text: 'No slope to tune by hand: the network learns the negative slope, per layer or per channel, at the cost of one parameter each.', evidence: [] },
      { text: 'Keeps a gradient for negative inputs, so units do not die as they can with ReLU.', evidence: [] },
      { text: 'Introduced together with He (Kaiming) initialisation, which accounts for the slope; it helped the first network to surpass human-level accuracy on ImageNet classification.', evidence: [] },
    ],
    disadvantages: [
      { text: 'More parameters and a risk of overfitting on small data sets; weight decay on a pushes it towards 0 (plain ReLU) and is usually switched off for it.', evidence: [] },
      { text: 'The learned slope can become negative or larger than 1, making the function non-monotonic or steeper for negative inputs than for positive ones.', evidence: [] },
      { text: 'Not differentiable at 0.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Convolutional networks trained on large data sets, as a drop-in replacement for ReLU or Leaky ReLU.', evidence: [] },
      { text: 'When Leaky ReLU helps but the best slope is unknown.', evidence: [] },
    ],
  },
  examples: [
    { x: 1.5, forward: 1.5, derivative: 1 },
    { x: -2, forward: -0.5, derivative: 0.25 },
    { x: -0.5, params: { weight: 0.1 }, forward: -0.05, derivative: 0.1 },
    { x: 0, forward: 0, derivative: 0.25, note: 'the kink: autograd returns the weight' },
  ],
  seeAlso: ['leakyRelu', 'relu', 'elu'],
  validate(p) {
    // PyTorch accepts an infinite weight, but then f(0) = 0·∞ is NaN.
    requireFinite('prelu', 'weight', p.weight);
  },
  forward: (x, p) => (x > 0 ? x : p.weight === 0 && x === -Infinity ? -p.weight : x * p.weight),
  derivative: (x, p) => (x > 0 ? 1 : p.weight),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('leaky', xs, out, p.weight)) return;
    const a = p.weight;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : a === 0 && x === -Infinity ? -a : x * a;
    }
  },
});
