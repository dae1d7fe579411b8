/**
 * Checks every activation's metadata against its code, over the WHOLE registry: each `properties`
 * field at the default parameters, every worked example, the paper keys, the parameters, and every
 * LaTeX string. Plus fast-check property tests (derivative against finite differences, monotonicity,
 * range membership) and the softmax family's identities. Metadata written by hand can drift from
 * the code; this is where it cannot.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import katex from 'katex';
import { activations, references, softmax, logSoftmax, softmin, vectorFunctions, vectorFunctionIds } from '../src/index.js';
import type { Activation, Params } from '../src/index.js';
import { show, ulpDistance } from './helpers/numeric.js';

const ALL = Object.values(activations) as Activation<Params>[];

/** The dense grid: step 1/1024 over [-20, 20] (exact binary fractions), 40,961 points. */
const DENSE: number[] = Array.from({ length: 40 * 1024 + 1 }, (_, i) => -20 + i / 1024);

/** Inputs far out, for the limits at ±∞ (finite: ±Infinity itself may give PyTorch's NaN). */
const FAR: number[] = [30, 50, 100, 1e3, 1e6, 1e15, 1e100, 1e300, Number.MAX_VALUE].flatMap((x) => [x, -x]);

function samples(a: Activation<Params>): number[] {
  const around = a.properties.kinks.flatMap((k) => [k.x, k.x - 1e-9, k.x + 1e-9]);
  return [...DENSE, ...FAR, ...around].sort((p, q) => p - q);
}

/** Golden-section search for a local extremum of f on [lo, hi] (sign = 1 for a minimum, -1 for a maximum). */
function refine(f: (x: number) => number, lo: number, hi: number, sign: 1 | -1): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let best = Math.min(sign * f(lo), sign * f(hi));
  for (let i = 0; i < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    const fc_ = sign * f(c);
    const fd = sign * f(d);
    best = Math.min(best, fc_, fd);
    if (fc_ < fd) b = d;
    else a = c;
  }
  return sign * best;
}

function tolerance(bound: number): number {
  return 1e-12 * Math.max(1, Math.abs(bound));
}

