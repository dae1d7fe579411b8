import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { EXP_SUBNORMAL_EDGE, log1pExp, productError, quotientDD, sigmoid } from '../math/stable.js';
import { exp, expNonPositive } from '../math/libm.js';

type SoftplusParams = { readonly beta: number; readonly threshold: number };

/**
 * log(1 + e^βx)/β, or x where βx > threshold (PyTorch's shortcut, kept on purpose: it is part of
 * torch.nn.Softplus's documented behaviour). Below the threshold the value is accurate, also where
 * PyTorch's log1p(exp(βx)) overflows (βx > 709.8 with a raised threshold).
 */
function softplusForward(x: number, p: SoftplusParams): number {
  const { beta } = p;
  const z = beta * x;
  if (z > p.threshold) return x;
  // z is β·x rounded; adding back its rounding error dz keeps the digits that rounding would cost
  // (log1pExp(z + dz) ≈ log1pExp(z) + dz·σ(z)).
  const dz = beta === 1 ? 0 : productError(beta, x, z);
  if (z < EXP_SUBNORMAL_EDGE) {
    // log1p(e^z) = e^z here; e^(z/2) twice keeps full precision when e^z/β is normal but e^z is not.
    const h = expNonPositive(z / 2);
    return h * ((h * (1 + dz)) / beta);
  }
  return dz === 0 ? log1pExp(z) / beta : (log1pExp(z) + dz * sigmoid(z)) / beta;
}

/** σ(βx), or 1 where βx > threshold, like autograd's softplus_backward. */
function softplusDerivative(x: number, p: SoftplusParams): number {
  const { beta } = p;
  const z = beta * x;
  if (z > p.threshold) return 1;
  if (x === Infinity || x === -Infinity) {
    // Autograd's own formula e/(e+1), e = exp(βx): NaN for e = Infinity (a raised threshold), 0 for e = 0.
    const e = exp(z);
    return e / (e + 1);
  }
  const dz = beta === 1 ? 0 : productError(beta, x, z);
  // σ(z + dz) = 1/(1 + u·e^−dz) = e·e^dz/(1 + e·e^dz) (u = e^−z, e = e^z), to first order in dz, with
  // 1 + u or 1 + e kept exact (Fast2Sum) and divided once (`quotientDD`): only exp's error and
  // the final rounding remain (σ(z)·(1 + dz·σ(−z)) in plain double: 2.4 ulps, measured).
  if (z >= 0) {
    const u = expNonPositive(-z);
    const d = 1 + u;
    return quotientDD(1, 0, d, 1 - d + u - u * dz);
  }
  const e = expNonPositive(z);
  const d = 1 + e;
  const edz = e * dz;
  return quotientDD(e, edz, d, 1 - d + e + edz);
}

/**
 * Softplus, a smooth approximation of ReLU. PyTorch: torch.nn.functional.softplus /
 * torch.nn.Softplus (beta 1, threshold 20).
 */
