import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Leaky ReLU: x for x > 0, negativeSlope·x otherwise. PyTorch: torch.nn.functional.leaky_relu /
 * torch.nn.LeakyReLU (negative_slope = 0.01).
 * Measured on torch 1.13 (float64): forward is `x > 0 ? x : x·slope`, so NaN stays NaN and -0 gives
 * -0; leaky_relu_backward is `x > 0 ? grad : grad·slope`, so the derivative is the slope at x = 0
 * and at NaN. One deliberate difference: with slope 0, PyTorch computes (-Infinity)·0 = NaN; we
 * return the limit, -0 (the value at every other negative input).
 */
export const leakyRelu = defineActivation({
  id: 'leakyRelu',
  name: 'Leaky ReLU',
  summary: 'A ReLU that lets a small fraction (the negative slope) of negative inputs through instead of zeroing them.',
  torchFunction: 'torch.nn.functional.leaky_relu',
  torchModule: 'torch.nn.LeakyReLU',
  defaults: { negativeSlope: 0.01 },
  params: [
    {
      name: 'negativeSlope',
      torchName: 'negative_slope',
      symbol: String.raw`\alpha`,
      description: 'Slope of the function for negative inputs (PyTorch default 0.01; the walkthrough plots 0.1).',
      range: [0, 0.5],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{LeakyReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ \alpha x & \text{if } x \le 0 \end{cases}`,
    derivative: String.raw`\operatorname{LeakyReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ \alpha & \text{if } x \le 0 \end{cases}`,
    notes: [String.raw`\operatorname{LeakyReLU}(x) = \max(0, x) + \alpha \min(0, x)`],
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd returns the negative slope α (its backward passes the full gradient only where x > 0, so NaN inputs also get α).',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0.01,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0.01 }],
  },
  papers: ['maas2013rectifier'],
  tradeOffs: {
    advantages: [
      { text: 'Mitigates the dying ReLU problem: negative inputs still get a small gradient (the slope α), so a unit whose pre-activations are all negative can still update and recover.', evidence: [] },
      { text: 'Improved learning for deep networks: the non-zero gradient for negative inputs keeps gradients flowing through the network.', evidence: [] },
      { text: 'As cheap as ReLU in practice: one comparison and one multiplication.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Parameter tuning: results can depend on the choice of α, which may need tuning (PReLU learns it instead).', evidence: [] },
      { text: 'Slightly more computation than ReLU: the negative branch needs a multiplication.', evidence: [] },
      { text: 'Not differentiable at 0, and no longer exactly sparse: negative inputs give small non-zero outputs.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Hidden layers where plain ReLU units die during training, e.g. with high learning rates.', evidence: [] },
      { text: 'Deep models, and GAN discriminators (where slopes around 0.2 are customary).', evidence: [] },
    ],
  },
  examples: [
    { x: 3, forward: 3, derivative: 1 },
    { x: -2, forward: -0.02, derivative: 0.01 },
    { x: -2, params: { negativeSlope: 0.1 }, forward: -0.2, derivative: 0.1, note: 'the slope the walkthrough plots' },
    { x: 0, forward: 0, derivative: 0.01, note: 'the kink: autograd returns the slope' },
  ],
  seeAlso: ['relu', 'prelu', 'elu', 'selu'],
  validate(p) {
    // PyTorch accepts an infinite slope, but then f(0) = 0·∞ is NaN: no usable function.
    requireFinite('leakyRelu', 'negativeSlope', p.negativeSlope);
  },
  forward: (x, p) => leaky(x, p.negativeSlope),
  derivative: (x, p) => (x > 0 ? 1 : p.negativeSlope),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('leaky', xs, out, p.negativeSlope)) return;
    const s = p.negativeSlope;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : s === 0 && x === -Infinity ? -s : x * s;
    }
  },
});

/**
 * x > 0 ? x : s·x. With s = 0 the product (-∞)·0 is NaN; the limit over negative x is -s (that is,
 * -0 for s = +0), which is what every finite negative input gives.
 */
function leaky(x: number, s: number): number {
  if (x > 0) return x;
  return s === 0 && x === -Infinity ? -s : x * s;
}
