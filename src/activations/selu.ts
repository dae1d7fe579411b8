import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { SELU_ALPHA, SELU_SCALE, SELU_SCALE_ALPHA } from '../math/constants.js';
import { expm1, expNonPositive } from '../math/libm.js';

/**
 * SELU forward: λx for x > 0, λα·expm1(x) otherwise. expm1: PyTorch's float64 kernel computes
 * λα·(e^x − 1), which loses every digit as x → 0⁻ (it returns 0 for −1.1e−16 < x < 0).
 * The sign of zero follows the branch: +0 → +0, −0 → −0 (PyTorch returns +0 for both).
 */
function seluForward(x: number): number {
  return x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * expm1(x);
}

/**
 * SELU, λ·ELU(x; α) with PyTorch's fixed λ ≈ 1.0507 and α ≈ 1.6733. PyTorch:
 * torch.nn.functional.selu / torch.nn.SELU. Autograd's derivative at 0 is λα (the x ≤ 0 branch).
 */
export const selu = defineActivation({
  id: 'selu',
  name: 'SELU',
  summary:
    'The scaled exponential linear unit: an ELU scaled by fixed constants chosen so that activations keep zero mean and unit variance through many layers.',
  torchFunction: 'torch.nn.functional.selu',
  torchModule: 'torch.nn.SELU',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{SELU}(x) = \lambda \begin{cases} x & \text{if } x > 0 \\ \alpha\left(e^{x} - 1\right) & \text{if } x \le 0 \end{cases}, \quad \lambda \approx 1.0507,\ \alpha \approx 1.6733`,
    derivative: String.raw`\operatorname{SELU}'(x) = \lambda \begin{cases} 1 & \text{if } x > 0 \\ \alpha\, e^{x} & \text{if } x \le 0 \end{cases}`,
    notes: [String.raw`\begin{aligned} \lambda &= 1.0507009873554804934193349852946 \\ \alpha &= 1.6732632423543772848170429916717 \end{aligned}`],
  },
  kinkConvention:
    'The derivative jumps from λα ≈ 1.7581 (left) to λ ≈ 1.0507 (right) at x = 0; PyTorch autograd returns λα = 1.7580993408473766 there (the x ≤ 0 branch).',
  properties: {
    range: { min: -SELU_SCALE_ALPHA, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\lambda\alpha, \infty) \approx (-1.7581, \infty)`,
    monotonic: true,
    continuity: 'C0',
    // By construction E[SELU(x)] = 0 for x ~ N(0, 1): mpmath gives 1.2e−32, zero to 50 digits.
    zeroCentered: true,
    f0: 0,
    df0: SELU_SCALE_ALPHA,
    identityNearZero: false,
    kinks: [{ x: 0, derivative: SELU_SCALE_ALPHA }],
  },
  papers: ['klambauer2017selu'],
  tradeOffs: {
    advantages: [
      {
        text: 'Self-normalising: with weights of zero mean and variance 1/n (LeCun-normal), the mean and variance of the activations are drawn towards 0 and 1 layer after layer, without batch normalisation; Klambauer et al. prove a stable, attracting fixed point and bounds that rule out exploding and vanishing gradients. Our selu-fixed-point experiment counts the layers this takes, and our 50-layer measurement keeps SELU’s gradient within a factor of 10.',
        evidence: [
          {
            kind: 'paper',
            key: 'klambauer2017selu',
            where: 'Theorem 1; Theorems 2 and 3',
            shows:
              'for (ω, τ) near (0, 1) the mean/variance map has a stable and attracting fixed point near (0, 1); the variance is bounded above and below, so exploding and vanishing gradients are impossible',
          },
          { kind: 'measured', experiment: 'selu-fixed-point', finding: 'converges-within-layers' },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'selu-lecun-preserves' },
        ],
      },
      {
        text: 'Trains deep fully connected networks well: on Tox21, Klambauer et al.’s SNNs lost little with depth (AUC 84.5 at 8 layers, 82.5 at 32) while batch- and weight-normalised networks lost much more (76.0 and 56.6 at 32), and on the UCI tasks the selected SNNs averaged 10.8 layers against 3.8–7.1 for the other networks.',
        evidence: [
          {
            kind: 'paper',
            key: 'klambauer2017selu',
            where: 'Section “Experiments”, Table 2 and the UCI paragraph',
            shows:
              'Tox21 AUC by depth 2–32: SNN 83.7–84.5 (82.5 at 32 layers) vs BatchNorm falling to 73.7–76.0 and WeightNorm to 56.6 at 32; UCI: average selected depth 10.8 for SNNs vs 6.0 BatchNorm, 3.8 WeightNorm, 7.0 LayerNorm, 5.9 Highway, 7.1 MSRAinit',
          },
        ],
      },
      {
        text: 'Saturates for negative inputs (at −λα ≈ −1.7581) and has slope λ > 1 for positive ones, so it can damp the variance when it is too large and increase it when it is too small; both are needed for the fixed point.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'klambauer2017selu',
            where: 'Section “Self-normalizing Neural Networks”, paragraph “Constructing Self-Normalizing Neural Networks”, Eq. 2',
            shows:
              'the activation needs negative and positive values, saturation regions to damp a large variance, a slope above one to increase a small one, and a continuous curve; ELU scaled by λ > 1 meets them',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'The guarantee rests on assumptions: weights with Σw ≈ 0 and Σw² ≈ 1 (LeCun-normal initialisation), inputs near zero mean and unit variance, wide layers (the central limit theorem for the net inputs), and no ordinary dropout, which is why the paper introduces alpha dropout. It is derived and tested for fully connected networks only.',
        evidence: [
          {
            kind: 'paper',
            key: 'klambauer2017selu',
            where: 'Theorem 1; paragraphs “Initialization”, “New Dropout Technique” and “Applicability of the central limit theorem”; Section “Experiments”',
            shows:
              'Theorem 1 holds on a domain of μ, ν, ω, τ near (0, 1); weights are drawn with variance 1/n; standard dropout is replaced by alpha dropout to keep mean and variance; the net inputs are assumed normal by the CLT; all experiments use feed-forward networks',
          },
        ],
      },
      {
        text: 'Not differentiable at 0: the slope jumps from λα ≈ 1.758 to λ ≈ 1.051.',
        evidence: [{ kind: 'property', property: 'kinks' }],
      },
      {
        text: 'Costlier than ReLU (ELU, with the same exponential, measures above 1.2× ReLU’s cost in our timing), and its constants are fixed by the target mean 0 and variance 1: another target needs other α and λ, as our selu-fixed-point experiment solves.',
        evidence: [
          { kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' },
          { kind: 'measured', experiment: 'selu-fixed-point', finding: 'constants-recovered' },
          { kind: 'measured', experiment: 'selu-fixed-point', finding: 'other-target-solved' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Deep fully connected networks on tabular data, where batch normalisation makes training noisy: Klambauer et al. saw batch-normalised feed-forward networks’ training error vary strongly where SNNs did not.',
        evidence: [
          {
            kind: 'paper',
            key: 'klambauer2017selu',
            where: 'Figure 1; Section “Experiments” (121 UCI tasks, Tox21, HTRU2)',
            shows:
              'training error of 8-, 16- and 32-layer networks on MNIST and CIFAR-10: high variance with batch normalisation, little with SNNs; SNNs best on the UCI tasks with at least 1000 data points',
          },
        ],
      },
      {
        text: 'Only together with LeCun-normal initialisation (and alpha dropout if dropout is wanted), the setting in which the paper proves and tests self-normalisation.',
        evidence: [
          {
            kind: 'paper',
            key: 'klambauer2017selu',
            where: 'Section “Self-normalizing Neural Networks”, paragraphs “Initialization” and “New Dropout Technique”',
            shows: 'weights drawn with zero mean and variance 1/n; alpha dropout sets inputs to −λα and rescales to keep mean and variance',
          },
          { kind: 'measured', experiment: 'gradient-depth', finding: 'selu-lecun-preserves' },
        ],
      },
    ],
  },
  examples: [
    { x: -1, forward: -1.1113307378125628, derivative: 0.6467686030348141 },
    { x: 1, forward: 1.0507009873554805, derivative: 1.0507009873554805 },
    {
      x: -1e-8,
      forward: -1.7580993320568802e-8,
      derivative: 1.7580993232663835,
      note: "PyTorch's λα(e^x − 1) gives −1.758099330162579e−8: only 8 digits are right.",
    },
  ],
  seeAlso: ['elu', 'celu', 'relu', 'leakyRelu'],
  family: 'exponential',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
    }
  },
  tfjs: { op: 'selu' },
  onnx: { opType: 'Selu', opset: 18 },
  reference: {
    torch: 'F.selu(x)',
    exact: 'SELU_SCALE * x if x > 0 else SELU_SCALE * SELU_ALPHA * mpmath.expm1(x)',
    exactDerivative: 'SELU_SCALE if x > 0 else SELU_SCALE * SELU_ALPHA * expneg(x)',
  },
  forward: (x) => seluForward(x),
  // NaN → NaN. Autograd's vectorised loop agrees; its scalar loop (short tensors, tails) returns λ.
  derivative: (x) => (x > 0 ? SELU_SCALE : x <= 0 ? SELU_SCALE_ALPHA * expNonPositive(x) : x),
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/selu.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('selu', xs, out, SELU_SCALE, SELU_SCALE_ALPHA)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * expm1(x);
    }
  },
});
