import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leakyRelu } from '../../src/activations/leaky-relu.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.leaky_relu on float64 tensors, autograd for
// derivatives) unless a test says it checks a deliberate difference.

test('leakyRelu propagates NaN, and its derivative at NaN is the negative slope', () => {
  assertSame(leakyRelu.forward(NaN), NaN, 'leakyRelu(NaN)');
  assertSame(leakyRelu.derivative(NaN), 0.01, "leakyRelu'(NaN)");
  assertSame(leakyRelu.derivative(NaN, { negativeSlope: 0.2 }), 0.2, "leakyRelu'(NaN; 0.2)");
});

test('leakyRelu keeps the sign of zero, and its derivative at the kink is the slope', () => {
  assertSame(leakyRelu.forward(-0), -0, 'leakyRelu(-0)');
  assertSame(leakyRelu.forward(0), 0, 'leakyRelu(0)');
  assertSame(leakyRelu.derivative(0), 0.01, "leakyRelu'(0)");
  assertSame(leakyRelu.derivative(-0), 0.01, "leakyRelu'(-0)");
  // a negative slope flips the sign of -0, as -0·(-0.5) = +0 does in PyTorch
  assertSame(leakyRelu.forward(-0, { negativeSlope: -0.5 }), 0, 'leakyRelu(-0; -0.5)');
});

test('leakyRelu at infinities and ±1e308', () => {
  assertSame(leakyRelu.forward(Infinity), Infinity, 'leakyRelu(Infinity)');
  assertSame(leakyRelu.forward(-Infinity), -Infinity, 'leakyRelu(-Infinity)');
  assertSame(leakyRelu.derivative(-Infinity), 0.01, "leakyRelu'(-Infinity)");
  assertSame(leakyRelu.forward(-1e308), -1e306, 'leakyRelu(-1e308)');
  assertSame(leakyRelu.forward(1e308), 1e308, 'leakyRelu(1e308)');
});

test('leakyRelu on subnormals scales them like PyTorch (-1e-310 → -1e-312)', () => {
  assertSame(leakyRelu.forward(-1e-310), -1e-312, 'leakyRelu(-1e-310)');
  assertSame(leakyRelu.forward(1e-310), 1e-310, 'leakyRelu(1e-310)');
  assertSame(leakyRelu.forward(-5e-324), -0, 'leakyRelu(-5e-324) underflows to -0');
});

test('leakyRelu with slope 0 gives the limit -0 at -Infinity where PyTorch computes (-∞)·0 = NaN', () => {
  assertSame(leakyRelu.forward(-Infinity, { negativeSlope: 0 }), -0, 'leakyRelu(-Infinity; 0)');
  assertSame(leakyRelu.forward(-1, { negativeSlope: 0 }), -0, 'leakyRelu(-1; 0)');
  const out = leakyRelu.map(new Float64Array([-Infinity]), { negativeSlope: 0 });
  assertSame(out[0]!, -0, 'map leakyRelu(-Infinity; 0)');
});

test('leakyRelu accepts any finite slope, including negative ones and slopes above 1', () => {
  assertSame(leakyRelu.forward(-2, { negativeSlope: -0.5 }), 1, 'leakyRelu(-2; -0.5)');
  assertSame(leakyRelu.forward(-2, { negativeSlope: 1.5 }), -3, 'leakyRelu(-2; 1.5)');
});

test('leakyRelu rejects a NaN or infinite slope with a RangeError naming it', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.throws(
      () => leakyRelu.forward(1, { negativeSlope: bad }),
      (e: unknown) => e instanceof RangeError && /negativeSlope/.test(String(e)) && String(e).includes(String(bad)),
      `negativeSlope ${bad}`,
    );
  }
  assert.throws(() => leakyRelu.forward(1, { negative_slope: 0.1 } as never), TypeError);
  assert.throws(() => leakyRelu.forward(1, { negativeSlope: '0.1' } as never), TypeError);
});

test('leakyRelu map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(leakyRelu);
  checkMap(leakyRelu, { negativeSlope: 0.1 });
  checkMap(leakyRelu, { negativeSlope: 0 });
});

test('leakyRelu is correctly rounded (0 ulps) and equals PyTorch bit for bit except at -Infinity with slope 0', () => {
  const r = checkFixture(leakyRelu, {
    fTol: 0,
    dfTol: 0,
    forwardDeviates: (x, p) => x === -Infinity && p.negativeSlope === 0,
  });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});

test('leakyRelu’s trade-offs state its cost once (measured as cheap as ReLU) and claim no accuracy gain over ReLU', () => {
  const { advantages, disadvantages, whenToUse } = leakyRelu.tradeOffs;
  const claims = [...advantages, ...disadvantages, ...whenToUse];
  assert.ok(!claims.some((c) => /more computation/i.test(c.text)), 'a claim still says it costs more than ReLU');
  const cost = claims.filter((c) => c.evidence.some((e) => e.kind === 'measured' && e.experiment === 'cost'));
  assert.equal(cost.length, 1, 'exactly one claim about its cost, backed by the cost experiment');
  assert.ok(!claims.some((c) => /improved learning/i.test(c.text)), 'a claim still credits it with improved learning');
});
