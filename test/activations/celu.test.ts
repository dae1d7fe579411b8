import assert from 'node:assert/strict';
import { test } from 'node:test';
import { celu } from '../../src/activations/celu.js';
import { dec, show, ulp, ulp32, ulpError } from '../helpers/numeric.js';
import { loadFixture } from '../helpers/reference.js';

type Row = [x: number, forward: number, derivative: number];

function assertSame(got: number, want: number, what: string): void {
  assert.ok(Object.is(got, want), `${what}: got ${show(got)}, expected ${show(want)}`);
}

function checkRows(rows: Row[], alpha: number, ulps: number): void {
  for (const [x, f, df] of rows) {
    for (const [what, got, want] of [
      ['forward', celu.forward(x, { alpha }), f],
      ['derivative', celu.derivative(x, { alpha }), df],
    ] as const) {
      const err = want === 0 ? (Object.is(got, want) ? 0 : Infinity) : ulpError(got, want);
      assert.ok(err <= ulps, `${what}(${show(x)}) [alpha=${alpha}]: got ${show(got)}, expected ${show(want)} (${err} ulps)`);
    }
  }
}

test('celu propagates NaN through forward and derivative', () => {
  assertSame(celu.forward(NaN), NaN, 'forward(NaN)');
  // PyTorch's elu_backward: NaN in the vectorised loop, 1 in the scalar loop; NaN in, NaN out.
  assertSame(celu.derivative(NaN), NaN, 'derivative(NaN)');
});

