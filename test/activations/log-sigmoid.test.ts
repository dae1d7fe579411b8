import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logSigmoid } from '../../src/activations/log-sigmoid.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = logSigmoid as unknown as Activation<Params>;
// Worst measured: 1.1 ulps (forward), 1.7 ulps (derivative).
const TOLERANCE = { ulps: 3, perCondition: 1 / 1024 };

// mpmath, 50 digits: −log1p(e^−x) and σ(−x).
const SPECIALS: Special[] = [
  [5e-324, -0.6931471805599453, 0.5],
  [-5e-324, -0.6931471805599453, 0.5],
  [1e-300, -0.6931471805599453, 0.5],
  [1e-8, -0.6931471755599453, 0.4999999975],
  [-1e-8, -0.6931471855599454, 0.5000000025],
  [-1e308, -1e308, 1],
  [20, -2.061153620314381e-9, 2.0611536181902037e-9],
  [-20, -20.000000002061153, 0.9999999979388464],
  [36, -2.319522830243569e-16, 2.3195228302435686e-16],
  [40, -4.248354255291589e-18, 4.248354255291589e-18],
  [-40, -40, 1],
  [710, -4.47628622567513e-309, 4.47628622567513e-309],
  [-750, -750, 1],
];

test('logSigmoid propagates NaN through forward and derivative', () => {
  assertSame(logSigmoid.forward(NaN), NaN, 'forward(NaN)');
  assertSame(logSigmoid.derivative(NaN), NaN, 'derivative(NaN)');
});

test('logSigmoid gives −∞ with slope 1 at −Infinity and a zero with slope 0 at +Infinity', () => {
  assertSame(logSigmoid.forward(-Infinity), -Infinity, 'forward(−∞)');
  assertSame(logSigmoid.derivative(-Infinity), 1, 'derivative(−∞)');
  assertSame(logSigmoid.derivative(Infinity), 0, 'derivative(∞)');
});

test('logSigmoid underflows to −0 (the sign of its always-negative value) for large x; PyTorch gives +0', () => {
  assertSame(logSigmoid.forward(Infinity), -0, 'forward(∞)');
  assertSame(logSigmoid.forward(800), -0, 'forward(800)');
  assertSame(logSigmoid.forward(1e308), -0, 'forward(1e308)');
});

test('logSigmoid is −log 2 with slope 1/2 at +0 and −0', () => {
  for (const z of [0, -0]) {
    assertSame(logSigmoid.forward(z), -Math.LN2, 'forward(±0)');
    assertSame(logSigmoid.derivative(z), 0.5, 'derivative(±0)');
  }
});

test('logSigmoid matches mpmath where log(sigmoid(x)) would fail: tiny values for large x, −∞ avoided for very negative x', () => {
  checkSpecials(a, SPECIALS, 2);
});

test('logSigmoid is within 3 ulps of mpmath over the fixture', () => {
  const r = checkAccuracy(a, loadCases('logSigmoid'), TOLERANCE);
  assert.ok(r.points > 1500);
});

test('logSigmoid(x) − logSigmoid(−x) = x on a grid', () => {
  for (let x = -30; x <= 30; x += 0.25) {
    const d = logSigmoid.forward(x) - logSigmoid.forward(-x);
    assert.ok(Math.abs(d - x) <= 4 * Number.EPSILON * Math.max(1, Math.abs(x)), `x=${x}: got ${d}`);
  }
});

test('logSigmoid’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('logSigmoid’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});
