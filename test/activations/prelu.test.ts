import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prelu } from '../../src/activations/prelu.js';
import { assertSame } from '../helpers/numeric.js';
import { checkFixture, checkMap } from '../helpers/activation.js';

// Expected values below are PyTorch 1.13's (F.prelu with a one-element float64 weight, autograd for
// the input gradient) unless a test says it checks a deliberate difference.

test('prelu propagates NaN, and its derivative at NaN is the weight', () => {
  assertSame(prelu.forward(NaN), NaN, 'prelu(NaN)');
  assertSame(prelu.derivative(NaN), 0.25, "prelu'(NaN)");
});

test('prelu keeps the sign of zero, and its derivative at the kink is the weight', () => {
  assertSame(prelu.forward(-0), -0, 'prelu(-0)');
  assertSame(prelu.forward(0), 0, 'prelu(0)');
  assertSame(prelu.derivative(0), 0.25, "prelu'(0)");
  assertSame(prelu.derivative(-0), 0.25, "prelu'(-0)");
});

test('prelu at infinities, subnormals and ±1e308', () => {
  assertSame(prelu.forward(Infinity), Infinity, 'prelu(Infinity)');
  assertSame(prelu.forward(-Infinity), -Infinity, 'prelu(-Infinity)');
  assertSame(prelu.derivative(Infinity), 1, "prelu'(Infinity)");
  assertSame(prelu.derivative(-Infinity), 0.25, "prelu'(-Infinity)");
  assertSame(prelu.forward(-1e-310), -2.5e-311, 'prelu(-1e-310)');
  assertSame(prelu.forward(1e-310), 1e-310, 'prelu(1e-310)');
  assertSame(prelu.forward(-1e308), -2.5e307, 'prelu(-1e308)');
});

test('prelu with weight 0 gives the limit -0 at -Infinity where PyTorch computes (-∞)·0 = NaN', () => {
  assertSame(prelu.forward(-Infinity, { weight: 0 }), -0, 'prelu(-Infinity; 0)');
  assertSame(prelu.map(new Float32Array([-Infinity]), { weight: 0 })[0]!, -0, 'map prelu(-Infinity; 0)');
});

test('prelu accepts negative weights and rejects NaN or infinite ones with a RangeError naming weight', () => {
  assertSame(prelu.forward(-2, { weight: -0.3 }), 0.6, 'prelu(-2; -0.3)');
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.throws(
      () => prelu.derivative(1, { weight: bad }),
      (e: unknown) => e instanceof RangeError && /weight/.test(String(e)) && String(e).includes(String(bad)),
      `weight ${bad}`,
    );
  }
});

test('prelu map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(prelu);
  checkMap(prelu, { weight: 0 });
});

test('prelu is correctly rounded (0 ulps) and equals PyTorch bit for bit except at -Infinity with weight 0', () => {
  const r = checkFixture(prelu, { fTol: 0, dfTol: 0, forwardDeviates: (x, p) => x === -Infinity && p.weight === 0 });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});

test('prelu’s trade-offs do not list a risk of overfitting, which He et al. expect not to add', () => {
  const { advantages, disadvantages, whenToUse } = prelu.tradeOffs;
  for (const claim of [...advantages, ...disadvantages, ...whenToUse]) {
    assert.doesNotMatch(claim.text, /overfitting/i, claim.text);
  }
  const correction = prelu.tradeOffs.corrections?.find((c) => /overfitting/.test(c.text));
  assert.ok(correction, 'the correction about overfitting is there');
  assert.ok(correction.evidence.some((e) => e.kind === 'paper' && e.key === 'he2015delving' && /Section 2\.1/.test(e.where)));
});
