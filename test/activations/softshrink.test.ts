import assert from 'node:assert/strict';
import { test } from 'node:test';
import { softshrink } from '../../src/activations/softshrink.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.softshrink on float64 tensors, autograd for
// derivatives, each input evaluated alone).

test('softshrink of NaN is 0, as in PyTorch, and its derivative there is 1', () => {
  assertSame(softshrink.forward(NaN), 0, 'softshrink(NaN)');
  assertSame(softshrink.derivative(NaN), 1, "softshrink'(NaN)");
});

test('softshrink is +0 inside the dead zone, including at -0 and subnormals', () => {
  for (const x of [0, -0, 5e-324, -5e-324, -1e-310, 0.5, -0.5, 0.25]) assertSame(softshrink.forward(x), 0, `softshrink(${x})`);
});

test('softshrink derivative is 0 at the kinks ±lambda and 1 just outside', () => {
  assertSame(softshrink.derivative(0.5), 0, "softshrink'(0.5)");
  assertSame(softshrink.derivative(-0.5), 0, "softshrink'(-0.5)");
  assertSame(softshrink.derivative(0.5000000000000001), 1, "softshrink'(0.5 + ulp)");
  assertSame(softshrink.derivative(-0.5000000000000001), 1, "softshrink'(-0.5 - ulp)");
  assertSame(softshrink.forward(0.5000000000000001), 1.1102230246251565e-16, 'softshrink(0.5 + ulp)');
});

test('softshrink at infinities and ±1e308', () => {
  assertSame(softshrink.forward(Infinity), Infinity, 'softshrink(Infinity)');
  assertSame(softshrink.forward(-Infinity), -Infinity, 'softshrink(-Infinity)');
  assertSame(softshrink.forward(1e308), 1e308, 'softshrink(1e308)');
  assertSame(softshrink.forward(-1e308), -1e308, 'softshrink(-1e308)');
  assertSame(softshrink.derivative(-Infinity), 1, "softshrink'(-Infinity)");
});

test('softshrink with lambda 0 is the identity except that -0 becomes +0', () => {
  assertSame(softshrink.forward(-1e-310, { lambda: 0 }), -1e-310, 'softshrink(-1e-310; 0)');
  assertSame(softshrink.forward(-0, { lambda: 0 }), 0, 'softshrink(-0; 0)');
  assertSame(softshrink.derivative(0, { lambda: 0 }), 0, "softshrink'(0; 0)");
});

test('softshrink with lambda Infinity is 0 everywhere, as in PyTorch', () => {
  for (const x of [-1e308, 0, 3, Infinity]) assertSame(softshrink.forward(x, { lambda: Infinity }), 0, `softshrink(${x}; Infinity)`);
});

test('softshrink rejects a negative or NaN lambda with a RangeError naming it, as PyTorch raises', () => {
  for (const bad of [-0.5, -Infinity, NaN]) {
    assert.throws(
      () => softshrink.forward(1, { lambda: bad }),
      (e: unknown) => e instanceof RangeError && /lambda/.test(String(e)) && String(e).includes(String(bad)),
      `lambda ${bad}`,
    );
  }
});

test('softshrink map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(softshrink);
  checkMap(softshrink, { lambda: 1.5 });
});

test('softshrink is correctly rounded (0 ulps) and equals PyTorch bit for bit on the fixture', () => {
  const r = checkFixture(softshrink, { fTol: 0, dfTol: 0 });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});
