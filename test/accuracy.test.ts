/**
 * Every activation (and softmax/logSoftmax/softmin) against the reference values in
 * test/fixtures/<file>.json and softmax.json, written by test/fixtures/generate.py (the one reference
 * generator, `npm run fixtures`) from mpmath (exact, rounded to float64) and PyTorch 1.13 float64
 * (forward and autograd derivative), for every parameter set each function file lists.
 *
 * First, that the fixtures are complete and fresh: one per registry id, generated from the
 * expressions and parameter sets the function file holds now (and functions.json is the registry's
 * table), with every special value and each kink's neighbours among the inputs.
 *
 * Tolerances:
 *  - finite x: |result − exact| ≤ ULPS ulps of the exact value (the fixtures carry the rounding
 *    residual, so the error is measured against the exact value, not its rounded double). Near a
 *    zero of the function away from x = 0 (the generator marks these with the scale |x·f′(x)|) an
 *    absolute allowance of NEAR_ZERO·2⁻⁵³·|x·f′(x)| is added: there the value is a difference of
 *    O(1) terms and even a correctly rounded input perturbation moves it by that much;
 *  - x = NaN, ±Infinity: PyTorch's value (on the whole tensor or on x alone) or the mathematical
 *    limit, exactly (sign of zero included);
 *  - x = ±0 and exact zeros: a zero result must carry PyTorch's sign or the natural sign (the sign of
 *    x·f′(0)); the sign of an underflowed nonzero exact value must be kept;
 *  - Float32Array: within 1 float32 ulp of the exact value rounded to float32, every parameter set;
 *  - softmax/softmin: relative error ≤ ULPS ulps + NEAR_ZERO·z ulps, logSoftmax: absolute error ≤ ULPS
 *    ulps + NEAR_ZERO·2⁻⁵³·z, with z the error the max-shifted algorithm incurs from rounding x − max
 *    (see the generator); non-finite inputs: PyTorch's output exactly.
 * The worst error per function is printed (test diagnostics) at the end.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activationById, activationIds } from '../src/registry.js';
import type { Activation, Params } from '../src/types.js';
import { softmax, logSoftmax, softmin } from '../src/vector/softmax.js';
import { referenceParamSets, referenceTable } from './fixtures/table.js';
import { dec, show, ulp, ulp32, ulpError, ulpStep, type Enc } from './helpers/numeric.js';
import { FIXTURES, VECTOR_IDS, fixtureFile, loadFixture, loadVectorFixture, torchValues, type Fixture } from './helpers/reference.js';

const ULPS = 4;
const NEAR_ZERO = 2;

interface Stat {
  worst: number;
  worstX: number;
  nearZeroWorst: number;
  cases: number;
  torchDiffers: string[];
}

const stats = new Map<string, Stat>();
function stat(key: string): Stat {
  let s = stats.get(key);
  if (!s) {
    s = { worst: 0, worstX: NaN, nearZeroWorst: 0, cases: 0, torchDiffers: [] };
    stats.set(key, s);
  }
  return s;
}

function label(id: string, params: Params): string {
  const entries = Object.entries(params);
  return entries.length ? `${id}(${entries.map(([k, v]) => `${k}=${typeof v === 'number' ? show(v) : v}`).join(', ')})` : id;
}

/**
 * Checks one value; returns a failure line or null. `kind` is 'forward' or 'derivative'. At
 * non-finite x, `exact` is PyTorch's whole-tensor value and `alone` its value for x alone.
 */
function check(
  s: Stat,
  kind: 'forward' | 'derivative',
  x: number,
  got: number,
  exact: Enc,
  r: number,
  torch: Enc | undefined,
  limit: Enc | undefined,
  zeroScale: number | undefined,
  alone: number,
): string | null {
  const e = dec(exact);
  const where = `${kind} x=${show(x)}: got ${show(got)}, expected ${show(e)}`;
  if (!Number.isFinite(x)) {
    // A zero limit may carry either sign.
    const lim = limit === undefined ? e : dec(limit);
    if (Object.is(got, e) || Object.is(got, alone)) return null;
    if (Object.is(got, lim) || (lim === 0 && got === 0)) {
      s.torchDiffers.push(`${kind}(${show(x)}) = ${show(got)} (limit; PyTorch ${show(e)})`);
      return null;
    }
    return `${where} (PyTorch)${!Object.is(alone, e) ? ` or ${show(alone)} (PyTorch on x alone)` : ''} or ${show(lim)} (limit)`;
  }
  s.cases++;
  if (torch !== undefined && !Object.is(dec(torch), got) && (x === 0 || !Number.isFinite(dec(torch)))) {
    s.torchDiffers.push(`${kind}(${show(x)}) = ${show(got)} (PyTorch ${show(dec(torch))})`);
  }
  if (e === 0 && got === 0 && kind === 'forward') {
    // Exact zeros (r = 0) may carry PyTorch's sign or the natural one; underflows keep their sign.
    const natural = Object.is(e, -0) ? -0 : 0;
    const ok = r === 0 ? Object.is(got, natural) || (torch !== undefined && Object.is(got, dec(torch))) || x !== 0 : Object.is(got, natural);
    return ok ? null : `${where} (sign of zero; PyTorch ${torch === undefined ? show(e) : show(dec(torch))})`;
  }
  const err = ulpError(got, e, r);
  let allowed = ULPS;
  if (zeroScale) allowed += (NEAR_ZERO * 2 ** -53 * zeroScale) / ulp(e);
  if (zeroScale) s.nearZeroWorst = Math.max(s.nearZeroWorst, err / allowed);
  else if (err > s.worst) {
    s.worst = err;
    s.worstX = x;
  }
  return err <= allowed ? null : `${where} (${err.toPrecision(3)} ulps, allowed ${allowed.toPrecision(3)})`;
}

