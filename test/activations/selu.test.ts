import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selu } from '../../src/activations/selu.js';
import { SELU_ALPHA, SELU_SCALE, SELU_SCALE_ALPHA } from '../../src/math/constants.js';
import { dec, show, ulp, ulp32, ulpError } from '../helpers/numeric.js';
import { loadFixture } from '../helpers/reference.js';

type Row = [x: number, forward: number, derivative: number];

function assertSame(got: number, want: number, what: string): void {
  assert.ok(Object.is(got, want), `${what}: got ${show(got)}, expected ${show(want)}`);
}

function checkRows(rows: Row[], ulps: number): void {
  for (const [x, f, df] of rows) {
    for (const [what, got, want] of [
      ['forward', selu.forward(x), f],
      ['derivative', selu.derivative(x), df],
    ] as const) {
      const err = want === 0 ? (Object.is(got, want) ? 0 : Infinity) : ulpError(got, want);
      assert.ok(err <= ulps, `${what}(${show(x)}): got ${show(got)}, expected ${show(want)} (${err} ulps)`);
    }
  }
}

// mpmath, 50 digits, with PyTorch's decimal λ and α: λx, λα·expm1(x), and λ, λα·e^x.
const ROWS: Row[] = [
  [1, 1.0507009873554805, 1.0507009873554805],
  [1e-300, 1.0507009873554804e-300, 1.0507009873554805],
  [-1, -1.1113307378125628, 0.6467686030348141],
  [-5, -1.7462533606696202, 0.01184598017775672],
  [-40, -1.7580993408473768, 7.469028815914292e-18],
  [-800, -1.7580993408473768, 0],
  [-1e308, -1.7580993408473768, 0],
];

// Just below 0, where PyTorch's λα(e^x − 1) loses digits: −1.758099330162579e−8 at −1e−8, and 0 at
// −1e−17 and below.
const NEAR_ZERO: Row[] = [
  [-5e-324, -1e-323, 1.7580993408473768],
  [-1e-300, -1.758099340847377e-300, 1.7580993408473768],
  [-1e-17, -1.758099340847377e-17, 1.7580993408473768],
  [-1e-8, -1.7580993320568802e-8, 1.7580993232663835],
  [-0.001, -0.0017572205841202705, 1.7563421202632565],
];

test('selu uses PyTorch’s constants: λ, α as written and λα as their double product', () => {
  assertSame(SELU_SCALE, 1.0507009873554804934193349852946, 'λ');
  assertSame(SELU_ALPHA, 1.6732632423543772848170429916717, 'α');
  // PyTorch multiplies the two doubles; the correctly rounded product of the decimals is 1.7580993408473768.
  assertSame(SELU_SCALE_ALPHA, 1.7580993408473766, 'λα');
});

test('selu propagates NaN through forward and derivative', () => {
  assertSame(selu.forward(NaN), NaN, 'forward(NaN)');
  // PyTorch's elu_backward: NaN in the vectorised loop, λ in the scalar loop; NaN in, NaN out.
  assertSame(selu.derivative(NaN), NaN, 'derivative(NaN)');
});

