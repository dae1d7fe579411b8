import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Threshold: x where x > threshold, value elsewhere. PyTorch: torch.nn.functional.threshold /
 * torch.nn.Threshold, which have no defaults (both arguments are required); ours are threshold = 0,
 * value = 0, where the function is ReLU but for the sign of zero (threshold(-0) = +0, the value).
 * Measured on torch 1.13 (float64): the kernel is `x <= threshold ? value : x`, so NaN stays NaN
 * (the comparison is false), -0 and every input at or below the threshold give the value itself
 * (+0 by default, -0 with value = -0), and ±Infinity compare as numbers. threshold_backward is
 * `x <= threshold ? 0 : grad`: the derivative is 0 at the threshold and 1 at NaN. We follow all of it.
 * PyTorch also accepts a NaN or infinite threshold (a NaN one makes the function the identity, +∞ a
 * constant); we reject both with a RangeError naming it (NaN also for value). An infinite value is
 * accepted, as in PyTorch (value = -Infinity masks everything at or below the threshold).
 */
export const threshold = defineActivation({
  id: 'threshold',
  name: 'Threshold',
  summary:
    'Passes every input above the threshold unchanged and replaces the others (the threshold itself included) by a constant value; with both at 0 it is ReLU.',
  torchFunction: 'torch.nn.functional.threshold',
  torchModule: 'torch.nn.Threshold',
  defaults: { threshold: 0, value: 0 },
  params: [
    {
      name: 'threshold',
      torchName: 'threshold',
      symbol: String.raw`t`,
      description: 'Inputs at or below it are replaced (PyTorch has no default; ours is 0).',
      range: [-3, 3],
    },
    {
      name: 'value',
      torchName: 'value',
      symbol: String.raw`v`,
      description: 'What replaces them (PyTorch has no default; ours is 0).',
      range: [-3, 3],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{Threshold}(x) = \begin{cases} x & \text{if } x > t \\ v & \text{if } x \le t \end{cases}`,
    derivative: String.raw`\operatorname{Threshold}'(x) = \begin{cases} 1 & \text{if } x > t \\ 0 & \text{if } x \le t \end{cases}`,
    notes: [
      String.raw`t = v = 0: \ \operatorname{Threshold}(x) = \max(0, x) = \operatorname{ReLU}(x)`,
      String.raw`v \ne t: \text{ a jump of } t - v \text{ at } x = t`,
    ],
  },
  kinkConvention:
    'At x = t the derivative is undefined (and with v ≠ t the function jumps there); PyTorch autograd returns 0 at the threshold (the gradient passes only where x > t), and 1 at NaN.',
  properties: {
    range: { min: 0, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`\{v\} \cup (t, \infty) = [0, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0 }],
  },
  // No paper introduced it: it is Torch's (and PyTorch's) thresholding layer.
  papers: [],
  tradeOffs: {
    advantages: [
      {
        text: 'Generalises ReLU with two knobs: where the cut is (t) and what replaces the inputs at or below it (v). At the defaults t = v = 0 it is ReLU (except that −0 gives +0): range [0, ∞), f(0) = 0 and a kink at 0.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'f0' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Exact: every output is either the input itself or the constant v (its range is {v} ∪ (t, ∞)), chosen by one comparison, so nothing is rounded.',
        evidence: [{ kind: 'property', property: 'range' }],
      },
    ],
    disadvantages: [
      {
        text: 'Zero gradient at and below the threshold: inputs there do not learn, and a unit whose inputs all fall there is dead, as with ReLU.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Continuous only when v = t (as at the defaults, a kink at t): any other value makes the output jump by t − v at x = t, where autograd returns 0.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Not zero-centred and unbounded above, like ReLU.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'range' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'To cut activations off at a level other than 0 (everything at or below t) and replace them by a chosen constant, such as 20 in PyTorch’s documentation example nn.Threshold(0.1, 20), or −∞ to mask them out before a maximum.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'range' },
        ],
      },
      {
        text: 'As an ordinary hidden-layer activation, plain ReLU does the same at the defaults; other thresholds may shift how many units are active, which nobody here has measured.',
        evidence: [{ kind: 'property', property: 'range' }, { kind: 'conjecture' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 2, derivative: 1 },
    { x: -1.5, forward: 0, derivative: 0 },
    { x: 0.05, params: { threshold: 0.1, value: 20 }, forward: 20, derivative: 0, note: 'nn.Threshold(0.1, 20), the example of PyTorch’s documentation' },
    { x: 0.5, params: { threshold: 0.1, value: 20 }, forward: 0.5, derivative: 1 },
    { x: 0, forward: 0, derivative: 0, note: 'the kink: at the threshold the value, and autograd returns 0' },
  ],
  seeAlso: ['relu', 'hardshrink', 'relu6'],
  family: 'rectifier',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const t = p.threshold;
    const v = p.value;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x > t ? x : v;
      }
    };
  },
  // tfjs has no threshold op. ONNX's ThresholdedRelu is `x > alpha ? x : 0`: ours with value = 0, except
  // at NaN (onnxruntime gives 0; PyTorch and we keep NaN) and, in float32, where x equals alpha rounded
  // to float32 (onnxruntime compares with that rounding, we with the float64 threshold).
  onnx: {
    opType: 'ThresholdedRelu',
    attributes: { alpha: { param: 'threshold' } },
    opset: 18,
    requires: { params: { value: 0 }, why: 'ONNX ThresholdedRelu always replaces by 0 (it has no value)' },
  },
  reference: {
    torch: 'F.threshold(x, p["threshold"], p["value"])',
    exact: 'x if x > m(p["threshold"]) else m(p["value"])',
    exactDerivative: 'mpf(1) if x > m(p["threshold"]) else mpf(0)',
    paramSets: [
      { threshold: 0.1, value: 20 },
      { threshold: 1, value: -2 },
      { threshold: -1, value: -1 },
      { threshold: 0.5, value: 0 },
      { threshold: -2.5, value: 3 },
    ],
    kinks: (p) => [p.threshold],
  },
  validate(p) {
    // NaN for either is already a RangeError (resolveParams); an infinite value is allowed, as in PyTorch.
    requireFinite('threshold', 'threshold', p.threshold);
  },
  forward: (x, p) => (x <= p.threshold ? p.value : x),
  derivative: (x, p) => (x <= p.threshold ? 0 : 1),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/threshold.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('threshold', xs, out, p.threshold, p.value)) return;
    const t = p.threshold;
    const v = p.value;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x <= t ? v : x;
    }
  },
});
