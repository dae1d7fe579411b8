import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { log1pExp, sigmoid } from '../math/stable.js';
import { expNonPositive, log1pUnit } from '../math/libm.js';

/**
 * log σ(x) = −log(1 + e^−x). Computing log(sigmoid(x)) would return −Infinity once σ underflows
 * (x < −745) and lose every digit once σ rounds to 1 (x > 36.7); −log1pExp(−x) does neither.
 * For large x the true value is a tiny negative number, so it underflows to −0 (PyTorch's
 * min(x, 0) − log1p(e^−|x|) gives +0 there).
 */
const logSigmoidForward = (x: number): number => -log1pExp(-x);

/**
 * Log-sigmoid. PyTorch: torch.nn.functional.logsigmoid / torch.nn.LogSigmoid.
 */
export const logSigmoid = defineActivation({
  id: 'logSigmoid',
  name: 'LogSigmoid',
  summary: 'The logarithm of the sigmoid, log σ(x) = −softplus(−x): a smooth, always-negative curve used for log-probabilities.',
  torchFunction: 'torch.nn.functional.logsigmoid',
  torchModule: 'torch.nn.LogSigmoid',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{LogSigmoid}(x) = \log\left(\frac{1}{1 + e^{-x}}\right) = -\log\left(1 + e^{-x}\right)`,
    derivative: String.raw`\operatorname{LogSigmoid}'(x) = 1 - \sigma(x) = \sigma(-x) = \frac{1}{1 + e^{x}}`,
    notes: [String.raw`\operatorname{LogSigmoid}(x) = -\operatorname{Softplus}(-x)`],
  },
  properties: {
    range: { min: -Infinity, max: 0, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, 0)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: -Math.LN2,
    df0: 0.5,
    identityNearZero: false,
    kinks: [],
  },
  papers: [],
  tradeOffs: {
    advantages: [
      {
        text: 'Numerically stable log-probabilities: computed as −softplus(−x), it stays finite and accurate where log(sigmoid(x)) underflows to −∞ or rounds to 0 (the worked examples at x = 30 and x = −720).',
        evidence: [{ kind: 'property', property: 'range' }],
      },
      {
        text: 'Smooth and monotonic, with a gradient σ(−x) that tends to 1 for very negative inputs, so a badly wrong prediction still gets a strong signal.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'monotonic' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Never positive and unbounded below (range (−∞, 0)), and not zero-centred: as a hidden activation it is only a reflected softplus, −softplus(−x).',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'zeroCentered' },
        ],
      },
      {
        text: 'Its gradient vanishes for large positive inputs (like e^−x), where the output approaches 0.',
        evidence: [{ kind: 'property', property: 'range' }],
      },
    ],
    whenToUse: [
      {
        text: 'Inside binary cross-entropy (logistic) losses, −[y·log σ(x) + (1 − y)·log σ(−x)], computed from the score without forming σ(x): the two-class case of log-softmax, which trains exactly like softmax with cross-entropy in our training experiment.',
        evidence: [
          { kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' },
          { kind: 'property', property: 'range' },
        ],
      },
      {
        text: 'Wherever a log-probability of a sigmoid output is needed, instead of log(sigmoid(x)).',
        evidence: [{ kind: 'property', property: 'range' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: -0.1269280110429725, derivative: 0.11920292202211756 },
    { x: -1, forward: -1.3132616875182228, derivative: 0.7310585786300049 },
    { x: 0, forward: -0.6931471805599453, derivative: 0.5, note: '−log 2' },
    {
      x: 30,
      forward: -9.357622968839737e-14,
      derivative: 9.357622968839299e-14,
      note: 'log(sigmoid(30)) would keep only 2 or 3 significant digits',
    },
    { x: -720, forward: -720, derivative: 1, note: 'log(sigmoid(−720)) would be −∞' },
  ],
  seeAlso: ['sigmoid', 'softplus'],
  family: 'other',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = -Math.log(1 + Math.exp(-xs[i]!));
  },
  tfjs: { op: 'logSigmoid' },
  reference: {
    torch: 'F.logsigmoid(x)',
    exact: '-softplus_core(-x)',
    exactDerivative: 'sig(-x)',
  },
  forward: logSigmoidForward,
  derivative: (x) => sigmoid(-x),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/log-sigmoid.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('logSigmoid', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = -xs[i]!;
      out[i] = x > 0 ? -(x + log1pUnit(expNonPositive(-x))) : -log1pUnit(expNonPositive(x));
    }
  },
});