test('celu gives ∞ and −α at ±Infinity, with slopes 1 and 0 (as PyTorch)', () => {
  assertSame(celu.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(celu.forward(-Infinity), -1, 'forward(−∞)');
  assertSame(celu.forward(-Infinity, { alpha: 3 }), -3, 'forward(−∞), α = 3');
  assertSame(celu.derivative(Infinity), 1, 'derivative(∞)');
  assertSame(celu.derivative(-Infinity), 0, 'derivative(−∞)');
  assertSame(celu.derivative(-Infinity, { alpha: 0.5 }), 0, 'derivative(−∞), α = 0.5');
});

test('celu keeps the sign of zero for every α and has slope exactly 1 there', () => {
  for (const alpha of [1, 0.5, 3, 49, 0.1, -1]) {
    assertSame(celu.forward(0, { alpha }), 0, `forward(0), α = ${alpha}`);
    assertSame(celu.forward(-0, { alpha }), -0, `forward(−0), α = ${alpha} (PyTorch: +0 for α > 0)`);
    // PyTorch computes (1/α)·α·e⁰ here: 0.9999999999999999 for α = 49 and 0.999999985098839 for α = 0.1.
    assertSame(celu.derivative(0, { alpha }), 1, `derivative(0), α = ${alpha}`);
    assertSame(celu.derivative(-0, { alpha }), 1, `derivative(−0), α = ${alpha}`);
  }
});

test('celu matches mpmath at α = 1 (where it equals ELU), including just below 0', () => {
  // PyTorch's α(e^(x/α) − 1) returns −9.99999993922529e−9 at −1e−8 and 0 at −1e−17.
  checkRows(
    [
      [-1e-17, -1e-17, 1],
      [-1e-8, -9.999999950000001e-9, 0.9999999900000001],
      [-1, -0.6321205588285577, 0.36787944117144233],
      [-5, -0.9932620530009145, 0.006737946999085467],
    ],
    1,
    1,
  );
});

test('celu keeps full precision for α = 3, where x/α rounds and e^(x/α) amplifies it', () => {
  // mpmath, 50 digits: α·expm1(x/α) and e^(x/α). Math.exp(fl(x/3)) alone is off by 20 ulps at
  // x = −100 and 196 ulps at x = −2000 (measured).
  checkRows(
    [
      [-1e-8, -9.999999983333333e-9, 0.9999999966666667],
      [-1, -0.8504060682786323, 0.7165313105737893],
      [-30, -2.9998638002107127, 4.5399929762484854e-5],
      [-100, -2.99999999999999, 3.3382377953650063e-15],
      [-2000, -3, 2.9535572802661007e-290],
      [-2250, -3, 0],
    ],
    3,
    1,
  );
});

test('celu matches mpmath for α = 0.5 and a negative α = −1', () => {
  checkRows(
    [
      [-1e-8, -9.9999999e-9, 0.9999999800000002],
      [-1, -0.43233235838169365, 0.1353352832366127],
      [-5, -0.49997730003511875, 4.5399929762484854e-5],
    ],
    0.5,
    1,
  );
  checkRows(
    [
      [-1e-8, -1.0000000050000001e-8, 1.00000001],
      [-1, -1.7182818284590453, 2.718281828459045],
      [-5, -147.4131591025766, 148.4131591025766],
    ],
    -1,
    1,
  );
});

test('celu rejects α = 0 (PyTorch raises ZeroDivisionError) and non-finite α with a RangeError naming alpha', () => {
  for (const alpha of [0, -0, NaN, Infinity, -Infinity]) {
    assert.throws(
      () => celu.forward(-1, { alpha }),
      (e: unknown) => e instanceof RangeError && /alpha/.test(e.message),
      `alpha ${alpha}`,
    );
  }
  assert.throws(() => celu.derivative(-1, { alpha: 0 }), RangeError);
  assert.throws(() => celu.map(new Float64Array(1), { alpha: 0 }), RangeError);
  assert.throws(() => celu.forward(-1, { alpha: null as unknown as number }), TypeError);
});

test('celu’s worked examples are within 1 ulp of the code', () => {
  for (const ex of celu.examples) {
    const p = ex.params as { alpha: number } | undefined;
    assert.ok(ulpError(celu.forward(ex.x, p), ex.forward) <= 1, `example forward(${ex.x})`);
    if (ex.derivative !== undefined) assert.ok(ulpError(celu.derivative(ex.x, p), ex.derivative) <= 1, `example derivative(${ex.x})`);
  }
});

test('celu.map returns the array type it is given, fills out, works in place and equals forward', () => {
  const xs = [-2000, -30, -5, -1e-8, -5e-324, -0, 0, 0.5, 1e308, NaN, -Infinity, Infinity];
  for (const alpha of [1, 3, 0.5, -1]) {
    const f64 = Float64Array.from(xs);
    const y64 = celu.map(f64, { alpha });
    assert.ok(y64 instanceof Float64Array && y64 !== f64);
    y64.forEach((y, i) => assertSame(y, celu.forward(xs[i]!, { alpha }), `map[${i}], α = ${alpha}`));
    const f32 = Float32Array.from(xs);
    const y32 = celu.map(f32, { alpha });
    assert.ok(y32 instanceof Float32Array);
    y32.forEach((y, i) => assertSame(y, Math.fround(celu.forward(f32[i]!, { alpha })), `map f32[${i}]`));
    const out = new Float64Array(xs.length);
    assert.equal(celu.map(f64, { alpha }, out), out);
    const inPlace = Float64Array.from(xs);
    celu.map(inPlace, { alpha }, inPlace);
    inPlace.forEach((y, i) => assertSame(y, y64[i]!, `in place [${i}]`));
  }
});

const fixture = loadFixture('celu.json');

for (const set of fixture.paramSets) {
  const alpha = set.params.alpha as number;
  test(`celu(alpha=${alpha}) is within 2 ulps of mpmath over the ${set.cases.length} fixture inputs`, () => {
    // Measured (test/accuracy.test.ts): ≤ 1.19 ulps forward, ≤ 1.38 ulps derivative, every α.
    const bad: string[] = [];
    for (const [xe, f, rf, df, rdf, extra = {}] of set.cases) {
      const x = dec(xe);
      if (!Number.isFinite(x)) continue; // tested by name above
      for (const [what, got, e, r, z] of [
        ['forward', celu.forward(x, { alpha }), dec(f), rf, extra.zf],
        ['derivative', celu.derivative(x, { alpha }), dec(df), rdf, extra.zdf],
      ] as const) {
        const allowed = 2 + (z ? (2 * 2 ** -53 * z) / ulp(e) : 0);
        const err = e === 0 && got === 0 ? 0 : ulpError(got, e, r);
        if (!(err <= allowed)) bad.push(`${what}(${show(x)}): got ${show(got)}, expected ${show(e)} (${err} ulps)`);
      }
    }
    assert.deepEqual(bad, []);
  });
}

test('celu over a Float32Array is within 1 float32 ulp of the exact value rounded to float32', () => {
  for (const set of fixture.float32) {
    const xs = Float32Array.from(set.cases, (c) => dec(c[0]));
    const ys = celu.map(xs, set.params as { alpha: number });
    set.cases.forEach(([, ye], i) => {
      const e = dec(ye);
      assert.ok(Number.isFinite(e) ? Math.abs(ys[i]! - e) / ulp32(e) <= 1 : Object.is(ys[i], e), `x=${xs[i]}: got ${ys[i]}, expected ${e}`);
    });
  }
});
