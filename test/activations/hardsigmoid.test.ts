import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hardsigmoid } from '../../src/activations/hardsigmoid.js';
import { assertSame, assertUlps } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.hardsigmoid on float64 tensors, autograd for
// derivatives) unless a test says it checks a deliberate difference.

test('hardsigmoid propagates NaN, and its derivative at NaN is 0', () => {
  assertSame(hardsigmoid.forward(NaN), NaN, 'hardsigmoid(NaN)');
  assertSame(hardsigmoid.derivative(NaN), 0, "hardsigmoid'(NaN)");
});

test('hardsigmoid is 1/2 at ±0 and at subnormals', () => {
  for (const x of [0, -0, 5e-324, -5e-324, 1e-310, -1e-310]) assertSame(hardsigmoid.forward(x), 0.5, `hardsigmoid(${x})`);
});

test('hardsigmoid saturates to 0 and 1 at ±3, ±Infinity and ±1e308', () => {
  assertSame(hardsigmoid.forward(-3), 0, 'hardsigmoid(-3)');
  assertSame(hardsigmoid.forward(3), 1, 'hardsigmoid(3)');
  assertSame(hardsigmoid.forward(-Infinity), 0, 'hardsigmoid(-Infinity)');
  assertSame(hardsigmoid.forward(Infinity), 1, 'hardsigmoid(Infinity)');
  assertSame(hardsigmoid.forward(-1e308), 0, 'hardsigmoid(-1e308)');
  assertSame(hardsigmoid.forward(1e308), 1, 'hardsigmoid(1e308)');
});

test('hardsigmoid derivative is 0 at both kinks ±3 and outside them', () => {
  for (const x of [-3, 3, -3.0000000000000004, 3.0000000000000004, Infinity, -Infinity, 1e308]) {
    assertSame(hardsigmoid.derivative(x), 0, `hardsigmoid'(${x})`);
  }
});

test('hardsigmoid derivative inside (-3, 3) is exactly 1/6, not PyTorch float32 constant 0.1666666716337204', () => {
  const exact = 1 / 6;
  for (const x of [0, -0, -2.9999999999999996, 2.9999999999999996, 1]) assertSame(hardsigmoid.derivative(x), exact, `hardsigmoid'(${x})`);
  assert.notEqual(hardsigmoid.derivative(0), 0.1666666716337204);
});

test('hardsigmoid is accurate next to the kink -3, where x/6 + 1/2 would cancel', () => {
  // exact: (x + 3)/6 with x + 3 = 2^-51 exactly
  assertUlps(hardsigmoid.forward(-3 + 2 ** -51), 2 ** -51 / 6, 1, 'hardsigmoid(-3 + 2^-51)');
});

test('hardsigmoid takes no parameters', () => {
  assert.throws(() => hardsigmoid.forward(1, { slope: 0.2 } as never), TypeError);
});

test('hardsigmoid map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(hardsigmoid);
});

test('hardsigmoid is within 1 ulp of exact, equals PyTorch forward bit for bit, and its derivative differs only by the 1/6 constant', () => {
  const r = checkFixture(hardsigmoid, { fTol: 1, dfTol: 0, derivativeDeviates: (x) => x > -3 && x < 3 });
  assert.ok(r.rows > 500, `only ${r.rows} fixture rows`);
});

test('hardsigmoid stays within 0.069 of the sigmoid, the largest gap near x = ±1.32, as its trade-offs say', () => {
  let gap = 0;
  let at = 0;
  for (let i = -600_000; i <= 600_000; i++) {
    const x = i / 100_000;
    const d = Math.abs(hardsigmoid.forward(x) - 1 / (1 + Math.exp(-x)));
    if (d > gap) {
      gap = d;
      at = x;
    }
  }
  const stated = `the largest gap is ${gap.toFixed(3)}, near x = ±${Math.abs(at).toFixed(2)}`;
  assert.ok(
    hardsigmoid.tradeOffs.advantages.some(({ text }) => text.includes(stated)),
    `an advantage should say "${stated}"`,
  );
  // The gap is symmetric: hardsigmoid(x) − σ(x) is odd.
  assertUlps(hardsigmoid.forward(-at) - 1 / (1 + Math.exp(at)), -(hardsigmoid.forward(at) - 1 / (1 + Math.exp(-at))), 64, 'gap at ±x');
});
