/**
 * Checks shared by the per-activation tests (test/activations/*.test.ts), on the fixtures of
 * test/fixtures/generate.py: accuracy against the exact values with a condition-number allowance
 * (`checkAccuracy`), exactness and bit-for-bit agreement with PyTorch's per-element kernel
 * (`checkFixture`), the typed-array contract of map/mapDerivative (`checkMap`), and the documented
 * examples and named special values.
 */
import assert from 'node:assert/strict';
import type { Activation, Params } from '../../src/types.js';
import { assertClose, assertSame, dec, show, ulpDistance, ulpError } from './numeric.js';
import { loadFixture, torchValues } from './reference.js';

// ---------------------------------------------------------------------------------------------
// Accuracy with a condition-number allowance

/** One finite input of a fixture with its exact values and condition numbers. */
export interface Row {
  readonly x: number;
  /** The exact value rounded to double, and the rounding residual in ulps of it. */
  readonly f: number;
  readonly fRes: number;
  /** |x·f′/f|: ulps of error per ulp of x (0 where the fixture omits it: 1 or less). */
  readonly fCond: number;
  readonly df: number;
  readonly dfRes: number;
  /** |x·f″/f′|. */
  readonly dfCond: number;
}

export interface Case {
  readonly params: Params;
  readonly rows: readonly Row[];
}

/**
 * Every parameter set of an activation's fixture, with the rows where x, the value and the derivative
 * are finite and both condition numbers are finite (at a zero of f or f′ away from 0, or at a kink, no
 * relative tolerance makes sense: those inputs are checked by test/accuracy.test.ts and by name).
 */
export function loadCases(id: string): Case[] {
  const fx = loadFixture(id);
  assert.equal(fx.id, id);
  return fx.paramSets.map((set) => ({
    params: set.params,
    rows: set.cases.flatMap(([xe, fe, fRes, dfe, dfRes, extra = {}]): Row[] => {
      const [x, f, df] = [dec(xe), dec(fe), dec(dfe)];
      const fCond = extra.fc === undefined ? 0 : dec(extra.fc);
      const dfCond = extra.dfc === undefined ? 0 : dec(extra.dfc);
      if (![x, f, df, fCond, dfCond].every(Number.isFinite)) return [];
      return [{ x, f, fRes, fCond, df, dfRes, dfCond }];
    }),
  }));
}

/**
 * Tolerance in ulps: `ulps` everywhere, plus `perCondition` ulps per unit of the relative condition
 * number. The second term only matters where the value is ill-conditioned (the derivative of SiLU,
 * Swish and Mish near its zero), where rounding x alone moves the exact value by many ulps.
 */
export interface Tolerance {
  readonly ulps: number;
  readonly perCondition: number;
}

export interface AccuracyReport {
  readonly points: number;
  readonly worstForward: number;
  readonly worstDerivative: number;
}

/**
 * Compares forward and derivative with every row of every case; fails listing up to 5 offending
 * points (x, params, got, expected, error). Returns the worst errors seen, for the test's own use.
 */
export function checkAccuracy(a: Activation<Params>, cases: readonly Case[], tol: Tolerance): AccuracyReport {
  const failures: string[] = [];
  let points = 0;
  let worstForward = 0;
  let worstDerivative = 0;
  for (const { params, rows } of cases) {
    for (const r of rows) {
      points++;
      const got = a.forward(r.x, params);
      const ef = ulpError(got, r.f, r.fRes);
      worstForward = Math.max(worstForward, ef);
      if (!(ef <= tol.ulps + tol.perCondition * r.fCond)) {
        failures.push(
          `forward x=${show(r.x)} ${JSON.stringify(params)}: got ${show(got)}, expected ${show(r.f)} (${ef.toFixed(2)} ulps, condition ${r.fCond})`,
        );
      }
      const gotD = a.derivative(r.x, params);
      const ed = ulpError(gotD, r.df, r.dfRes);
      worstDerivative = Math.max(worstDerivative, ed);
      if (!(ed <= tol.ulps + tol.perCondition * r.dfCond)) {
        failures.push(
          `derivative x=${show(r.x)} ${JSON.stringify(params)}: got ${show(gotD)}, expected ${show(r.df)} (${ed.toFixed(2)} ulps, condition ${r.dfCond})`,
        );
      }
    }
  }
  assert.ok(points > 0, 'the fixture has no rows');
  assert.equal(failures.length, 0, `${failures.length} points out of tolerance, e.g.\n${failures.slice(0, 5).join('\n')}`);
  return { points, worstForward, worstDerivative };
}

