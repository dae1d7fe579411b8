import { defineActivation } from '../define.js';
import { runWasm } from '../kernels/wasm.js';
import { EXP_SUBNORMAL_EDGE, expAroundDerivativeZeros, expDD, productError, quotientDD, sumError } from '../math/stable.js';
import { expNonPositive } from '../math/libm.js';

/*
 * tanh(softplus(x)) in closed form, with no tanh, no log and nothing that cancels: with e = e^x,
 * (1+e)² = e^(2·softplus(x)), so tanh(softplus(x)) = n/(n+2) with n = e(e+2). For x ≥ 0 the same
 * ratio in u = e^−x, (1+2u)/(1+2u+2u²), cannot overflow. PyTorch's x·tanh(log1p(exp(x))) is within
 * 4 ulps of the exact value on our fixture except below x ≈ −711, where its subnormal e^x carries
 * few digits, and at −∞ (PyTorch: −∞·0 = NaN, the limit is −0).
 */
function mishForward(x: number): number {
  if (x >= 0) {
    const u = expNonPositive(-x);
    return x * ((1 + 2 * u) / (1 + 2 * u * (1 + u)));
  }
  if (x > EXP_SUBNORMAL_EDGE) {
    // tanh(softplus x) = n/(n + 2), n = e(e + 2), written as e·(1 − δ), δ = (e/2)(1 + e)/(1 + e(1 + e/2))
    // ≤ 0.4: one division, and x·e − x·e·δ keeps the digits that x·n/(n + 2) loses to its two
    // roundings of n (most for x < −3). asm/mish.ts mirrors it, operation for operation.
    const e = expNonPositive(x);
    const a = 1 + 0.5 * e;
    const b = 1 + e * a;
    const d = (0.5 * e * (1 + e)) / b;
    const xe = x * e;
    return xe - xe * d;
  }
  if (x === -Infinity) return -0;
  // tanh(softplus(x)) = e^x to far below an ulp; halves keep the digits of a normal result.
  const h = expNonPositive(x / 2);
  return x * h * h;
}

/*
 * Mish′(x) = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x). Autograd computes sech² as 1 − tanh²(sp),
 * which is 0 once tanh rounds to 1 and has the wrong sign below x ≈ −708. In closed form, with
 * u = e^−x and D = 1 + 2u(1+u) for x ≥ 0 (all terms positive):
 *   Mish′(x) = (1+2u)/D + 4x·u²(1+u)/D²;
 * with e = e^x and n = e(e+2) for x < 0, over one denominator:
 *   Mish′(x) = e·P/(n+2)²,  P = ((e + 4)e + (6 + 4x))e + 4(1 + x),
 * so the cancellation around Mish's minimum (x ≈ −1.192, slope 0) happens in one addition. P and
 * (n+2)² are double-doubles divided once (`quotientDD`), so that only exp's error and the
 * final rounding remain (rounding each step would add several ulps, around x = −4.85 most). On
 * [−2, −0.5] e^x itself is a double-double, so that the last bit of exp does not turn into
 * hundreds of ulps next to the zero.
 * Autograd gives NaN at ±∞ and so do we.
 */