describe('properties match the code at default parameters, for every activation', () => {
  for (const a of ALL) {
    const p = a.properties;
    const f = (x: number): number => a.forward(x);
    const xs = samples(a);
    const ys = xs.map(f);

    test(`${a.id}: finite inputs give non-NaN outputs`, () => {
      xs.forEach((x, i) => assert.ok(!Number.isNaN(ys[i]!), `${a.id}(${show(x)}) is NaN`));
    });

    test(`${a.id}: every sampled output lies in the declared range ${p.rangeLatex}`, () => {
      const { min, max, minClosed, maxClosed } = p.range;
      xs.forEach((x, i) => {
        const y = ys[i]!;
        assert.ok(y >= min - tolerance(min) && y <= max + tolerance(max), `${a.id}(${show(x)}) = ${show(y)} is outside [${min}, ${max}]`);
        // An open end is never attained mathematically; in floating point it can be reached only far
        // out, where the function rounds to its limit (tanh(20) is 1 in float64).
        if (Math.abs(x) <= 10) {
          if (!minClosed) assert.ok(y > min, `${a.id}(${show(x)}) = ${show(y)} attains the open end ${min}`);
          if (!maxClosed) assert.ok(y < max, `${a.id}(${show(x)}) = ${show(y)} attains the open end ${max}`);
        }
      });
    });

    test(`${a.id}: the declared range ends are the infimum and supremum (closed ends attained)`, () => {
      const { min, max, minClosed, maxClosed } = p.range;
      let iMin = 0;
      let iMax = 0;
      ys.forEach((y, i) => {
        if (y < ys[iMin]!) iMin = i;
        if (y > ys[iMax]!) iMax = i;
      });
      const lowest = ys[iMin]!;
      const highest = ys[iMax]!;
      if (min === -Infinity) assert.ok(lowest <= -1e100, `${a.id}: declared unbounded below, but the smallest sample is ${lowest}`);
      else {
        let attained = lowest;
        if (iMin > 0 && iMin < xs.length - 1 && Math.abs(xs[iMin]!) <= 20) {
          attained = Math.min(attained, refine(f, xs[iMin - 1]!, xs[iMin + 1]!, 1));
        }
        const gap = Math.abs(attained - min);
        if (minClosed) assert.ok(gap <= 1e-9 * Math.max(1, Math.abs(min)), `${a.id}: closed minimum ${min} is not attained (lowest ${attained})`);
        else assert.ok(gap <= 1e-6 * Math.max(1, Math.abs(min)), `${a.id}: infimum ${min} is not approached (lowest ${attained})`);
      }
      if (max === Infinity) assert.ok(highest >= 1e100, `${a.id}: declared unbounded above, but the largest sample is ${highest}`);
      else {
        let attained = highest;
        if (iMax > 0 && iMax < xs.length - 1 && Math.abs(xs[iMax]!) <= 20) {
          attained = Math.max(attained, refine(f, xs[iMax - 1]!, xs[iMax + 1]!, -1));
        }
        const gap = Math.abs(attained - max);
        if (maxClosed) assert.ok(gap <= 1e-9 * Math.max(1, Math.abs(max)), `${a.id}: closed maximum ${max} is not attained (highest ${attained})`);
        else assert.ok(gap <= 1e-6 * Math.max(1, Math.abs(max)), `${a.id}: supremum ${max} is not approached (highest ${attained})`);
      }
    });

    test(`${a.id}: monotonic is ${p.monotonic}, by sampling`, () => {
      // A drop larger than rounding noise (a few ulps of the values) counts as non-monotonic.
      const noise = (y: number): number => 4 * Math.abs(y) * 2 ** -52 + 1e-300;
      let rises = false;
      let falls = false;
      let where = '';
      for (let i = 1; i < xs.length; i++) {
        const d = ys[i]! - ys[i - 1]!;
        if (d > noise(ys[i]!)) rises = true;
        if (d < -noise(ys[i]!)) {
          falls = true;
          where ||= `f(${show(xs[i - 1]!)}) = ${ys[i - 1]} > f(${show(xs[i]!)}) = ${ys[i]}`;
        }
      }
      if (p.monotonic) assert.ok(!(rises && falls), `${a.id} is declared monotonic but ${where}`);
      else assert.ok(rises && falls, `${a.id} is declared non-monotonic but never changes direction`);
    });

    test(`${a.id}: continuity ${p.continuity} is consistent with the kinks`, () => {
      const jumpsInSlope = p.kinks.filter((k) => {
        const h = 1e-7 * Math.max(1, Math.abs(k.x));
        return Math.abs(a.derivative(k.x - h) - a.derivative(k.x + h)) > 1e-6;
      });
      const jumpsInValue = p.kinks.filter((k) => {
        const h = 1e-9 * Math.max(1, Math.abs(k.x));
        return Math.abs(f(k.x + h) - f(k.x - h)) > 1e-6;
      });
      switch (p.continuity) {
        case 'discontinuous':
          assert.ok(jumpsInValue.length > 0, `${a.id} is declared discontinuous but jumps at none of its kinks`);
          break;
        case 'C0':
          assert.equal(jumpsInValue.length, 0, `${a.id} is declared continuous but jumps at x = ${jumpsInValue.map((k) => k.x)}`);
          assert.ok(jumpsInSlope.length > 0, `${a.id} is declared C0 but its derivative jumps at none of its kinks`);
          break;
        default:
          assert.equal(p.kinks.length, 0, `${a.id} is declared ${p.continuity} but lists kinks`);
      }
      // C1 and smoother: the derivative has no jump anywhere on the dense grid either, including at
      // points the kinks list forgot. Over one grid step (1/1024) a continuous f' moves by about
      // |f''|/1024; a jump (Leaky ReLU's 0.99, Hardsigmoid's 1/6, ELU's 1 − α) is far larger than 0.02.
      if (p.continuity !== 'C0' && p.continuity !== 'discontinuous') {
        for (let i = 1; i < DENSE.length - 1; i++) {
          const x = DENSE[i]!;
          const d = a.derivative(x);
          const avg = (a.derivative(DENSE[i - 1]!) + a.derivative(DENSE[i + 1]!)) / 2;
          assert.ok(Math.abs(d - avg) <= 0.02 * Math.max(1, Math.abs(d)), `${a.id}'(${x}) = ${d} jumps (neighbours average ${avg})`);
        }
      }
    });

    test(`${a.id}: each kink lists the derivative the code returns there`, () => {
      for (const k of p.kinks) {
        const d = a.derivative(k.x);
        assert.ok(ulpDistance(d, k.derivative) === 0, `${a.id}'(${k.x}): code gives ${show(d)}, properties say ${show(k.derivative)}`);
      }
    });

    test(`${a.id}: f(0) = ${show(p.f0)} and f'(0) = ${show(p.df0)} exactly, sign included`, () => {
      assert.ok(Object.is(a.forward(0), p.f0), `${a.id}(0) = ${show(a.forward(0))}, properties say ${show(p.f0)}`);
      assert.ok(Object.is(a.derivative(0), p.df0), `${a.id}'(0) = ${show(a.derivative(0))}, properties say ${show(p.df0)}`);
    });

    test(`${a.id}: identityNearZero is ${p.identityNearZero}, i.e. f(0) = 0 and f'(0) = 1`, () => {
      assert.equal(p.identityNearZero, a.forward(0) === 0 && a.derivative(0) === 1);
    });

    test(`${a.id}: zeroCentered is ${p.zeroCentered}: both signs, with mean near 0 for centred inputs`, () => {
      // As Properties documents it: outputs take both signs AND average near 0 for inputs centred on
      // 0. "Takes both signs" alone would call Leaky ReLU, GELU or SiLU zero-centred, which they are
      // not (their mean output for standard normal inputs is 0.25 to 0.98 of their mean |output|).
      // Measured: that ratio is 0 for tanh, SELU, Hardtanh, softsign and the shrink functions, and
      // at least 0.25 (ELU) for every other activation here; the threshold sits at 0.1.
      const both = ys.some((y) => y > 0) && ys.some((y) => y < 0);
      let mean = 0;
      let meanAbs = 0;
      const h = 1 / 1024;
      for (let x = -12; x <= 12; x += h) {
        const w = Math.exp((-x * x) / 2) * h;
        const y = f(x);
        mean += w * y;
        meanAbs += w * Math.abs(y);
      }
      const ratio = Math.abs(mean) / meanAbs;
      const centred = both && ratio <= 0.1;
      assert.equal(p.zeroCentered, centred, `${a.id}: takes both signs: ${both}; |E f(Z)| / E|f(Z)| = ${ratio.toFixed(3)} for Z ~ N(0, 1)`);
    });

    test(`${a.id}: every worked example holds to 4 ulps`, () => {
      assert.ok(a.examples.length >= 2, `${a.id} needs worked examples`);
      for (const ex of a.examples) {
        const params = ex.params as Params | undefined;
        const what = `${a.id}(${show(ex.x)}${params ? `; ${JSON.stringify(params)}` : ''})`;
        const got = a.forward(ex.x, params);
        assert.ok(ulpDistance(got, ex.forward) <= 4, `${what}: got ${show(got)}, example says ${show(ex.forward)}`);
        if (Object.is(ex.forward, -0)) assert.ok(Object.is(got, -0), `${what}: got ${show(got)}, example says -0`);
        if (ex.derivative !== undefined) {
          const d = a.derivative(ex.x, params);
          assert.ok(ulpDistance(d, ex.derivative) <= 4, `${what}': got ${show(d)}, example says ${show(ex.derivative)}`);
        }
      }
    });

    test(`${a.id}: every paper key exists in references`, () => {
      for (const key of a.papers) assert.ok(references[key] !== undefined, `${a.id} cites '${key}', which is not in references`);
    });

    test(`${a.id}: every parameter is documented and has its default; defaults hold nothing else`, () => {
      const names = a.params.map((q) => q.name);
      assert.deepEqual(Object.keys(a.defaults).sort(), [...names].sort(), `${a.id}: defaults and params differ`);
      for (const q of a.params) {
        for (const field of ['name', 'torchName', 'symbol', 'description'] as const) {
          assert.ok(typeof q[field] === 'string' && q[field].length > 0, `${a.id}.${q.name}: ${field} is missing`);
        }
        const d = a.defaults[q.name];
        if (q.range) {
          assert.equal(typeof d, 'number', `${a.id}.${q.name}: a range needs a numeric default`);
          assert.ok(q.range[0] < q.range[1], `${a.id}.${q.name}: empty range`);
          assert.ok((d as number) >= q.range[0] && (d as number) <= q.range[1], `${a.id}.${q.name}: default ${d} outside its slider range`);
        }
        if (q.choices) assert.ok(q.choices.includes(d as string), `${a.id}.${q.name}: default ${String(d)} not among its choices`);
        assert.ok(q.range || q.choices, `${a.id}.${q.name}: needs a range or choices`);
      }
    });

    test(`${a.id}: seeAlso names existing functions`, () => {
      for (const id of a.seeAlso) {
        assert.ok(id in activations || (vectorFunctionIds as readonly string[]).includes(id), `${a.id}: seeAlso '${id}' does not exist`);
      }
    });
  }
});