// ---------------------------------------------------------------------------------------------
// Exactness and PyTorch's per-element kernel

export interface FixtureRow {
  readonly x: number;
  /** Exact value rounded to double (undefined where x is not finite). */
  readonly f?: number;
  readonly df?: number;
  /** PyTorch 1.13 float64 with x alone in its tensor (the per-element, scalar kernel). */
  readonly torchF: number;
  readonly torchDf: number;
}

export interface FixtureCase {
  readonly params: Params;
  readonly rows: readonly FixtureRow[];
}

/** Every parameter set of an activation's fixture as rows of exact and per-element PyTorch values. */
export function loadPiecewise(id: string): FixtureCase[] {
  const fx = loadFixture(id);
  assert.equal(fx.id, id);
  return fx.paramSets.map((set) => ({
    params: set.params,
    rows: set.cases.map((c): FixtureRow => {
      const x = dec(c[0]);
      const { alone } = torchValues(c);
      return { x, ...(Number.isFinite(x) ? { f: dec(c[1]), df: dec(c[3]) } : {}), torchF: alone.f, torchDf: alone.df };
    }),
  }));
}

/**
 * Runs the fixture comparison for one activation. `fTol`/`dfTol`: ulps allowed against the exact
 * value (rounded). `forwardDeviates`/`derivativeDeviates`: rows where we knowingly differ from
 * PyTorch (each documented in the activation's file); elsewhere the result must be PyTorch's
 * per-element result, bit for bit (sign of zero included) unless `torch…Ulps` allows a few ulps.
 */
export function checkFixture(
  a: Activation<Params>,
  opts: {
    fTol: number;
    dfTol: number;
    torchForwardUlps?: number;
    torchDerivativeUlps?: number;
    forwardDeviates?: (x: number, p: Params) => boolean;
    derivativeDeviates?: (x: number, p: Params) => boolean;
  },
): { rows: number; worstF: number; worstDf: number } {
  let rows = 0;
  let worstF = 0;
  let worstDf = 0;
  for (const c of loadPiecewise(a.id)) {
    const p = c.params;
    const ps = JSON.stringify(p);
    for (const r of c.rows) {
      rows++;
      const f = a.forward(r.x, p);
      const df = a.derivative(r.x, p);
      if (r.f !== undefined) {
        const u = ulpDistance(f, r.f);
        worstF = Math.max(worstF, u);
        assert.ok(u <= opts.fTol, `${a.id}${ps} forward at x = ${show(r.x)}: got ${show(f)}, exact ${show(r.f)} (${u} ulps)`);
        const ud = ulpDistance(df, r.df!);
        worstDf = Math.max(worstDf, ud);
        assert.ok(ud <= opts.dfTol, `${a.id}${ps} derivative at x = ${show(r.x)}: got ${show(df)}, exact ${show(r.df!)} (${ud} ulps)`);
      }
      if (!opts.forwardDeviates?.(r.x, p)) {
        const tol = opts.torchForwardUlps ?? 0;
        const ok = tol === 0 ? Object.is(f, r.torchF) : ulpDistance(f, r.torchF) <= tol;
        assert.ok(ok, `${a.id}${ps} forward at x = ${show(r.x)}: got ${show(f)}, PyTorch ${show(r.torchF)}`);
      }
      if (!opts.derivativeDeviates?.(r.x, p)) {
        const tol = opts.torchDerivativeUlps ?? 0;
        const ok = tol === 0 ? Object.is(df, r.torchDf) : ulpDistance(df, r.torchDf) <= tol;
        assert.ok(ok, `${a.id}${ps} derivative at x = ${show(r.x)}: got ${show(df)}, PyTorch ${show(r.torchDf)}`);
      }
    }
  }
  return { rows, worstF, worstDf };
}

