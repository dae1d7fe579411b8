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
    'At x = -3 and x = 3 the derivative jumps; PyTorch autograd (its per-element kernel) uses the middle formula (2x + 3)/6 at both ends, giving -0.5 at x = -3 and 1.5 at x = 3, and so do we. Its vectorised kernel, which handles the bulk of tensors with 8 or more float64 elements, gives 1 at x = 3 instead (the right derivative), so PyTorch itself returns either value there depending on the tensor.',
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
      {
        text: 'Keeps Swish’s accuracy at lower cost: MobileNetV3 found no discernible accuracy difference between the hard and smooth versions, while ReLU6 is optimised in virtually every framework, no exponential is needed, and quantised models avoid the precision loss of differing sigmoid approximations; in our timing it is cheaper than SiLU.',
        evidence: [
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2',
            shows: 'hard versions: no discernible accuracy difference, and three deployment advantages',
          },
          { kind: 'measured', experiment: 'cost', finding: 'hard-cheaper-than-smooth' },
        ],
      },
      {
        text: 'Non-monotonic with a small negative dip (minimum −3/8 at x = −1.5), like Swish, and unbounded above like ReLU.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'monotonic' },
        ],
      },
      {
        text: 'In MobileNetV3-Large it gained accuracy over ReLU (75.2% against 74.5% ImageNet top-1) for about 1 ms of latency with an optimised implementation.',
        evidence: [
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 6.2.1, Table 5',
            shows: 'effect of non-linearities on MobileNetV3-Large: top-1 and Pixel-1 latency, optimised and not',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Not differentiable at ±3: it is piecewise quadratic, and its derivative, the ramp (2x + 3)/6 between the kinks, jumps from 0 to −1/2 at x = −3 and from 3/2 to 1 at x = 3. What autograd returns there depends on PyTorch’s kernel (see the kink convention).',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'continuity' },
        ],
      },
      {
        text: 'Output and gradient are exactly 0 for x < −3, as for ReLU below 0: a unit whose inputs all stay there gets no gradient.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Costs more than ReLU: MobileNetV3 uses it in its first convolution and in the deeper half of the network, not everywhere, because the cost of a nonlinearity falls with depth as activations shrink and most of swish’s benefit came from the deeper layers; enabling it from the early 16-channel layers on (h-swish@16) gained 0.2% top-1 for 4% more latency.',
        evidence: [
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.1, Section 5.2, Tables 1–2',
            shows: 'h-swish in the initial 16-filter convolution and in the second half of both models (NL column)',
          },
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 6.2.1, Table 5',
            shows: 'h-swish@16: 75.4% top-1 and 53.5 ms against 75.2% and 51.4 ms for the V3 layout',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Mobile and embedded networks (MobileNetV3) in place of Swish/SiLU, especially in the deeper layers and in quantised models.',
        evidence: [
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2, Tables 1–2, Table 4',
            shows: 'layout of h-swish in both models; quantised results',
          },
        ],
      },
    ],
  },
  examples: [
    { x: 1, forward: 0.6666666666666666, derivative: 0.8333333333333334 },
    { x: -2.5, forward: -0.20833333333333334, derivative: -0.3333333333333333 },
    { x: 0.7, forward: 0.43166666666666664, derivative: 0.7333333333333333 },
    { x: -1.5, forward: -0.375, derivative: 0, note: 'the minimum, -3/8' },
    { x: 1e308, forward: 1e308, derivative: 1, note: 'PyTorch overflows to Infinity here (x·6/6)' },
    {
      x: 3,
      forward: 3,
      derivative: 1.5,
      note: 'the upper kink: PyTorch’s per-element backward returns the left derivative 3/2, its vectorised kernel (tensors of 8 or more float64 elements) 1',
    },
  ],
  seeAlso: ['silu', 'swish', 'hardsigmoid', 'relu6', 'gelu'],
  family: 'hard',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = (x * Math.min(Math.max(x + 3, 0), 6)) / 6;
    }
  },
  onnx: { opType: 'HardSwish', opset: 18 },
  reference: {
    torch: 'F.hardswish(x)',
    exact: 'x * min(max(x + 3, mpf(0)), mpf(6)) / 6',
    exactDerivative: 'mpf(0) if x < -3 else (x / 3 + mpf(1) / 2 if x <= 3 else mpf(1))',
    // -1.5 is no kink but the derivative's zero: its neighbours are probed too.
    kinks: () => [-3, 3, -1.5],
  },
  forward: (x) => hardswish1(x),
  derivative: (x) => (x < -3 ? 0 : x <= 3 ? (2 * x + 3) / 6 : 1),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/hardswish.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('hardswish', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = hardswish1(xs[i]!);
  },
});

function hardswish1(x: number): number {
  if (x <= -3) return -0;
  if (x >= 3) return x;
  return (x * (x + 3)) / 6; // NaN falls through to here and stays NaN
}
