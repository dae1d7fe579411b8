import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tanhshrink } from '../../src/activations/tanhshrink.js';
import type { Activation, Params } from '../../src/types.js';
import { assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, checkSpecials, loadCases, type Special } from '../helpers/activation.js';

const a = tanhshrink as unknown as Activation<Params>;
// Worst measured: 2.7 ulps (forward), 0.72 ulps (derivative: tanh² formed in double-doubles; Math.tanh(x)²
// was off by up to 4.0 ulps, at x = 0.5311583421225524).
const TOLERANCE = { ulps: 3.5, perCondition: 1 / 1024 };

// mpmath at 80 digits (x − tanh x cancels): x − tanh(x) and tanh²(x).
const SPECIALS: Special[] = [
  [1e-300, 0, 0],
  [1e-8, 3.3333333333333335e-25, 1e-16],
  [-1e-8, -3.3333333333333335e-25, 1e-16],
  [2 ** -20, 2.891205793293627e-19, 9.094947017723768e-13],
  [1e-5, 3.333333333200001e-16, 9.999999999333335e-11],
  [1e-3, 3.33333200000054e-10, 9.999993333337113e-7],
  [0.1, 0.00033200537504418296, 0.009933709152560222],
  [0.999, 0.23782613833943006, 0.5793856476752645],
  [1, 0.23840584404423512, 0.580025658385974],
  [1.001, 0.23898618944899314, 0.5806650474704657],
  [-3, -2.0049452463132695, 0.9901339628345598],
  [20, 19, 1],
  [-750, -749, 1],
  [1e308, 1e308, 1],
  [-1e308, -1e308, 1],
];

test('tanhshrink propagates NaN through forward and derivative', () => {
  assertSame(tanhshrink.forward(NaN), NaN, 'forward(NaN)');
  assertSame(tanhshrink.derivative(NaN), NaN, 'derivative(NaN)');
});

test('tanhshrink gives ±∞ with slope 1 at ±Infinity, as PyTorch does', () => {
  assertSame(tanhshrink.forward(Infinity), Infinity, 'forward(∞)');
  assertSame(tanhshrink.forward(-Infinity), -Infinity, 'forward(−∞)');
  assertSame(tanhshrink.derivative(Infinity), 1, 'derivative(∞)');
  assertSame(tanhshrink.derivative(-Infinity), 1, 'derivative(−∞)');
});

test('tanhshrink gives +0 at ±0 like PyTorch, and −0 where a negative value underflows (PyTorch gives +0 there)', () => {
  assertSame(tanhshrink.forward(0), 0, 'forward(0)');
  assertSame(tanhshrink.forward(-0), 0, 'forward(−0)');
  assertSame(tanhshrink.forward(5e-324), 0, 'forward(5e-324)');
  assertSame(tanhshrink.forward(-5e-324), -0, 'forward(−5e-324)');
  assertSame(tanhshrink.forward(-1e-300), -0, 'forward(−1e-300)');
  assertSame(tanhshrink.derivative(0), 0, 'derivative(0)');
  assertSame(tanhshrink.derivative(-0), 0, 'derivative(−0)');
});

test('tanhshrink matches mpmath near 0, where PyTorch’s x − tanh(x) keeps no digit, and around the branch at 1', () => {
  // PyTorch 1.13 float64: tanhshrink(1e-8) = 0, and its gradient 1.1102230246251565e-16 (exact 1e-16).
  checkSpecials(a, SPECIALS, 2.5);
});

test('tanhshrink is within 3.5 ulps of mpmath over the fixture, its derivative within 1.5', () => {
  const r = checkAccuracy(a, loadCases('tanhshrink'), TOLERANCE);
  assert.ok(r.points > 1500);
  assert.ok(r.worstDerivative <= 1.5, `derivative: ${r.worstDerivative} ulps`);
});

test('tanhshrink is odd and its derivative even, exactly (away from x = 0)', () => {
  for (let x = -30; x <= 30; x += 0.0625) {
    if (x === 0) continue;
    assertSame(tanhshrink.forward(-x), -tanhshrink.forward(x), `forward at ±${x}`);
    assertSame(tanhshrink.derivative(-x), tanhshrink.derivative(x), `derivative at ±${x}`);
  }
});

test('tanhshrink increases monotonically across the branch point x = 1', () => {
  let prev = tanhshrink.forward(0.99);
  for (let x = 0.99; x <= 1.01; x += 1e-5) {
    const y = tanhshrink.forward(x);
    assert.ok(y >= prev, `x=${x}: ${y} < ${prev}`);
    prev = y;
  }
});

test('tanhshrink’s map and mapDerivative follow the typed-array contract', () => {
  checkMap(a);
});

test('tanhshrink’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});

test('computed literally, x − tanh(x) keeps about 6 of 16 digits at x = 1e−5 and none at 1e−8, as the example and trade-offs say', () => {
  const x = 1e-5;
  const literal = x - Math.tanh(x);
  const exact = tanhshrink.forward(x);
  const digits = -Math.log10(Math.abs(literal - exact) / exact);
  assert.equal(Math.round(digits), 6, `x − tanh(x) at 1e-5: ${literal}, exact ${exact}, ${digits.toFixed(2)} correct digits`);
  const stated = `about ${Math.round(digits)} of 16 significant digits`;
  const example = tanhshrink.examples.find((e) => e.x === x);
  assert.ok(example?.note?.includes(stated), `the 1e-5 example's note should say "${stated}": ${example?.note}`);
  assert.ok(
    tanhshrink.tradeOffs.disadvantages.some(({ text }) => text.includes(`about ${Math.round(digits)} of 16 significant digits survive at x = 1e−5`)),
    'the cancellation disadvantage should state the measured digits',
  );
  assert.equal(1e-8 - Math.tanh(1e-8), 0, 'no digit survives at 1e-8');
  assert.ok(tanhshrink.forward(1e-8) > 0);
});
