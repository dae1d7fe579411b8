import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hardtanh } from '../../src/activations/hardtanh.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.hardtanh on float64 tensors, autograd for derivatives,
// each input evaluated alone).

test('hardtanh propagates NaN, and its derivative at NaN is 1 (hardtanh_backward, per-element kernel)', () => {
  assertSame(hardtanh.forward(NaN), NaN, 'hardtanh(NaN)');
  assertSame(hardtanh.derivative(NaN), 1, "hardtanh'(NaN)");
});

test('hardtanh keeps the sign of zero and has slope 1 there', () => {
  assertSame(hardtanh.forward(-0), -0, 'hardtanh(-0)');
  assertSame(hardtanh.forward(0), 0, 'hardtanh(0)');
  assertSame(hardtanh.derivative(-0), 1, "hardtanh'(-0)");
  assertSame(hardtanh.forward(-1e-310), -1e-310, 'hardtanh(-1e-310)');
});

test('hardtanh derivative is 0 at both kinks ±1 and outside, 1 inside', () => {
  assertSame(hardtanh.derivative(-1), 0, "hardtanh'(-1)");
  assertSame(hardtanh.derivative(1), 0, "hardtanh'(1)");
  assertSame(hardtanh.derivative(0.9999999999999999), 1, "hardtanh'(1 - ulp)");
  assertSame(hardtanh.derivative(-0.9999999999999999), 1, "hardtanh'(-1 + ulp)");
  assertSame(hardtanh.derivative(3), 0, "hardtanh'(3)");
});

test('hardtanh saturates at infinities and ±1e308', () => {
  assertSame(hardtanh.forward(Infinity), 1, 'hardtanh(Infinity)');
  assertSame(hardtanh.forward(-Infinity), -1, 'hardtanh(-Infinity)');
  assertSame(hardtanh.forward(1e308), 1, 'hardtanh(1e308)');
  assertSame(hardtanh.forward(-1e308), -1, 'hardtanh(-1e308)');
  assertSame(hardtanh.derivative(-Infinity), 0, "hardtanh'(-Infinity)");
});

test('hardtanh uses minVal and maxVal, and keeps -0 when minVal is 0 (ReLU6-like clamp)', () => {
  assertSame(hardtanh.forward(5, { minVal: -2, maxVal: 3 }), 3, 'hardtanh(5; -2, 3)');
  assertSame(hardtanh.forward(-5, { minVal: -2, maxVal: 3 }), -2, 'hardtanh(-5; -2, 3)');
  assertSame(hardtanh.forward(-0, { minVal: 0, maxVal: 6 }), -0, 'hardtanh(-0; 0, 6)');
  assertSame(hardtanh.derivative(-2, { minVal: -2, maxVal: 3 }), 0, "hardtanh'(-2; -2, 3)");
  assertSame(hardtanh.forward(1e300, { minVal: -Infinity, maxVal: Infinity }), 1e300, 'hardtanh(1e300; -∞, ∞)');
});

test('hardtanh with minVal equal to maxVal is the constant, with derivative 0', () => {
  assertSame(hardtanh.forward(-4, { minVal: 0.5, maxVal: 0.5 }), 0.5, 'hardtanh(-4; 0.5, 0.5)');
  assertSame(hardtanh.forward(0.5, { minVal: 0.5, maxVal: 0.5 }), 0.5, 'hardtanh(0.5; 0.5, 0.5)');
  assertSame(hardtanh.derivative(0.5, { minVal: 0.5, maxVal: 0.5 }), 0, "hardtanh'(0.5; 0.5, 0.5)");
});

test('hardtanh rejects minVal > maxVal with a RangeError naming both values', () => {
  assert.throws(
    () => hardtanh.forward(0, { minVal: 1, maxVal: -1 }),
    (e: unknown) => e instanceof RangeError && /minVal/.test(String(e)) && /maxVal/.test(String(e)) && /\(1\)/.test(String(e)) && /\(-1\)/.test(String(e)),
  );
  assert.throws(
    () => hardtanh.forward(0, { minVal: 2 }),
    (e: unknown) => e instanceof RangeError && /\(2\)/.test(String(e)) && /\(1\)/.test(String(e)),
  );
  assert.throws(() => hardtanh.map(new Float64Array(1), { maxVal: -3 }), RangeError);
});

test('hardtanh rejects NaN bounds with a RangeError naming the parameter', () => {
  assert.throws(
    () => hardtanh.forward(0, { minVal: NaN }),
    (e: unknown) => e instanceof RangeError && /minVal/.test(String(e)) && /NaN/.test(String(e)),
  );
  assert.throws(
    () => hardtanh.forward(0, { maxVal: NaN }),
    (e: unknown) => e instanceof RangeError && /maxVal/.test(String(e)) && /NaN/.test(String(e)),
  );
});

test('hardtanh map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(hardtanh);
  checkMap(hardtanh, { minVal: -2, maxVal: 3 });
});

test('hardtanh matches the exact values and PyTorch bit for bit on the fixture (0 ulps)', () => {
  const r = checkFixture(hardtanh, { fTol: 0, dfTol: 0 });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});
