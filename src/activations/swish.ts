import { defineActivation, requireFinite } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { EXP_SUBNORMAL_EDGE, productError, silu, siluDerivative, siluSecondDerivative } from '../math/stable.js';
import { expNonPositive } from '../math/libm.js';

type SwishParams = { readonly beta: number };

/**
 * x·σ(βx). z = βx is rounded, and that rounding alone would cost up to |z|/2 ulps in σ(z) for large
 * |z|; dz, the exact rounding error, is added back to first order: σ(z + dz) ≈ σ(z)·(1 + dz·σ(−z)).
 */
function swishForward(x: number, { beta }: SwishParams): number {
  if (beta === 1) return silu(x);
  // σ(0·x) = ½ for every x, also ±∞ (PyTorch: 0·∞ = NaN, so NaN there; the limit is x/2).
  if (beta === 0) return x * 0.5;
  if (x === Infinity || x === -Infinity) {
    // Limits: x·1 where βx → +∞, and 0 with the sign of x where βx → −∞ (PyTorch: ∞·0 = NaN).
    return beta * x > 0 ? x : x > 0 ? 0 : -0;
  }
  const z = beta * x;
  const dz = productError(beta, x, z);
  if (z >= 0) {
    const u = expNonPositive(-z);
    const s = 1 / (1 + u);
    return x * s * (1 + dz * (u * s));
  }
  if (z > EXP_SUBNORMAL_EDGE) {
    const e = expNonPositive(z);
    const d = 1 + e;
    return ((x * e) / d) * (1 + dz / d);
  }
  // Below z = −1500, |x|·e^z < 1e308·e^−1500 underflows to zero whatever x is; dz (up to half an ulp
  // of z, itself huge there) must not meet the zero as ∞·0.
  if (z < -1500) return x * 0;
  // σ(z) = e^z here; two halves keep a normal result from passing through a subnormal e^z.
  const h = expNonPositive(z / 2);
  return x * (1 + dz) * h * h;
}

/**
 * d/dx x·σ(βx) = SiLU′(βx) (σ(z) + z·σ(z)σ(−z) at z = βx). The rounding error dz of z enters to first
 * order through SiLU″(z). Autograd's y·(1 − y) form loses every digit where σ rounds to 1; for
 * x = ±∞ autograd gives NaN and so do we.
 */
function swishDerivative(x: number, { beta }: SwishParams): number {
  if (x === Infinity || x === -Infinity) return NaN;
  if (beta === 1) return siluDerivative(x);
  if (beta === 0) return x === x ? 0.5 : x;
  const z = beta * x;
  // βx overflowed although x is finite: the slope is 1 (z → +∞) or e^z·(1 + z) → −0 (z → −∞).
  if (z === Infinity) return 1;
  const dz = productError(beta, x, z);
  if (z < EXP_SUBNORMAL_EDGE) {
    // e^(z+dz)·(1 + z + dz) to first order in dz; e^z's square is far below an ulp here.
    if (z < -1500) return -0;
    const h = expNonPositive(z / 2);
    return h === 0 ? -0 : (1 + z + dz * (2 + z)) * h * h;
  }
  const d = siluDerivative(z);
  return dz === 0 ? d : d + dz * siluSecondDerivative(z);
}

/**
 * Swish, x·σ(βx). Not in PyTorch's torch.nn; we follow PyTorch's formula `x * torch.sigmoid(beta * x)`
 * and its autograd (β = 1 is torch.nn.SiLU).
 */