test('selu gives PyTorch’s values at ±Infinity: ∞ and −λα, slopes λ and 0', () => {
  assertSame(selu.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(selu.forward(-Infinity), -1.7580993408473766, 'forward(−∞)');
  assertSame(selu.derivative(Infinity), 1.0507009873554805, 'derivative(∞)');
  assertSame(selu.derivative(-Infinity), 0, 'derivative(−∞)');
});

test('selu keeps the sign of zero, and autograd’s λα at the kink', () => {
  assertSame(selu.forward(0), 0, 'forward(0)');
  assertSame(selu.forward(-0), -0, 'forward(−0) (PyTorch: +0)');
  assertSame(selu.derivative(0), 1.7580993408473766, 'derivative(0)');
  assertSame(selu.derivative(-0), 1.7580993408473766, 'derivative(−0)');
  assertSame(selu.derivative(Number.MIN_VALUE), 1.0507009873554805, 'derivative(5e−324)');
  assertSame(selu.properties.df0, selu.derivative(0), 'properties.df0');
});

test('selu matches mpmath within 2 ulps at large, tiny and huge inputs', () => {
  checkRows(ROWS, 2);
  // λ·1e308 overflows nowhere: 1.0507009873554806e308 is finite.
  assert.ok(ulpError(selu.forward(1e308), 1.0507009873554806e308) <= 1);
  assertSame(selu.forward(Number.MAX_VALUE), Infinity, 'forward(MAX_VALUE): λ·MAX overflows');
});

test('selu keeps full precision just below 0, where PyTorch’s e^x − 1 loses digits', () => {
  checkRows(NEAR_ZERO, 2);
});

test('selu takes no parameters', () => {
  assert.throws(
    () => selu.forward(1, { alpha: 2 } as never),
    (e: unknown) => e instanceof TypeError && /alpha/.test(e.message),
  );
  assert.deepEqual(selu.params, []);
});

test('selu’s worked examples are within 2 ulps of the code', () => {
  for (const ex of selu.examples) {
    assert.ok(ulpError(selu.forward(ex.x), ex.forward) <= 2, `example forward(${ex.x})`);
    if (ex.derivative !== undefined) assert.ok(ulpError(selu.derivative(ex.x), ex.derivative) <= 2, `example derivative(${ex.x})`);
  }
});

test('selu.map returns the array type it is given, fills out, works in place and equals forward', () => {
  const xs = [-800, -5, -1e-8, -5e-324, -0, 0, 0.5, 1e308, NaN, -Infinity, Infinity];
  const f64 = Float64Array.from(xs);
  const y64 = selu.map(f64);
  assert.ok(y64 instanceof Float64Array && y64 !== f64);
  y64.forEach((y, i) => assertSame(y, selu.forward(xs[i]!), `map[${i}]`));
  const f32 = Float32Array.from(xs);
  const y32 = selu.map(f32);
  assert.ok(y32 instanceof Float32Array);
  y32.forEach((y, i) => assertSame(y, Math.fround(selu.forward(f32[i]!)), `map f32[${i}]`));
  const out = new Float64Array(xs.length);
  assert.equal(selu.map(f64, {}, out), out);
  const inPlace = Float64Array.from(xs);
  selu.map(inPlace, {}, inPlace);
  inPlace.forEach((y, i) => assertSame(y, y64[i]!, `in place [${i}]`));
});

const fixture = loadFixture('selu.json');

test(`selu is within 3 ulps of mpmath over the ${fixture.paramSets[0]!.cases.length} fixture inputs`, () => {
  // Measured (test/accuracy.test.ts): ≤ 2.34 ulps forward, ≤ 2.32 derivative. The λα product is PyTorch's
  // (one ulp below the exact 1.7580993408473768), which accounts for about 1 ulp of that.
  const bad: string[] = [];
  for (const [xe, f, rf, df, rdf, extra = {}] of fixture.paramSets[0]!.cases) {
    const x = dec(xe);
    if (!Number.isFinite(x)) continue; // tested by name above
    for (const [what, got, e, r, z] of [
      ['forward', selu.forward(x), dec(f), rf, extra.zf],
      ['derivative', selu.derivative(x), dec(df), rdf, extra.zdf],
    ] as const) {
      const allowed = 3 + (z ? (2 * 2 ** -53 * z) / ulp(e) : 0);
      const err = e === 0 && got === 0 ? 0 : ulpError(got, e, r);
      if (!(err <= allowed)) bad.push(`${what}(${show(x)}): got ${show(got)}, expected ${show(e)} (${err} ulps)`);
    }
  }
  assert.deepEqual(bad, []);
});

test('selu over a Float32Array is within 1 float32 ulp of the exact value rounded to float32', () => {
  for (const set of fixture.float32) {
    const xs = Float32Array.from(set.cases, (c) => dec(c[0]));
    const ys = selu.map(xs);
    set.cases.forEach(([, ye], i) => {
      const e = dec(ye);
      assert.ok(Number.isFinite(e) ? Math.abs(ys[i]! - e) / ulp32(e) <= 1 : Object.is(ys[i], e), `x=${xs[i]}: got ${ys[i]}, expected ${e}`);
    });
  }
});
