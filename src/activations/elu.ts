import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { expm1, expNonPositive } from '../math/libm.js';

type EluParams = { readonly alpha: number };

/**
 * ELU forward. expm1: PyTorch's float64 kernel computes α·(e^x − 1), which loses every digit as
 * x → 0⁻ (it returns 0 for −1.1e−16 < x < 0 and about 8 correct digits at −1e−8); α·expm1(x) keeps
 * full precision. Zeros keep their natural sign: ±0 for α > 0 (the function is x-like on both sides),
 * +0 for α ≤ 0 (left of 0 it is −|α|·x ≥ 0, or identically 0). PyTorch returns 0·α there: +0 for
 * −0 when α > 0, and −0 for +0 when α < 0.
 */
function eluForward(x: number, alpha: number): number {
  if (x > 0) return x;
  if (x === 0) return alpha > 0 ? x : 0;
  return alpha * expm1(x);
}

/**
 * ELU, x for x > 0 and α(e^x − 1) otherwise. PyTorch: torch.nn.functional.elu / torch.nn.ELU.
 * Autograd's derivative at 0 is α (elu_backward takes the x ≤ 0 branch).
 */
export const elu = defineActivation<EluParams, 'elu'>({
  id: 'elu',
  name: 'ELU',
  summary: 'The exponential linear unit: the identity for positive inputs and a smooth exponential that saturates at −α for negative ones.',
  torchFunction: 'torch.nn.functional.elu',
  torchModule: 'torch.nn.ELU',
  defaults: { alpha: 1 },
  params: [
    {
      name: 'alpha',
      torchName: 'alpha',
      symbol: String.raw`\alpha`,
      description: 'The value −α that the output approaches as x → −∞; also the slope just left of 0.',
      range: [0, 3],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{ELU}(x) = \begin{cases} x & \text{if } x > 0 \\ \alpha\left(e^{x} - 1\right) & \text{if } x \le 0 \end{cases}`,
    derivative: String.raw`\operatorname{ELU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ \alpha\, e^{x} & \text{if } x \le 0 \end{cases}`,
  },
  kinkConvention:
    'For α = 1 the derivative is continuous (1 on both sides of 0). For α ≠ 1 it jumps from α to 1 at x = 0, and PyTorch autograd returns α there (the x ≤ 0 branch).',
  properties: {
    range: { min: -1, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\alpha, \infty) = (-1, \infty)`,
    monotonic: true,
    // With α = 1 the first derivative is continuous; the second jumps from 1 to 0 at x = 0.
    continuity: 'C1',
    // Mean output for standard normal input is 0.1605 (mpmath), against 0.3989 for ReLU: closer to zero, not centred.
    zeroCentered: false,
    f0: 0,
    df0: 1,
    identityNearZero: true,
    kinks: [],
  },
  papers: ['clevert2016elu'],
  tradeOffs: {
    advantages: [
      {
        text: 'No vanishing gradient for positive inputs: like ReLU it passes them with slope 1, and its negative part is smooth rather than flat at 0.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'continuity' },
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Abstract',
            shows: 'like ReLUs, Leaky ReLUs and PReLUs, ELUs alleviate the vanishing gradient problem via the identity for positive values',
          },
        ],
      },
      {
        text: 'Faster learning in deep networks, in Clevert et al.’s experiments: faster learning and better generalisation than ReLU and Leaky ReLU in networks of more than 5 layers, which they attribute to negative outputs pushing mean activations towards zero (a smaller bias shift).',
        evidence: [
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Abstract; Section 1',
            shows:
              'negative values push mean unit activations closer to zero, which reduces the bias shift and speeds up learning; ELUs learn faster and generalise significantly better than ReLUs and LReLUs with more than 5 layers',
          },
        ],
      },
      {
        text: 'Noise-robust deactivation: for large negative inputs the output saturates at −α, so an off unit is off in a stable way (Leaky ReLU and PReLU never saturate).',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Abstract',
            shows:
              'LReLUs and PReLUs have negative values too but do not ensure a noise-robust deactivation state; ELUs saturate to a negative value for smaller inputs',
          },
        ],
      },
      {
        text: 'No dead units: its slope is positive everywhere, and our dead-units experiment finds none.',
        evidence: [
          { kind: 'property', property: 'monotonic' },
          { kind: 'measured', experiment: 'dead-units', finding: 'leaky-never-dead' },
        ],
      },
      {
        text: 'With α = 1 (the default) it is continuously differentiable everywhere, including at x = 0.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'kinks' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Costlier than ReLU or Leaky ReLU: the exponential it evaluates for negative inputs puts it above 1.2× ReLU’s cost in our timing.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' }],
      },
      {
        text: 'α is one more choice, and awkward to tune: for α ≠ 1 the derivative jumps at 0, and a large α gives large gradients for small negative inputs (Barron); CELU removes both.',
        evidence: [
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Eq. 1–2 and the text after them',
            shows: 'for α ≠ 1 the ELU’s derivative is discontinuous at 0, and large α can cause an exploding gradient for small negative inputs',
          },
        ],
      },
      {
        text: 'Not zero-centred: positive inputs pass unchanged as in ReLU, so outputs are only pushed towards a zero mean, not centred on it.',
        evidence: [{ kind: 'property', property: 'zeroCentered' }],
      },
    ],
    whenToUse: [
      {
        text: 'Hidden layers of deep networks (more than about 5 layers) where ReLU trains slowly or units die.',
        evidence: [
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Abstract',
            shows: 'faster learning and better generalisation than ReLUs and LReLUs on networks with more than 5 layers',
          },
          { kind: 'measured', experiment: 'dead-units', finding: 'leaky-never-dead' },
        ],
      },
      {
        text: 'Networks without batch normalisation: on CIFAR-100 Clevert et al. found ELU networks better than ReLU networks with batch normalisation, and batch normalisation did not improve ELU networks.',
        evidence: [
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Abstract',
            shows:
              'on CIFAR-100 ELU networks significantly outperform ReLU networks with batch normalisation, while batch normalisation does not improve ELU networks',
          },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough says ELU is differentiable at all points including x = 0. That holds only for α = 1: for any other α the slope jumps from α (left) to 1 (right), and PyTorch returns α at 0.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Eq. 2',
            shows: 'the ELU as parametrised by Clevert et al. is not continuously differentiable when α is not 1',
          },
        ],
      },
    ],
  },
  examples: [
    { x: -1, forward: -0.6321205588285577, derivative: 0.36787944117144233 },
    { x: 2.5, forward: 2.5, derivative: 1 },
    {
      x: -1e-8,
      forward: -9.999999950000001e-9,
      derivative: 0.9999999900000001,
      note: "PyTorch's e^x − 1 gives −9.99999993922529e−9 here: only 8 digits are right.",
    },
    { x: -1, params: { alpha: 2 }, forward: -1.2642411176571153, derivative: 0.7357588823428847 },
    { x: 0, params: { alpha: 2 }, forward: 0, derivative: 2, note: 'the kink for α ≠ 1: autograd returns α' },
  ],
  seeAlso: ['selu', 'celu', 'relu', 'leakyRelu', 'softplus'],
  family: 'exponential',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const a = p.alpha;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x > 0 ? x : a * (Math.exp(x) - 1);
      }
    };
  },
  tfjs: { op: 'elu', requires: { params: { alpha: 1 }, why: 'tf.elu has no alpha (fixed at 1)' } },
  onnx: { opType: 'Elu', attributes: { alpha: { param: 'alpha' } }, opset: 18 },
  reference: {
    torch: 'F.elu(x, alpha=p["alpha"])',
    exact: 'x if x > 0 else m(p["alpha"]) * mpmath.expm1(x)',
    exactDerivative: 'mpf(1) if x > 0 else m(p["alpha"]) * expneg(x)',
    paramSets: [{ alpha: 0.5 }, { alpha: 2 }, { alpha: 0 }, { alpha: -1 }],
  },
  validate: (p) => requireFinite('elu', 'alpha', p.alpha),
  forward: (x, p) => eluForward(x, p.alpha),
  // NaN → NaN. Autograd is inconsistent there: elu_backward's vectorised loop returns NaN, its scalar
  // loop (tensors shorter than a SIMD vector, and the tail of longer ones) takes the x > 0 branch and returns 1.
  derivative: (x, p) => (x > 0 ? 1 : x <= 0 ? p.alpha * expNonPositive(x) : x),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/elu.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('elu', xs, out, p.alpha)) return;
    const alpha = p.alpha;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : x === 0 ? (alpha > 0 ? x : 0) : alpha * expm1(x);
    }
  },
});
