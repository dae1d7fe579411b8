import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mish } from '../../src/activations/mish.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = mish as unknown as Activation<Params>;
// Worst measured: 3.3 ulps (forward, at x = −6.85), 2.0 ulps (derivative; 3.85 before its double-double
// form, at x = −4.85) except next to the derivative's zero at x ≈ −1.1924, where its condition number
// reaches 1e6 and the error grows with it; the tolerance allows 1/1024 ulp per unit of condition
// number on top.
const TOLERANCE = { ulps: 3.5, perCondition: 1 / 1024 };

// mpmath, 50 digits: x·tanh(log1p(e^x)) and tanh(sp) + x·σ(x)·sech²(sp).
const SPECIALS: Special[] = [
  [5e-324, 5e-324, 0.6],
  [-5e-324, -5e-324, 0.6],
  [1e-300, 6e-301, 0.6],
  [-1e-300, -6e-301, 0.6],
  [1e-8, 6.000000032e-9, 0.6000000064],
  [-1e-8, -5.999999968e-9, 0.5999999936],
  [1e308, 1e308, 1],
  [-1e308, -0, -0],
  [5, 4.999552077529406, 1.0008002248320826],
  [20, 20, 1.0000000000000002],
  [36, 36, 1],
  [-2, -0.2525014826957089, -0.10835509242039394],
  [-5, -0.033576237730161704, -0.026747498019901932],
  [-20, -4.122307240628761e-8, -3.916191874348969e-8],
  [-40, -1.6993417021166355e-16, -1.6568581595637197e-16],
  [800, 800, 1],
];

test('mish propagates NaN through forward and derivative', () => {
  assertSame(mish.forward(NaN), NaN, 'forward(NaN)');
  assertSame(mish.derivative(NaN), NaN, 'derivative(NaN)');
});

test('mish gives the limits ∞ and −0 at ±Infinity (PyTorch: ∞ and NaN), and autograd’s NaN derivative there', () => {
  assertSame(mish.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(mish.forward(-Infinity), -0, 'forward(−∞)');
  // PyTorch 1.13 autograd: mish'(±inf) = nan; the contract follows autograd at infinities.
  assertSame(mish.derivative(Infinity), NaN, 'derivative(∞)');
  assertSame(mish.derivative(-Infinity), NaN, 'derivative(−∞)');
});

test('mish keeps the sign of zero and has slope exactly 0.6 = tanh(log 2) there', () => {
  assertSame(mish.forward(0), 0, 'forward(0)');
  assertSame(mish.forward(-0), -0, 'forward(−0)');
  assertSame(mish.derivative(0), 0.6, 'derivative(0)');
  assertSame(mish.derivative(-0), 0.6, 'derivative(−0)');
});

test('mish matches mpmath at subnormal, tiny, moderate, large and huge inputs', () => {
  checkSpecials(a, SPECIALS, 3);
});

test('mish stays accurate below −708, where PyTorch’s subnormal e^x loses digits and its slope has the wrong sign', () => {
  // PyTorch 1.13: mish(−720) = −1.4632061777412e-310, mish'(−710) = +4.47628622567513e-309.
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

test('mish is within 3.5 ulps of mpmath over the fixture (plus 1/1024 ulp per unit of condition number)', () => {
  const r = checkAccuracy(a, loadCases('mish'), TOLERANCE);
  assert.ok(r.points > 1500);
});

test('mish’s minimum is where the documented range says, and the derivative changes sign there', () => {
  const { min } = mish.properties.range;
  // mpmath: the minimum is at x = −1.1924312145154952 with value −0.30884341301725043.
  const xm = -1.1924312145154952;
  assert.ok(Math.abs(mish.forward(xm) - min) <= 1e-16, `f(xm) = ${mish.forward(xm)}, range min ${min}`);
  assert.ok(mish.derivative(xm - 1e-6) < 0 && mish.derivative(xm + 1e-6) > 0);
  for (let x = -10; x <= 10; x += 0.01) assert.ok(mish.forward(x) >= min - 1e-16, `x=${x}: ${mish.forward(x)} < ${min}`);
});

test('mish’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('mish’s documented examples hold to 3 ulps', () => {
  checkExamples(a, 3);
});

test('mish’s claims of a regularising effect or of hyper-parameter sensitivity rest on conjecture and read as such', () => {
  const { advantages, disadvantages, whenToUse } = mish.tradeOffs;
  const claims = [...advantages, ...disadvantages, ...whenToUse].filter((c) => /regulari[sz]|sensitiv/i.test(c.text));
  assert.ok(claims.length >= 2, 'both claims are still listed');
  for (const claim of claims) {
    assert.ok(
      claim.evidence.some((e) => e.kind === 'conjecture'),
      `not marked as a conjecture: ${claim.text}`,
    );
    assert.match(claim.text, /\b(suggests|may|conjecture|unverified|not been shown)\b/i, `stated as fact: ${claim.text}`);
  }
});
