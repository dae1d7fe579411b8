import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';

/** x/(1+|x|); at ±∞ the limit ±1 (PyTorch: ∞/∞ = NaN). */
function softsignForward(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  return x / (1 + Math.abs(x));
}

/**
 * 1/(1+|x|)², computed as r·r with r = 1/(1+|x|) so that (1+|x|)² cannot overflow while the result
 * is still representable. Autograd differentiates x/(1+|x|) as a quotient, 1/(1+|x|) − |x|/(1+|x|)²,
 * which cancels for large |x|; at ±∞ it gives NaN, and so do we (the derivative follows autograd
 * at infinities).
 */
function softsignDerivative(x: number): number {
  if (x === Infinity || x === -Infinity) return NaN;
  const r = 1 / (1 + Math.abs(x));
  return r * r;
}

/**
 * Softsign, x/(1+|x|). PyTorch: torch.nn.functional.softsign / torch.nn.Softsign.
 */
export const softsign = defineActivation({
  id: 'softsign',
  name: 'Softsign',
  summary: 'x/(1 + |x|): a tanh-like, zero-centred S-curve in (−1, 1) that approaches its asymptotes polynomially rather than exponentially.',
  torchFunction: 'torch.nn.functional.softsign',
  torchModule: 'torch.nn.Softsign',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{Softsign}(x) = \frac{x}{1 + |x|}`,
    derivative: String.raw`\operatorname{Softsign}'(x) = \frac{1}{(1 + |x|)^2}`,
  },
  kinkConvention:
    'No kink: the first derivative is continuous everywhere and autograd gives f′(0) = 1; only the second derivative jumps at 0, from 2 to −2.',
  properties: {
    range: { min: -1, max: 1, minClosed: false, maxClosed: false },
    rangeLatex: String.raw`(-1, 1)`,
    monotonic: true,
    continuity: 'C1',
    zeroCentered: true,
    f0: 0,
    df0: 1,
    identityNearZero: true,
    kinks: [],
  },
  papers: ['turian2009softsign'],
  tradeOffs: {
    advantages: [
      { text: 'Zero-centred and bounded in (−1, 1), like tanh.', evidence: [] },
      { text: 'Saturates polynomially (its slope decays like 1/x²) rather than exponentially, so large inputs keep a usable gradient far longer than with tanh.', evidence: [] },
      { text: 'Cheap: one absolute value, one addition and one division, no exponential.', evidence: [] },
    ],
    disadvantages: [
      { text: 'Still saturates: the gradient tends to 0 for large |x|, so the vanishing-gradient problem is softened, not solved.', evidence: [] },
      { text: 'Not smooth at 0: the second derivative jumps there (the function is C¹, not C²).', evidence: [] },
      { text: 'Rarely used today; few published results to lean on compared with tanh or ReLU-family functions.', evidence: [] },
    ],
    whenToUse: [
      { text: 'As a cheaper or less saturating replacement for tanh where zero-centred, bounded outputs are needed.', evidence: [] },
      { text: 'Experiments on saturation behaviour; for deep feed-forward nets prefer ReLU-family or GELU/SiLU.', evidence: [] },
    ],
  },
  examples: [
    { x: 2, forward: 0.6666666666666666, derivative: 0.1111111111111111 },
    { x: -1, forward: -0.5, derivative: 0.25 },
    { x: -3, forward: -0.75, derivative: 0.0625 },
    { x: 0, forward: 0, derivative: 1 },
    { x: 30, forward: 0.967741935483871, derivative: 0.001040582726326743, note: 'tanh(30) has rounded to 1; softsign is still far from it' },
  ],
  seeAlso: ['tanh', 'sigmoid', 'hardtanh'],
  forward: softsignForward,
  derivative: softsignDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/kernels.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('softsign', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = softsignForward(xs[i]!);
  },
});