/** Every LaTeX string the site and notebooks typeset. */
function latexStrings(): [string, string][] {
  const out: [string, string][] = [];
  for (const a of ALL) {
    out.push([`${a.id}.latex.forward`, a.latex.forward], [`${a.id}.latex.derivative`, a.latex.derivative]);
    (a.latex.notes ?? []).forEach((n, i) => out.push([`${a.id}.latex.notes[${i}]`, n]));
    out.push([`${a.id}.properties.rangeLatex`, a.properties.rangeLatex]);
    for (const q of a.params) out.push([`${a.id}.params.${q.name}.symbol`, q.symbol]);
  }
  for (const id of vectorFunctionIds) {
    const v = vectorFunctions[id];
    out.push([`${id}.latex.forward`, v.latex.forward], [`${id}.latex.derivative`, v.latex.derivative]);
    (v.latex.notes ?? []).forEach((n, i) => out.push([`${id}.latex.notes[${i}]`, n]));
  }
  return out;
}

test('every LaTeX formula renders with KaTeX (throwOnError)', () => {
  const all = latexStrings();
  assert.ok(all.length > ALL.length * 3);
  for (const [where, tex] of all) {
    assert.ok(tex.trim().length > 0, `${where} is empty`);
    try {
      katex.renderToString(tex, { throwOnError: true, displayMode: true });
    } catch (e) {
      assert.fail(`${where} does not render: ${(e as Error).message}\n  ${tex}`);
    }
  }
});

