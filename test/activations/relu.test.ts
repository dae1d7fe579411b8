import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relu } from '../../src/activations/relu.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.relu on float64 tensors, autograd for derivatives).

test('relu propagates NaN, and its derivative at NaN is 1 as threshold_backward gives', () => {
  assertSame(relu.forward(NaN), NaN, 'relu(NaN)');
  assertSame(relu.derivative(NaN), 1, "relu'(NaN)");
});

test('relu keeps the sign of zero: relu(-0) is -0 and relu(+0) is +0', () => {
  assertSame(relu.forward(-0), -0, 'relu(-0)');
  assertSame(relu.forward(0), 0, 'relu(0)');
});

test('relu derivative at the kink x = 0 (either sign) is 0', () => {
  assertSame(relu.derivative(0), 0, "relu'(0)");
  assertSame(relu.derivative(-0), 0, "relu'(-0)");
});

test('relu at infinities: +Infinity passes, -Infinity gives +0', () => {
  assertSame(relu.forward(Infinity), Infinity, 'relu(Infinity)');
  assertSame(relu.forward(-Infinity), 0, 'relu(-Infinity)');
  assertSame(relu.derivative(Infinity), 1, "relu'(Infinity)");
  assertSame(relu.derivative(-Infinity), 0, "relu'(-Infinity)");
});

test('relu on subnormals and ±1e308: positive ones pass unchanged, negative ones give +0', () => {
  assertSame(relu.forward(5e-324), 5e-324, 'relu(5e-324)');
  assertSame(relu.forward(1e-310), 1e-310, 'relu(1e-310)');
  assertSame(relu.forward(-1e-310), 0, 'relu(-1e-310)');
  assertSame(relu.derivative(5e-324), 1, "relu'(5e-324)");
  assertSame(relu.derivative(-5e-324), 0, "relu'(-5e-324)");
  assertSame(relu.forward(1e308), 1e308, 'relu(1e308)');
  assertSame(relu.forward(-1e308), 0, 'relu(-1e308)');
});

test('relu takes no parameters and names the unknown one', () => {
  assert.throws(
    () => relu.forward(1, { alpha: 1 } as never),
    (e: unknown) => e instanceof TypeError && /'alpha'/.test(String(e)),
  );
});

test('relu map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(relu);
});

test('relu matches the exact values and PyTorch bit for bit on the fixture (0 ulps)', () => {
  const r = checkFixture(relu, { fTol: 0, dfTol: 0 });
  assert.ok(r.rows > 500, `only ${r.rows} fixture rows`);
});

test('a dead ReLU unit gets no gradient for its own weights, yet revives when an earlier layer changes', () => {
  // Second-layer unit z = relu(h − 2) on first-layer outputs h = relu(u·x), inputs x in [0, 1].
  const xs = [0, 0.25, 0.5, 0.75, 1];
  const preActivation = (u: number, x: number) => relu.forward(u * x) - 2;
  // With u = 1 it is dead on every input: its incoming weight and bias get a zero gradient.
  for (const x of xs) assert.equal(relu.derivative(preActivation(1, x)), 0, `dead at x = ${x} with u = 1`);
  // Other paths keep training the first layer; once u has grown to 3 the unit is active again.
  const active = xs.filter((x) => relu.derivative(preActivation(3, x)) === 1);
  assert.deepEqual(active, [0.75, 1], 'inputs on which the unit is active again with u = 3');
});

test('relu’s trade-offs do not say a dead unit stops learning for good', () => {
  const { advantages, disadvantages, whenToUse } = relu.tradeOffs;
  for (const claim of [...advantages, ...disadvantages, ...whenToUse]) {
    assert.doesNotMatch(claim.text, /stops? learning for good|permanently dead/i, claim.text);
  }
});
