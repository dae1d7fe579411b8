import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { EXP_SUBNORMAL_EDGE, silu as siluCore, siluDerivative } from '../math/stable.js';

/**
 * SiLU (sigmoid-weighted linear unit), x·σ(x). PyTorch: torch.nn.functional.silu / torch.nn.SiLU.
 * Differs from PyTorch float64 where PyTorch loses every digit: below x ≈ −709.8 (PyTorch −0, true
 * value subnormal), x = −∞ (PyTorch NaN, limit −0), and the derivative for x ≥ 37 and below −709.8
 * (see stable.ts).
 */
export const silu = defineActivation({
  id: 'silu',
  name: 'SiLU',
  summary: 'The sigmoid-weighted linear unit x·σ(x): a smooth, non-monotonic ReLU-like curve with a small negative dip (Swish with β = 1).',
  torchFunction: 'torch.nn.functional.silu',
  torchModule: 'torch.nn.SiLU',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{SiLU}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}`,
    derivative: String.raw`\operatorname{SiLU}'(x) = \sigma(x)\bigl(1 + x\,(1 - \sigma(x))\bigr)`,
    notes: [String.raw`\min_x \operatorname{SiLU}(x) \approx -0.27846 \text{ at } x \approx -1.27846`],
  },
  properties: {
    range: { min: -0.2784645427610738, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[-0.27846\ldots, \infty)`,
    monotonic: false,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0,
    df0: 0.5,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['hendrycks2016gelu', 'elfwing2018silu', 'ramachandran2017swish'],
  tradeOffs: {
    advantages: [
      { text: 'Smooth and non-monotonic: it is differentiable everywhere, and its small negative dip lets small negative inputs pass a signal, which often trains better than ReLU in deep networks.', evidence: [] },
      { text: 'No dying units: the gradient is non-zero for every finite input except at its minimum (x ≈ −1.278).', evidence: [] },
      { text: 'Self-gating: the input gates itself through σ(x), with no extra parameters.', evidence: [] },
      { text: 'Unbounded above like ReLU, so it does not saturate for positive inputs, and bounded below, which has a regularising effect.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Costs an exponential per element, more than ReLU.', evidence: [] },
      { text: 'Not monotonic and not zero-centred; for very negative inputs its gradient still vanishes (like x·eˣ).', evidence: [] },
    ],
    whenToUse: [
      { text: 'Hidden layers of modern convolutional networks (EfficientNet, YOLOv5 and later) and transformer feed-forward blocks, e.g. as the gate of SwiGLU in LLaMA-style models.', evidence: [] },
      { text: 'As a drop-in smooth replacement for ReLU when a little extra compute is acceptable.', evidence: [] },
    ],
  },
  examples: [
    { x: 2, forward: 1.7615941559557649, derivative: 1.0907842487848955 },
    { x: -1, forward: -0.2689414213699951, derivative: 0.07232948812851327 },
    { x: -3, forward: -0.14227761953270035, derivative: -0.08810410601516962, note: 'left of the minimum: decreasing' },
    { x: 0, forward: 0, derivative: 0.5 },
    {
      x: -720,
      forward: -1.46320617774547e-310,
      derivative: -1.46117394694305e-310,
      note: 'PyTorch float64 returns −0 here',
    },
  ],
  seeAlso: ['swish', 'sigmoid', 'gelu', 'mish', 'hardswish'],
  forward: siluCore,
  derivative: siluDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('silu', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (x >= 0) out[i] = x / (1 + Math.exp(-x));
      else if (x > EXP_SUBNORMAL_EDGE) {
        const e = Math.exp(x);
        out[i] = (x * e) / (1 + e);
      } else out[i] = siluCore(x);
    }
  },
});
