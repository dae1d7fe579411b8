import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silu } from '../../src/activations/silu.js';
import { swish } from '../../src/activations/swish.js';
import type { Activation, Params } from '../../src/types.js';
import { assertClose, assertSame } from '../helpers/numeric.js';
import { checkAccuracy, checkExamples, checkMap, loadCases, MAP_INPUTS } from '../helpers/activation.js';

const a = swish as unknown as Activation<Params>;
// Worst measured: 2.3 ulps (forward), 2.2 ulps (derivative; 3.0 before SiLU′'s double-double form)
// over 8 values of β, including points within 1e-3 of the derivative's zero at βx ≈ −1.2785
// (condition numbers up to 4930).
const TOLERANCE = { ulps: 3.5, perCondition: 1 / 1024 };

test('swish propagates NaN through forward and derivative, for any β', () => {
  for (const beta of [1, 0.1, 0, -2]) {
    assertSame(swish.forward(NaN, { beta }), NaN, `forward(NaN), β=${beta}`);
    assertSame(swish.derivative(NaN, { beta }), NaN, `derivative(NaN), β=${beta}`);
  }
});

test('swish gives the limits at ±Infinity (PyTorch’s formula gives NaN for three of them) and autograd’s NaN derivative', () => {
  assertSame(swish.forward(Infinity), Infinity, 'forward(∞), β=1');
  assertSame(swish.forward(-Infinity), -0, 'forward(−∞), β=1');
  assertSame(swish.forward(Infinity, { beta: -1 }), 0, 'forward(∞), β=−1');
  assertSame(swish.forward(-Infinity, { beta: -1 }), -Infinity, 'forward(−∞), β=−1');
  assertSame(swish.forward(Infinity, { beta: 0 }), Infinity, 'forward(∞), β=0');
  // PyTorch 1.13 autograd of x * torch.sigmoid(beta * x) at ±inf: nan for every β (∞·0 or 0·∞).
  for (const beta of [1, -1, 0, 2.5]) {
    assertSame(swish.derivative(Infinity, { beta }), NaN, `derivative(∞), β=${beta}`);
    assertSame(swish.derivative(-Infinity, { beta }), NaN, `derivative(−∞), β=${beta}`);
  }
});

test('swish keeps the sign of zero and has slope 1/2 there, for any β', () => {
  for (const beta of [1, 0.1, 0, -3]) {
    assertSame(swish.forward(0, { beta }), 0, `forward(0), β=${beta}`);
    assertSame(swish.forward(-0, { beta }), -0, `forward(−0), β=${beta}`);
    assertSame(swish.derivative(0, { beta }), 0.5, `derivative(0), β=${beta}`);
  }
});

test('swish with β = 1 is SiLU exactly, and with β = 0 the line x/2 with slope 1/2', () => {
  for (const x of MAP_INPUTS) {
    assertSame(swish.forward(x), silu.forward(x), `forward(${x})`);
    assertSame(swish.derivative(x), silu.derivative(x), `derivative(${x})`);
    if (Number.isFinite(x)) {
      assertSame(swish.forward(x, { beta: 0 }), x / 2, `forward(${x}), β=0`);
      assertSame(swish.derivative(x, { beta: 0 }), 0.5, `derivative(${x}), β=0`);
    }
  }
});

test('swish matches mpmath for several β, including negative β and βx below −709', () => {
  // mpmath, 50 digits: x·σ(βx) and σ(βx)(1 + βx·σ(−βx)).
  const cases: [beta: number, x: number, f: number, d: number][] = [
    [-1, 2, 0.23840584404423512, -0.09078424878489548],
    [10, -0.1, -0.026894142136999512, 0.07232948812851325],
    [0.5, -1440, -2.926412355491e-310, -1.46117394694305e-310],
    [1.7, -420, -3.4434137670274475e-308, -5.845604799739452e-308],
    [3, 40, 40, 1],
  ];
  for (const [beta, x, f, d] of cases) {
    assertClose(swish.forward(x, { beta }), f, 2, `forward(${x}), β=${beta}`);
    assertClose(swish.derivative(x, { beta }), d, 2, `derivative(${x}), β=${beta}`);
  }
  // PyTorch 1.13 returns −0 and 0 for the two cases with βx < −709.8 (x·σ(βx) with e^−βx = ∞).
});

test('swish handles βx overflowing for a finite x: x and slope 1 above, a zero below', () => {
  // PyTorch 1.13: x * sigmoid(2 * x) at 1e308 is 1e308 with gradient 1.
  assertSame(swish.forward(1e308, { beta: 2 }), 1e308, 'forward(1e308), β=2');
  assertSame(swish.derivative(1e308, { beta: 2 }), 1, 'derivative(1e308), β=2');
  assertSame(swish.forward(1e308, { beta: -2 }), 0, 'forward(1e308), β=−2');
  assertSame(swish.derivative(1e308, { beta: -2 }), -0, 'derivative(1e308), β=−2');
  assertSame(swish.forward(-1e308, { beta: 2 }), -0, 'forward(−1e308), β=2');
});

test('swish rejects a NaN or infinite β and a β of the wrong type, naming the parameter', () => {
  assert.throws(
    () => swish.forward(1, { beta: NaN }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => swish.forward(1, { beta: Infinity }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => swish.derivative(1, { beta: -Infinity }),
    (e: unknown) => e instanceof RangeError && /beta/.test(e.message),
  );
  assert.throws(
    () => swish.forward(1, { beta: '1' } as never),
    (e: unknown) => e instanceof TypeError && /beta/.test(e.message),
  );
  assert.throws(() => swish.forward(1, { alpha: 1 } as never), TypeError);
});

test('swish is within 3.5 ulps of mpmath over the fixture for 8 values of β (plus 1/1024 ulp per unit of condition number)', () => {
  const cases = loadCases('swish');
  assert.ok(cases.length >= 8);
  const r = checkAccuracy(a, cases, TOLERANCE);
  assert.ok(r.points > 4000);
});

test('swish’s map and mapDerivative follow the typed-array contract, with β = 1, 0.1, 0 and −2', () => {
  checkMap(a);
  checkMap(a, { beta: 0.1 });
  checkMap(a, { beta: 0 });
  checkMap(a, { beta: -2 });
});

test('swish’s documented examples hold to 2 ulps', () => {
  checkExamples(a, 2);
});
