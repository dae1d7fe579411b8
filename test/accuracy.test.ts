/**
 * Every activation (and softmax/logSoftmax/softmin) against the reference values in
 * test/fixtures/*.json, written by test/fixtures/generate.py from mpmath (exact, rounded to
 * float64) and PyTorch 1.13 float64 (forward and autograd derivative).
 *
 * Tolerances:
 *  - finite x: |result − exact| ≤ ULPS ulps of the exact value (the fixtures carry the rounding
 *    residual, so the error is measured against the exact value, not its rounded double). Near a
 *    zero of the function away from x = 0 (the generator marks these with the scale |x·f′(x)|) an
 *    absolute allowance of NEAR_ZERO·2⁻⁵³·|x·f′(x)| is added: there the value is a difference of
 *    O(1) terms and even a correctly rounded input perturbation moves it by that much;
 *  - x = NaN, ±Infinity: PyTorch's value or the mathematical limit, exactly (sign of zero included);
 *  - x = ±0 and exact zeros: a zero result must carry PyTorch's sign or the natural sign (the sign of
 *    x·f′(0)); the sign of an underflowed nonzero exact value must be kept;
 *  - Float32Array: within 1 float32 ulp of the exact value rounded to float32;
 *  - softmax/softmin: relative error ≤ ULPS ulps + NEAR_ZERO·z ulps, logSoftmax: absolute error ≤ ULPS
 *    ulps + NEAR_ZERO·2⁻⁵³·z, with z the error the max-shifted algorithm incurs from rounding x − max
 *    (see the generator); non-finite inputs: PyTorch's output exactly.
 * The worst error per function is printed (test diagnostics) at the end.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { activations, activationIds } from '../src/registry.js';
import { softmax, logSoftmax, softmin } from '../src/vector/softmax.js';
import { FIXTURES, dec, loadFixture, show, ulp, ulp32, ulpError, type Enc, type Fixture } from './fixtures/reference.js';

const ULPS = 4;
const NEAR_ZERO = 2;
const FIXTURE_FILES = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'softmax.json');

function same(a: number, b: number): boolean {
  return Object.is(a, b);
}

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

function label(id: string, params: Record<string, number | string>): string {
  const entries = Object.entries(params);
  return entries.length ? `${id}(${entries.map(([k, v]) => `${k}=${v}`).join(', ')})` : id;
}

/**
 * Checks one value; returns a failure line or null. `kind` is 'forward' or 'derivative'.
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
  scalarTorch: Enc | undefined,
): string | null {
  const e = dec(exact);
  const where = `${kind} x=${show(x)}: got ${show(got)}, expected ${show(e)}`;
  if (!Number.isFinite(x)) {
    // e holds PyTorch's value here (its vectorised loop); its scalar loop and the limit are the
    // alternatives. A zero limit may carry either sign.
    const lim = limit === undefined ? e : dec(limit);
    const scalar = scalarTorch === undefined ? e : dec(scalarTorch);
    if (same(got, e) || same(got, scalar)) return null;
    if (same(got, lim) || (lim === 0 && got === 0)) {
      s.torchDiffers.push(`${kind}(${show(x)}) = ${show(got)} (limit; PyTorch ${show(e)})`);
      return null;
    }
    return `${where} (PyTorch)${!same(scalar, e) ? ` or ${show(scalar)} (PyTorch scalar loop)` : ''} or ${show(lim)} (limit)`;
  }
  s.cases++;
  if (torch !== undefined && !same(dec(torch), got) && (x === 0 || !Number.isFinite(dec(torch)))) {
    s.torchDiffers.push(`${kind}(${show(x)}) = ${show(got)} (PyTorch ${show(dec(torch))})`);
  }
  if (e === 0 && got === 0 && kind === 'forward') {
    // Exact zeros (r = 0) may carry PyTorch's sign or the natural one; underflows keep their sign.
    const natural = Object.is(e, -0) ? -0 : 0;
    const ok =
      r === 0 ? same(got, natural) || (torch !== undefined && same(got, dec(torch))) || x !== 0 : same(got, natural);
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

function loadFixtures(): Fixture[] {
  return FIXTURE_FILES.map(loadFixture);
}

const fixtures = loadFixtures();

describe('the reference fixtures', () => {
  it('cover every activation in the registry', () => {
    const covered = new Set(fixtures.map((f) => f.id));
    assert.deepEqual(
      activationIds.filter((id) => !covered.has(id)),
      [],
      'activations without a fixture',
    );
  });
  it('say what generated them', () => {
    for (const f of fixtures) assert.match(f.generatedBy, /generate\.py/);
  });
});

for (const fixture of fixtures) {
  const activation = activations[fixture.id];
  describe(`${fixture.id} against mpmath and PyTorch`, () => {
    for (const set of fixture.paramSets) {
      const name = label(fixture.id, set.params);
      for (const kind of ['forward', 'derivative'] as const) {
        it(`${name} ${kind} is within ${ULPS} ulps of the exact value (PyTorch's value or the limit at non-finite x)`, () => {
          assert.ok(activation, `${fixture.id} is not in the registry`);
          const s = stat(`${name} ${kind}`);
          const failures: string[] = [];
          for (const [xe, f, rf, df, rdf, extra = {}] of set.cases) {
            const x = dec(xe);
            const got = kind === 'forward' ? activation.forward(x, set.params) : activation.derivative(x, set.params);
            const failure =
              kind === 'forward'
                ? check(s, kind, x, got, f, rf, extra.tf, extra.lf, extra.zf, extra.sf)
                : check(s, kind, x, got, df, rdf, extra.tdf, extra.ldf, extra.zdf, extra.sdf);
            if (failure) failures.push(failure);
          }
          assert.equal(failures.length, 0, `${failures.length} of ${set.cases.length} cases fail:\n${failures.slice(0, 12).join('\n')}`);
        });
      }
      it(`${name} map over a Float64Array equals forward element by element`, () => {
        assert.ok(activation);
        const xs = Float64Array.from(set.cases, (c) => dec(c[0]));
        const ys = activation.map(xs, set.params);
        const bad: string[] = [];
        xs.forEach((x, i) => {
          const want = activation.forward(x, set.params);
          if (!same(ys[i]!, want)) bad.push(`x=${show(x)}: map ${show(ys[i]!)}, forward ${show(want)}`);
        });
        assert.equal(bad.length, 0, bad.slice(0, 12).join('\n'));
      });
    }
    for (const set of fixture.float32) {
      const name = label(fixture.id, set.params);
      it(`${name} map over a Float32Array is within 1 float32 ulp of the exact value`, () => {
        assert.ok(activation);
        const xs = Float32Array.from(set.cases, (c) => dec(c[0]));
        const ys = activation.map(xs, set.params);
        assert.ok(ys instanceof Float32Array);
        const bad: string[] = [];
        let worst = 0;
        set.cases.forEach(([, ye], i) => {
          const e = dec(ye);
          const got = ys[i]!;
          const err = Number.isFinite(e) ? Math.abs(got - e) / ulp32(e) : same(got, e) ? 0 : Infinity;
          worst = Math.max(worst, err);
          if (!(err <= 1)) bad.push(`x=${show(xs[i]!)}: got ${show(got)}, expected ${show(e)} (${err} float32 ulps)`);
        });
        stat(`${name} float32`).worst = worst;
        assert.equal(bad.length, 0, `${bad.length} of ${set.cases.length} fail:\n${bad.slice(0, 12).join('\n')}`);
      });
    }
  });
}

interface VectorFixture {
  generatedBy: string;
  vectors: ({ x: Enc[] } & Record<string, unknown>)[];
}

const vectorFixture = JSON.parse(readFileSync(join(FIXTURES, 'softmax.json'), 'utf8')) as VectorFixture;

describe('softmax, logSoftmax and softmin against mpmath and PyTorch', () => {
  const fns = { softmax, logSoftmax, softmin } as const;
  for (const [name, fn] of Object.entries(fns)) {
    it(`${name} is within ${ULPS} ulps plus the shift-rounding allowance of the exact value, and PyTorch's value for non-finite input`, () => {
      const s = stat(`${name} forward`);
      const failures: string[] = [];
      for (const v of vectorFixture.vectors) {
        const xs = v.x.map(dec);
        const got = fn(xs);
        const rows = v[name] as [Enc, number, number][] | undefined;
        const torch = (v[`${name}Torch`] as Enc[]).map(dec);
        const at = `[${xs.slice(0, 4).map(show).join(', ')}${xs.length > 4 ? ', …' : ''}]`;
        if (!rows) {
          torch.forEach((t, i) => {
            if (!same(got[i]!, t)) failures.push(`${at}[${i}]: got ${show(got[i]!)}, expected ${show(t)} (PyTorch)`);
          });
          continue;
        }
        rows.forEach(([ee, r, z], i) => {
          const e = dec(ee);
          const g = got[i]!;
          s.cases++;
          let err: number;
          let allowed: number;
          if (name === 'logSoftmax') {
            err = ulpError(g, e, r);
            allowed = ULPS + (NEAR_ZERO * 2 ** -53 * z) / ulp(e);
          } else {
            err = ulpError(g, e, r);
            allowed = ULPS + NEAR_ZERO * z;
          }
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
    if (s.torchDiffers.length) lines.push(`    differs from PyTorch: ${s.torchDiffers.slice(0, 6).join('; ')}${s.torchDiffers.length > 6 ? ` … (${s.torchDiffers.length})` : ''}`);
  }
  if (process.env.ACCURACY_REPORT !== '0') console.log(lines.join('\n'));
});
