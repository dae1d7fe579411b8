import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { SELU_SCALE, SELU_SCALE_ALPHA } from '../math/constants.js';

/**
 * SELU forward: λx for x > 0, λα·expm1(x) otherwise. expm1: PyTorch's float64 kernel computes
 * λα·(e^x − 1), which loses every digit as x → 0⁻ (it returns 0 for −1.1e−16 < x < 0).
 * The sign of zero follows the branch: +0 → +0, −0 → −0 (PyTorch returns +0 for both).
 */
function seluForward(x: number): number {
  return x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * Math.expm1(x);
}

/**
 * SELU, λ·ELU(x; α) with PyTorch's fixed λ ≈ 1.0507 and α ≈ 1.6733. PyTorch:
 * torch.nn.functional.selu / torch.nn.SELU. Autograd's derivative at 0 is λα (the x ≤ 0 branch).
 */
export const selu = defineActivation({
  id: 'selu',
  name: 'SELU',
  summary:
    'The scaled exponential linear unit: an ELU scaled by fixed constants chosen so that activations keep zero mean and unit variance through many layers.',
  torchFunction: 'torch.nn.functional.selu',
  torchModule: 'torch.nn.SELU',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{SELU}(x) = \lambda \begin{cases} x & \text{if } x > 0 \\ \alpha\left(e^{x} - 1\right) & \text{if } x \le 0 \end{cases}, \quad \lambda \approx 1.0507,\ \alpha \approx 1.6733`,
    derivative: String.raw`\operatorname{SELU}'(x) = \lambda \begin{cases} 1 & \text{if } x > 0 \\ \alpha\, e^{x} & \text{if } x \le 0 \end{cases}`,
    notes: [
      String.raw`\begin{aligned} \lambda &= 1.0507009873554804934193349852946 \\ \alpha &= 1.6732632423543772848170429916717 \end{aligned}`,
    ],
  },
  kinkConvention:
    'The derivative jumps from λα ≈ 1.7581 (left) to λ ≈ 1.0507 (right) at x = 0; PyTorch autograd returns λα = 1.7580993408473766 there (the x ≤ 0 branch).',
  properties: {
    range: { min: -SELU_SCALE_ALPHA, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\lambda\alpha, \infty) \approx (-1.7581, \infty)`,
    monotonic: true,
    continuity: 'C0',
    // By construction E[SELU(x)] = 0 for x ~ N(0, 1): mpmath gives 1.2e−32, zero to 50 digits.
    zeroCentered: true,
    f0: 0,
    df0: SELU_SCALE_ALPHA,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: SELU_SCALE_ALPHA }],
  },
  papers: ['klambauer2017selu'],
  tradeOffs: {
    advantages: [
      { text: 'Self-normalising: with LeCun-normal initialisation, activations are driven towards zero mean and unit variance layer after layer, without batch normalisation.', evidence: [] },
      { text: 'Makes deep fully connected networks trainable: Klambauer et al. trained feed-forward nets of up to 32 layers where ReLU nets with normalisation did worse.', evidence: [] },
      { text: 'Saturates for negative inputs (at −λα ≈ −1.7581), which lets it reduce variance as well as increase it (slope λ > 1 for positive inputs).', evidence: [] },
    ],
    disadvantages: [
      { text: 'The guarantee holds only under its assumptions: LeCun-normal weights, standardised inputs, no ordinary dropout (use AlphaDropout) and mostly fully connected layers.', evidence: [] },
      { text: 'Not differentiable at 0: the slope jumps from λα ≈ 1.758 to λ ≈ 1.051.', evidence: [] },
      { text: 'The exponential makes it costlier than ReLU, and the constants are fixed: there is nothing to tune if the assumptions do not hold.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Deep fully connected (tabular, feed-forward) networks where batch normalisation is impractical.', evidence: [] },
      { text: 'Together with LeCun-normal initialisation and AlphaDropout; otherwise prefer ELU or ReLU with normalisation.', evidence: [] },
    ],
  },
  examples: [
    { x: -1, forward: -1.1113307378125628, derivative: 0.6467686030348141 },
    { x: 1, forward: 1.0507009873554805, derivative: 1.0507009873554805 },
    {
      x: -1e-8,
      forward: -1.7580993320568802e-8,
      derivative: 1.7580993232663835,
      note: "PyTorch's λα(e^x − 1) gives −1.758099330162579e−8: only 8 digits are right.",
    },
  ],
  seeAlso: ['elu', 'celu', 'relu', 'leakyRelu'],
  forward: (x) => seluForward(x),
  // NaN → NaN. Autograd's vectorised loop agrees; its scalar loop (short tensors, tails) returns λ.
  derivative: (x) => (x > 0 ? SELU_SCALE : x <= 0 ? SELU_SCALE_ALPHA * Math.exp(x) : x),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('selu', xs, out, SELU_SCALE, SELU_SCALE_ALPHA)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * Math.expm1(x);
    }
  },
});
