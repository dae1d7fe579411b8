import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * PReLU with a single weight a: x for x > 0, a·x otherwise. PyTorch: torch.nn.functional.prelu with a
 * one-element weight / torch.nn.PReLU (num_parameters = 1, init = 0.25). In a network a is learned;
 * here it is a parameter.
 * Measured on torch 1.13 (float64): forward is `x > 0 ? x : a·x` (NaN stays NaN, -0 gives -0);
 * the input gradient is `x > 0 ? 1 : a`, so a at x = 0 and at NaN. As for Leaky ReLU, with a = 0 we
 * return the limit -0 at -Infinity where PyTorch computes (-∞)·0 = NaN.
 */
export const prelu = defineActivation({
  id: 'prelu',
  name: 'PReLU',
  summary: 'A Leaky ReLU whose negative slope a is a learned parameter (here one shared weight, initialised to 0.25).',
  torchFunction: 'torch.nn.functional.prelu',
  torchModule: 'torch.nn.PReLU',
  defaults: { weight: 0.25 },
  params: [
    {
      name: 'weight',
      torchName: 'weight',
      symbol: 'a',
      description: 'The learned slope for negative inputs; PyTorch initialises it to 0.25 (torch.nn.PReLU init).',
      range: [0, 1],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{PReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ a x & \text{if } x \le 0 \end{cases}`,
    derivative: String.raw`\frac{\partial}{\partial x}\operatorname{PReLU}(x) = \begin{cases} 1 & \text{if } x > 0 \\ a & \text{if } x \le 0 \end{cases}`,
    notes: [String.raw`\frac{\partial}{\partial a}\operatorname{PReLU}(x) = \min(0, x)`, String.raw`\operatorname{PReLU}(x) = \max(0, x) + a \min(0, x)`],
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd returns the weight a (the full gradient passes only where x > 0, so NaN inputs also get a).',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0.25,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0.25 }],
  },
  papers: ['he2015delving'],
  tradeOffs: {
    advantages: [
      {
        text: 'No slope to tune by hand: the network learns the negative slope, per channel or shared by a layer, at the cost of one parameter each, trained by back-propagation with the other weights.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1',
            shows:
              'a_i is learned per channel, or shared by all channels of a layer (one extra parameter per layer), and optimised by back-propagation with the other layers',
          },
        ],
      },
      {
        text: 'Keeps a gradient for negative inputs (the slope a, 0.25 at its initial value), so units do not die as they can with ReLU: our dead-units experiment finds no dead PReLU units.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'measured', experiment: 'dead-units', finding: 'leaky-never-dead' },
        ],
      },
      {
        text: 'Introduced together with He (Kaiming) initialisation, which accounts for the slope; the two made the first reported result to surpass human-level accuracy on ImageNet classification (4.94% top-5 error against 5.1%).',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Abstract; Section 2.2',
            shows:
              'PReLU networks reach 4.94% top-5 test error on ImageNet 2012, the first result to surpass the reported human-level 5.1%; the initialisation is derived for rectifiers including PReLU',
          },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'rectifiers-he-preserve' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Weight decay must be switched off for its slopes: applied to a, it pushes a towards 0 and so biases PReLU towards ReLU, which is why He et al. do not use it there.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1 (optimisation)',
            shows: 'no weight decay (l2 regularisation) is used when updating a_i: it tends to push a_i to zero and thus biases PReLU toward ReLU',
          },
        ],
      },
      {
        text: 'The slope is unconstrained: a learned a < 0 makes the function non-monotonic and a > 1 makes it steeper for negative inputs than for positive ones, although He et al. found |a| rarely above 1.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1 (optimisation)',
            shows:
              'the range of a_i is not constrained, so the activation may be non-monotonic; even without regularisation the learned coefficients rarely exceed 1 in magnitude',
          },
        ],
      },
      {
        text: 'Not differentiable at 0.',
        evidence: [{ kind: 'property', property: 'kinks' }],
      },
    ],
    whenToUse: [
      {
        text: 'Convolutional networks trained on large data sets, as a drop-in replacement for ReLU: in He et al.’s 14-layer ImageNet model, replacing every ReLU by PReLU lowered the top-1 error by about 1.2 points.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1, Table 2',
            shows: 'ReLU vs PReLU on the small (14-layer) model, trained from scratch: PReLU reduces top-1 error by about 1.2% (to 32.64%)',
          },
        ],
      },
      {
        text: 'When Leaky ReLU helps but the best slope is unknown: the learned slopes differ between layers (about 0.6–0.7 in the first convolution, smaller deeper), which no single fixed α matches.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1, Table 1',
            shows: 'learned coefficients per layer: conv1 0.681 (channel-shared) and 0.596 (channel-wise), deeper layers generally smaller',
          },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough lists “more parameters and a risk of overfitting on small data sets”. He et al. argue the opposite: the extra parameters, one per channel, are negligible next to the weights, so they expect no extra risk of overfitting (the abstract says “little overfitting risk”). Neither they nor we measured it on small data sets.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.1; Abstract',
            shows:
              'the number of extra parameters equals the number of channels, negligible against the number of weights, so no extra risk of overfitting is expected; PReLU improves fitting with nearly zero extra cost and little overfitting risk',
          },
        ],
      },
    ],
  },
  examples: [
    { x: 1.5, forward: 1.5, derivative: 1 },
    { x: -2, forward: -0.5, derivative: 0.25 },
    { x: -0.5, params: { weight: 0.1 }, forward: -0.05, derivative: 0.1 },
    { x: 0, forward: 0, derivative: 0.25, note: 'the kink: autograd returns the weight' },
  ],
  seeAlso: ['leakyRelu', 'relu', 'elu'],
  family: 'rectifier',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const w = p.weight;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x >= 0 ? x : w * x;
      }
    };
  },
  tfjs: { op: 'prelu', args: [{ tensor: 'weight' }] },
  onnx: { opType: 'PRelu', initializers: [{ name: 'slope', values: [{ param: 'weight' }], dims: [1] }], opset: 18 },
  reference: {
    // param_tensor: the weight as a 1-element tensor of x's dtype (the bench calls it on float32 too).
    torch: 'F.prelu(x, param_tensor(p["weight"], x.dtype))',
    exact: 'x if x > 0 else m(p["weight"]) * x',
    exactDerivative: 'mpf(1) if x > 0 else m(p["weight"])',
    paramSets: [{ weight: 0 }, { weight: 0.1 }, { weight: -0.5 }, { weight: 1.5 }, { weight: -0.3 }, { weight: 1 }, { weight: 0.7 }],
  },
  validate(p) {
    // PyTorch accepts an infinite weight, but then f(0) = 0·∞ is NaN.
    requireFinite('prelu', 'weight', p.weight);
  },
  forward: (x, p) => (x > 0 ? x : p.weight === 0 && x === -Infinity ? -p.weight : x * p.weight),
  derivative: (x, p) => (x > 0 ? 1 : p.weight),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/leaky.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('leaky', xs, out, p.weight)) return;
    const a = p.weight;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : a === 0 && x === -Infinity ? -a : x * a;
    }
  },
});
