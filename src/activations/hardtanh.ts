import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/**
 * Hardtanh, min(max(x, minVal), maxVal). PyTorch: torch.nn.functional.hardtanh / torch.nn.Hardtanh
 * (min_val = -1, max_val = 1).
 * Measured on torch 1.13 (float64): a clamp, so NaN stays NaN and -0 stays -0. hardtanh_backward's
 * scalar kernel zeroes the gradient where x <= minVal or x >= maxVal: 0 at both kinks, 1 at NaN; we
 * follow it. (Its vectorised kernel, used on the bulk of tensors with 8 or more float64 elements,
 * keeps the gradient only where minVal < x < maxVal and so gives 0 at NaN.)
 * F.hardtanh(x, 1, -1) silently returns -1 everywhere (torch.nn.Hardtanh asserts instead); we reject
 * minVal > maxVal with a RangeError.
 */
export const hardtanh = defineActivation({
  id: 'hardtanh',
  name: 'Hardtanh',
  summary: 'A piecewise-linear tanh: the identity between minVal and maxVal (default -1 and 1), clipped outside.',
  torchFunction: 'torch.nn.functional.hardtanh',
  torchModule: 'torch.nn.Hardtanh',
  defaults: { minVal: -1, maxVal: 1 },
  params: [
    {
      name: 'minVal',
      torchName: 'min_val',
      symbol: String.raw`a`,
      description: 'Lower end of the linear region and the smallest output (PyTorch default -1).',
      range: [-3, 0],
    },
    {
      name: 'maxVal',
      torchName: 'max_val',
      symbol: String.raw`b`,
      description: 'Upper end of the linear region and the largest output (PyTorch default 1).',
      range: [0, 3],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{Hardtanh}(x) = \begin{cases} a & \text{if } x < a \\ x & \text{if } a \le x \le b \\ b & \text{if } x > b \end{cases}`,
    derivative: String.raw`\operatorname{Hardtanh}'(x) = \begin{cases} 1 & \text{if } a < x < b \\ 0 & \text{otherwise} \end{cases}`,
    notes: [String.raw`\operatorname{Hardtanh}(x) = \min\bigl(\max(x, a), b\bigr), \quad a = -1,\ b = 1 \text{ by default}`],
  },
  kinkConvention:
    'At x = minVal and x = maxVal the derivative is undefined; PyTorch autograd returns 0 at both (the gradient passes only strictly inside the linear region).',
  properties: {
    range: { min: -1, max: 1, minClosed: true, maxClosed: true },
    rangeLatex: String.raw`[-1, 1]`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: true,
    f0: 0,
    df0: 1,
    identityNearZero: true,
    kinks: [
      { x: -1, derivative: 0 },
      { x: 1, derivative: 0 },
    ],
  },
  // The conventional reference for the hard tanh of Torch and SENNA; its text could not be read, so that
  // it defines the function is unchecked (references.ts says so); no trade-off claim rests on it.
  papers: ['collobert2004thesis'],
  tradeOffs: {
    advantages: [
      {
        text: 'Zero-centred and bounded like tanh, and exactly the identity between minVal and maxVal, so small signals pass unchanged.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'identityNearZero' },
        ],
      },
      {
        text: 'The gradient is exactly 1 inside the linear region: no gradual saturation before the bounds.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'kinks' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Zero gradient outside [minVal, maxVal]: a saturated unit gets exactly no gradient, where a saturated tanh unit still gets a small one.',
        evidence: [
          { kind: 'measured', experiment: 'saturation', finding: 'hardtanh-saturation-zero-gradient' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Not differentiable at minVal and maxVal (autograd returns 0 there).',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'continuity' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Conjecture: a cheaper stand-in for tanh where exponentials are costly (two comparisons instead of an exponential); no finding here times the two, and no paper read for this project compares them in training.',
        evidence: [{ kind: 'conjecture' }],
      },
      {
        text: 'Clipping activations to a fixed interval [minVal, maxVal] (ReLU6 is Hardtanh with bounds 0 and 6).',
        evidence: [{ kind: 'property', property: 'range' }],
      },
    ],
  },
  examples: [
    { x: 0.25, forward: 0.25, derivative: 1 },
    { x: -3, forward: -1, derivative: 0 },
    { x: 2, params: { minVal: -2, maxVal: 3 }, forward: 2, derivative: 1 },
    { x: 1, forward: 1, derivative: 0, note: 'the upper kink: autograd returns 0' },
  ],
  seeAlso: ['tanh', 'relu6', 'hardsigmoid', 'softsign'],
  family: 'hard',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const lo = p.minVal;
    const hi = p.maxVal;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x < lo ? lo : x > hi ? hi : x;
      }
    };
  },
  tfjs: { op: 'clipByValue', args: [{ param: 'minVal' }, { param: 'maxVal' }] },
  onnx: {
    opType: 'Clip',
    initializers: [
      { name: 'min', values: [{ param: 'minVal' }] },
      { name: 'max', values: [{ param: 'maxVal' }] },
    ],
    opset: 18,
  },
  reference: {
    torch: 'F.hardtanh(x, p["minVal"], p["maxVal"])',
    exact: 'min(max(x, m(p["minVal"])), m(p["maxVal"]))',
    exactDerivative: 'mpf(1) if m(p["minVal"]) < x < m(p["maxVal"]) else mpf(0)',
    paramSets: [
      { minVal: -2, maxVal: 2 },
      { minVal: 0, maxVal: 6 },
      { minVal: -0.5, maxVal: 3 },
      { minVal: -2, maxVal: 3 },
      { minVal: 0.5, maxVal: 0.5 },
      { minVal: -3, maxVal: -1 },
      { minVal: -Infinity, maxVal: 2 },
    ],
    // An infinite bound is no point where branches meet.
    kinks: (p) => [p.minVal, p.maxVal].filter(Number.isFinite),
  },
  validate(p) {
    // ±Infinity are accepted (e.g. minVal = -Infinity leaves that side unclipped); an empty interval is not.
    if (p.minVal > p.maxVal) {
      throw new RangeError(`hardtanh: parameter 'minVal' (${show(p.minVal)}) must not exceed 'maxVal' (${show(p.maxVal)})`);
    }
  },
  // Comparisons that are false for NaN, so NaN (and -0) fall through unchanged, as in PyTorch's clamp.
  forward: (x, p) => (x < p.minVal ? p.minVal : x > p.maxVal ? p.maxVal : x),
  derivative: (x, p) => (x <= p.minVal || x >= p.maxVal ? 0 : 1),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/hardtanh.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('hardtanh', xs, out, p.minVal, p.maxVal)) return;
    const lo = p.minVal;
    const hi = p.maxVal;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x < lo ? lo : x > hi ? hi : x;
    }
  },
});
