import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { EXP_SUBNORMAL_EDGE, silu as siluCore, siluDerivative } from '../math/stable.js';
import { expNonPositive } from '../math/libm.js';

/**
 * SiLU (sigmoid-weighted linear unit), x·σ(x). PyTorch: torch.nn.functional.silu / torch.nn.SiLU.
 * Differs from PyTorch float64 where PyTorch loses every digit: below x ≈ −709.8 (PyTorch −0, true
 * value subnormal), x = −∞ (PyTorch NaN, limit −0), and the derivative for x ≥ 37 and below −709.8
 * (see stable.ts).
 */
export const silu = defineActivation({
  id: 'silu',
  name: 'SiLU',
  summary: 'The sigmoid-weighted linear unit x·σ(x): a smooth, non-monotonic ReLU-like curve with a small negative dip (Swish with β = 1).',
  torchFunction: 'torch.nn.functional.silu',
  torchModule: 'torch.nn.SiLU',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{SiLU}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}`,
    derivative: String.raw`\operatorname{SiLU}'(x) = \sigma(x)\bigl(1 + x\,(1 - \sigma(x))\bigr)`,
    notes: [String.raw`\min_x \operatorname{SiLU}(x) \approx -0.27846 \text{ at } x \approx -1.27846`],
  },
  properties: {
    range: { min: -0.2784645427610738, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[-0.27846\ldots, \infty)`,
    monotonic: false,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0,
    df0: 0.5,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['hendrycks2016gelu', 'elfwing2018silu', 'ramachandran2017swish'],
  tradeOffs: {
    advantages: [
      {
        text: 'Smooth (C^∞) and non-monotonic: small negative inputs give small negative outputs instead of ReLU’s 0. Swapped in for ReLU without retuning, it (as Swish with β = 1) matched or beat ReLU on every CIFAR-10/100 model of the Swish paper; the GELU paper found it usually better than ReLU and ELU but behind GELU; its own paper found it ahead of ReLU in stochastic SZ-Tetris.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'monotonic' },
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 5.2',
            shows: 'Swish-1 (= SiLU) matches or outperforms ReLU on ResNet-164, WRN 28-10 and DenseNet 100-12, CIFAR-10 and CIFAR-100',
          },
          { kind: 'paper', key: 'hendrycks2016gelu', where: 'Section 4', shows: 'xσ(x) performs worse than GELU but usually better than ReLU and ELU' },
          {
            kind: 'paper',
            key: 'elfwing2018silu',
            where: 'Abstract; Conclusions',
            shows: 'SiLU agents significantly outperformed ReLU agents in stochastic SZ-Tetris',
          },
        ],
      },
      {
        text: 'Its derivative is zero only at the minimum (x ≈ −1.278), where ReLU’s is zero for every negative input; it does tend to 0 for very negative inputs.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'property', property: 'continuity' },
        ],
      },
      {
        text: 'Self-gating: the input is multiplied by its own sigmoid, x·σ(x), with no extra parameters.',
        evidence: [
          {
            kind: 'paper',
            key: 'hendrycks2016gelu',
            where: 'Section 2',
            shows: 'the Sigmoid Linear Unit xσ(x) obtained by using the logistic CDF in place of Φ',
          },
          { kind: 'paper', key: 'elfwing2018silu', where: 'Abstract', shows: 'the SiLU’s activation is the sigmoid of its input multiplied by the input' },
        ],
      },
      {
        text: 'Unbounded above like ReLU, so it does not saturate for large positive inputs (its slope tends to 1); bounded below, by about −0.278.',
        evidence: [
          { kind: 'property', property: 'range' },
          { kind: 'paper', key: 'ramachandran2017swish', where: 'Section 4', shows: 'like ReLU, Swish is unbounded above and bounded below' },
        ],
      },
      {
        text: 'The Swish paper suggests that being bounded below may have a regularising effect; this is a conjecture, tested neither there nor here.',
        evidence: [{ kind: 'conjecture', key: 'ramachandran2017swish' }],
      },
    ],
    disadvantages: [
      {
        text: 'Needs an exponential per element: costlier than Hardswish, its piecewise-polynomial approximation, which MobileNetV3 adopted because the sigmoid is expensive on mobile devices.',
        evidence: [
          { kind: 'measured', experiment: 'cost', finding: 'hard-cheaper-than-smooth' },
          {
            kind: 'paper',
            key: 'howard2019mobilenetv3',
            where: 'Section 5.2',
            shows: 'swish’s sigmoid is much more expensive to compute on mobile devices; replaced by ReLU6(x + 3)/6',
          },
        ],
      },
      {
        text: 'Not monotonic and not zero-centred; for very negative inputs its gradient still vanishes (like x·eˣ).',
        evidence: [
          { kind: 'property', property: 'monotonic' },
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'range' },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'As a drop-in smooth replacement for ReLU in deep networks: the Swish paper swapped it in without other changes and advises keeping BatchNorm’s scale parameter and slightly lowering ReLU’s learning rate.',
        evidence: [
          {
            kind: 'paper',
            key: 'ramachandran2017swish',
            where: 'Section 4, Section 5.2',
            shows: 'practical notes on BatchNorm scale and learning rate; CIFAR results with Swish-1',
          },
        ],
      },
      {
        text: 'In value networks for reinforcement learning, where Elfwing et al. proposed it and found it ahead of ReLU.',
        evidence: [
          {
            kind: 'paper',
            key: 'elfwing2018silu',
            where: 'Abstract; Conclusions',
            shows: 'SiLU proposed for neural-network function approximation in reinforcement learning (Tetris, Atari 2600)',
          },
        ],
      },
      {
        text: 'Whether it beats ReLU on a small problem is measured here rather than assumed: the training experiment compares SiLU, GELU and Mish with ReLU over several seeds and reports which data sets, if any, show a difference beyond the seed-to-seed interval.',
        evidence: [{ kind: 'measured', experiment: 'training', finding: 'smooth-gated-vs-relu' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 1.7615941559557649, derivative: 1.0907842487848955 },
    { x: -1, forward: -0.2689414213699951, derivative: 0.07232948812851327 },
    { x: -3, forward: -0.14227761953270035, derivative: -0.08810410601516962, note: 'left of the minimum: decreasing' },
    { x: 0, forward: 0, derivative: 0.5 },
    {
      x: -720,
      forward: -1.46320617774547e-310,
      derivative: -1.46117394694305e-310,
      note: 'PyTorch float64 returns −0 here',
    },
  ],
  seeAlso: ['swish', 'sigmoid', 'gelu', 'mish', 'hardswish'],
  family: 'smooth-gated',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x / (1 + Math.exp(-x));
    }
  },
  reference: {
    torch: 'F.silu(x)',
    exact: 'x * sig(x)',
    exactDerivative: 'sig(x) * (1 + x * sig(-x))',
  },
  forward: siluCore,
  derivative: siluDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/silu.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('silu', xs, out)) return;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (x >= 0) out[i] = x / (1 + expNonPositive(-x));
      else if (x > EXP_SUBNORMAL_EDGE) {
        const e = expNonPositive(x);
        out[i] = (x * e) / (1 + e);
      } else out[i] = siluCore(x);
    }
  },
});
