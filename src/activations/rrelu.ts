import { defineActivation, prepareOutput, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import type { FloatArray } from '../types.js';

/** PyTorch's default lower bound of RReLU's slope for negative inputs (torch.nn.RReLU, F.rrelu): 1/8. */
export const RRELU_LOWER = 1 / 8;
/** PyTorch's default upper bound of RReLU's slope for negative inputs (torch.nn.RReLU, F.rrelu): 1/3. */
export const RRELU_UPPER = 1 / 3;

function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The evaluation slope, computed as PyTorch computes it: (lower + upper) / 2 in float64. */
function meanSlope(p: { readonly lower: number; readonly upper: number }): number {
  return (p.lower + p.upper) / 2;
}

/**
 * RReLU, randomized leaky ReLU (Xu et al. 2015). PyTorch: torch.nn.functional.rrelu / torch.nn.RReLU
 * (lower = 1/8, upper = 1/3).
 *
 * `forward`, `derivative` and `map` are the evaluation mode (F.rrelu's default, `training=False`, and
 * nn.RReLU after `.eval()`): a Leaky ReLU with the fixed slope (lower + upper)/2. Measured on torch
 * 1.13 (float64): PyTorch computes that slope in float64 and calls leaky_relu with it, so the forward
 * is `x > 0 ? x : x·slope` (NaN stays NaN, -0 gives -0) and the backward `x > 0 ? grad : grad·slope`:
 * the derivative is the slope at x = 0, at -0 and at NaN. As in leakyRelu, one deliberate difference:
 * with a slope of 0 (lower = -upper), PyTorch computes (-Infinity)·0 = NaN; we return the limit, -0.
 *
 * The training mode (a random slope per element, drawn uniformly from [lower, upper]) is
 * `rreluTraining(xs, seed, params)` below: deterministic for a given seed.
 *
 * PyTorch checks only lower <= upper (a RuntimeError otherwise) and accepts infinite bounds; we throw
 * a RangeError naming the parameter for lower > upper, for non-finite bounds (an infinite slope makes
 * f(0) = 0·∞ NaN) and for bounds whose mean overflows.
 */
export const rrelu = defineActivation({
  id: 'rrelu',
  name: 'RReLU',
  summary:
    'Randomized leaky ReLU: in training each non-positive input gets its own random slope drawn uniformly from [lower, upper] (rreluTraining(xs, seed), deterministic per seed); in evaluation, what forward and map compute, every one gets the mean slope (lower + upper)/2.',
  torchFunction: 'torch.nn.functional.rrelu',
  torchModule: 'torch.nn.RReLU',
  defaults: { lower: RRELU_LOWER, upper: RRELU_UPPER },
  params: [
    {
      name: 'lower',
      torchName: 'lower',
      symbol: String.raw`l`,
      description: 'Lower bound of the uniform distribution of the training slope (PyTorch default 1/8); must not exceed upper.',
      range: [0, 0.25],
    },
    {
      name: 'upper',
      torchName: 'upper',
      symbol: String.raw`u`,
      description: 'Upper bound of the uniform distribution of the training slope (PyTorch default 1/3).',
      range: [0.25, 1],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{RReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ \frac{l + u}{2}\, x & \text{if } x \le 0 \end{cases}`,
    derivative: String.raw`\operatorname{RReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ \frac{l + u}{2} & \text{if } x \le 0 \end{cases}`,
    notes: [
      String.raw`\text{Training: } \operatorname{RReLU}(x_i) = \begin{cases} x_i & \text{if } x_i > 0 \\ a_i x_i & \text{if } x_i \le 0 \end{cases}, \quad a_i \sim \mathcal{U}(l, u) \text{ drawn for each element}`,
      String.raw`\text{Evaluation uses the mean slope } \mathbb{E}[a_i] = \frac{l + u}{2} \text{, so it is } \operatorname{LeakyReLU} \text{ with } \alpha = \frac{l + u}{2}`,
    ],
  },
  kinkConvention:
    'At x = 0 the derivative is undefined; PyTorch autograd (evaluation mode) returns the slope (l + u)/2 there, and at NaN too (the full gradient passes only where x > 0). In training mode the derivative at each x ≤ 0 is the random slope that element drew.',
  properties: {
    range: { min: -Infinity, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\infty, \infty)`,
    monotonic: true,
    continuity: 'C0',
    zeroCentered: false,
    f0: 0,
    df0: meanSlope({ lower: RRELU_LOWER, upper: RRELU_UPPER }),
    identityNearZero: false,
    kinks: [{ x: 0, derivative: meanSlope({ lower: RRELU_LOWER, upper: RRELU_UPPER }) }],
  },
  papers: ['xu2015empirical'],
  tradeOffs: {
    advantages: [
      {
        text: 'No dead units: every non-positive input keeps a slope between l and u (the mean (l + u)/2 ≈ 0.229 at evaluation), so its gradient is never 0.',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'kinks' },
        ],
      },
      {
        text: 'Xu et al. found a non-zero negative slope better than ReLU in their image-classification experiments, and the random slope better than a fixed (Leaky ReLU) or learned (PReLU) one on small data sets, where those overfit; with RReLU they report 75.68% test accuracy on CIFAR-100 without multiple tests or ensembles.',
        evidence: [
          {
            kind: 'paper',
            key: 'xu2015empirical',
            where: 'Abstract',
            shows:
              'a non-zero negative slope consistently improved results; on small data sets fixed or learned slopes are prone to overfitting and less effective than the randomized one; 75.68% on the CIFAR-100 test set with RReLU, without multiple test or ensemble',
          },
        ],
      },
      {
        text: 'At inference it is exactly a Leaky ReLU with α = (l + u)/2, the slope f′(0) shows at and below 0: a network trained with RReLU runs as a Leaky ReLU network (map uses Leaky ReLU’s kernel).',
        evidence: [
          { kind: 'property', property: 'df0' },
          { kind: 'property', property: 'kinks' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Two functions under one name: training multiplies each non-positive input by its own random slope from [l, u], a new one at every step, while evaluation uses their mean (l + u)/2, the slope f′(0) shows. Training outputs are noisy, and a training run reproduces only with its seed.',
        evidence: [{ kind: 'property', property: 'df0' }],
      },
      {
        text: 'Not differentiable at 0, and not sparse: negative inputs give small negative outputs instead of ReLU’s zeros, and the outputs are not zero-centred.',
        evidence: [
          { kind: 'property', property: 'kinks' },
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'zeroCentered' },
        ],
      },
      {
        text: 'The evidence for it is narrow: one empirical study of image classification with small data sets. Whether the randomness helps elsewhere (large data sets, other architectures, normalised networks) has not been shown.',
        evidence: [
          {
            kind: 'paper',
            key: 'xu2015empirical',
            where: 'Abstract',
            shows:
              'the activation functions are evaluated on standard image classification tasks; the advantage of the randomized slope is reported on small-scale data sets',
          },
          { kind: 'conjecture' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Convolutional networks for image classification on small data sets, where a fixed or learned negative slope overfits: the setting in which Xu et al. found the random slope better.',
        evidence: [
          {
            kind: 'paper',
            key: 'xu2015empirical',
            where: 'Abstract',
            shows: 'on small-scale data sets, deterministic or learned negative slopes are prone to overfitting and less effective than the randomized one',
          },
        ],
      },
      {
        text: 'As a Leaky ReLU whose random slopes may counter overfitting during training, as the paper’s small-data results suggest; at inference nothing changes but the slope.',
        evidence: [{ kind: 'conjecture', key: 'xu2015empirical' }],
      },
    ],
  },
  examples: [
    { x: 3, forward: 3, derivative: 1 },
    { x: -2, forward: -0.4583333333333333, derivative: 0.22916666666666666, note: 'the mean slope (1/8 + 1/3)/2 = 11/48' },
    { x: -2, params: { lower: 0.1, upper: 0.3 }, forward: -0.4, derivative: 0.2, note: 'nn.RReLU(0.1, 0.3), the example of PyTorch’s documentation' },
    { x: -1, params: { lower: 0.2, upper: 0.2 }, forward: -0.2, derivative: 0.2, note: 'lower = upper: a plain Leaky ReLU' },
    { x: 0, forward: 0, derivative: 0.22916666666666666, note: 'the kink: autograd returns the mean slope' },
  ],
  seeAlso: ['leakyRelu', 'prelu', 'relu', 'elu'],
  family: 'rectifier',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const s = meanSlope(p);
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x >= 0 ? x : s * x;
      }
    };
  },
  // Neither engine has an RReLU; PyTorch's own ONNX export turns F.rrelu(training=False) into LeakyRelu
  // with alpha = (lower + upper)/2, and that slope is a constant here, so only at the defaults.
  tfjs: {
    op: 'leakyRelu',
    args: [meanSlope({ lower: RRELU_LOWER, upper: RRELU_UPPER })],
    requires: {
      params: { lower: RRELU_LOWER, upper: RRELU_UPPER },
      why: 'tfjs has no RReLU: its evaluation mode is tf.leakyRelu with alpha = (lower + upper)/2, a constant here',
    },
  },
  onnx: {
    opType: 'LeakyRelu',
    attributes: { alpha: meanSlope({ lower: RRELU_LOWER, upper: RRELU_UPPER }) },
    opset: 18,
    requires: {
      params: { lower: RRELU_LOWER, upper: RRELU_UPPER },
      why: 'ONNX has no RReLU: its evaluation mode is LeakyRelu with alpha = (lower + upper)/2, a constant here',
    },
  },
  reference: {
    // F.rrelu's default is training=False: the evaluation mode.
    torch: 'F.rrelu(x, p["lower"], p["upper"])',
    // The mathematical mean of the two bounds; PyTorch rounds (lower + upper) in float64 first.
    exact: 'x if x > 0 else (m(p["lower"]) + m(p["upper"])) / 2 * x',
    exactDerivative: 'mpf(1) if x > 0 else (m(p["lower"]) + m(p["upper"])) / 2',
    paramSets: [
      { lower: 0.1, upper: 0.3 },
      { lower: 0.2, upper: 0.2 },
      { lower: 0, upper: 0 },
      { lower: -0.5, upper: 0.25 },
      { lower: 1, upper: 3 },
      { lower: 0.01, upper: 0.7 },
    ],
  },
  validate(p) {
    requireFinite('rrelu', 'lower', p.lower);
    requireFinite('rrelu', 'upper', p.upper);
    if (p.lower > p.upper) {
      throw new RangeError(`rrelu: parameter 'lower' (${show(p.lower)}) must not exceed 'upper' (${show(p.upper)})`);
    }
    if (!Number.isFinite(meanSlope(p))) {
      throw new RangeError(`rrelu: parameters 'lower' (${show(p.lower)}) and 'upper' (${show(p.upper)}): their mean overflows`);
    }
  },
  forward: (x, p) => leaky(x, meanSlope(p)),
  derivative: (x, p) => (x > 0 ? 1 : meanSlope(p)),
  mapKernel(xs, out, p) {
    const s = meanSlope(p);
    // Leaky ReLU's WebAssembly SIMD kernel (asm/leaky.ts) with the mean slope: the same values as the loop below.
    if (runWasm('leaky', xs, out, s)) return;
    for (let i = 0; i < xs.length; i++) out[i] = leaky(xs[i]!, s);
  },
});

/** x > 0 ? x : s·x, with the limit -s (not NaN) for x = -∞ and s = ±0, as leakyRelu. */
function leaky(x: number, s: number): number {
  if (x > 0) return x;
  return s === 0 && x === -Infinity ? -s : x * s;
}

/** What `rreluTraining` returns: arrays of the input's type and length. */
export interface RreluTrainingResult<A extends FloatArray> {
  /** RReLU with a random slope per element: x where x > 0 (or NaN), slopes[i]·x elsewhere. */
  readonly output: A;
  /**
   * The slope each element used: 1 where x > 0 or x is NaN, the random draw elsewhere. This is the
   * derivative of output[i] with respect to xs[i] (PyTorch's `noise` tensor), rounded like the array.
   */
  readonly slopes: A;
}

/**
 * RReLU in training mode (F.rrelu(x, lower, upper, training=True)): every element with x ≤ 0 gets
 * its own slope, uniform in [lower, upper]; x > 0 and NaN pass unchanged (slope 1), as in PyTorch.
 *
 * Deterministic: the same seed gives the same slopes, and the slope drawn for element i depends only
 * on the seed and i (one draw per element, whatever its sign). The generator is xoshiro128**, seeded
 * through splitmix32, with 53-bit uniforms; it is not PyTorch's Mersenne Twister, so the draws are not
 * PyTorch's. For a Float32Array the slope is rounded to float32 before the product, as PyTorch does.
 *
 * `seed` must be an integer in [0, 2^32); `params` are checked as `rrelu`'s (RangeError naming them).
 */
export function rreluTraining<A extends FloatArray>(xs: A, seed: number, params?: Partial<{ lower: number; upper: number }>): RreluTrainingResult<A> {
  const p = rrelu.resolveParams(params);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`rreluTraining: seed must be an integer in [0, 2^32), got ${typeof seed === 'number' ? show(seed) : typeof seed}`);
  }
  const output = prepareOutput('rreluTraining', xs);
  const slopes = prepareOutput('rreluTraining', xs);
  const next = uniform53(seed);
  const { lower, upper } = p;
  for (let i = 0; i < xs.length; i++) {
    const u = next();
    const x = xs[i]!;
    if (x > 0 || Number.isNaN(x)) {
      slopes[i] = 1;
      output[i] = x;
      continue;
    }
    // A convex combination cannot overflow for finite bounds; the clamp keeps rounding inside [lower, upper].
    slopes[i] = Math.min(Math.max(lower * (1 - u) + upper * u, lower), upper);
    output[i] = leaky(x, slopes[i]!);
  }
  return { output, slopes };
}

/** Uniform doubles in [0, 1) with 53 random bits: xoshiro128** (Blackman & Vigna), seeded by splitmix32. */
function uniform53(seed: number): () => number {
  let z = seed >>> 0;
  const splitmix32 = (): number => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  const next32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
