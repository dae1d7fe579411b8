import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { sigmoid as sigmoidCore, sigmoidDerivative } from '../math/stable.js';

/**
 * The logistic sigmoid, 1/(1+e^−x). PyTorch: torch.sigmoid / torch.nn.Sigmoid.
 * Differs from PyTorch's float64 kernel on purpose in two places, both where PyTorch loses every
 * digit: below x ≈ −709.8 PyTorch returns 0 (e^−x overflows) where the true value is a subnormal
 * number until −745.1; and its autograd σ·(1−σ) returns 0 once σ rounds to 1 (x ≥ 37), where the
 * true derivative is about e^−x.
 */
export const sigmoid = defineActivation({
  id: 'sigmoid',
  name: 'Sigmoid',
  summary: 'The logistic function: squashes any real input into (0, 1), so outputs read as probabilities.',
  torchFunction: 'torch.sigmoid',
  torchModule: 'torch.nn.Sigmoid',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`,
    derivative: String.raw`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) = \sigma(x)\,\sigma(-x)`,
    notes: [String.raw`\sigma(-x) = 1 - \sigma(x)`, String.raw`\sigma(x) = \tfrac{1}{2} + \tfrac{1}{2}\tanh\!\left(\tfrac{x}{2}\right)`],
  },
  properties: {
    range: { min: 0, max: 1, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(0, 1)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0.5,
    df0: 0.25,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['rumelhart1986backprop'],
  tradeOffs: {
    advantages: [
      {
        text: 'Output range: every output lies strictly between 0 and 1, so it can be read as a probability.',
        evidence: [{ kind: 'property', property: 'range' }],
      },
      {
        text: 'Smooth (infinitely differentiable): its derivative σ(x)·σ(−x) is defined everywhere, with no kink that needs a convention.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'kinks' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Vanishing gradients: its slope is at most 0.25 (at x = 0) and tends to 0 for inputs of large magnitude, so the gradient shrinks layer after layer; at initialisation our 50-layer measurement finds the first layer’s gradient orders of magnitude below the last layer’s, under every initialisation tried.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'sigmoid-vanishes' },
        ],
      },
      {
        text: 'Saturation of the top hidden layer: trained from small random weights, Glorot and Bengio saw the last hidden layer driven to 0, where the sigmoid is flat, which slowed all learning (with four hidden layers it escaped slowly, with five never); our saturation experiment finds the same at small scale: the top hidden layer saturates at 0 while the lower layers do not.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 3.1, Figure 2',
            shows:
              'mean and spread of each layer’s sigmoid outputs during training: the top hidden layer quickly saturates at 0 and only slowly desaturates (around epoch 100); the depth-five model never escaped',
          },
          { kind: 'measured', experiment: 'saturation', finding: 'sigmoid-top-layer-saturates' },
        ],
      },
      {
        text: 'Not zero-centred: its outputs are always positive, so the next layer’s inputs have a positive mean; the updates of all weights into a unit then share one sign and can only zig-zag towards their target, which slows learning.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          {
            kind: 'paper',
            key: 'lecun1998efficient',
            where: 'Sections 4.3 and 4.4',
            shows:
              'with all-positive inputs the updates of the weights into a node share the sign of its error and change direction only by zig-zagging; the logistic function’s outputs are always positive, which is why symmetric sigmoids are preferred',
          },
        ],
      },
      {
        text: 'Costlier than ReLU: it needs an exponential where ReLU needs a comparison; our timing measures it above 1.2× ReLU’s cost per element.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' }],
      },
    ],
    whenToUse: [
      {
        text: 'The output layer of binary classification: its (0, 1) output reads as a probability, trained with the log-likelihood (cross-entropy) cost, which Glorot and Bengio found to have fewer plateaus than the quadratic cost (their softmax outputs include the two-class sigmoid case).',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 4.1, Figure 5',
            shows:
              'the conditional log-likelihood cost with softmax outputs worked much better for classification than the quadratic cost, with fewer and milder plateaus',
          },
        ],
      },
      {
        text: 'Gates inside LSTM and GRU cells and attention or squeeze-and-excitation blocks, where a value in (0, 1) scales another signal.',
        evidence: [{ kind: 'property', property: 'range' }],
      },
      {
        text: 'Avoid it in the hidden layers of deep networks trained from random initialisation, as Glorot and Bengio conclude; in our training experiment sigmoid hidden layers are among the slowest to reach the target loss, needing at least twice ReLU’s steps or never reaching it. Prefer tanh or a rectifier there.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 5, Table 1',
            shows: 'sigmoid networks had the highest test error on all four data sets; sigmoids should be avoided when initialising from small random weights',
          },
          { kind: 'measured', experiment: 'training', finding: 'sigmoid-slowest' },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough says the sigmoid has a smooth gradient, “which gradient descent needs”. Gradient descent does not need smoothness: back-propagation only needs a derivative almost everywhere, and ReLU, with a kink at 0, trains well; Glorot et al.’s results even suggest that the rectifier’s hard zeros help supervised training compared with its smooth version, softplus.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1 (potential problems)',
            shows:
              'softplus was tried to test whether the rectifier’s hard saturation at 0 hurts optimisation; the results contradict that hypothesis and suggest hard zeros can help supervised training',
          },
        ],
      },
    ],
  },
  examples: [
    { x: 2, forward: 0.8807970779778824, derivative: 0.10499358540350652 },
    { x: -1, forward: 0.2689414213699951, derivative: 0.19661193324148185 },
    { x: 0, forward: 0.5, derivative: 0.25, note: 'the centre: steepest point' },
    {
      x: 30,
      forward: 0.9999999999999064,
      derivative: 9.357622968838423e-14,
      note: 'σ·(1−σ) would lose most digits here; σ(x)·σ(−x) keeps them',
    },
    {
      x: -720,
      forward: 2.0322308024e-313,
      derivative: 2.0322308024e-313,
      note: 'a subnormal value; PyTorch float64 returns 0 below x ≈ −709.8',
    },
  ],
  seeAlso: ['tanh', 'logSigmoid', 'hardsigmoid', 'silu', 'softplus'],
  family: 'saturating',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = 1 / (1 + Math.exp(-xs[i]!));
  },
  tfjs: { op: 'sigmoid' },
  onnx: { opType: 'Sigmoid', opset: 18 },
  reference: {
    torch: 'torch.sigmoid(x)',
    exact: 'sig(x)',
    exactDerivative: 'sig(x) * sig(-x)',
  },
  forward: (x) => sigmoidCore(x),
  derivative: (x) => sigmoidDerivative(x),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/sigmoid.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('sigmoid', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = sigmoidCore(xs[i]!);
  },
});
