import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Hardswish, x·ReLU6(x + 3)/6. PyTorch: torch.nn.functional.hardswish / torch.nn.Hardswish.
 * Measured on torch 1.13 (float64), and what we do:
 * - between -3 and 3 we use PyTorch's own expression x·(x + 3)/6, in the same order (bit-identical);
 *   near x = -3, x + 3 is exact (Sterbenz), so there is no cancellation;
 * - for x >= 3 PyTorch computes x·6/6, which overflows to Infinity above about 3e307 (hardswish(1e308)
 *   is Infinity); the exact value is x, which we return;
 * - for x <= -3 PyTorch gives x·0/6 = -0, and at -Infinity (-∞)·0 = NaN; we return -0 for all of
 *   them, the limit, with the sign PyTorch gives every finite input there;
 * - NaN stays NaN, -0 gives -0.
 * The derivative: PyTorch's scalar backward kernel is `x < -3 ? 0 : x <= 3 ? x/3 + 1/2 : 1`, so at
 * the kinks it returns -0.5 (x = -3) and 1.5 (x = 3), and 1 at NaN; we follow it. Its vectorised
 * kernel (the bulk of tensors with 8 or more float64 elements) differs: 1 at x = 3 and NaN at NaN.
 * We evaluate x/3 + 1/2 as (2x + 3)/6, which is exact up to one rounding: x/3 + 1/2 cancels near
 * x = -1.5, where the derivative crosses 0.
 */
export const hardswish = defineActivation({
  id: 'hardswish',
  name: 'Hardswish',
  summary: 'A piecewise-polynomial approximation of Swish/SiLU: x times Hardsigmoid(x).',
  torchFunction: 'torch.nn.functional.hardswish',
  torchModule: 'torch.nn.Hardswish',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{Hardswish}(x) = \begin{cases} 0 & \text{if } x \le -3 \\ x & \text{if } x \ge 3 \\ \dfrac{x (x + 3)}{6} & \text{otherwise} \end{cases}`,
    derivative: String.raw`\operatorname{Hardswish}'(x) = \begin{cases} 0 & \text{if } x < -3 \\ \dfrac{2x + 3}{6} & \text{if } -3 \le x \le 3 \\ 1 & \text{if } x > 3 \end{cases}`,
    notes: [String.raw`\operatorname{Hardswish}(x) = x \cdot \frac{\operatorname{ReLU6}(x + 3)}{6} = x \cdot \operatorname{Hardsigmoid}(x)`],
  },
  kinkConvention:
    'At x = -3 and x = 3 the derivative jumps; PyTorch autograd (its per-element kernel) uses the middle formula (2x + 3)/6 at both ends, giving -0.5 at x = -3 and 1.5 at x = 3.',
  properties: {
    range: { min: -0.375, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`\left[-\tfrac{3}{8}, \infty\right)`,
    monotonic: false,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0.5,
    identityNearZero: false,
    kinks: [
      { x: -3, derivative: -0.5 },
      { x: 3, derivative: 1.5 },
    ],
  },
  papers: ['howard2019mobilenetv3'],
  tradeOffs: {
    advantages: [
      { text: 'Keeps most of the accuracy benefit of Swish/SiLU while costing only a few multiplications and comparisons; no exponential, friendly to quantisation.', evidence: [] },
      { text: 'Non-monotonic with a small negative dip (minimum -3/8 at x = -1.5), like Swish, and unbounded above like ReLU.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Not differentiable at ±3: the derivative jumps from 0 to -1/2 at x = -3 and from 3/2 to 1 at x = 3.', evidence: [] },
      { text: 'Zero output and gradient for x <= -3, so units can die as with ReLU.', evidence: [] },
      { text: 'More costly than ReLU; MobileNetV3 uses it only in the deeper layers, where its benefit is largest and the tensors are smallest.', evidence: [] },
    ],
    whenToUse: [
      { text: 'Mobile and embedded networks (MobileNetV3 and its descendants) in place of Swish/SiLU.', evidence: [] },
    ],
  },
  examples: [
    { x: 1, forward: 0.6666666666666666, derivative: 0.8333333333333334 },
    { x: -2.5, forward: -0.20833333333333334, derivative: -0.3333333333333333 },
    { x: 0.7, forward: 0.43166666666666664, derivative: 0.7333333333333333 },
    { x: -1.5, forward: -0.375, derivative: 0, note: 'the minimum, -3/8' },
    { x: 1e308, forward: 1e308, derivative: 1, note: 'PyTorch overflows to Infinity here (x·6/6)' },
    { x: 3, forward: 3, derivative: 1.5, note: 'the upper kink: autograd returns the left derivative 3/2' },
  ],
  seeAlso: ['silu', 'swish', 'hardsigmoid', 'relu6', 'gelu'],
  forward: (x) => hardswish1(x),
  derivative: (x) => (x < -3 ? 0 : x <= 3 ? (2 * x + 3) / 6 : 1),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('hardswish', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = hardswish1(xs[i]!);
  },
});

function hardswish1(x: number): number {
  if (x <= -3) return -0;
  if (x >= 3) return x;
  return (x * (x + 3)) / 6; // NaN falls through to here and stays NaN
}