function mishDerivative(x: number): number {
  if (x >= 0) {
    if (x === Infinity) return NaN;
    const u = expNonPositive(-x);
    const d = 1 + 2 * u * (1 + u);
    const second = u === 0 ? 0 : (4 * x * u * u * (1 + u)) / d / d;
    return (1 + 2 * u) / d + second;
  }
  if (x > EXP_SUBNORMAL_EDGE) {
    // e^x: around the zero, on [−2, −0.5], in double-double (e + el); elsewhere exp (el = 0).
    expAroundDerivativeZeros(x);
    const e = expDD.hi;
    const el = expDD.lo;
    // P in double-double, with 1 + x and 6 + 4x formed exactly (TwoSum), so the cancellation near the
    // zero happens exactly and P is rounded once.
    const bh = e + 4;
    const bl = 4 - bh + e + el; // B = e + 4 (Fast2Sum: e < 1)
    const ch = bh * e;
    const cl = productError(bh, e, ch) + bh * el + bl * e; // C = B·e
    const f = 6 + 4 * x;
    const fl = sumError(6, 4 * x, f);
    const dSum = ch + f;
    const dLo = sumError(ch, f, dSum) + cl + fl;
    const dh = dSum + dLo;
    const dl = dLo - (dh - dSum); // D = C + 6 + 4x
    const eh = dh * e;
    const elo = productError(dh, e, eh) + dh * el + dl * e; // E = D·e
    const g = 1 + x;
    const gl = sumError(1, x, g);
    const ps = eh + 4 * g;
    const pl = sumError(eh, 4 * g, ps) + elo + 4 * gl; // P = E + 4(1 + x)
    // e·P over (n + 2)² = ((1 + e)² + 1)², each a double-double, divided once.
    const num = e * ps;
    const numLo = productError(e, ps, num) + e * pl + el * ps;
    const oh = 1 + e;
    const ol = 1 - oh + e + el;
    const sq = oh * oh;
    const sqLo = productError(oh, oh, sq) + 2 * oh * ol;
    const n2 = sq + 1;
    const n2Lo = sq - n2 + 1 + sqLo; // Fast2Sum: sq ≥ 1
    const den = n2 * n2;
    return quotientDD(num, numLo, den, productError(n2, n2, den) + 2 * n2 * n2Lo);
  }
  if (x === -Infinity) return NaN;
  // e^x·(1 + x) to far below an ulp.
  const h = expNonPositive(x / 2);
  return h === 0 ? -0 : (1 + x) * h * h;
}

/**
 * Mish, x·tanh(softplus(x)). PyTorch: torch.nn.functional.mish / torch.nn.Mish.
 */
