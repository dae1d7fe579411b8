import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sigmoid } from '../../src/activations/sigmoid.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = sigmoid as unknown as Activation<Params>;
// Worst measured: 1.8 ulps (forward), 1.2 ulps (derivative; 2.3 before (1+u)² was divided once) over
// the fixture; 3 leaves a margin.
const TOLERANCE = { ulps: 3, perCondition: 1 / 1024 };

// mpmath, 50 digits (test/fixtures/smooth/generate.py's formulas).
const SPECIALS: Special[] = [
  [5e-324, 0.5, 0.25],
  [-5e-324, 0.5, 0.25],
  [1e-300, 0.5, 0.25],
  [1e-8, 0.5000000025, 0.25],
  [-1e-8, 0.4999999975, 0.25],
  [1e308, 1, 0],
  [-1e308, 0, 0],
  [20, 0.9999999979388464, 2.061153613941849e-9],
  [-20, 2.0611536181902037e-9, 2.061153613941849e-9],
  [36, 0.9999999999999998, 2.319522830243568e-16],
  [37, 0.9999999999999999, 8.533047625744065e-17],
  [-40, 4.248354255291589e-18, 4.248354255291589e-18],
  [-709, 1.216780750623423e-308, 1.216780750623423e-308],
  [710, 1, 4.47628622567513e-309],
  [800, 1, 0],
];

test('sigmoid propagates NaN through forward and derivative', () => {
  assertSame(sigmoid.forward(NaN), NaN, 'forward(NaN)');
  assertSame(sigmoid.derivative(NaN), NaN, 'derivative(NaN)');
});

test('sigmoid gives PyTorch’s values at ±Infinity: 1 and 0, both with derivative 0', () => {
  assertSame(sigmoid.forward(Infinity), 1, 'forward(∞)');
  assertSame(sigmoid.forward(-Infinity), 0, 'forward(−∞)');
  assertSame(sigmoid.derivative(Infinity), 0, 'derivative(∞)');
  assertSame(sigmoid.derivative(-Infinity), 0, 'derivative(−∞)');
});

test('sigmoid is exactly 1/2 with slope 1/4 at +0 and −0', () => {
  for (const z of [0, -0]) {
    assertSame(sigmoid.forward(z), 0.5, `forward(${Object.is(z, -0) ? '-0' : '0'})`);
    assertSame(sigmoid.derivative(z), 0.25, `derivative(${Object.is(z, -0) ? '-0' : '0'})`);
  }
});

test('sigmoid matches mpmath at subnormal, tiny, large and saturating inputs', () => {
  checkSpecials(a, SPECIALS, 2);
});

test('sigmoid stays accurate below −709.8, where PyTorch float64 returns 0 but the value is subnormal', () => {
  // mpmath: σ(−710) = 4.47628622567513e-309, σ(−720) = 2.0322308024e-313, σ(−745) = 5e-324.
  checkSpecials(
    a,
    [
      [-710, 4.47628622567513e-309, 4.47628622567513e-309],
      [-720, 2.0322308024e-313, 2.0322308024e-313],
      [-745, 5e-324, 5e-324],
    ],
    1,
  );
  assertSame(sigmoid.forward(-750), 0, 'forward(−750) underflows to +0');
});

test('sigmoid’s derivative keeps its digits where σ has rounded to 1 (autograd’s σ(1−σ) gives 0 there)', () => {
  // mpmath: σ′(40) = 4.248354255291589e-18, σ′(100) = 3.720075976020836e-44.
  checkSpecials(
    a,
    [
      [40, 1, 4.248354255291589e-18],
      [100, 1, 3.720075976020836e-44],
    ],
    2,
  );
});

test('sigmoid is within 3 ulps of mpmath over the fixture', () => {
  const r = checkAccuracy(a, loadCases('sigmoid'), TOLERANCE);
  assert.ok(r.points > 1500);
});

test('sigmoid satisfies σ(−x) = 1 − σ(x) to rounding on a grid', () => {
  for (let x = -10; x <= 10; x += 0.125) {
    const err = Math.abs(sigmoid.forward(-x) - (1 - sigmoid.forward(x)));
    assert.ok(err <= 2.3e-16, `x=${x}: σ(−x) = ${sigmoid.forward(-x)}, 1 − σ(x) = ${1 - sigmoid.forward(x)}`);
  }
});

test('sigmoid’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('sigmoid’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});

test('sigmoid takes no parameters', () => {
  assert.throws(() => sigmoid.forward(1, { beta: 2 } as never), TypeError);
});

test('sigmoid’s trade-offs do not say gradient descent needs a smooth gradient (ReLU trains with a kink)', () => {
  const { advantages, disadvantages, whenToUse } = sigmoid.tradeOffs;
  for (const claim of [...advantages, ...disadvantages, ...whenToUse]) {
    assert.doesNotMatch(claim.text, /gradient descent needs/i, claim.text);
  }
  assert.ok(
    sigmoid.tradeOffs.corrections?.some((c) => /gradient descent needs/.test(c.text)),
    'the correction says what was wrong',
  );
});
