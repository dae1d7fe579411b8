import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hardshrink } from '../../src/activations/hardshrink.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.hardshrink on float64 tensors, autograd for
// derivatives, each input evaluated alone).

test('hardshrink propagates NaN, and its derivative at NaN is 1', () => {
  assertSame(hardshrink.forward(NaN), NaN, 'hardshrink(NaN)');
  assertSame(hardshrink.derivative(NaN), 1, "hardshrink'(NaN)");
});

test('hardshrink is +0 inside the dead zone, including at -0, subnormals and ±lambda', () => {
  for (const x of [0, -0, 5e-324, -1e-310, 0.5, -0.5, -0.25]) assertSame(hardshrink.forward(x), 0, `hardshrink(${x})`);
});

test('hardshrink jumps at ±lambda: 0 at the edge, the input itself one ulp beyond', () => {
  assertSame(hardshrink.forward(0.5000000000000001), 0.5000000000000001, 'hardshrink(0.5 + ulp)');
  assertSame(hardshrink.forward(-0.5000000000000001), -0.5000000000000001, 'hardshrink(-0.5 - ulp)');
  assertSame(hardshrink.derivative(0.5), 0, "hardshrink'(0.5)");
  assertSame(hardshrink.derivative(-0.5), 0, "hardshrink'(-0.5)");
  assertSame(hardshrink.derivative(0.5000000000000001), 1, "hardshrink'(0.5 + ulp)");
});

test('hardshrink passes infinities and ±1e308 unchanged', () => {
  for (const x of [Infinity, -Infinity, 1e308, -1e308]) {
    assertSame(hardshrink.forward(x), x, `hardshrink(${x})`);
    assertSame(hardshrink.derivative(x), 1, `hardshrink'(${x})`);
  }
});

test('hardshrink with a negative lambda is the identity, as PyTorch 1.13 computes it', () => {
  for (const x of [-0.5, -0.25, 0.25, 2]) assertSame(hardshrink.forward(x, { lambda: -1 }), x, `hardshrink(${x}; -1)`);
  assertSame(hardshrink.forward(-0, { lambda: -1 }), -0, 'hardshrink(-0; -1)');
  assertSame(hardshrink.derivative(0, { lambda: -1 }), 1, "hardshrink'(0; -1)");
});

test('hardshrink rejects a NaN lambda with a RangeError naming it', () => {
  assert.throws(
    () => hardshrink.forward(1, { lambda: NaN }),
    (e: unknown) => e instanceof RangeError && /lambda/.test(String(e)) && /NaN/.test(String(e)),
  );
  assert.throws(
    () => hardshrink.forward(1, { lambd: 0.5 } as never),
    (e: unknown) => e instanceof TypeError && /lambd/.test(String(e)),
  );
});

test('hardshrink map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(hardshrink);
  checkMap(hardshrink, { lambda: 2 });
});

test('hardshrink matches the exact values and PyTorch bit for bit on the fixture (0 ulps)', () => {
  const r = checkFixture(hardshrink, { fTol: 0, dfTol: 0 });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});