const present = activationIds.filter((id) => existsSync(join(FIXTURES, fixtureFile(id))));
const fixtures: [Activation<Params>, Fixture][] = present.map((id) => [activationById(id)!, loadFixture(id)]);

/** Values every parameter set must include: the specials of IEEE doubles. */
const SPECIALS = [
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  -2.2250738585072014e-308,
  1.7976931348623157e308,
  -1.7976931348623157e308,
];

describe('the reference fixtures', () => {
  it('cover every activation in the registry', () => {
    assert.deepEqual(
      activationIds.filter((id) => !present.includes(id)),
      [],
      'activations without a fixture (npm run fixtures)',
    );
  });
  it('say what generated them', () => {
    for (const [, f] of fixtures) assert.match(f.generatedBy, /^Generated by test\/fixtures\/generate\.py .*do not edit/);
    assert.match(loadVectorFixture().generatedBy, /^Generated by test\/fixtures\/generate\.py .*do not edit/);
  });
  it('functions.json is the table of the registry as it is now (npm run fixtures rewrites it)', () => {
    const committed = JSON.parse(readFileSync(join(FIXTURES, 'functions.json'), 'utf8')) as unknown;
    assert.deepEqual(committed, JSON.parse(JSON.stringify(referenceTable())));
  });
  for (const [a, f] of fixtures) {
    it(`${a.id}: generated from the function file's reference expressions and parameter sets as they are now`, () => {
      assert.equal(f.id, a.id);
      const { torch, exact, exactDerivative } = a.reference;
      assert.deepEqual(f.reference, { torch, exact, exactDerivative }, 'the expressions changed: npm run fixtures');
      const sets = referenceParamSets(a);
      assert.deepEqual(
        f.paramSets.map((s) => s.params),
        sets,
        'the parameter sets changed: npm run fixtures',
      );
      assert.deepEqual(
        f.float32.map((s) => s.params),
        sets,
      );
    });
    it(`${a.id}: every parameter set includes the special values and each kink with its float64 neighbours`, () => {
      for (const set of f.paramSets) {
        const xs = new Set(set.cases.map((c) => show(dec(c[0]))));
        const kinks = [0, ...(a.reference.kinks?.(set.params) ?? [])].filter(Number.isFinite);
        const want = [...SPECIALS, ...kinks.flatMap((k) => [k, ulpStep(k, -1), ulpStep(k, 1)])];
        assert.deepEqual(
          want.map(show).filter((x) => !xs.has(x)),
          [],
          `${label(a.id, set.params)}: missing inputs`,
        );
        assert.ok(set.cases.length >= 1000, `${label(a.id, set.params)}: only ${set.cases.length} inputs`);
      }
    });
  }
});

