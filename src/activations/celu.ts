import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { productError } from '../math/stable.js';
import { exp, expm1 } from '../math/libm.js';

type CeluParams = { readonly alpha: number };

/**
 * The rounding error of q = fl(x/α), so that x/α = q + error to about 2^−106: q·α is within two ulps
 * of x, so x − fl(q·α) is exact (Sterbenz) and the product's own error comes from `productError`.
 * e^q turns a relative error δ of q into |q|·δ (exp(fl(−100/3)) is off by 20 ulps, measured),
 * which adding this error back as e^q·(1 + error) removes.
 */
function quotientError(x: number, alpha: number, q: number): number {
  const p = q * alpha;
  return (x - p - productError(q, alpha, p)) / alpha;
}

/**
 * CELU forward. expm1: PyTorch's float64 kernel computes α·(e^(x·(1/α)) − 1), which loses every
 * digit as x → 0⁻; α·expm1(x/α) keeps full precision. For |x/α| > 1 the rounding of x/α is
 * corrected (see `quotientError`); below that expm1's condition number is under 1 and it does not
 * matter. Zeros keep their sign: CELU(x) ≈ x near 0 for every α (PyTorch returns +0 for −0 when α > 0).
 */
function celuForward(x: number, alpha: number): number {
  if (x > 0 || x === 0) return x;
  const q = x / alpha;
  if (!(Math.abs(q) > 1 && q > -40 && q < 709)) return alpha * expm1(q); // also NaN, ±∞
  return alpha * (expm1(q) + exp(q) * quotientError(x, alpha, q));
}

/** CELU′(x) = e^(x/α) for x ≤ 0, with the rounding of x/α corrected as in `celuForward`. */
function celuDerivative(x: number, alpha: number): number {
  if (x > 0) return 1;
  if (!(x <= 0)) return x; // NaN (see the note on `derivative`)
  const q = x / alpha;
  if (!(Math.abs(q) > 1 && q < 709 && q > -746)) return exp(q);
  return exp(q) * (1 + quotientError(x, alpha, q));
}

/**
 * CELU, max(0, x) + min(0, α(e^(x/α) − 1)). PyTorch: torch.nn.functional.celu / torch.nn.CELU.
 * PyTorch implements it as ELU with input scale 1/α, so autograd's derivative at 0 is (1/α)·α·e⁰
 * (1 up to the rounding of 1/α); we return exactly 1.
 */
