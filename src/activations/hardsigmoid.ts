import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Hardsigmoid, min(max(x + 3, 0), 6)/6 = ReLU6(x + 3)/6. PyTorch: torch.nn.functional.hardsigmoid /
 * torch.nn.Hardsigmoid.
 * The forward pass is PyTorch's own expression, in the same order, so results are bit-identical; it
 * is also the accurate order: near x = -3, x + 3 is exact (Sterbenz), where x/6 + 1/2 would cancel.
 * Measured on torch 1.13 (float64): NaN stays NaN, -0 gives 0.5; the backward is 1/6 strictly
 * between -3 and 3 and 0 elsewhere (at both kinks and at NaN, in both the scalar and vectorised
 * kernels). One deliberate difference: PyTorch's backward multiplies by the float32 constant 1.0f/6.0f
 * and so returns 0.1666666716337204 in float64; we return the exact 1/6 (0.16666666666666666).
 */
const ONE_SIXTH = 1 / 6;

export const hardsigmoid = defineActivation({
  id: 'hardsigmoid',
  name: 'Hardsigmoid',
  summary: 'A piecewise-linear sigmoid: 0 below -3, 1 above 3, and the line x/6 + 1/2 between.',
  torchFunction: 'torch.nn.functional.hardsigmoid',
  torchModule: 'torch.nn.Hardsigmoid',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{Hardsigmoid}(x) = \begin{cases} 0 & \text{if } x \le -3 \\ 1 & \text{if } x \ge 3 \\ \dfrac{x}{6} + \dfrac{1}{2} & \text{otherwise} \end{cases}`,
    derivative: String.raw`\operatorname{Hardsigmoid}'(x) = \begin{cases} \dfrac{1}{6} & \text{if } -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}`,
    notes: [String.raw`\operatorname{Hardsigmoid}(x) = \frac{\operatorname{ReLU6}(x + 3)}{6}`],
  },
  kinkConvention: 'At x = -3 and x = 3 the derivative is undefined; PyTorch autograd returns 0 at both (the gradient passes only where -3 < x < 3).',
  properties: {
    range: { min: 0, max: 1, minClosed: true, maxClosed: true },
    rangeLatex: String.raw`[0, 1]`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0.5,
    df0: 1 / 6,
    identityNearZero: false,
    kinks: [
      { x: -3, derivative: 0 },
      { x: 3, derivative: 0 },
    ],
  },
  papers: ['howard2019mobilenetv3'],
  tradeOffs: {
    advantages: [
      {
        text: 'Cheap: an addition, a clamp and a multiplication, no exponential; faster than the sigmoid in our timing. MobileNetV3 adopted it because the sigmoid is expensive on mobile devices and hard to keep accurate in fixed-point arithmetic, and because in quantised mode it avoids the precision loss of differing sigmoid approximations.',
        evidence: [
          { kind: 'measured', experiment: 'cost', finding: 'hard-cheaper-than-smooth' },
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 3, Section 5.2',
            shows: 'sigmoid inefficient and hard to keep accurate in fixed point; hard versions have deployment advantages, including in quantised mode',
          },
        ],
      },
      {
        text: 'Bounded in [0, 1] like the sigmoid, which it follows closely: the largest gap is 0.069, near x = ±1.32. MobileNetV3 found the hard versions of sigmoid and swish to give no discernible difference in accuracy.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2, Figure 6',
            shows: 'constants chosen as a good match to the smooth version; no discernible accuracy difference found',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Zero gradient outside (−3, 3): it reaches 0 and 1 exactly, so a unit there gets no gradient at all, where the sigmoid only slows down.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Not differentiable at ±3, and not zero-centred.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'zeroCentered' },
        ],
      },
      {
        text: 'Hard sigmoids differ between sources: MobileNetV3, PyTorch and Keras 3 use ReLU6(x + 3)/6 (slope 1/6, flat beyond ±3), while earlier ones used other clipping constants (Keras 2 used 0.2x + 0.5, flat beyond ±2.5). Check which one a model was trained with.',
        evidence: [
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2',
            shows: 'its hard sigmoid is ReLU6(x + 3)/6, unlike earlier hard sigmoids with a custom clipping constant',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Gates in mobile networks (the squeeze-and-excitation blocks of MobileNetV3) and in quantised models, in place of the sigmoid.',
        evidence: [
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 3, Section 5.2, Table 4',
            shows: 'squeeze-and-excite and swish use the hard sigmoid; quantised MobileNetV3 results',
          },
        ],
      },
    ],
  },
  examples: [
    { x: 1, forward: 0.6666666666666666, derivative: 0.16666666666666666 },
    { x: -2.5, forward: 0.08333333333333333, derivative: 0.16666666666666666 },
    { x: 0.1, forward: 0.5166666666666667, derivative: 0.16666666666666666 },
    { x: 4, forward: 1, derivative: 0 },
    { x: -3, forward: 0, derivative: 0, note: 'the lower kink: autograd returns 0' },
  ],
  seeAlso: ['sigmoid', 'hardswish', 'relu6', 'hardtanh'],
  family: 'hard',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = Math.min(Math.max(xs[i]! / 6 + 0.5, 0), 1);
  },
  onnx: { opType: 'HardSigmoid', attributes: { alpha: 1 / 6, beta: 0.5 }, opset: 18 },
  reference: {
    torch: 'F.hardsigmoid(x)',
    exact: 'min(max(x + 3, mpf(0)), mpf(6)) / 6',
    exactDerivative: 'mpf(1) / 6 if -3 < x < 3 else mpf(0)',
    kinks: () => [-3, 3],
  },
  // Written with comparisons that are false for NaN so that NaN reaches (x + 3)/6 and stays NaN.
  forward: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6),
  derivative: (x) => (x > -3 && x < 3 ? ONE_SIXTH : 0),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/hardsigmoid.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('hardsigmoid', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6;
    }
  },
});
