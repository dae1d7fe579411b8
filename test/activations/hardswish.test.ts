import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { hardswish } from '../../src/activations/hardswish.js';
import { assertSame, assertUlps } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.hardswish on float64 tensors, autograd for
// derivatives, each input evaluated alone) unless a test says it checks a deliberate difference.

test('hardswish propagates NaN, and its derivative at NaN is 1 (per-element backward kernel)', () => {
  assertSame(hardswish.forward(NaN), NaN, 'hardswish(NaN)');
  assertSame(hardswish.derivative(NaN), 1, "hardswish'(NaN)");
});

test('hardswish keeps the sign of zero and has slope 1/2 there', () => {
  assertSame(hardswish.forward(-0), -0, 'hardswish(-0)');
  assertSame(hardswish.forward(0), 0, 'hardswish(0)');
  assertSame(hardswish.derivative(0), 0.5, "hardswish'(0)");
  assertSame(hardswish.derivative(-0), 0.5, "hardswish'(-0)");
});

test('hardswish halves subnormals, as PyTorch does', () => {
  assertSame(hardswish.forward(1e-310), 5e-311, 'hardswish(1e-310)');
  assertSame(hardswish.forward(-1e-310), -5e-311, 'hardswish(-1e-310)');
});

test('hardswish at 1e308 is 1e308 (PyTorch overflows to Infinity there), and Infinity at Infinity', () => {
  assertSame(hardswish.forward(1e308), 1e308, 'hardswish(1e308)');
  assertSame(hardswish.forward(Number.MAX_VALUE), Number.MAX_VALUE, 'hardswish(MAX_VALUE)');
  assertSame(hardswish.forward(Infinity), Infinity, 'hardswish(Infinity)');
  assertSame(hardswish.derivative(1e308), 1, "hardswish'(1e308)");
  assertSame(hardswish.derivative(Infinity), 1, "hardswish'(Infinity)");
});

test('hardswish is -0 for x <= -3, and at -Infinity (the limit; PyTorch computes (-∞)·0 = NaN)', () => {
  for (const x of [-3, -3.0000000000000004, -7, -1e308]) assertSame(hardswish.forward(x), -0, `hardswish(${x})`);
  assertSame(hardswish.forward(-Infinity), -0, 'hardswish(-Infinity)');
  assertSame(hardswish.derivative(-Infinity), 0, "hardswish'(-Infinity)");
});

test('hardswish derivative at the kinks is what the per-element backward gives: -0.5 at -3, 1.5 at 3', () => {
  assertSame(hardswish.derivative(-3), -0.5, "hardswish'(-3)");
  assertSame(hardswish.derivative(3), 1.5, "hardswish'(3)");
  assertSame(hardswish.derivative(-3.0000000000000004), 0, "hardswish'(-3 - ulp)");
  assertSame(hardswish.derivative(3.0000000000000004), 1, "hardswish'(3 + ulp)");
});

test('hardswish has its minimum -3/8 at x = -1.5, with derivative exactly 0 there', () => {
  assertSame(hardswish.forward(-1.5), -0.375, 'hardswish(-1.5)');
  assertSame(hardswish.derivative(-1.5), 0, "hardswish'(-1.5)");
});

test('hardswish derivative is accurate next to -1.5, where PyTorch x/3 + 1/2 cancels', () => {
  // exact (2x + 3)/6 at x = -1.5 - 2^-52: 2x + 3 = -2^-51 exactly
  const x = -1.5 - 2 ** -52;
  assertUlps(hardswish.derivative(x), -(2 ** -51) / 6, 1, `hardswish'(${x})`);
  // PyTorch returns -1.1102230246251565e-16 at x = -1.5000000000000002, 50% above the exact value
  assertUlps(hardswish.derivative(-1.5000000000000002), -7.401486830834377e-17, 1, "hardswish'(-1.5000000000000002)");
});

test('hardswish takes no parameters', () => {
  assert.throws(() => hardswish.forward(1, { beta: 1 } as never), TypeError);
});

test('hardswish map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(hardswish);
});

test('hardswish is within 1 ulp of exact; equals PyTorch forward bit for bit on (-3, 3) and derivative outside it', () => {
  // Deviations, each documented in src/activations/hardswish.ts: for x >= 3 PyTorch computes x·6/6,
  // which is 1 ulp off x for some x and overflows above about 3e307 (we return x); at -Infinity
  // PyTorch gives NaN (we give -0); inside (-3, 3) its derivative x/3 + 1/2 rounds differently from
  // our (2x + 3)/6, which is compared with the exact value instead.
  const r = checkFixture(hardswish, {
    fTol: 1,
    dfTol: 1,
    forwardDeviates: (x) => x >= 3 || x === -Infinity,
    derivativeDeviates: (x) => x > -3 && x < 3,
  });
  assert.ok(r.rows > 500, `only ${r.rows} fixture rows`);
});

test('the kink convention at x = 3 names both PyTorch kernels, as the fixtures record them', () => {
  // test/fixtures/hardswish.json evaluates whole tensors: `tdf` is what PyTorch's vectorised backward
  // gave there, column 3 the convention we follow (the per-element kernel's, see piecewise/).
  const doc = JSON.parse(readFileSync(new URL('../fixtures/hardswish.json', import.meta.url), 'utf8')) as {
    paramSets: { cases: [number, number, number, number, number, { tdf?: number }?][] }[];
  };
  const row = doc.paramSets[0]!.cases.find((c) => c[0] === 3);
  assert.ok(row, 'the fixture has x = 3');
  assert.equal(row[3], 1.5, 'our convention at x = 3');
  assert.equal(row[5]?.tdf, 1, 'PyTorch on the fixture tensor (vectorised kernel) at x = 3');
  assertSame(hardswish.derivative(3), 1.5, "hardswish'(3)");
  assert.deepEqual(
    hardswish.properties.kinks.find((k) => k.x === 3),
    { x: 3, derivative: 1.5 },
  );
  assert.match(hardswish.kinkConvention ?? '', /1\.5 at x = 3/);
  assert.match(hardswish.kinkConvention ?? '', /vectorised kernel[^.]*8 or more float64 elements[^.]*gives 1 at x = 3/);
});