// ---------------------------------------------------------------------------------------------
// map / mapDerivative, examples, named values

/** Inputs for the map checks: ordinary values, kinks, zeros of both signs, extremes, NaN, infinities. */
export const MAP_INPUTS: readonly number[] = [
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  1e-310,
  -1e-310,
  1e308,
  -1e308,
  -800,
  -720,
  -40,
  -7,
  -3.5,
  -3,
  -1.5,
  -1,
  -0.5,
  -0.25,
  0.25,
  0.5,
  1,
  1.5,
  3,
  3.5,
  6,
  7.5,
  40,
  800,
];

/**
 * map and mapDerivative on Float64Array and Float32Array: the same array type out, a new array,
 * element for element equal to forward/derivative (rounded to float32 for a Float32Array), the out
 * argument filled and returned, in place allowed; a mismatched out array or a plain array rejected.
 */
export function checkMap(a: Activation<Params>, params?: Params, inputs: readonly number[] = MAP_INPUTS): void {
  for (const [name, fn, map] of [
    ['map', a.forward, a.map],
    ['mapDerivative', a.derivative, a.mapDerivative],
  ] as const) {
    for (const Type of [Float64Array, Float32Array]) {
      const round = Type === Float32Array ? Math.fround : (v: number) => v;
      const xs = Type.from(inputs);
      const what = `${a.id}.${name}(${Type.name})`;
      const y = map(xs, params);
      assert.equal(y.constructor, Type, `${what} returned a ${y.constructor.name}`);
      assert.notEqual(y, xs, `${what} returns a new array`);
      assert.equal(y.length, xs.length);
      xs.forEach((x, i) => assertSame(y[i]!, round(fn(x, params)), `${what} at x = ${show(x)}`));

      const out = new Type(xs.length);
      assert.equal(map(xs, params, out), out, `${what} returns the out array it was given`);
      xs.forEach((x, i) => assertSame(out[i]!, y[i]!, `${what} into out at x = ${show(x)}`));

      const inPlace = Type.from(inputs);
      assert.equal(map(inPlace, params, inPlace), inPlace);
      xs.forEach((x, i) => assertSame(inPlace[i]!, y[i]!, `${what} in place at x = ${show(x)}`));
    }
    const xs = Float64Array.from(inputs);
    assert.throws(() => map(xs, params, new Float32Array(xs.length) as unknown as Float64Array), TypeError);
    assert.throws(() => map(xs, params, new Float64Array(xs.length - 1)), RangeError);
    assert.throws(() => map([1, 2] as unknown as Float64Array, params), TypeError);
  }
}

/** The examples shown in the docs agree with the code to `ulps`. */
export function checkExamples(a: Activation<Params>, ulps: number): void {
  assert.ok(a.examples.length > 0, 'has examples');
  for (const e of a.examples) {
    assertClose(a.forward(e.x, e.params), e.forward, ulps, `example forward x=${e.x} ${JSON.stringify(e.params ?? {})}`);
    if (e.derivative !== undefined) {
      assertClose(a.derivative(e.x, e.params), e.derivative, ulps, `example derivative x=${e.x} ${JSON.stringify(e.params ?? {})}`);
    }
  }
}

/** [x, f(x), f'(x)] expected values, from mpmath or PyTorch as each table says. */
export type Special = readonly [x: number, forward: number, derivative: number];

export function checkSpecials(a: Activation<Params>, table: readonly Special[], ulps: number, params?: Params): void {
  for (const [x, f, d] of table) {
    assertClose(a.forward(x, params), f, ulps, `forward(${show(x)})`);
    assertClose(a.derivative(x, params), d, ulps, `derivative(${show(x)})`);
  }
}