for (const [activation, fixture] of fixtures) {
  describe(`${fixture.id} against mpmath and PyTorch`, () => {
    for (const set of fixture.paramSets) {
      const name = label(fixture.id, set.params);
      for (const kind of ['forward', 'derivative'] as const) {
        it(`${name} ${kind} is within ${ULPS} ulps of the exact value (PyTorch's value or the limit at non-finite x)`, () => {
          const s = stat(`${name} ${kind}`);
          const failures: string[] = [];
          for (const c of set.cases) {
            const [xe, f, rf, df, rdf, extra = {}] = c;
            const x = dec(xe);
            const { alone } = torchValues(c);
            const got = kind === 'forward' ? activation.forward(x, set.params) : activation.derivative(x, set.params);
            const failure =
              kind === 'forward'
                ? check(s, kind, x, got, f, rf, extra.tf, extra.lf, extra.zf, alone.f)
                : check(s, kind, x, got, df, rdf, extra.tdf, extra.ldf, extra.zdf, alone.df);
            if (failure) failures.push(failure);
          }
          assert.equal(failures.length, 0, `${failures.length} of ${set.cases.length} cases fail:\n${failures.slice(0, 12).join('\n')}`);
        });
      }
      it(`${name} map over a Float64Array equals forward element by element`, () => {
        const xs = Float64Array.from(set.cases, (c) => dec(c[0]));
        const ys = activation.map(xs, set.params);
        const bad: string[] = [];
        xs.forEach((x, i) => {
          const want = activation.forward(x, set.params);
          if (!Object.is(ys[i]!, want)) bad.push(`x=${show(x)}: map ${show(ys[i]!)}, forward ${show(want)}`);
        });
        assert.equal(bad.length, 0, bad.slice(0, 12).join('\n'));
      });
    }
    for (const set of fixture.float32) {
      const name = label(fixture.id, set.params);
      it(`${name} map over a Float32Array is within 1 float32 ulp of the exact value`, () => {
        const xs = Float32Array.from(set.cases, (c) => dec(c[0]));
        const ys = activation.map(xs, set.params);
        assert.ok(ys instanceof Float32Array);
        const bad: string[] = [];
        let worst = 0;
        set.cases.forEach(([, ye], i) => {
          const e = dec(ye);
          const got = ys[i]!;
          const err = Number.isFinite(e) ? Math.abs(got - e) / ulp32(e) : Object.is(got, e) ? 0 : Infinity;
          worst = Math.max(worst, err);
          if (!(err <= 1)) bad.push(`x=${show(xs[i]!)}: got ${show(got)}, expected ${show(e)} (${err} float32 ulps)`);
        });
        stat(`${name} float32`).worst = worst;
        assert.equal(bad.length, 0, `${bad.length} of ${set.cases.length} fail:\n${bad.slice(0, 12).join('\n')}`);
      });
    }
  });
}

describe('softmax, logSoftmax and softmin against mpmath and PyTorch', () => {
  const fns = { softmax, logSoftmax, softmin } as const;
  const { vectors } = loadVectorFixture();
  for (const name of VECTOR_IDS) {
    const fn = fns[name];
    it(`${name} is within ${ULPS} ulps plus the shift-rounding allowance of the exact value, and PyTorch's value for non-finite input`, () => {
      const s = stat(`${name} forward`);
      const failures: string[] = [];
      for (const v of vectors) {
        const got = fn(v.xs);
        const rows = v.rows[name];
        const at = `[${v.xs.slice(0, 4).map(show).join(', ')}${v.xs.length > 4 ? ', …' : ''}]`;
        if (!rows) {
          v.torch[name].output.forEach((t, i) => {
            if (!Object.is(got[i]!, t)) failures.push(`${at}[${i}]: got ${show(got[i]!)}, expected ${show(t)} (PyTorch)`);
          });
          continue;
        }
        rows.forEach(([e, r, z], i) => {
          const g = got[i]!;
          s.cases++;
          let err = ulpError(g, e, r);
          // softmax/softmin: relative; logSoftmax: absolute in units of 2^-53.
          const allowed = ULPS + (name === 'logSoftmax' ? (NEAR_ZERO * 2 ** -53 * z) / ulp(e) : NEAR_ZERO * z);
          if (e === 0 && g === 0) err = 0;
          s.worst = Math.max(s.worst, err);
          if (!(err <= allowed)) {
            failures.push(`${at}[${i}]: got ${show(g)}, expected ${show(e)} (${err.toPrecision(3)} ulps, allowed ${allowed.toPrecision(3)})`);
          }
        });
      }
      assert.equal(failures.length, 0, `${failures.length} fail:\n${failures.slice(0, 12).join('\n')}`);
    });
  }
});

after(() => {
  const lines = ['worst error per function and parameter set (ulps of the exact value; near-zero cases as a fraction of their allowance):'];
  for (const [key, s] of [...stats.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `  ${key}: ${s.worst.toPrecision(3)}${Number.isNaN(s.worstX) ? '' : ` at x=${show(s.worstX)}`}` +
        (s.nearZeroWorst ? `; near zeros ${s.nearZeroWorst.toPrecision(2)} of allowance` : '') +
        (s.cases ? ` (${s.cases} finite cases)` : ''),
    );
    if (s.torchDiffers.length)
      lines.push(`    differs from PyTorch: ${s.torchDiffers.slice(0, 6).join('; ')}${s.torchDiffers.length > 6 ? ` … (${s.torchDiffers.length})` : ''}`);
  }
  if (process.env.ACCURACY_REPORT !== '0') console.log(lines.join('\n'));
});