export const mish = defineActivation({
  id: 'mish',
  name: 'Mish',
  summary: 'x·tanh(softplus(x)): a smooth, non-monotonic, self-regularising curve close to SiLU, with a slightly deeper negative dip.',
  torchFunction: 'torch.nn.functional.mish',
  torchModule: 'torch.nn.Mish',
  defaults: {},
  params: [],
  latex: {
    forward: String.raw`\operatorname{Mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr) = x \tanh\bigl(\ln(1 + e^{x})\bigr)`,
    derivative: String.raw`\operatorname{Mish}'(x) = \tanh\bigl(\operatorname{softplus}(x)\bigr) + x\,\sigma(x)\,\operatorname{sech}^2\bigl(\operatorname{softplus}(x)\bigr)`,
    notes: [
      String.raw`\tanh\bigl(\operatorname{softplus}(x)\bigr) = \frac{e^{2x} + 2e^{x}}{e^{2x} + 2e^{x} + 2}`,
      String.raw`\min_x \operatorname{Mish}(x) \approx -0.30884 \text{ at } x \approx -1.19243`,
    ],
  },
  properties: {
    range: { min: -0.30884341301725043, max: Infinity, minClosed: true, maxClosed: false },
    rangeLatex: String.raw`[-0.30884\ldots, \infty)`,
    monotonic: false,
    continuity: 'Cinf',
    zeroCentered: false,
    f0: 0,
    df0: 0.6,
    identityNearZero: false,
    kinks: [],
  },
  papers: ['misra2019mish'],
  tradeOffs: {
    advantages: [
      {
        text: 'Better accuracy in its author’s experiments: with all other settings kept, Mish beat ReLU by about 1% top-1 on ImageNet with ResNet-50 and Leaky ReLU by 2.1% AP50 on MS-COCO with YOLOv4’s CSP-DarkNet-53 backbone.',
        evidence: [
          {
            kind: 'paper',
            key: 'misra2019mish',
            where: 'Abstract',
            shows:
              'Mish outperformed Leaky ReLU on YOLOv4 (CSP-DarkNet-53) by 2.1% AP50 on MS-COCO and ReLU on ResNet-50 by about 1% top-1 on ImageNet-1k, other parameters and hyperparameters unchanged',
          },
        ],
      },
      {
        text: 'Smooth and non-monotonic: infinitely differentiable, with a small negative dip (minimum ≈ −0.309), so small negative inputs keep a non-zero gradient where ReLU’s is 0.',
        evidence: [
          { kind: 'property', property: 'continuity' },
          { kind: 'property', property: 'monotonic' },
          { kind: 'property', property: 'range' },
        ],
      },
      {
        text: 'The Mish paper suggests that the shape of its first derivative may act as a regulariser that helps optimisation (hence “self regularized”); whether it reduces the need for other regularisation has not been shown.',
        evidence: [
          {
            kind: 'paper',
            key: 'misra2019mish',
            where: 'Abstract',
            shows: 'proposes “an intuitive understanding” of how the first derivative “may be acting as a regularizer” — a hypothesis, not a measurement',
          },
          { kind: 'conjecture', key: 'misra2019mish' },
        ],
      },
    ],
    disadvantages: [
      {
        text: 'Costly: it combines an exponential, a logarithm and a hyperbolic tangent; our timing measures it at two or more times ReLU’s cost per element, which slows networks whose time goes into activations.',
        evidence: [{ kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' }],
      },
      {
        text: 'Conjecture, unverified: Mish may make training more sensitive to the learning rate and batch size. The source walkthrough reports it as an observation, but we found no study that measures it.',
        evidence: [{ kind: 'conjecture' }],
      },
    ],
    whenToUse: [
      {
        text: 'Hidden layers of deep vision networks where the last percent of accuracy matters and the extra cost is acceptable, as in YOLOv4’s backbone, where its author measured a gain over Leaky ReLU.',
        evidence: [
          {
            kind: 'paper',
            key: 'misra2019mish',
            where: 'Abstract',
            shows: '+2.1% AP50 over Leaky ReLU in YOLOv4 (CSP-DarkNet-53) on MS-COCO; about +1% top-1 over ReLU with ResNet-50 on ImageNet-1k',
          },
          { kind: 'measured', experiment: 'cost', finding: 'exponential-costlier' },
        ],
      },
      {
        text: 'As an alternative to SiLU/Swish, to which it is closely related (the paper derives its derivative from Swish’s); benchmark both on the task at hand.',
        evidence: [
          {
            kind: 'paper',
            key: 'misra2019mish',
            where: 'Abstract',
            shows: 'explores the mathematical formulation of Mish in relation with the Swish family of functions',
          },
        ],
      },
    ],
    corrections: [
      {
        text: 'The walkthrough states as fact that Mish’s bounded-below, smooth shape has a regularising effect that can reduce the need for other regularisation. Its paper only proposes that its derivative may act as a regulariser; the claim is a conjecture, shown as one above.',
        evidence: [
          {
            kind: 'paper',
            key: 'misra2019mish',
            where: 'Abstract',
            shows: 'the regularising role of the first derivative is offered as an intuitive understanding, with “may be acting”',
          },
          { kind: 'conjecture', key: 'misra2019mish' },
        ],
      },
      {
        text: 'The walkthrough calls Mish’s sensitivity to learning rate and batch size an empirical observation. We found no measurement behind it, so it is listed as a conjecture.',
        evidence: [{ kind: 'conjecture' }],
      },
    ],
  },
  examples: [
    { x: 2, forward: 1.9439589595339946, derivative: 1.0693179342794896 },
    { x: -1, forward: -0.3034014613741089, derivative: 0.05921675587739495 },
    { x: 0.5, forward: 0.37524521130489513, derivative: 0.8864243753577272 },
    { x: 0, forward: 0, derivative: 0.6, note: 'f′(0) = tanh(ln 2) = 3/5' },
    {
      x: -720,
      forward: -1.46320617774547e-310,
      derivative: -1.46117394694305e-310,
      note: 'PyTorch float64 gives −1.4632061777412e-310 and a positive slope here',
    },
  ],
  seeAlso: ['silu', 'swish', 'softplus', 'tanh', 'gelu'],
  family: 'smooth-gated',
  kernelGroup: 'exp',
  // The textbook formula as a plain loop: the bench's baseline (not used by `map`).
  baseline: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x * Math.tanh(Math.log(1 + Math.exp(x)));
    }
  },
  onnx: { opType: 'Mish', opset: 18 },
  reference: {
    torch: 'F.mish(x)',
    exact: 'x * mpmath.tanh(softplus_core(x))',
    exactDerivative: 'mpmath.tanh(softplus_core(x)) + x * sech2(softplus_core(x)) * sig(x)',
  },
  forward: mishForward,
  derivative: mishDerivative,
  mapKernel(xs, out) {
    // WebAssembly SIMD kernel (asm/mish.ts): the same values as the loop below for a Float64Array, within
    // 1 float32 ulp of them for a Float32Array; the loop is the fallback.
    if (runWasm('mish', xs, out)) return;
    for (let i = 0; i < xs.length; i++) out[i] = mishForward(xs[i]!);
  },
});
