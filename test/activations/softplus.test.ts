import assert from 'node:assert/strict';
import { test } from 'node:test';
import { softplus } from '../../src/activations/softplus.js';
import type { Activation, Params } from '../../src/types.js';
import { assertClose, assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = softplus as unknown as Activation<Params>;
// Worst measured: 2.2 ulps (forward), 1.3 ulps (derivative; 2.4 before σ was divided once) over the
// fixture's parameter sets.
const TOLERANCE = { ulps: 3, perCondition: 1 / 1024 };

// mpmath, 50 digits, with PyTorch's threshold rule (x itself where βx > 20).
const SPECIALS: Special[] = [
  [5e-324, 0.6931471805599453, 0.5],
  [-5e-324, 0.6931471805599453, 0.5],
  [1e-300, 0.6931471805599453, 0.5],
  [1e-8, 0.6931471855599454, 0.5000000025],
  [-1e-8, 0.6931471755599453, 0.4999999975],
  [1e308, 1e308, 1],
  [-1e308, 0, 0],
  [-20, 2.061153620314381e-9, 2.0611536181902037e-9],
  [-40, 4.248354255291589e-18, 4.248354255291589e-18],
  [-709, 1.216780750623423e-308, 1.216780750623423e-308],
  [-710, 4.47628622567513e-309, 4.47628622567513e-309],
  [-720, 2.0322308024e-313, 2.0322308024e-313],
  [-745, 5e-324, 5e-324],
  [-750, 0, 0],
  [800, 800, 1],
];

test('softplus propagates NaN through forward and derivative', () => {
  assertSame(softplus.forward(NaN), NaN, 'forward(NaN)');
  assertSame(softplus.derivative(NaN), NaN, 'derivative(NaN)');
  assertSame(softplus.forward(NaN, { beta: -2, threshold: -Infinity }), NaN, 'forward(NaN) with β = −2, τ = −∞');
});

test('softplus gives PyTorch’s values at ±Infinity: ∞ with slope 1 and +0 with slope 0', () => {
  assertSame(softplus.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(softplus.derivative(Infinity), 1, 'derivative(∞)');
  assertSame(softplus.forward(-Infinity), 0, 'forward(−∞)');
  assertSame(softplus.derivative(-Infinity), 0, 'derivative(−∞)');
});

test('softplus is log 2 with slope 1/2 at +0 and −0', () => {
  for (const z of [0, -0]) {
    assertSame(softplus.forward(z), Math.LN2, 'forward(±0)');
    assertSame(softplus.derivative(z), 0.5, 'derivative(±0)');
  }
});

test('softplus matches mpmath at subnormal, tiny, huge and very negative inputs', () => {
  checkSpecials(a, SPECIALS, 2);
});

test('softplus returns x itself where βx > threshold and the formula at βx = threshold, like PyTorch', () => {
  // PyTorch 1.13 float64: softplus(20) = 20.000000002061153 (grad 0.9999999979388464), softplus(20.5) = 20.5 (grad 1),
  // softplus(10, β=2) = 10.000000001030577, softplus(10.5, β=2) = 10.5.
  assertClose(softplus.forward(20), 20.000000002061153, 1, 'forward(20)');
  assertClose(softplus.derivative(20), 0.9999999979388464, 1, 'derivative(20)');
  assertSame(softplus.forward(20.5), 20.5, 'forward(20.5)');
  assertSame(softplus.derivative(20.5), 1, 'derivative(20.5)');
  assertClose(softplus.forward(10, { beta: 2 }), 10.000000001030577, 1, 'forward(10, β=2)');
  assertSame(softplus.forward(10.5, { beta: 2 }), 10.5, 'forward(10.5, β=2)');
  assertSame(softplus.derivative(10.5, { beta: 2 }), 1, 'derivative(10.5, β=2)');
  // τ = −∞ makes every finite input linear, as in PyTorch: softplus(−5, τ=−∞) = −5.
  assertSame(softplus.forward(-5, { threshold: -Infinity }), -5, 'forward(−5, τ=−∞)');
  assertSame(softplus.derivative(-5, { threshold: -Infinity }), 1, 'derivative(−5, τ=−∞)');
});

test('softplus stays exact above 709.8 when the threshold is raised, where PyTorch overflows to Infinity', () => {
  // PyTorch: softplus(750, threshold=1000) = inf with gradient NaN; exact: 750 (+ e^−750), slope 1.
  assertSame(softplus.forward(750, { threshold: 1000 }), 750, 'forward(750, τ=1000)');
  assertSame(softplus.derivative(750, { threshold: 1000 }), 1, 'derivative(750, τ=1000)');
  // At x = ±∞ the derivative is autograd's e/(e+1): NaN at +∞ (threshold ∞), 0 at −∞.
  assertSame(softplus.forward(Infinity, { threshold: Infinity }), Infinity, 'forward(∞, τ=∞)');
  assertSame(softplus.derivative(Infinity, { threshold: Infinity }), NaN, 'derivative(∞, τ=∞)');
  assertSame(softplus.derivative(-Infinity, { threshold: Infinity }), 0, 'derivative(−∞, τ=∞)');
});

test('softplus with β ≠ 1 matches mpmath, including negative β', () => {
  // mpmath: log1p(exp(βx))/β and σ(βx).
  assertClose(softplus.forward(1, { beta: -1 }), -0.3132616875182228, 1, 'forward(1, β=−1)');
  assertClose(softplus.derivative(1, { beta: -1 }), 0.2689414213699951, 1, 'derivative(1, β=−1)');
  assertSame(softplus.forward(-30, { beta: -1 }), -30, 'forward(−30, β=−1): βx = 30 > 20');
  assertClose(softplus.forward(-800, { beta: 0.5 }), 3.8303391934280114e-174, 1, 'forward(−800, β=0.5)');
  assertClose(softplus.derivative(-800, { beta: 0.5 }), 1.9151695967140057e-174, 1, 'derivative(−800, β=0.5)');
  assertClose(softplus.forward(-2, { beta: 3.7, threshold: 5 }), 0.00016515297898733486, 1, 'forward(−2, β=3.7, τ=5)');
  assertSame(softplus.forward(1.4, { beta: 3.7, threshold: 5 }), 1.4, 'forward(1.4, β=3.7, τ=5): βx = 5.18 > 5');
});

test('softplus rejects impossible parameters with errors naming them', () => {
  assert.throws(
    () => softplus.forward(1, { beta: 0 }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => softplus.forward(1, { beta: -0 }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => softplus.forward(1, { beta: NaN }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => softplus.forward(1, { beta: Infinity }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => softplus.derivative(1, { threshold: NaN }),
    (e: unknown) => e instanceof RangeError && /threshold/.test(e.message),
  );
  assert.throws(
    () => softplus.forward(1, { beta: '2' } as never),
    (e: unknown) => e instanceof TypeError && /beta/.test(e.message),
  );
  assert.throws(() => softplus.map(new Float64Array(2), { gamma: 1 } as never), TypeError);
});

test('softplus is within 3 ulps of mpmath over the fixture, for 7 parameter sets', () => {
  const cases = loadCases('softplus');
  assert.ok(cases.length >= 7);
  const r = checkAccuracy(a, cases, TOLERANCE);
  assert.ok(r.points > 4000);
});

test('softplus(x) − softplus(−x) = x below the threshold', () => {
  for (let x = -19.5; x <= 19.5; x += 0.25) {
    const d = softplus.forward(x) - softplus.forward(-x);
    assert.ok(Math.abs(d - x) <= 4 * Number.EPSILON * Math.max(1, Math.abs(x)), `x=${x}: got ${d}`);
  }
});

test('softplus’s map and mapDerivative follow the typed-array contract, with default and custom parameters', () => {
  checkMap(a);
  checkMap(a, { beta: 2, threshold: 10 });
  checkMap(a, { beta: -0.5, threshold: 20 });
});

test('softplus’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});

test('softplus(30) is exactly 30.0000000000000935762…, which float64 rounds to 30.000000000000092, as the example says', () => {
  // softplus(30) − 30 = log1p(e^−30), computed here to full relative precision.
  const tail = Math.log1p(Math.exp(-30));
  assert.equal(tail.toPrecision(9), '9.35762297e-14', 'softplus(30) − 30');
  assert.equal(30 + tail, 30.000000000000092, 'the float64 rounding of 30 + tail');
  assert.equal(Number('30.0000000000000935762'), 30.000000000000092, 'the exact digits round to the same double');
  const example = softplus.examples.find((e) => e.x === 30);
  assert.ok(example?.note, 'the x = 30 example has a note');
  assert.match(example.note, /30\.0000000000000935762/, 'the note gives the exact value, not its float64 rounding, as exact');
});

test('naive log(1 + eˣ) overflows above 709.78 and returns 0 below −36.74, where softplus stays accurate', () => {
  assert.equal(Math.log(1 + Math.exp(710)), Infinity, 'naive at 710');
  assertSame(softplus.forward(710, { threshold: 1000 }), 710, 'softplus(710) with the threshold raised past it');
  assert.equal(Math.log(1 + Math.exp(-36.8)), 0, 'naive at −36.8: 1 + e^−36.8 rounds to 1');
  assertClose(softplus.forward(-36.8), Math.exp(-36.8), 2, 'softplus(−36.8) ≈ e^−36.8');
  assert.notEqual(Math.log(1 + Math.exp(-36.7)), 0, 'naive at −36.7 is not yet 0 (the bound is ln 2^−53 ≈ −36.74)');
});