test('every paper key of the softmax family exists in references', () => {
  for (const id of vectorFunctionIds) {
    for (const key of vectorFunctions[id].papers) assert.ok(references[key] !== undefined, `${id} cites '${key}', not in references`);
  }
});

// ---- fast-check property tests --------------------------------------------------------------

/** 4th-order central difference (error O(h^4)). */
function centralDifference(f: (x: number) => number, x: number, h: number): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

const H = 1e-3;
/**
 * Relative tolerance of the derivative check, of max(1, |f'(x)|). The 4th-order difference with
 * h = 1e-3 is accurate to about 1e-10 for smooth functions; 1e-5 leaves room for softplus's switch to
 * the identity at the threshold (a step of about 2e-9 in f), and still catches any wrong formula.
 * Where f'' jumps (C1 functions such as ELU and softsign at 0) the difference is only O(h) accurate,
 * so the check retries with h down to 1e-6: a right derivative then agrees, a wrong one never does.
 */
const DERIVATIVE_RTOL = 1e-5;
const STEPS = [H, 1e-4, 1e-5, 1e-6];

describe('fast-check: the derivative matches a finite difference away from the kinks', () => {
  for (const a of ALL) {
    test(`${a.id}: |f'(x) − FD(x)| ≤ ${DERIVATIVE_RTOL}·max(1, |f'(x)|) for x in [-30, 30]`, () => {
      const f = (x: number): number => a.forward(x);
      fc.assert(
        fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
          if (a.properties.kinks.some((k) => Math.abs(x - k.x) < 5 * H)) return true;
          const d = a.derivative(x);
          const errors = STEPS.map((h) => Math.abs(d - centralDifference(f, x, h)));
          if (!(Math.min(...errors) <= DERIVATIVE_RTOL * Math.max(1, Math.abs(d)))) {
            throw new Error(`${a.id}'(${x}): got ${d}, finite difference ${centralDifference(f, x, H)}`);
          }
          return true;
        }),
        { numRuns: 400 },
      );
    });
  }
});

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('fast-check: monotonic functions never decrease', () => {
  for (const a of ALL.filter((x) => x.properties.monotonic)) {
    test(`${a.id}: a ≤ b implies f(a) ≤ f(b) (to 4 ulps)`, () => {
      fc.assert(
        fc.property(finite, finite, (u, v) => {
          const [lo, hi] = u <= v ? [u, v] : [v, u];
          const fl = a.forward(lo);
          const fh = a.forward(hi);
          if (!(fl <= fh || ulpDistance(fl, fh) <= 4)) throw new Error(`${a.id}(${lo}) = ${fl} > ${a.id}(${hi}) = ${fh}`);
          return true;
        }),
        { numRuns: 1000 },
      );
    });
  }
});

