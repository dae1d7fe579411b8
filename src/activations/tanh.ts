import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * sech²(x) = 1 − tanh²(x). PyTorch's autograd computes 1 − y² from the rounded output y, which is 0
 * once tanh rounds to ±1 (|x| > 19.06) and loses digits well before; the true value there is about
 * 4e^−2|x|. Near 0, 1 − t² is accurate (t² ≤ 1/4 cannot cancel much); elsewhere
 * 4u/(1+u)² with u = e^−2|x| has no cancellation and does not overflow.
 */
function tanhDerivative(x: number): number {
  const a = Math.abs(x);
  if (a < 0.5) {
    const t = Math.tanh(x);
    return 1 - t * t;
  }
  const u = Math.exp(-2 * a);
  const d = 1 + u;
  // The rounding error of 1 + u (exact by Fast2Sum, u ≤ 1) would count twice in the square: put it back.
  const r = (1 - d + u) / d;
  return ((4 * u) / d / d) * (1 - 2 * r);
}

/**
 * The hyperbolic tangent. PyTorch: torch.tanh / torch.nn.Tanh. Math.tanh in V8 is a port of
 * fdlibm's tanh (under 1 ulp), so the forward pass uses it directly.
 */
export const tanh = defineActivation({
  id: 'tanh',
  name: 'Tanh',
  summary: 'The hyperbolic tangent: an S-shaped curve like the sigmoid, but zero-centred with outputs in (−1, 1).',
  torchFunction: 'torch.tanh',
  torchModule: 'torch.nn.Tanh',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
    derivative: String.raw`\tanh'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x)`,
    notes: [String.raw`\tanh(x) = 2\sigma(2x) - 1`],
  },
  properties: {
    range: { min: -1, max: 1, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-1, 1)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: true,
    f0: 0,
    df0: 1,
    identityNearZero: true,
    kinks: [],
  },
  papers: ['lecun1998efficient'],
  tradeOffs: {
    advantages: [
      { text: 'Zero-centred: unlike the sigmoid, its outputs are centred on zero, which generally makes learning more efficient.', evidence: [] },
      { text: 'Steeper gradient: its slope at 0 is 1, four times the sigmoid’s 0.25, which can speed up convergence.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Vanishing gradients: like the sigmoid it saturates, so for inputs of large magnitude the gradient is close to 0, which slows training or stops deep networks from learning.', evidence: [] },
      { text: 'Computational expense: it needs exponentials, which cost more than ReLU in deep networks with many layers.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Hidden layers where zero-centred, bounded outputs help, classically in recurrent networks (the cell and candidate activations of LSTM and GRU).', evidence: [] },
      { text: 'Outputs that must lie in (−1, 1), such as normalised targets or actions in reinforcement learning.', evidence: [] },
      { text: 'In deep feed-forward networks prefer ReLU-family or GELU/SiLU, which do not saturate for positive inputs.', evidence: [] },
    ],
  },
  examples: [
    { x: 0.5, forward: 0.46211715726000974, derivative: 0.7864477329659274 },
    { x: -1, forward: -0.7615941559557649, derivative: 0.4199743416140261 },
    { x: 2, forward: 0.9640275800758169, derivative: 0.07065082485316447 },
    {
      x: 30,
      forward: 1,
      derivative: 3.502604305078608e-26,
      note: 'tanh rounds to 1, yet the slope is not 0: 1 − tanh² would return 0 here',
    },
  ],
  seeAlso: ['sigmoid', 'hardtanh', 'softsign', 'tanhshrink'],
  forward: (x) => Math.tanh(x),
  derivative: tanhDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts): for a Float64Array the same values as the loop below (Math.tanh is fdlibm's
    // tanh, ported there on a SIMD port of fdlibm's expm1), for a Float32Array within 1 float32 ulp of them; the loop is the fallback.
    if (runWasm('tanh', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = Math.tanh(xs[i]!);
  },
});
