import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * ReLU6, min(max(0, x), 6). PyTorch: torch.nn.functional.relu6 / torch.nn.ReLU6, computed as
 * hardtanh(x, 0, 6).
 * Measured on torch 1.13 (float64): NaN stays NaN, -0 gives -0, ±Infinity give 6 and 0.
 * hardtanh_backward's scalar kernel zeroes the gradient where x <= 0 or x >= 6, so the derivative is
 * 0 at both kinks and 1 at NaN; we follow it. (Its vectorised kernel, used on the bulk of tensors
 * with 8 or more float64 elements, keeps the gradient only where 0 < x < 6 and so gives 0 at NaN.)
 */
export const relu6 = defineActivation({
  id: 'relu6',
  name: 'ReLU6',
  summary: 'A ReLU capped at 6: zero for negative inputs, the identity up to 6, and 6 above.',
  torchFunction: 'torch.nn.functional.relu6',
  torchModule: 'torch.nn.ReLU6',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{ReLU6}(x) = \min\bigl(\max(0, x), 6\bigr)`,
    derivative: String.raw`\operatorname{ReLU6}'(x) = \begin{cases} 1 & \text{if } 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}`,
    notes: [String.raw`\operatorname{ReLU6}(x) = \operatorname{Hardtanh}(x;\, 0, 6)`],
  },
  kinkConvention:
    'At x = 0 and x = 6 the derivative is undefined; PyTorch autograd returns 0 at both (the gradient passes only where 0 < x < 6).',
  properties: {
    range: { min: 0, max: 6, minClosed: true, maxClosed: true },
    rangeLatex: String.raw`[0, 6]`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [
      { x: 0, derivative: 0 },
      { x: 6, derivative: 0 },
    ],
  },
  papers: ['krizhevsky2010relu6'],
  tradeOffs: {
    advantages: [
      { text: 'Bounded output: activations never exceed 6, which suits low-precision (8-bit, fixed-point) inference, the reason MobileNets use it.', evidence: [] },
      { text: 'As cheap as ReLU: two comparisons.', evidence: [] },
      { text: 'Krizhevsky found the cap helped the units learn sparse features sooner on CIFAR-10.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Zero gradient both below 0 and above 6: units can die at either end.', evidence: [] },
      { text: 'Not zero-centred, and not differentiable at 0 and 6.', evidence: [] },
      { text: 'The cap 6 is a convention, not a tuned value.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Mobile and embedded networks (MobileNetV1/V2) that will be quantised.', evidence: [] },
      { text: 'Where unbounded ReLU activations grow too large.', evidence: [] },
    ],
  },
  examples: [
    { x: 3.5, forward: 3.5, derivative: 1 },
    { x: -1, forward: 0, derivative: 0 },
    { x: 7.25, forward: 6, derivative: 0 },
    { x: 6, forward: 6, derivative: 0, note: 'the upper kink: autograd returns 0' },
    { x: 0, forward: 0, derivative: 0, note: 'the lower kink: autograd returns 0' },
  ],
  seeAlso: ['relu', 'hardtanh', 'hardsigmoid', 'hardswish'],
  // Comparisons that are false for NaN, so NaN (and -0) fall through unchanged, as in PyTorch's clamp.
  forward: (x) => (x < 0 ? 0 : x > 6 ? 6 : x),
  derivative: (x) => (x <= 0 || x >= 6 ? 0 : 1),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('relu6', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x < 0 ? 0 : x > 6 ? 6 : x;
    }
  },
});
