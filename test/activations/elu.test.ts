import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elu } from '../../src/activations/elu.js';
import { dec, show, ulp, ulp32, ulpError } from '../helpers/numeric.js';
import { loadFixture } from '../helpers/reference.js';

type Row = [x: number, forward: number, derivative: number];

function assertSame(got: number, want: number, what: string): void {
  assert.ok(Object.is(got, want), `${what}: got ${show(got)}, expected ${show(want)}`);
}

function checkRows(rows: Row[], alpha: number, ulps: number): void {
  for (const [x, f, df] of rows) {
    for (const [what, got, want] of [
      ['forward', elu.forward(x, { alpha }), f],
      ['derivative', elu.derivative(x, { alpha }), df],
    ] as const) {
      const err = want === 0 ? (Object.is(got, want) ? 0 : Infinity) : ulpError(got, want);
      assert.ok(err <= ulps, `${what}(${show(x)}) [alpha=${alpha}]: got ${show(got)}, expected ${show(want)} (${err} ulps)`);
    }
  }
}

// mpmath, 50 digits: α·expm1(x) and α·e^x for x ≤ 0.
const DEFAULT: Row[] = [
  [-0.5, -0.3934693402873666, 0.6065306597126334],
  [-1, -0.6321205588285577, 0.36787944117144233],
  [-5, -0.9932620530009145, 0.006737946999085467],
  [-40, -1, 4.248354255291589e-18],
  [-800, -1, 0],
  [-1e308, -1, 0],
  [1e308, 1e308, 1],
  [2.5, 2.5, 1],
];

// Just below 0, where PyTorch's e^x − 1 loses digits: it returns −9.99999993922529e−9 at −1e−8 and 0
// at −1e−17, −1e−300 and −5e−324.
const NEAR_ZERO: Row[] = [
  [-5e-324, -5e-324, 1],
  [-1e-300, -1e-300, 1],
  [-1e-17, -1e-17, 1],
  [-1e-8, -9.999999950000001e-9, 0.9999999900000001],
  [-0.001, -0.0009995001666250085, 0.999000499833375],
];

test('elu propagates NaN through forward and derivative', () => {
  assertSame(elu.forward(NaN), NaN, 'forward(NaN)');
  // PyTorch's elu_backward returns NaN in its vectorised loop and 1 in its scalar loop; NaN in, NaN out.
  assertSame(elu.derivative(NaN), NaN, 'derivative(NaN)');
});

