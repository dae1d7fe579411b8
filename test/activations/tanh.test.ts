import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tanh } from '../../src/activations/tanh.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = tanh as unknown as Activation<Params>;
// Worst measured: 1.8 ulps (forward, Math.tanh itself), 2.3 ulps (derivative).
const TOLERANCE = { ulps: 3, perCondition: 1 / 1024 };

// mpmath, 50 digits.
const SPECIALS: Special[] = [
  [5e-324, 5e-324, 1],
  [-5e-324, -5e-324, 1],
  [1e-300, 1e-300, 1],
  [-1e-300, -1e-300, 1],
  [1e-8, 1e-8, 0.9999999999999999],
  [-1e-8, -1e-8, 0.9999999999999999],
  [1e308, 1, 0],
  [-1e308, -1, 0],
  [800, 1, 0],
  [-750, -1, 0],
];

test('tanh propagates NaN through forward and derivative', () => {
  assertSame(tanh.forward(NaN), NaN, 'forward(NaN)');
  assertSame(tanh.derivative(NaN), NaN, 'derivative(NaN)');
});

test('tanh gives ±1 at ±Infinity with derivative 0, as PyTorch does', () => {
  assertSame(tanh.forward(Infinity), 1, 'forward(∞)');
  assertSame(tanh.forward(-Infinity), -1, 'forward(−∞)');
  assertSame(tanh.derivative(Infinity), 0, 'derivative(∞)');
  assertSame(tanh.derivative(-Infinity), 0, 'derivative(−∞)');
});

test('tanh keeps the sign of zero and has slope 1 there', () => {
  assertSame(tanh.forward(0), 0, 'forward(0)');
  assertSame(tanh.forward(-0), -0, 'forward(−0)');
  assertSame(tanh.derivative(0), 1, 'derivative(0)');
  assertSame(tanh.derivative(-0), 1, 'derivative(−0)');
});

test('tanh matches mpmath at subnormal, tiny and huge inputs', () => {
  checkSpecials(a, SPECIALS, 1);
});

test('tanh’s derivative keeps its digits where tanh has rounded to ±1 (autograd’s 1 − y² gives 0 there)', () => {
  // mpmath sech²: 1.6993417021166355e-17 at ±20, 7.219405551381661e-35 at ±40, 2.9125160713286574e-32 at 37.
  checkSpecials(
    a,
    [
      [20, 1, 1.6993417021166355e-17],
      [-20, -1, 1.6993417021166355e-17],
      [37, 1, 2.9125160713286574e-32],
      [-40, -1, 7.219405551381661e-35],
    ],
    2,
  );
});

test('tanh is within 3 ulps of mpmath over the fixture', () => {
  const r = checkAccuracy(a, loadCases('tanh'), TOLERANCE);
  assert.ok(r.points > 1500);
});

test('tanh is odd: tanh(−x) = −tanh(x) exactly, and its derivative is even', () => {
  for (let x = -25; x <= 25; x += 0.0625) {
    assertSame(tanh.forward(-x), -tanh.forward(x), `forward at ±${x}`);
    assertSame(tanh.derivative(-x), tanh.derivative(x), `derivative at ±${x}`);
  }
});

test('tanh’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('tanh’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});

test('tanh takes no parameters', () => {
  assert.throws(() => tanh.forward(1, { alpha: 1 } as never), TypeError);
});