describe('fast-check: outputs stay in the declared range for any finite input', () => {
  for (const a of ALL) {
    test(`${a.id}: f(x) ∈ ${a.properties.rangeLatex}`, () => {
      const { min, max, minClosed, maxClosed } = a.properties.range;
      fc.assert(
        fc.property(finite, (x) => {
          const y = a.forward(x);
          let ok = y >= min - tolerance(min) && y <= max + tolerance(max);
          if (Math.abs(x) <= 10) ok &&= (minClosed || y > min) && (maxClosed || y < max);
          if (!ok) throw new Error(`${a.id}(${show(x)}) = ${show(y)} outside ${a.properties.rangeLatex}`);
          return true;
        }),
        { numRuns: 1000 },
      );
    });
  }
});

describe('fast-check: the softmax family', () => {
  const moderate = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 });

  test('softmax and softmin sum to 1 (within n·2^-52) with every output in [0, 1]', () => {
    fc.assert(
      fc.property(moderate, (xs) =>
        [softmax(xs), softmin(xs)].every((s) => s.every((y) => y >= 0 && y <= 1) && Math.abs(s.reduce((t, y) => t + y, 0) - 1) <= xs.length * 2 ** -52),
      ),
      { numRuns: 500 },
    );
  });

  test('shift invariance: softmax(x + c) is within 4 ulps of softmax(x) when the shift is exact', () => {
    const exactGrid = fc.array(
      fc.integer({ min: -(2 ** 25), max: 2 ** 25 }).map((k) => k / 2 ** 15),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(exactGrid, fc.integer({ min: -500, max: 500 }), (xs, c) => {
        const a = softmax(xs);
        const b = softmax(xs.map((x) => x + c));
        return a.every((y, i) => ulpDistance(y, b[i]!) <= 4);
      }),
      { numRuns: 500 },
    );
  });

  test('logSoftmax = log(softmax) wherever softmax is a normal number', () => {
    fc.assert(
      fc.property(moderate, (xs) => {
        const s = softmax(xs);
        const l = logSoftmax(xs);
        return Array.from(s).every((y, i) => y < 2.2250738585072014e-308 || Math.abs(Math.log(y) - l[i]!) <= 4.5e-16 + 4 * Math.abs(l[i]!) * 2 ** -52);
      }),
      { numRuns: 500 },
    );
  });

  test('softmin(x) = softmax(−x)', () => {
    fc.assert(
      fc.property(moderate, (xs) => {
        const a = softmin(xs);
        const b = softmax(xs.map((x) => -x));
        return a.every((y, i) => Object.is(y, b[i]));
      }),
      { numRuns: 500 },
    );
  });
});
