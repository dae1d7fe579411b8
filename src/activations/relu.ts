import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/**
 * ReLU, max(0, x). PyTorch: torch.nn.functional.relu / torch.nn.ReLU.
 * Measured on torch 1.13 (float64): relu(-0) is -0 and relu(NaN) is NaN (clamp_min keeps its input
 * unless it is below 0); autograd's threshold_backward(grad, result, 0) zeroes the gradient where the
 * result is <= 0, so the derivative is 0 at x = 0 and -0, and 1 at NaN (NaN <= 0 is false). The
 * scalar and vectorised kernels agree on all of these.
 */
export const relu = defineActivation({
  id: 'relu',
  name: 'ReLU',
  summary: 'The rectified linear unit: passes positive inputs unchanged and sets the rest to zero.',
  torchFunction: 'torch.nn.functional.relu',
  torchModule: 'torch.nn.ReLU',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{ReLU}(x) = \max(0, x)`,
    derivative: String.raw`\operatorname{ReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{if } x \le 0 \end{cases}`,
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd returns 0 (threshold_backward passes the gradient only where the output is > 0, so NaN inputs get 1).',
  properties: {
    range: { min: 0, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[0, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: 0,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: 0 }],
  },
  papers: ['nair2010relu'],
  tradeOffs: {
    advantages: [
      {
        text: 'Cheap: one comparison per element, no exponential; our timing measures the sigmoid and ELU above 1.2× its cost, GELU and Mish above 2×. (A cheaper step is not a faster convergence: how many steps training takes is a separate question.)',
        evidence: [
          { kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' },
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1',
            shows: 'computations are cheaper: no exponential is needed in the activations, and sparsity can be exploited',
          },
        ],
      },
      {
        text: 'Sparsity: every negative input gives an exact zero, so for a given input only a subset of units is active, and the network is linear on that subset.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1',
            shows: 'rectifiers give real zeros and sparse representations; for a given input the computation is linear on the active units',
          },
        ],
      },
      {
        text: 'No vanishing of the gradient on active paths: the slope is exactly 1 for every positive input, where sigmoid and tanh saturate; with He initialisation our 50-layer measurement keeps the first layer’s gradient within a factor of 10 of the last layer’s.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1',
            shows:
              'gradients flow well on the active paths of rectifier units: there is no vanishing effect due to the activation non-linearities of sigmoid or tanh units',
          },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'rectifiers-he-preserve' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Dead units: a unit whose pre-activation is negative on every input passes no gradient, so its own weights stop changing. It is not necessarily dead for good: updates of earlier layers move its inputs and can bring it back. Our dead-units experiment measures how the dead fraction grows with depth and with a large learning rate, and finds units that revive.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'measured', experiment: 'dead-units', finding: 'relu-dead-grows-with-depth' },
          { kind: 'measured', experiment: 'dead-units', finding: 'high-lr-kills-relu-units' },
          { kind: 'measured', experiment: 'dead-units', finding: 'dead-units-revive' },
        ],
      },
      {
        text: 'Not zero-centred: outputs are never negative, so the next layer’s inputs have a positive mean, which biases weight updates and slows learning.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          {
            kind: 'paper',
            key: 'lecun1998efficient',
            where: 'Section 4.3',
            shows:
              'any shift of the average input away from zero biases the updates in one direction and slows learning; the same holds for every layer’s outputs',
          },
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Section 1 (Introduction)',
            shows: 'ReLUs are non-negative and so have a mean activation above zero, which acts as a bias shift for the next layer',
          },
        ],
      },
      {
        text: 'Unbounded above: activations can grow large; Glorot et al. added an L1 penalty on the activations to prevent numerical problems.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1 (potential problems)',
            shows: 'the unbounded behaviour of the activations could cause numerical problems; they use an L1 penalty on the activation values',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'A sound default for the hidden layers of feed-forward and convolutional networks: the most popular activation when ELU was proposed, and the baseline newer functions are measured against.',
        evidence: [
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Section 1 (Introduction)',
            shows: 'the rectified linear unit is currently the most popular activation function for neural networks',
          },
        ],
      },
      {
        text: 'Deep networks with He initialisation, which was derived for rectifiers and keeps the gradient’s size through depth.',
        evidence: [
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.2, Figure 3',
            shows: 'with the initialisation derived for rectifiers a 30-layer network converges from scratch, where Glorot’s initialisation stalls',
          },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'rectifiers-he-preserve' },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough says a dying ReLU unit stops learning for good. Its own weights get no gradient while it is dead on every input, but earlier layers keep learning through other units and can move its inputs back above 0; our dead-units experiment finds units dead at one checkpoint that are active again later.',
        evidence: [{ kind: 'measured', experiment: 'dead-units', finding: 'dead-units-revive' }],
      },
    ],
  },
  examples: [
    { x: 2.5, forward: 2.5, derivative: 1 },
    { x: -1.5, forward: 0, derivative: 0 },
    { x: 0, forward: 0, derivative: 0, note: 'the kink: autograd returns 0' },
    { x: -0, forward: -0, derivative: 0, note: 'the sign of zero is kept, as in PyTorch' },
  ],
  seeAlso: ['leakyRelu', 'prelu', 'relu6', 'elu', 'gelu'],
  family: 'rectifier',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : 0;
    }
  },
  tfjs: { op: 'relu' },
  onnx: { opType: 'Relu', opset: 18 },
  reference: {
    torch: 'F.relu(x)',
    exact: 'x if x > 0 else mpf(0)',
    exactDerivative: 'mpf(1) if x > 0 else mpf(0)',
  },
  // `x < 0 ? 0 : x` rather than `x > 0 ? x : 0`: the latter would turn NaN into 0 and -0 into +0,
  // where PyTorch returns NaN and -0.
  forward: (x) => (x < 0 ? 0 : x),
  // `x <= 0 ? 0 : 1` sends NaN to 1, as threshold_backward does (NaN <= 0 is false).
  derivative: (x) => (x <= 0 ? 0 : 1),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/relu.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('relu', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x < 0 ? 0 : x;
    }
  },
});
