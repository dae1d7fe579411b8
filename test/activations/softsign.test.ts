import assert from 'node:assert/strict';
import { test } from 'node:test';
import { softsign } from '../../src/activations/softsign.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = softsign as unknown as Activation<Params>;
// Worst measured: 1.3 ulps (forward), 1.2 ulps (derivative, at x ≈ 4.6e154 where it is subnormal; 0.5
// elsewhere. The plain r·r, r = 1/(1+|x|), was off by up to 3.4 ulps near x = 1).
const TOLERANCE = { ulps: 3, perCondition: 1 / 1024 };

// mpmath, 50 digits: x/(1+|x|) and 1/(1+|x|)².
const SPECIALS: Special[] = [
  [5e-324, 5e-324, 1],
  [-5e-324, -5e-324, 1],
  [1e-300, 1e-300, 1],
  [1e-8, 9.999999900000002e-9, 0.9999999800000003],
  [-1e-8, -9.999999900000002e-9, 0.9999999800000003],
  [20, 0.9523809523809523, 0.0022675736961451248],
  [-40, -0.975609756097561, 0.000594883997620464],
  [-720, -0.9986130374479889, 1.9236651206811314e-6],
  [2 ** 53, 0.9999999999999999, 1.2325951644078307e-32],
  [1e20, 1, 1e-40],
  [1e154, 1, 1e-308],
  [1.5e154, 1, 4.444444444444445e-309],
  [1e160, 1, 1e-320],
  [1e308, 1, 0],
  [-1e308, -1, 0],
];

test('softsign propagates NaN through forward and derivative', () => {
  assertSame(softsign.forward(NaN), NaN, 'forward(NaN)');
  assertSame(softsign.derivative(NaN), NaN, 'derivative(NaN)');
});

test('softsign gives the limits ±1 at ±Infinity (PyTorch: ∞/∞ = NaN) and autograd’s NaN derivative there', () => {
  assertSame(softsign.forward(Infinity), 1, 'forward(∞)');
  assertSame(softsign.forward(-Infinity), -1, 'forward(−∞)');
  // PyTorch 1.13 autograd: softsign'(±inf) = nan; the contract follows autograd at infinities.
  assertSame(softsign.derivative(Infinity), NaN, 'derivative(∞)');
  assertSame(softsign.derivative(-Infinity), NaN, 'derivative(−∞)');
});

test('softsign keeps the sign of zero and has slope 1 there (autograd’s value at 0)', () => {
  assertSame(softsign.forward(0), 0, 'forward(0)');
  assertSame(softsign.forward(-0), -0, 'forward(−0)');
  assertSame(softsign.derivative(0), 1, 'derivative(0)');
  assertSame(softsign.derivative(-0), 1, 'derivative(−0)');
});

test('softsign matches mpmath at subnormal, tiny and huge inputs, with no overflow in the derivative up to 1e160', () => {
  checkSpecials(a, SPECIALS, 2);
});

test('softsign is within 3 ulps of mpmath over the fixture, its derivative within 1.5', () => {
  const r = checkAccuracy(a, loadCases('softsign'), TOLERANCE);
  assert.ok(r.points > 1500);
  assert.ok(r.worstDerivative <= 1.5, `derivative: ${r.worstDerivative} ulps`);
});

test('softsign is odd with an even derivative, exactly', () => {
  for (let x = -50; x <= 50; x += 0.0625) {
    assertSame(softsign.forward(-x), -softsign.forward(x), `forward at ±${x}`);
    assertSame(softsign.derivative(-x), softsign.derivative(x), `derivative at ±${x}`);
  }
});

test('softsign’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('softsign’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});
