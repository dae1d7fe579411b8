import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { expNonPositive, tanh as libmTanh } from '../math/libm.js';

/**
 * sech²(x) = 1 − tanh²(x). PyTorch's autograd computes 1 − y² from the rounded output y, which is 0
 * once tanh rounds to ±1 (|x| > 19.06) and loses digits well before; the true value there is about
 * 4e^−2|x|. Near 0, 1 − t² is accurate (t² ≤ 1/4 cannot cancel much); elsewhere
 * 4u/(1+u)² with u = e^−2|x| has no cancellation and does not overflow.
 */
function tanhDerivative(x: number): number {
  const a = Math.abs(x);
  if (a < 0.5) {
    const t = libmTanh(x);
    return 1 - t * t;
  }
  const u = expNonPositive(-2 * a);
  const d = 1 + u;
  // The rounding error of 1 + u (exact by Fast2Sum, u ≤ 1) would count twice in the square: put it back.
  const r = (1 - d + u) / d;
  return ((4 * u) / d / d) * (1 - 2 * r);
}

/**
 * The hyperbolic tangent. PyTorch: torch.tanh / torch.nn.Tanh. The forward pass is the module's
 * tanh (src/math/libm.ts): fdlibm's s_tanh.c (under 1 ulp), bit for bit Node 20's Math.tanh, the same in every engine.
 */
export const tanh = defineActivation({
  id: 'tanh',
  name: 'Tanh',
  summary: 'The hyperbolic tangent: an S-shaped curve like the sigmoid, but zero-centred with outputs in (−1, 1).',
  torchFunction: 'torch.tanh',
  torchModule: 'torch.nn.Tanh',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
    derivative: String.raw`\tanh'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x)`,
    notes: [String.raw`\tanh(x) = 2\sigma(2x) - 1`],
  },
  properties: {
    range: { min: -1, max: 1, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-1, 1)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: true,
    f0: 0,
    df0: 1,
    identityNearZero: true,
    kinks: [],
  },
  papers: ['lecun1998efficient'],
  tradeOffs: {
    advantages: [
      {
        text: 'Zero-centred: its outputs are symmetric about 0, so the next layer’s inputs average near zero; LeCun et al. recommend symmetric sigmoids for this reason and report that they often converge faster than the logistic function, and our training experiment compares tanh with the sigmoid.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          {
            kind: 'paper',
            key: 'lecun1998efficient',
            where: 'Section 4.4',
            shows:
              'sigmoids symmetric about the origin are preferred because their outputs, the next layer’s inputs, average near zero; symmetric sigmoids such as tanh often converge faster than the logistic function',
          },
          { kind: 'measured', experiment: 'training', finding: 'tanh-faster-than-sigmoid' },
        ],
      },
      {
        text: 'Slope 1 at 0, four times the sigmoid’s 0.25: near 0 it is the identity and passes gradients on undiminished; through 50 layers at initialisation our measurement finds it keeps more gradient than the sigmoid.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'identityNearZero' },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'tanh-keeps-more-than-sigmoid' },
        ],
      },
      {
        text: 'No top-layer saturation: being symmetric about 0, tanh networks do not show the sigmoid’s saturation of the top hidden layer (Glorot and Bengio), and in our saturation experiment fewer tanh units saturate than sigmoid units.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 3.2',
            shows: 'tanh networks do not suffer the top-hidden-layer saturation of sigmoid networks, because of the symmetry around 0',
          },
          { kind: 'measured', experiment: 'saturation', finding: 'tanh-saturates-less-than-sigmoid' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Vanishing gradients: it saturates at ±1, where its slope tends to 0. With the standard initialisation Glorot and Bengio saw tanh layers saturate one after another during training, starting with the first; LeCun et al. note that saturation makes the error surface flat far from the origin.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 3.2, Figure 3',
            shows: 'with weights drawn from U[−1/√n, 1/√n], saturation starts in layer 1 and propagates up the network during training',
          },
          {
            kind: 'paper',
            key: 'lecun1998efficient',
            where: 'Section 4.4',
            shows: 'because of the saturation of sigmoids the error surface is flat far from the origin (and, for symmetric sigmoids, also very flat near it)',
          },
        ],
      },
      {
        text: 'Sensitive to initialisation in deep networks: Glorot and Bengio’s normalised initialisation lowered the test error of 5-layer tanh networks from 27.15% to 15.60% on their shape data set.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 5, Table 1',
            shows: 'Tanh vs Tanh N test error: 27.15 vs 15.60 (Shapeset-3×2), 55.9 vs 52.92 (CIFAR-10), 70.58 vs 68.57 (Small-ImageNet)',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Hidden layers where zero-centred, bounded outputs help, with the normalised (Glorot) initialisation in deeper networks.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 4.2.1, Eq. 16; Section 5',
            shows: 'the normalised initialisation keeps activation and back-propagated gradient variances across layers and helps tanh networks',
          },
        ],
      },
      {
        text: 'Outputs that must lie in (−1, 1), such as normalised targets or bounded actions in reinforcement learning.',
        evidence: [{ kind: 'property', property: 'range' }],
      },
      {
        text: 'In deep feed-forward networks prefer a rectifier with He initialisation, whose gradient does not shrink through depth: in our 50-layer measurement ReLU, Leaky ReLU and PReLU keep the first layer’s gradient within a factor of 10 of the last layer’s.',
        evidence: [
          { kind: 'measured', experiment: 'gradient-depth', finding: 'rectifiers-he-preserve' },
          {
            kind: 'paper',
            key: 'he2015delving',
            where: 'Section 2.2, Figure 3',
            shows:
              'an initialisation derived for rectifiers keeps the signal’s variance through depth; with it a 30-layer rectifier network converges from scratch where Glorot’s initialisation stalls',
          },
        ],
      },
    ],
  },
  examples: [
    { x: 0.5, forward: 0.46211715726000974, derivative: 0.7864477329659274 },
    { x: -1, forward: -0.7615941559557649, derivative: 0.4199743416140261 },
    { x: 2, forward: 0.9640275800758169, derivative: 0.07065082485316447 },
    {
      x: 30,
      forward: 1,
      derivative: 3.502604305078608e-26,
      note: 'tanh rounds to 1, yet the slope is not 0: 1 − tanh² would return 0 here',
    },
  ],
  seeAlso: ['sigmoid', 'hardtanh', 'softsign', 'tanhshrink'],
  family: 'saturating',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = Math.tanh(xs[i]!);
  },
  tfjs: { op: 'tanh' },
  onnx: { opType: 'Tanh', opset: 18 },
  reference: {
    torch: 'torch.tanh(x)',
    exact: 'mpmath.tanh(x)',
    exactDerivative: 'sech2(x)',
  },
  forward: (x) => libmTanh(x),
  derivative: tanhDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/tanh.ts): for a Float64Array the same values as the loop below (fdlibm's
    // tanh, ported there on a SIMD port of fdlibm's expm1), for a Float32Array within 1 float32 ulp of them; the loop is the fallback.
    if (runWasm('tanh', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = libmTanh(xs[i]!);
  },
});
