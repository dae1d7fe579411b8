import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { sigmoid as sigmoidCore, sigmoidDerivative } from '../math/stable.js';

/**
 * The logistic sigmoid, 1/(1+e^−x). PyTorch: torch.sigmoid / torch.nn.Sigmoid.
 * Differs from PyTorch's float64 kernel on purpose in two places, both where PyTorch loses every
 * digit: below x ≈ −709.8 PyTorch returns 0 (e^−x overflows) where the true value is a subnormal
 * number until −745.1; and its autograd σ·(1−σ) returns 0 once σ rounds to 1 (x ≥ 37), where the
 * true derivative is about e^−x.
 */
export const sigmoid = defineActivation({
  id: 'sigmoid',
  name: 'Sigmoid',
  summary: 'The logistic function: squashes any real input into (0, 1), so outputs read as probabilities.',
  torchFunction: 'torch.sigmoid',
  torchModule: 'torch.nn.Sigmoid',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`,
    derivative: String.raw`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) = \sigma(x)\,\sigma(-x)`,
    notes: [
      String.raw`\sigma(-x) = 1 - \sigma(x)`,
      String.raw`\sigma(x) = \tfrac{1}{2} + \tfrac{1}{2}\tanh\!\left(\tfrac{x}{2}\right)`,
    ],
  },
  properties: {
    range: { min: 0, max: 1, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(0, 1)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0.5,
    df0: 0.25,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['rumelhart1986backprop'],
  tradeOffs: {
    advantages: [
      { text: 'Output range: the output is bounded between 0 and 1, so it can be read as a probability.', evidence: [] },
      { text: 'Smooth gradient: it is differentiable everywhere with a smooth gradient, which gradient descent needs.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Vanishing gradients: for inputs of large magnitude the sigmoid saturates and its gradient (at most 0.25, at x = 0) comes close to 0, so weights update very slowly and deep networks are hard to train.', evidence: [] },
      { text: 'Not zero-centred: outputs are always positive, so the gradients of the weights feeding a unit share one sign, which makes updates zig-zag and slows learning.', evidence: [] },
      { text: 'Computational expense: it needs an exponential, which costs more than the comparison of ReLU.', evidence: [] },
    ],
    whenToUse: [
      { text: 'The output layer of binary classification (one probability per output), usually fused into the loss as BCEWithLogitsLoss for numerical stability.', evidence: [] },
      { text: 'Gates inside LSTM and GRU cells and attention or squeeze-and-excitation blocks, where a value in (0, 1) scales another signal.', evidence: [] },
      { text: 'Rarely in hidden layers of deep networks: prefer ReLU-family or GELU/SiLU there.', evidence: [] },
    ],
  },
  examples: [
    { x: 2, forward: 0.8807970779778824, derivative: 0.10499358540350652 },
    { x: -1, forward: 0.2689414213699951, derivative: 0.19661193324148185 },
    { x: 0, forward: 0.5, derivative: 0.25, note: 'the centre: steepest point' },
    {
      x: 30,
      forward: 0.9999999999999064,
      derivative: 9.357622968838423e-14,
      note: 'σ·(1−σ) would lose most digits here; σ(x)·σ(−x) keeps them',
    },
    {
      x: -720,
      forward: 2.0322308024e-313,
      derivative: 2.0322308024e-313,
      note: 'a subnormal value; PyTorch float64 returns 0 below x ≈ −709.8',
    },
  ],
  seeAlso: ['tanh', 'logSigmoid', 'hardsigmoid', 'silu', 'softplus'],
  forward: (x) => sigmoidCore(x),
  derivative: (x) => sigmoidDerivative(x),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('sigmoid', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = sigmoidCore(xs[i]!);
  },
});