export const celu = defineActivation<CeluParams, 'celu'>({
  id: 'celu',
  name: 'CELU',
  summary:
    'The continuously differentiable exponential linear unit: an ELU whose exponential is stretched by α, so the slope is 1 on both sides of 0 for every α.',
  torchFunction: 'torch.nn.functional.celu',
  torchModule: 'torch.nn.CELU',
  defaults: { alpha: 1 },
  params: [
    {
      name: 'alpha',
      torchName: 'alpha',
      symbol: String.raw`\alpha`,
      description: 'The value −α the output approaches as x → −∞, and the scale of the exponential. Must not be 0 (PyTorch divides by it).',
      range: [0.1, 3],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{CELU}(x) = \max(0, x) + \min\!\left(0, \alpha\left(e^{x/\alpha} - 1\right)\right)`,
    derivative: String.raw`\operatorname{CELU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ e^{x/\alpha} & \text{if } x \le 0 \end{cases}`,
  },
  kinkConvention:
    'The derivative is continuous at 0 for every α (it is 1 on both sides); PyTorch autograd computes (1/α)·α·e⁰ there, which is 1 up to the rounding of 1/α, and we return exactly 1.',
  properties: {
    range: { min: -1, max: Infinity, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-\alpha, \infty) = (-1, \infty)`,
    monotonic: true,
    // The second derivative jumps from 1/α to 0 at x = 0.
    continuity: 'C1',
    // At α = 1 CELU is ELU: mean output 0.1605 for standard normal input (mpmath).
    zeroCentered: false,
    f0: 0,
    df0: 1,
    identityNearZero: true,
    kinks: [],
  },
  papers: ['barron2017celu'],
  tradeOffs: {
    advantages: [
      {
        text: 'Continuously differentiable for every α: the slope is 1 on both sides of 0, unlike ELU with α ≠ 1.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Eq. 3 and Eq. 5',
            shows: 'CELU modifies the negative part so that the derivative at 0 is 1 for every α: C1 continuous for all α',
          },
        ],
      },
      {
        text: 'Scale-similar: CELU(x; α) = α·CELU(x/α; 1), so α changes the scale of the negative part without changing its shape; its derivative is bounded, and it tends to ReLU as α → 0 and to the identity as α → ∞.',
        evidence: [
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Abstract; Eq. 6',
            shows: 'CELU is scale-similar in α, has a bounded derivative and contains ReLU and the linear function as special cases',
          },
        ],
      },
      {
        text: 'Shares ELU’s negative part (it is ELU at α = 1): negative outputs push mean activations towards zero and saturate at −α, a noise-robust deactivation.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Eq. 4',
            shows: 'ELU and CELU are identical when α = 1',
          },
          {
            kind: 'paper',
            key: 'clevert2016elu',
            where: 'Abstract',
            shows: 'negative values push mean activations towards zero; saturation to a negative value gives a noise-robust deactivation state',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'The exponential makes it costlier than ReLU or Leaky ReLU: ELU, which evaluates the same exponential, measures above 1.2× ReLU’s cost in our timing.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' }],
      },
      {
        text: 'α is one more hyperparameter; α = 0 is impossible (x/α divides by zero), and a small α makes it close to ReLU, whose limit it is.',
        evidence: [
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Eq. 3; Abstract',
            shows: 'the negative part is α(exp(x/α) − 1); ReLU is contained as a special case (the limit α → 0)',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Where ELU fits but α ≠ 1 is wanted without losing a continuous derivative, since α is then easier to tune.',
        evidence: [
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Abstract',
            shows: 'C1 continuous for all α, making the rectifier easier to reason about and α easier to tune',
          },
        ],
      },
      {
        text: 'At α = 1 it is exactly ELU, so prefer the name ELU there for clarity.',
        evidence: [
          {
            kind: 'paper',
            key: 'barron2017celu',
            where: 'Eq. 4',
            shows: 'ELU and CELU are identical when α = 1',
          },
        ],
      },
    ],
  },
  examples: [
    { x: -1, forward: -0.6321205588285577, derivative: 0.36787944117144233 },
    { x: -1, params: { alpha: 2 }, forward: -0.7869386805747332, derivative: 0.6065306597126334 },
    { x: -3, params: { alpha: 2 }, forward: -1.5537396797031404, derivative: 0.22313016014842982 },
    { x: 2, params: { alpha: 2 }, forward: 2, derivative: 1 },
  ],
  seeAlso: ['elu', 'selu', 'softplus'],
  family: 'exponential',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const a = p.alpha;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = Math.max(0, x) + Math.min(0, a * (Math.exp(x / a) - 1));
      }
    };
  },
  onnx: { opType: 'Celu', attributes: { alpha: { param: 'alpha' } }, opset: 18 },
  reference: {
    torch: 'F.celu(x, alpha=p["alpha"])',
    exact: 'x if x > 0 else m(p["alpha"]) * mpmath.expm1(x / m(p["alpha"]))',
    exactDerivative: 'mpf(1) if x > 0 else expneg(x / m(p["alpha"]))',
    paramSets: [{ alpha: 0.5 }, { alpha: 2 }, { alpha: 3 }, { alpha: -1 }],
  },
  validate(p) {
    requireFinite('celu', 'alpha', p.alpha);
    if (p.alpha === 0) throw new RangeError("celu: parameter 'alpha' must not be 0 (CELU divides by alpha), got 0");
  },
  forward: (x, p) => celuForward(x, p.alpha),
  // NaN → NaN. Autograd's vectorised loop agrees; its scalar loop (short tensors, tails) returns 1.
  derivative: (x, p) => celuDerivative(x, p.alpha),
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/celu.ts), the same values as the loop below; the loop is the fallback.
    // At α = 1 (the default) x/α is exact, the correction term is exactly 0 and CELU is ELU bit for bit:
    // ELU's kernel skips the division and the correction (about 3× faster, measured).
    if (p.alpha === 1 ? runWasm('elu', xs, out, 1) : runWasm('celu', xs, out, p.alpha)) return;
    const alpha = p.alpha;
    for (let i = 0; i < xs.length; i++) out[i] = celuForward(xs[i]!, alpha);
  },
});