test('elu gives ∞ and −α at ±Infinity, with slopes 1 and 0 (as PyTorch)', () => {
  assertSame(elu.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(elu.forward(-Infinity), -1, 'forward(−∞)');
  assertSame(elu.forward(-Infinity, { alpha: 2 }), -2, 'forward(−∞), α = 2');
  assertSame(elu.derivative(Infinity), 1, 'derivative(∞)');
  assertSame(elu.derivative(-Infinity), 0, 'derivative(−∞)');
});

test('elu keeps the natural sign of zero, and autograd’s slope α at the kink', () => {
  assertSame(elu.forward(0), 0, 'forward(0)');
  assertSame(elu.forward(-0), -0, 'forward(−0) (PyTorch: +0)');
  assertSame(elu.forward(-0, { alpha: 0 }), 0, 'forward(−0), α = 0: the left branch is identically 0');
  assertSame(elu.forward(-0, { alpha: -1 }), 0, 'forward(−0), α = −1: the left branch is −x ≥ 0');
  assertSame(elu.forward(0, { alpha: -1 }), 0, 'forward(+0), α = −1 (PyTorch: −0)');
  assertSame(elu.derivative(0), 1, 'derivative(0)');
  assertSame(elu.derivative(-0), 1, 'derivative(−0)');
  // For α ≠ 1 the slope jumps from α to 1; elu_backward takes the x ≤ 0 branch at 0.
  assertSame(elu.derivative(0, { alpha: 2 }), 2, 'derivative(0), α = 2');
  assertSame(elu.derivative(0, { alpha: 0.5 }), 0.5, 'derivative(0), α = 0.5');
  assertSame(elu.derivative(Number.MIN_VALUE, { alpha: 2 }), 1, 'derivative(5e−324), α = 2');
});

test('elu matches mpmath at default α, including −800 and ±1e308', () => {
  checkRows(DEFAULT, 1, 1);
});

test('elu keeps full precision just below 0, where PyTorch’s e^x − 1 loses digits', () => {
  checkRows(NEAR_ZERO, 1, 1);
});

test('elu matches mpmath for α = 2 and α = 0.5', () => {
  checkRows(
    [
      [-1e-8, -1.9999999900000002e-8, 1.9999999800000001],
      [-1, -1.2642411176571153, 0.7357588823428847],
      [-5, -1.986524106001829, 0.013475893998170934],
    ],
    2,
    1,
  );
  checkRows(
    [
      [-1e-8, -4.9999999750000005e-9, 0.49999999500000003],
      [-1, -0.31606027941427883, 0.18393972058572117],
      [-5, -0.49663102650045726, 0.0033689734995427335],
    ],
    0.5,
    1,
  );
});

test('elu rejects a non-finite α with a RangeError naming it, and a wrong type or name with a TypeError', () => {
  for (const alpha of [NaN, Infinity, -Infinity]) {
    assert.throws(
      () => elu.forward(-1, { alpha }),
      (e: unknown) => e instanceof RangeError && /alpha/.test(e.message),
      `alpha ${alpha}`,
    );
  }
  assert.throws(() => elu.forward(-1, { alpha: '1' as unknown as number }), TypeError);
  assert.throws(
    () => elu.forward(-1, { beta: 1 } as unknown as { alpha: number }),
    (e: unknown) => e instanceof TypeError && /beta/.test(e.message),
  );
});

test('elu’s worked examples are within 1 ulp of the code', () => {
  for (const ex of elu.examples) {
    const p = ex.params as { alpha: number } | undefined;
    assert.ok(ulpError(elu.forward(ex.x, p), ex.forward) <= 1, `example forward(${ex.x})`);
    if (ex.derivative !== undefined) assert.ok(ulpError(elu.derivative(ex.x, p), ex.derivative) <= 1, `example derivative(${ex.x})`);
  }
});

test('elu.map returns the array type it is given, fills out, works in place and equals forward', () => {
  const xs = [-800, -5, -1e-8, -5e-324, -0, 0, 0.5, 1e308, NaN, -Infinity, Infinity];
  for (const alpha of [1, 2, 0, -1]) {
    const f64 = Float64Array.from(xs);
    const y64 = elu.map(f64, { alpha });
    assert.ok(y64 instanceof Float64Array && y64 !== f64);
    y64.forEach((y, i) => assertSame(y, elu.forward(xs[i]!, { alpha }), `map[${i}], α = ${alpha}`));
    const f32 = Float32Array.from(xs);
    const y32 = elu.map(f32, { alpha });
    assert.ok(y32 instanceof Float32Array);
    y32.forEach((y, i) => assertSame(y, Math.fround(elu.forward(f32[i]!, { alpha })), `map f32[${i}]`));
    const out = new Float64Array(xs.length);
    assert.equal(elu.map(f64, { alpha }, out), out);
    const inPlace = Float64Array.from(xs);
    elu.map(inPlace, { alpha }, inPlace);
    inPlace.forEach((y, i) => assertSame(y, y64[i]!, `in place [${i}]`));
  }
});

const fixture = loadFixture('elu.json');

for (const set of fixture.paramSets) {
  const alpha = set.params.alpha as number;
  test(`elu(alpha=${alpha}) is within 2 ulps of mpmath over the ${set.cases.length} fixture inputs`, () => {
    // Measured (test/accuracy.test.ts): ≤ 0.73 ulps forward, ≤ 1.11 ulps derivative, every α.
    const bad: string[] = [];
    for (const [xe, f, rf, df, rdf, extra = {}] of set.cases) {
      const x = dec(xe);
      if (!Number.isFinite(x)) continue; // tested by name above
      for (const [what, got, e, r, z] of [
        ['forward', elu.forward(x, { alpha }), dec(f), rf, extra.zf],
        ['derivative', elu.derivative(x, { alpha }), dec(df), rdf, extra.zdf],
      ] as const) {
        const allowed = 2 + (z ? (2 * 2 ** -53 * z) / ulp(e) : 0);
        const err = e === 0 && got === 0 ? 0 : ulpError(got, e, r);
        if (!(err <= allowed)) bad.push(`${what}(${show(x)}): got ${show(got)}, expected ${show(e)} (${err} ulps)`);
      }
    }
    assert.deepEqual(bad, []);
  });
}

test('elu over a Float32Array is within 1 float32 ulp of the exact value rounded to float32', () => {
  for (const set of fixture.float32) {
    const xs = Float32Array.from(set.cases, (c) => dec(c[0]));
    const ys = elu.map(xs, set.params as { alpha: number });
    set.cases.forEach(([, ye], i) => {
      const e = dec(ye);
      assert.ok(Number.isFinite(e) ? Math.abs(ys[i]! - e) / ulp32(e) <= 1 : Object.is(ys[i], e), `x=${xs[i]}: got ${ys[i]}, expected ${e}`);
    });
  }
});
