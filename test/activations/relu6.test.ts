import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relu6 } from '../../src/activations/relu6.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.relu6 on float64 tensors, autograd for derivatives,
// each input evaluated alone).

test('relu6 propagates NaN, and its derivative at NaN is 1 (hardtanh_backward, per-element kernel)', () => {
  assertSame(relu6.forward(NaN), NaN, 'relu6(NaN)');
  assertSame(relu6.derivative(NaN), 1, "relu6'(NaN)");
});

test('relu6 keeps the sign of zero', () => {
  assertSame(relu6.forward(-0), -0, 'relu6(-0)');
  assertSame(relu6.forward(0), 0, 'relu6(0)');
});

test('relu6 derivative is 0 at both kinks, x = 0 and x = 6, and 1 just inside', () => {
  assertSame(relu6.derivative(0), 0, "relu6'(0)");
  assertSame(relu6.derivative(-0), 0, "relu6'(-0)");
  assertSame(relu6.derivative(6), 0, "relu6'(6)");
  assertSame(relu6.derivative(5e-324), 1, "relu6'(5e-324)");
  assertSame(relu6.derivative(5.999999999999999), 1, "relu6'(6 - ulp)");
  assertSame(relu6.derivative(6.000000000000001), 0, "relu6'(6 + ulp)");
});

test('relu6 saturates at infinities and ±1e308', () => {
  assertSame(relu6.forward(Infinity), 6, 'relu6(Infinity)');
  assertSame(relu6.forward(-Infinity), 0, 'relu6(-Infinity)');
  assertSame(relu6.forward(1e308), 6, 'relu6(1e308)');
  assertSame(relu6.forward(-1e308), 0, 'relu6(-1e308)');
  assertSame(relu6.derivative(Infinity), 0, "relu6'(Infinity)");
  assertSame(relu6.derivative(-Infinity), 0, "relu6'(-Infinity)");
});

test('relu6 on subnormals: positive ones pass, negative ones give +0', () => {
  assertSame(relu6.forward(1e-310), 1e-310, 'relu6(1e-310)');
  assertSame(relu6.forward(-1e-310), 0, 'relu6(-1e-310)');
});

test('relu6 takes no parameters', () => {
  assert.throws(
    () => relu6.forward(1, { maxVal: 3 } as never),
    (e: unknown) => e instanceof TypeError && /'maxVal'/.test(String(e)),
  );
});

test('relu6 map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(relu6);
});

test('relu6 matches the exact values and PyTorch bit for bit on the fixture (0 ulps)', () => {
  const r = checkFixture(relu6, { fTol: 0, dfTol: 0 });
  assert.ok(r.rows > 500, `only ${r.rows} fixture rows`);
});
