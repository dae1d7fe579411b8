import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silu } from '../../src/activations/silu.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = silu as unknown as Activation<Params>;
// Worst measured: 2.1 ulps (forward), 1.4 ulps (derivative; 2.8 before its double-double form) less
// 1/1024 ulp per unit of condition number, which the tolerance allows on top: next to the
// derivative's zero at x ≈ −1.2785 rounding x alone moves the exact value by many ulps.
const TOLERANCE = { ulps: 3, perCondition: 1 / 1024 };

// mpmath, 50 digits: x·σ(x) and σ(x)(1 + x·σ(−x)).
const SPECIALS: Special[] = [
  [5e-324, 0, 0.5],
  [-5e-324, -0, 0.5],
  [1e-300, 5e-301, 0.5],
  [-1e-300, -5e-301, 0.5],
  [1e-8, 5.000000025e-9, 0.500000005],
  [-1e-8, -4.9999999750000005e-9, 0.499999995],
  [1e308, 1e308, 1],
  [-1e308, -0, -0],
  [20, 19.99999995877693, 1.0000000391619186],
  [-20, -4.122307236380407e-8, -3.9161918660646786e-8],
  [-40, -1.6993417021166355e-16, -1.6568581595637197e-16],
  [800, 800, 1],
];

test('silu propagates NaN through forward and derivative', () => {
  assertSame(silu.forward(NaN), NaN, 'forward(NaN)');
  assertSame(silu.derivative(NaN), NaN, 'derivative(NaN)');
});

test('silu gives the limits ∞ and −0 at ±Infinity (PyTorch: ∞ and NaN), and autograd’s NaN derivative there', () => {
  assertSame(silu.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(silu.forward(-Infinity), -0, 'forward(−∞)');
  // PyTorch 1.13 autograd: silu'(±inf) = nan (∞·0 in its formula); the contract follows autograd at infinities.
  assertSame(silu.derivative(Infinity), NaN, 'derivative(∞)');
  assertSame(silu.derivative(-Infinity), NaN, 'derivative(−∞)');
});

test('silu keeps the sign of zero and has slope 1/2 there', () => {
  assertSame(silu.forward(0), 0, 'forward(0)');
  assertSame(silu.forward(-0), -0, 'forward(−0)');
  assertSame(silu.derivative(0), 0.5, 'derivative(0)');
  assertSame(silu.derivative(-0), 0.5, 'derivative(−0)');
});

test('silu matches mpmath at subnormal, tiny, large and huge inputs', () => {
  checkSpecials(a, SPECIALS, 2);
});

test('silu stays accurate below −709.8, where PyTorch float64 returns −0', () => {
  // mpmath: x·e^x (1 + O(e^x)) and e^x (1 + x).
  checkSpecials(
    a,
    [
      [-709, -8.62697552192007e-306, -8.614807714413836e-306],
      [-710, -3.1781632202293424e-306, -3.173686934003667e-306],
      [-720, -1.46320617774547e-310, -1.46117394694305e-310],
      [-745, -2.105e-321, -2.1e-321],
      [-750, -1.5e-323, -1.5e-323],
    ],
    2,
  );
});

test('silu’s derivative keeps the digits above 1 for large x, where autograd rounds to exactly 1', () => {
  // mpmath: SiLU′(36) = 1.0000000000000082, SiLU′(37) = 1.000000000000003, SiLU′(40) = 1.0000000000000002.
  checkSpecials(
    a,
    [
      [36, 35.99999999999999, 1.0000000000000082],
      [37, 37, 1.000000000000003],
      [40, 40, 1.0000000000000002],
    ],
    2,
  );
});

test('silu is within 3 ulps of mpmath over the fixture (plus 1/1024 ulp per unit of condition number)', () => {
  const r = checkAccuracy(a, loadCases('silu'), TOLERANCE);
  assert.ok(r.points > 1500);
});

test('silu’s minimum is where the documented range says, and the derivative changes sign there', () => {
  const { min } = silu.properties.range;
  // mpmath: the minimum is at x = −1.2784645427610738 with value −0.2784645427610738.
  const xm = -1.2784645427610738;
  assert.ok(Math.abs(silu.forward(xm) - min) <= 1e-16, `f(xm) = ${silu.forward(xm)}, range min ${min}`);
  assert.ok(silu.derivative(xm - 1e-6) < 0 && silu.derivative(xm + 1e-6) > 0);
  for (let x = -10; x <= 10; x += 0.01) assert.ok(silu.forward(x) >= min - 1e-16, `x=${x}: ${silu.forward(x)} < ${min}`);
});

test('silu’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('silu’s documented examples hold to 3 ulps', () => {
  checkExamples(a, 3);
});
