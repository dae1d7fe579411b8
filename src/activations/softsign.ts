import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { productError, sumError } from '../math/stable.js';

/** x/(1+|x|); at ±∞ the limit ±1 (PyTorch: ∞/∞ = NaN). */
function softsignForward(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  return x / (1 + Math.abs(x));
}

/**
 * 1/(1+|x|)², from r = 1/(1+|x|) so that (1+|x|)² cannot overflow while the result is still
 * representable. Autograd differentiates x/(1+|x|) as a quotient, 1/(1+|x|) − |x|/(1+|x|)², which
 * cancels for large |x|; at ±∞ it gives NaN, and so do we (the derivative follows autograd at
 * infinities). In the plain r·r the rounding errors of s = 1 + |x| and of 1/s each count twice
 * (several ulps near x ≈ 1). So s is kept with its rounding error
 * (TwoSum), r with its remainder ρ = 1 − r·s (Dekker product), and r²·(1 + 2ρ) is formed with r²'s
 * own rounding error: only the final rounding remains.
 */
function softsignDerivative(x: number): number {
  if (x === Infinity || x === -Infinity) return NaN;
  const a = Math.abs(x);
  const s = 1 + a;
  const sl = sumError(1, a, s);
  const r = 1 / s;
  const rs = r * s;
  // 1 − r·(s + sl): 1 − fl(r·s) is exact (fl(r·s) is within an ulp of 1); r ≤ 1 keeps everything finite.
  const rho = 1 - rs - productError(r, s, rs) - r * sl;
  const y = r * r;
  return y + (productError(r, r, y) + 2 * y * rho);
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
  kinkConvention: 'No kink: the first derivative is continuous everywhere and autograd gives f′(0) = 1; only the second derivative jumps at 0, from 2 to −2.',
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
  // Glorot & Bengio 2010 (Section 2.3) credit the softsign to Bergstra et al. 2009, a technical report
  // nobody here could read; Turian, Bergstra & Bengio 2009 (NAACL, on chunking) was cited before, but
  // whether it introduces the softsign was not checked, so it is not cited as its source.
  papers: ['bergstra2009quadratic', 'glorot2010understanding'],
  tradeOffs: {
    advantages: [
      {
        text: 'Zero-centred and bounded in (−1, 1), like tanh.',
        evidence: [
          { kind: 'property', property: 'zeroCentered' },
          { kind: 'property', property: 'range' },
          { kind: 'paper', key: 'glorot2010understanding', where: 'Section 2.3', shows: 'softsign is similar to tanh, with range −1 to 1' },
        ],
      },
      {
        text: 'Saturates polynomially (its slope decays like 1/x²) rather than exponentially: in Glorot and Bengio’s deep networks its layers saturated less than tanh’s, and together rather than one after another.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 2.3, Section 3.3, Figure 3',
            shows: 'quadratic-polynomial tails approach the asymptotes much more slowly; softsign layers saturate less and together',
          },
          { kind: 'measured', experiment: 'saturation', finding: 'softsign-saturates-less-than-tanh' },
        ],
      },
      {
        text: 'Less sensitive to the initialisation than tanh: Glorot and Bengio found softsign networks more robust to the initialisation procedure, presumably because of the gentler non-linearity.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 5, Table 1',
            shows: 'with the standard initialisation softsign beat tanh on all four data sets (e.g. 16.27% against 27.15% error on Shapeset-3×2)',
          },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Still saturates: the gradient tends to 0 for large |x|, so the vanishing-gradient problem is softened, not solved.',
        evidence: [
          { kind: 'property', property: 'range' },
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 3.3, Figure 3',
            shows: 'softsign layers still saturate during training, fast at first and then slowly',
          },
        ],
      },
      {
        text: 'Not smooth at 0: the second derivative jumps there (the function is C¹, not C²).',
        evidence: [{ kind: 'property', property: 'continuity' }],
      },
      {
        text: 'Its lead over tanh shrinks with a good initialisation: in Glorot and Bengio’s Table 1, tanh with their normalised initialisation beat the best softsign on Shapeset-3×2 and CIFAR-10, tied on MNIST and lost only on Small-ImageNet.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Table 1',
            shows: 'test errors of 5-hidden-layer networks: softsign, softsign N, tanh, tanh N, sigmoid on four data sets',
          },
        ],
      },
    ],
    whenToUse: [
      {
        text: 'As a less saturating replacement for tanh where zero-centred, bounded outputs are needed, especially when the initialisation is not tuned.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 3.3, Section 5',
            shows: 'softsign saturates less than tanh and is more robust to the initialisation',
          },
        ],
      },
      {
        text: 'Studying saturation: it is one of the three functions of Glorot and Bengio’s saturation study, which our saturation experiment repeats at small scale.',
        evidence: [
          {
            kind: 'paper',
            key: 'glorot2010understanding',
            where: 'Section 3, Figures 2–4',
            shows: 'activation statistics per layer during training for sigmoid, tanh and softsign',
          },
          { kind: 'measured', experiment: 'saturation', finding: 'softsign-saturates-less-than-tanh' },
        ],
      },
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
  family: 'other',
  kernelGroup: 'cheap',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x / (1 + Math.abs(x));
    }
  },
  onnx: { opType: 'Softsign', opset: 18 },
  reference: {
    torch: 'F.softsign(x)',
    exact: 'x / (1 + abs(x))',
    exactDerivative: '1 / (1 + abs(x)) ** 2',
  },
  forward: softsignForward,
  derivative: softsignDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/softsign.ts), the same values as the loop below; the loop is the fallback.
    if (runWasm('softsign', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = softsignForward(xs[i]!);
  },
});
