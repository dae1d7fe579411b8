import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * Leaky ReLU: x for x > 0, negativeSlope·x otherwise. PyTorch: torch.nn.functional.leaky_relu /
 * torch.nn.LeakyReLU (negative_slope = 0.01).
 * Measured on torch 1.13 (float64): forward is `x > 0 ? x : x·slope`, so NaN stays NaN and -0 gives
 * -0; leaky_relu_backward is `x > 0 ? grad : grad·slope`, so the derivative is the slope at x = 0
 * and at NaN. One deliberate difference: with slope 0, PyTorch computes (-Infinity)·0 = NaN; we
 * return the limit, -0 (the value at every other negative input).
 */
export const leakyRelu = defineActivation({
  id: 'leakyRelu',
  name: 'Leaky ReLU',
  summary: 'A ReLU that lets a small fraction (the negative slope) of negative inputs through instead of zeroing them.',
  torchFunction: 'torch.nn.functional.leaky_relu',
  torchModule: 'torch.nn.LeakyReLU',
  defaults: { negativeSlope: 0.01 },
  params: [
    {
      name: 'negativeSlope',
      torchName: 'negative_slope',
      symbol: String.raw`\alpha`,
      description: 'Slope of the function for negative inputs (PyTorch default 0.01; the walkthrough plots 0.1).',
      range: [0, 0.5],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{LeakyReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ \alpha x & \text{if } x \le 0 \end{cases}`,
    derivative: String.raw`\operatorname{LeakyReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ \alpha & \text{if } x \le 0 \end{cases}`,
    notes: [String.raw`\operatorname{LeakyReLU}(x) = \max(0, x) + \alpha \min(0, x)`],
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd returns the negative slope α (its backward passes the full gradient only where x > 0, so NaN inputs also get α).',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0.01,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0.01 }],
  },
  papers: ['maas2013rectifier'],
  tradeOffs: {
    advantages: [
      {
        text: 'No dead units: negative inputs still get the slope α, never 0, so a unit whose pre-activations are all negative still updates; our dead-units experiment finds no dead Leaky ReLU units at all.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'measured', experiment: 'dead-units', finding: 'leaky-never-dead' },
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1',
            shows: 'the motivation of Leaky ReLU (a fixed small slope, 0.01) is to avoid zero gradients',
          },
        ],
      },
      {
        text: 'Practically as cheap as ReLU: one comparison and, for negative inputs, one multiplication; our timing finds it within 1.5× of ReLU.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'leaky-as-cheap-as-relu' }],
      },
      {
        text: 'With He initialisation its gradient keeps its size through depth, like ReLU’s: within a factor of 10 from the last to the first of 50 layers in our measurement.',
        evidence: [{ kind: 'measured', experiment: 'gradient-depth', finding: 'rectifiers-he-preserve' }],
      },
    ],
    disadvantages: [
      {
        text: 'No accuracy gain over ReLU: Maas et al. found leaky and plain rectifier networks about equal on speech recognition, He et al. summarise it as a negligible impact on accuracy, and in our training experiment Leaky ReLU stays within ReLU’s intervals.',
        evidence: [
          {
            kind: 'paper',
            key: 'maas2013rectifier',
            where: 'results table (word error rates of DNNs with 2–4 hidden layers; read through summaries, the PDF itself was not read)',
            shows:
              'on Switchboard, DNNs with 2–4 hidden layers: leaky and plain rectifier networks reach about the same word error rates, both about 2% absolute below tanh networks',
          },
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1',
            shows: 'experiments in Maas et al. show that Leaky ReLU has a negligible impact on accuracy compared with ReLU',
          },
          { kind: 'measured', experiment: 'training', finding: 'leaky-matches-relu' },
        ],
      },
      {
        text: 'One more hyperparameter: α is fixed by hand (0.01 by default), while the slopes PReLU learns differ widely between layers (He et al. report about 0.6–0.7 in the first layer and smaller values deeper).',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1, Table 1',
            shows: 'learned PReLU coefficients: 0.681 (channel-shared) and 0.596 (channel-wise) in conv1, generally smaller in deeper layers',
          },
        ],
      },
      {
        text: 'Not differentiable at 0, and not exactly sparse: negative inputs give small non-zero outputs instead of ReLU’s zeros.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'range' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Hidden layers where plain ReLU units die during training, for example with a high learning rate: our dead-units experiment finds a large learning rate killing ReLU units, and none dying with Leaky ReLU.',
        evidence: [
          { kind: 'measured', experiment: 'dead-units', finding: 'high-lr-kills-relu-units' },
          { kind: 'measured', experiment: 'dead-units', finding: 'leaky-never-dead' },
        ],
      },
      {
        text: 'Anywhere ReLU works, as a drop-in replacement: expect about the same results, not better ones.',
        evidence: [
          { kind: 'measured', experiment: 'training', finding: 'leaky-matches-relu' },
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1',
            shows: 'Leaky ReLU has a negligible impact on accuracy compared with ReLU',
          },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough credits Leaky ReLU with improved learning for deep networks. Its own paper found it about equal to ReLU (He et al.: a negligible impact on accuracy), and so does our training experiment.',
        evidence: [
          {
            kind: 'paper',
            key: 'maas2013rectifier',
            where: 'results table (word error rates of DNNs with 2–4 hidden layers; read through summaries, the PDF itself was not read)',
            shows: 'leaky and plain rectifier networks reach about the same word error rates',
          },
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1',
            shows: 'experiments in Maas et al. show that Leaky ReLU has a negligible impact on accuracy compared with ReLU',
          },
          { kind: 'measured', experiment: 'training', finding: 'leaky-matches-relu' },
        ],
      },
      {
        text: 'The walkthrough calls Leaky ReLU both “as cheap as ReLU” and “slightly more computation than ReLU”. Both describe the same multiplication on negative inputs; measured, it stays within 1.5× of ReLU’s time, so it is listed once, as practically as cheap.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'leaky-as-cheap-as-relu' }],
      },
    ],
  },
  examples: [
    { x: 3, forward: 3, derivative: 1 },
    { x: -2, forward: -0.02, derivative: 0.01 },
    { x: -2, params: { negativeSlope: 0.1 }, forward: -0.2, derivative: 0.1, note: 'the slope the walkthrough plots' },
    { x: 0, forward: 0, derivative: 0.01, note: 'the kink: autograd returns the slope' },
  ],
  seeAlso: ['relu', 'prelu', 'elu', 'selu'],
  family: 'rectifier',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const s = p.negativeSlope;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x >= 0 ? x : s * x;
      }
    };
  },
  tfjs: { op: 'leakyRelu', args: [{ param: 'negativeSlope' }] },
  onnx: { opType: 'LeakyRelu', attributes: { alpha: { param: 'negativeSlope' } }, opset: 18 },
  reference: {
    torch: 'F.leaky_relu(x, p["negativeSlope"])',
    exact: 'x if x > 0 else m(p["negativeSlope"]) * x',
    exactDerivative: 'mpf(1) if x > 0 else m(p["negativeSlope"])',
    paramSets: [
      { negativeSlope: 0.1 },
      { negativeSlope: 0.2 },
      { negativeSlope: 0 },
      { negativeSlope: -0.5 },
      { negativeSlope: 1.5 },
      { negativeSlope: 1e-300 },
    ],
  },
  validate(p) {
    // PyTorch accepts an infinite slope, but then f(0) = 0·∞ is NaN: no usable function.
    requireFinite('leakyRelu', 'negativeSlope', p.negativeSlope);
  },
  forward: (x, p) => leaky(x, p.negativeSlope),
  derivative: (x, p) => (x > 0 ? 1 : p.negativeSlope),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/leaky.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('leaky', xs, out, p.negativeSlope)) return;
    const s = p.negativeSlope;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : s === 0 && x === -Infinity ? -s : x * s;
    }
  },
});

/**
 * x > 0 ? x : s·x. With s = 0 the product (-∞)·0 is NaN; the limit over negative x is -s (that is,
 * -0 for s = +0), which is what every finite negative input gives.
 */
function leaky(x: number, s: number): number {
  if (x > 0) return x;
  return s === 0 && x === -Infinity ? -s : x * s;
}