export const softplus = defineActivation<SoftplusParams, 'softplus'>({
  id: 'softplus',
  name: 'Softplus',
  summary: 'A smooth version of ReLU, log(1 + eˣ): always positive, close to 0 for negative inputs and to x for positive ones.',
  torchFunction: 'torch.nn.functional.softplus',
  torchModule: 'torch.nn.Softplus',
  defaults: { beta: 1, threshold: 20 },
  params: [
    {
      name: 'beta',
      torchName: 'beta',
      symbol: String.raw`\beta`,
      description: 'Sharpness: larger β bends closer to ReLU. Any finite non-zero value (negative β mirrors the curve).',
      range: [0.25, 5],
    },
    {
      name: 'threshold',
      torchName: 'threshold',
      symbol: String.raw`\tau`,
      description: 'Above βx > τ the function returns x itself, as PyTorch does (the neglected term is below e^−τ/β).',
      range: [1, 40],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{Softplus}(x) = \begin{cases} \frac{1}{\beta}\log\left(1 + e^{\beta x}\right) & \text{if } \beta x \le \tau \\ x & \text{if } \beta x > \tau \end{cases}`,
    derivative: String.raw`\operatorname{Softplus}'(x) = \begin{cases} \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}} & \text{if } \beta x \le \tau \\ 1 & \text{if } \beta x > \tau \end{cases}`,
    notes: [
      String.raw`\operatorname{Softplus}(x) = \log\left(1 + e^{x}\right) \text{ for } \beta = 1`,
      String.raw`\operatorname{Softplus}(x) - \operatorname{Softplus}(-x) = x`,
    ],
  },
  kinkConvention:
    'The mathematical function is smooth. PyTorch switches to x where βx > threshold, which leaves a jump of at most e^−τ/β (2.1e-9 at the defaults) at βx = τ; at βx = τ itself the formula branch is used, so the derivative there is σ(τ).',
  properties: {
    range: { min: 0, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(0, \infty)`,
    monotonic: true,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: Math.LN2,
    df0: 0.5,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['dugas2001softplus', 'glorot2011deep'],
  tradeOffs: {
    advantages: [
      {
        text: 'Smooth: unlike ReLU, which has a corner at zero, softplus is infinitely differentiable, and its gradient σ(x) is never exactly zero (in float64 it underflows only below x ≈ −745).',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'monotonic' },
        ],
      },
      {
        text: 'No dead units in principle: its gradient σ(x) is positive for every input, so a unit never stops learning completely, though it learns very slowly for very negative inputs.',
        evidence: [
          { kind: 'property', property: 'monotonic' },
          { kind: 'property', property: 'df0' },
        ],
      },
      {
        text: 'Positive outputs: it is always positive, useful where a quantity must be positive, such as a standard deviation or a rate.',
        evidence: [{ kind: 'property', property: 'range' }],
      },
    ],
    disadvantages: [
      {
        text: 'Costlier than ReLU: it needs an exponential and a logarithm where ReLU needs a comparison; the sigmoid, with one exponential, already measures above 1.2× ReLU’s cost in our timing.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' }],
      },
      {
        text: 'Not zero-centred: its outputs are always positive (softplus(0) = ln 2), so the next layer’s inputs have a positive mean, which biases weight updates and slows learning.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'f0' },
          {
            kind: 'paper',
            key: 'lecun1998efficient',
            where: 'Section 4.3',
            shows: 'any shift of the average input away from zero biases the updates in one direction and slows learning, at every layer',
          },
        ],
      },
      {
        text: 'Vanishing gradients for negative inputs: its derivative is the sigmoid, which tends to 0 as x → −∞ (the function flattens towards its lower bound 0).',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'monotonic' },
        ],
      },
      {
        text: 'Not better than ReLU in Glorot et al.’s experiments: they tried it as a smooth version of the rectifier, expecting easier training, and found that the rectifier’s hard zeros seem to help supervised training instead.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1 (potential problems)',
            shows:
              'softplus was used to test whether hard saturation at 0 hurts optimisation; experimental results tend to contradict that hypothesis, suggesting hard zeros can help supervised training',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Hidden layers only where a smooth, strictly positive alternative to ReLU is needed; for accuracy alone, Glorot et al. found the plain rectifier at least as good.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          {
            kind: 'paper',
            key: 'glorot2011deep',
            where: 'Section 3.1 (potential problems)',
            shows: 'results with softplus did not beat the hard rectifier, suggesting hard zeros help supervised training',
          },
        ],
      },
      {
        text: 'Output layers that must produce positive values, such as variances, scales or rates (e.g. in probabilistic models).',
        evidence: [{ kind: 'property', property: 'range' }],
      },
    ],
    corrections: [
      {
        text: 'The source says softplus avoids the vanishing-gradient problem. It does not: its derivative is the sigmoid, which vanishes for large negative inputs; it only avoids exactly zero gradients.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'monotonic' },
        ],
      },
      {
        text: 'The source lists ReLU among zero-centred functions; ReLU is not zero-centred either (its outputs are never negative, so its mean activation is above zero). Only tanh is, in that comparison.',
        evidence: [
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Section 1 (Introduction)',
            shows: 'ReLUs are non-negative and therefore have a mean activation larger than zero',
          },
        ],
      },
      {
        text: 'The source calls softplus numerically stable compared with the sigmoid. Written naively, log(1 + eˣ) overflows to ∞ once eˣ does (x > 709.78 in float64) and returns 0 below x ≈ −36.74, where 1 + eˣ rounds to 1 although the true value is about eˣ; it is stable only when computed carefully (log1p, x + log1p(e^−x) for positive x, as here, and PyTorch’s threshold). The tests check both failures of the naive formula.',
        evidence: [{ kind: 'measured', experiment: 'softmax-stability', finding: 'naive-overflows' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 2.1269280110429727, derivative: 0.8807970779778824 },
    { x: -1, forward: 0.3132616875182228, derivative: 0.2689414213699951 },
    { x: 0, forward: 0.6931471805599453, derivative: 0.5, note: 'log 2' },
    { x: -1.5, params: { beta: 2 }, forward: 0.02429367578687103, derivative: 0.04742587317756678 },
    {
      x: 30,
      forward: 30,
      derivative: 1,
      note: 'βx > threshold: PyTorch returns x itself; the exact softplus(30) is 30.0000000000000935762…, which rounds to 30.000000000000092 in float64',
    },
    { x: -40, forward: 4.248354255291589e-18, derivative: 4.248354255291589e-18 },
  ],
  seeAlso: ['relu', 'sigmoid', 'logSigmoid', 'mish', 'elu'],
  family: 'smooth-gated',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const b = p.beta;
    const th = p.threshold;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = b * x > th ? x : Math.log(1 + Math.exp(b * x)) / b;
      }
    };
  },
  tfjs: { op: 'softplus', requires: { params: { beta: 1 }, why: 'tf.softplus has no beta' } },
  onnx: { opType: 'Softplus', opset: 18, requires: { params: { beta: 1 }, why: 'ONNX Softplus has no beta' } },
  reference: {
    torch: 'F.softplus(x, beta=p["beta"], threshold=p["threshold"])',
    exact: 'x if float(x) * p["beta"] > p["threshold"] else softplus_core(m(p["beta"]) * x) / m(p["beta"])',
    exactDerivative: 'mpf(1) if float(x) * p["beta"] > p["threshold"] else sig(m(p["beta"]) * x)',
    paramSets: [
      { beta: 2, threshold: 20 },
      { beta: 0.5, threshold: 10 },
      { beta: 1, threshold: 5 },
      { beta: 3, threshold: 1 },
      { beta: 0.5, threshold: 20 },
      { beta: 0.3, threshold: 20 },
      { beta: -1.5, threshold: 20 },
      { beta: 1, threshold: 800 },
      { beta: 3.7, threshold: 5 },
    ],
    kinks: (p) => [p.threshold / p.beta],
  },
  validate(p) {
    requireFinite('softplus', 'beta', p.beta);
    if (p.beta === 0) throw new RangeError(`softplus: parameter 'beta' must be non-zero (PyTorch divides by it), got 0`);
  },
  forward: softplusForward,
  derivative: softplusDerivative,
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/softplus.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array (β = 1; other β: the same values); the loop is the fallback.
    if (runWasm('softplus', xs, out, p.beta, p.threshold)) return;
    for (let i = 0; i < xs.length; i++) out[i] = softplusForward(xs[i]!, p);
  },
});
