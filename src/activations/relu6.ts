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
  kinkConvention: 'At x = 0 and x = 6 the derivative is undefined; PyTorch autograd returns 0 at both (the gradient passes only where 0 < x < 6).',
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
      {
        text: 'Bounded output: activations stay in [0, 6], a small fixed range that suits fixed-point and quantised inference; MobileNetV3 builds its hard sigmoid and hard swish from ReLU6 because optimised ReLU6 implementations exist on virtually all software and hardware frameworks and it avoids precision loss in quantised mode.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2',
            shows:
              'ReLU6(x + 3)/6 replaces the sigmoid: optimised implementations of ReLU6 are available on virtually all software and hardware frameworks, and in quantised mode it avoids the precision loss of differing approximate-sigmoid implementations',
          },
        ],
      },
      {
        text: 'Krizhevsky reports that in his tests the cap made the model learn sparse features earlier (convolutional deep belief networks on CIFAR-10).',
        evidence: [
          {
            kind: 'paper',
            key: 'krizhevsky2010relu6',
            where: 'the section describing the model’s ReLU units (“we cap the units at 6”; section number not checked, the passage read as quoted by others)',
            shows:
              'the units are capped at 6, y = min(max(x, 0), 6); in the author’s tests this encourages the model to learn sparse features earlier; units capped at n are called ReLU-n',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Zero gradient both below 0 and above 6: a unit can get stuck at either end.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'range' },
        ],
      },
      {
        text: 'Not zero-centred, and not differentiable at 0 and 6.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'The cap 6 is a fixed choice, not a tuned one: Krizhevsky defines ReLU-n for any cap n and uses n = 6; we know of no study that tunes it.',
        evidence: [
          {
            kind: 'paper',
            key: 'krizhevsky2010relu6',
            where: 'the section describing the model’s ReLU units (section number not checked, the passage read as quoted by others)',
            shows: 'units capped at n are called ReLU-n units; the model uses n = 6',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Mobile and embedded networks that will be quantised, where a fixed range and an optimised implementation on every framework count.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2',
            shows: 'optimised ReLU6 implementations on virtually all frameworks; no precision loss from approximate-sigmoid implementations in quantised mode',
          },
        ],
      },
      {
        text: 'Where unbounded ReLU activations grow too large: the cap bounds them without a penalty term (Glorot et al. used an L1 penalty on ReLU activations for the same worry).',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1 (potential problems)',
            shows: 'the unbounded behaviour of rectifier activations could cause numerical problems; they add an L1 penalty on the activation values',
          },
        ],
      },
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
  family: 'rectifier',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = Math.min(Math.max(xs[i]!, 0), 6);
  },
  tfjs: { op: 'relu6' },
  onnx: {
    opType: 'Clip',
    initializers: [
      { name: 'min', values: [0] },
      { name: 'max', values: [6] },
    ],
    opset: 18,
  },
  reference: {
    torch: 'F.relu6(x)',
    exact: 'min(max(x, mpf(0)), mpf(6))',
    exactDerivative: 'mpf(1) if 0 < x < 6 else mpf(0)',
    kinks: () => [6],
  },
  // Comparisons that are false for NaN, so NaN (and -0) fall through unchanged, as in PyTorch's clamp.
  forward: (x) => (x < 0 ? 0 : x > 6 ? 6 : x),
  derivative: (x) => (x <= 0 || x >= 6 ? 0 : 1),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/hardtanh.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('relu6', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x < 0 ? 0 : x > 6 ? 6 : x;
    }
  },
});