export const swish = defineActivation<SwishParams, 'swish'>({
  id: 'swish',
  name: 'Swish',
  summary: 'x·σ(βx): a self-gated, smooth, non-monotonic activation found by automated search; β = 1 gives SiLU, β → ∞ approaches ReLU.',
  torchFunction: 'x * torch.sigmoid(beta * x) (no functional form; torch.nn.functional.silu for beta = 1)',
  torchModule: 'none in torch.nn (torch.nn.SiLU for beta = 1)',
  defaults: { beta: 1 },
  params: [
    {
      name: 'beta',
      torchName: 'beta',
      symbol: String.raw`\beta`,
      description: 'Gate sharpness: 0 gives the linear x/2, 1 gives SiLU, large values approach ReLU. Any finite value.',
      range: [0, 5],
    },
  ],
  latex: {
    forward: String.raw`\operatorname{Swish}_\beta(x) = x\,\sigma(\beta x) = \frac{x}{1 + e^{-\beta x}}`,
    derivative: String.raw`\operatorname{Swish}_\beta'(x) = \sigma(\beta x) + \beta x\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)`,
    notes: [
      String.raw`\operatorname{Swish}_1 = \operatorname{SiLU}, \quad \operatorname{Swish}_0(x) = \tfrac{x}{2}, \quad \lim_{\beta\to\infty} \operatorname{Swish}_\beta = \operatorname{ReLU}`,
    ],
  },
  properties: {
    range: { min: -0.2784645427610738, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[-0.27846\ldots/\beta, \infty) \text{ for } \beta > 0`,
    monotonic: false,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0,
    df0: 0.5,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['ramachandran2017swish', 'elfwing2018silu'],
  tradeOffs: {
    advantages: [
      {
        text: 'In its authors’ experiments, replacing ReLU by Swish without other changes matched or beat it on nearly every model: +0.5% ImageNet top-1 on Inception-ResNet-v2, +1.4% on Mobile NASNet-A and +2.2% on MobileNet, and consistent gains on the CIFAR models; the improvement over each baseline is significant under a one-sided sign test.',
        evidence: [
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 5, Section 5.2, Section 5.3 (Tables 3, 6–10)',
            shows: 'Swish against ReLU and six other baselines on CIFAR, ImageNet and WMT translation',
          },
        ],
      },
      {
        text: 'Smooth (C^∞); for β > 0 its derivative is zero only at the minimum, where ReLU’s is zero for every negative input.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'range' },
        ],
      },
      {
        text: 'Self-gating: the input is multiplied by its own sigmoid gate σ(βx), so no second input or extra weights are needed, only the scalar β.',
        evidence: [{ kind: 'paper', key: 'ramachandran2017swish', where: 'Section 4', shows: 'Swish is x·σ(βx) with β a constant or a trainable parameter' }],
      },
      {
        text: 'β tunes the shape: β = 0 gives the line x/2 and β → ∞ approaches ReLU; trained per channel in Mobile NASNet-A, β spread between 0 and 1.5 with a peak near 1.',
        evidence: [
          { kind: 'paper', key: 'ramachandran2017swish', where: 'Section 4, Figure 7', shows: 'the limits in β, and the distribution of trained β values' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Needs an exponential per element: costlier than Hardswish, the piecewise-polynomial approximation MobileNetV3 adopted because the sigmoid is expensive on mobile devices.',
        evidence: [
          { kind: 'measured', experiment: 'cost', finding: 'hard-cheaper-than-smooth' },
          { kind: 'paper', key: 'howard2019mobilenetv3', where: 'Section 5.2', shows: 'the sigmoid is much more expensive to compute on mobile devices' },
        ],
      },
      {
        text: 'Found by automated search and justified by experiments, not theory, and its gains vary with the model: on Inception-v4 it slightly underperformed Softplus and ELU, and the best baseline changes from model to model.',
        evidence: [
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 3, Section 5.2, Section 5.3',
            shows: 'search on ResNet-20/CIFAR-10; per-model results, including Inception-v4',
          },
        ],
      },
      {
        text: 'Not quite a drop-in: its authors advise keeping BatchNorm’s scale parameter on (some libraries turn it off for ReLU) and slightly lowering ReLU’s learning rate; a trainable β adds one parameter per channel.',
        evidence: [
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 3, Section 4',
            shows: 'β is a per-channel trainable parameter; practical notes on BatchNorm scale and learning rate',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'Hidden layers of deep networks, in place of ReLU: the paper’s gains were largest on mobile-sized ImageNet models and held for the Transformer on English→German translation.',
        evidence: [
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 5.3, Section 5.4 (Table 11)',
            shows: 'ImageNet results by model; WMT 2014 English→German BLEU',
          },
        ],
      },
      {
        text: 'With a trainable β when the gate’s sharpness should be learned: fixing β = 1 (SiLU) is effective, and training β further improved some models.',
        evidence: [
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 4',
            shows: 'fixing β = 1 is effective in practice; training β can further improve performance on some models',
          },
        ],
      },
    ],
  },
  examples: [
    { x: 3, params: { beta: 0.1 }, forward: 1.723327550434977, derivative: 0.6477800103188828, note: 'the source notebook’s β = 0.1' },
    { x: -1.5, params: { beta: 2 }, forward: -0.07113880976635018, derivative: -0.08810410601516962 },
    { x: -10, params: { beta: 0.5 }, forward: -0.06692850924284856, derivative: -0.02654743242966592 },
    { x: 2, forward: 1.7615941559557649, derivative: 1.0907842487848955, note: 'β = 1 is SiLU' },
    { x: 4, params: { beta: 0 }, forward: 2, derivative: 0.5, note: 'β = 0 is the line x/2' },
  ],
  seeAlso: ['silu', 'sigmoid', 'mish', 'gelu', 'hardswish'],
  family: 'smooth-gated',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: (p) => {
    const b = p.beta;
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x / (1 + Math.exp(-b * x));
      }
    };
  },
  reference: {
    torch: 'x * torch.sigmoid(p["beta"] * x)',
    exact: 'x * sig(m(p["beta"]) * x)',
    exactDerivative: 'sig(m(p["beta"]) * x) * (1 + m(p["beta"]) * x * sig(-m(p["beta"]) * x))',
    paramSets: [{ beta: 0.1 }, { beta: 0.5 }, { beta: 2 }, { beta: 10 }, { beta: 1.7 }, { beta: -1 }, { beta: 0 }],
  },
  validate(p) {
    requireFinite('swish', 'beta', p.beta);
  },
  forward: swishForward,
  derivative: swishDerivative,
  mapKernel(xs, out, p) {
    // WebAssembly SIMD kernel (asm/swish.ts), the same values as the loop below; the loop is the fallback.
    // β = 1 is SiLU exactly (swishForward returns silu(x)), so silu's kernel (within 1 float32 ulp for a Float32Array);
    // β = 0 (x/2) stays on the TypeScript kernel.
    if (p.beta === 1 ? runWasm('silu', xs, out) : p.beta !== 0 && runWasm('swish', xs, out, p.beta)) return;
    for (let i = 0; i < xs.length; i++) out[i] = swishForward(xs[i]!, p);
  },
});
