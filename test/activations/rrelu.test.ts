import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rrelu, rreluTraining, RRELU_LOWER, RRELU_UPPER } from '../../src/activations/rrelu.js';
import { leakyRelu } from '../../src/activations/leaky-relu.js';
import { checkFixture, checkMap, MAP_INPUTS } from '../helpers/activation.js';
import { assertSame } from '../helpers/numeric.js';

// Expected values below are PyTorch 1.13's (F.rrelu(x, 1/8, 1/3, training=False) on float64 tensors,
// autograd for derivatives) unless a test says it checks a deliberate difference.

const SLOPE = 0.22916666666666666; // (1/8 + 1/3) / 2 in float64, as PyTorch computes it: 11/48 rounded

test('rrelu has PyTorch’s defaults lower = 1/8, upper = 1/3, and evaluates with their mean slope', () => {
  assert.deepEqual({ ...rrelu.defaults }, { lower: 1 / 8, upper: 1 / 3 });
  assert.equal(RRELU_LOWER, 0.125);
  assert.equal(RRELU_UPPER, 1 / 3);
  assertSame(rrelu.forward(-2), -0.4583333333333333, 'rrelu(-2)');
  assertSame(rrelu.derivative(-2), SLOPE, "rrelu'(-2)");
  assertSame(rrelu.forward(-2, { lower: 0.1, upper: 0.3 }), -0.4, 'rrelu(-2; 0.1, 0.3)');
});

test('rrelu in evaluation mode is leakyRelu with slope (lower + upper)/2, bit for bit', () => {
  for (const [lower, upper] of [
    [1 / 8, 1 / 3],
    [0.1, 0.3],
    [0, 0],
    [-0.5, 0.25],
    [1, 3],
    [0.3, 0.3],
  ] as const) {
    const s = (lower + upper) / 2;
    for (const x of MAP_INPUTS) {
      assertSame(rrelu.forward(x, { lower, upper }), leakyRelu.forward(x, { negativeSlope: s }), `rrelu(${x}; ${lower}, ${upper})`);
      assertSame(rrelu.derivative(x, { lower, upper }), leakyRelu.derivative(x, { negativeSlope: s }), `rrelu'(${x}; ${lower}, ${upper})`);
    }
  }
});

test('rrelu propagates NaN, and its derivative at NaN, 0 and -0 is the mean slope', () => {
  assertSame(rrelu.forward(NaN), NaN, 'rrelu(NaN)');
  assertSame(rrelu.derivative(NaN), SLOPE, "rrelu'(NaN)");
  assertSame(rrelu.derivative(0), SLOPE, "rrelu'(0)");
  assertSame(rrelu.derivative(-0), SLOPE, "rrelu'(-0)");
  assertSame(rrelu.forward(-0), -0, 'rrelu(-0)');
  assertSame(rrelu.forward(0), 0, 'rrelu(0)');
});

test('rrelu at infinities, ±1e308 and subnormals', () => {
  assertSame(rrelu.forward(Infinity), Infinity, 'rrelu(Infinity)');
  assertSame(rrelu.forward(-Infinity), -Infinity, 'rrelu(-Infinity)');
  assertSame(rrelu.derivative(Infinity), 1, "rrelu'(Infinity)");
  assertSame(rrelu.derivative(-Infinity), SLOPE, "rrelu'(-Infinity)");
  assertSame(rrelu.forward(-1e308), -2.2916666666666664e307, 'rrelu(-1e308)');
  assertSame(rrelu.forward(-1e-310), -2.2916666666667e-311, 'rrelu(-1e-310)');
  assertSame(rrelu.forward(1e-310), 1e-310, 'rrelu(1e-310)');
});

test('rrelu with a zero mean slope gives the limit -0 at -Infinity where PyTorch computes (-∞)·0 = NaN', () => {
  for (const p of [
    { lower: 0, upper: 0 },
    { lower: -0.5, upper: 0.5 },
  ]) {
    assertSame(rrelu.forward(-Infinity, p), -0, `rrelu(-Infinity; ${JSON.stringify(p)})`);
    assertSame(rrelu.map(new Float64Array([-Infinity]), p)[0]!, -0, `map rrelu(-Infinity; ${JSON.stringify(p)})`);
  }
});

test('rrelu rejects lower > upper, NaN and non-finite bounds with a RangeError naming them', () => {
  const named = (name: string, value: string) => (e: unknown) => e instanceof RangeError && String(e).includes(`'${name}'`) && String(e).includes(value);
  assert.throws(() => rrelu.forward(1, { lower: 0.5, upper: 0.1 }), named('lower', '0.5'));
  assert.throws(() => rrelu.forward(1, { lower: 0.5, upper: 0.1 }), named('upper', '0.1'));
  assert.throws(() => rrelu.forward(1, { lower: 0.4 }), named('upper', String(1 / 3)), 'lower above the default upper');
  assert.throws(() => rrelu.map(new Float64Array(2), { upper: 0.1 }), named('lower', '0.125'), 'upper below the default lower');
  for (const name of ['lower', 'upper'] as const) {
    assert.throws(() => rrelu.forward(1, { [name]: NaN } as { lower?: number; upper?: number }), named(name, 'NaN'));
  }
  assert.throws(() => rrelu.forward(1, { lower: -Infinity }), named('lower', '-Infinity'));
  assert.throws(() => rrelu.forward(1, { upper: Infinity }), named('upper', 'Infinity'));
  assert.throws(
    () => rrelu.forward(1, { lower: 1e308, upper: 1.7e308 }),
    (e: unknown) => e instanceof RangeError && /overflows/.test(String(e)),
  );
  // equal bounds are allowed (PyTorch checks lower <= upper): a plain Leaky ReLU
  assertSame(rrelu.forward(-1, { lower: 0.2, upper: 0.2 }), -0.2, 'rrelu(-1; 0.2, 0.2)');
  assert.throws(
    () => rrelu.forward(1, { low: 0.1 } as never),
    (e: unknown) => e instanceof TypeError && /low/.test(String(e)),
  );
});

test('rrelu map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(rrelu);
  checkMap(rrelu, { lower: 0.1, upper: 0.3 });
  checkMap(rrelu, { lower: 0, upper: 0 });
  checkMap(rrelu, { lower: 0.25, upper: 0.25 });
});

test('rrelu equals PyTorch bit for bit and the exact values to 1 ulp on the fixture, except at -Infinity with slope 0', () => {
  // The exact slope is the mean of the two bounds; PyTorch (and we) round lower + upper first and then
  // multiply, two roundings: the product can be one ulp off (never at the defaults, where 1/8 + fl(1/3)
  // is exact). The slope itself, the derivative, is the correctly rounded mean in every fixture set.
  const r = checkFixture(rrelu, {
    fTol: 1,
    dfTol: 0,
    forwardDeviates: (x, p) => x === -Infinity && (p.lower as number) + (p.upper as number) === 0,
  });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});

// ---- training mode ------------------------------------------------------------------------

const XS = Float64Array.from({ length: 4000 }, (_, i) => (i % 2 ? -1 : 1) * (1 + (i % 17)) * 0.37);

test('rreluTraining is deterministic per seed, and different seeds give different slopes', () => {
  const a = rreluTraining(XS, 42);
  const b = rreluTraining(XS, 42);
  assert.deepEqual(Array.from(a.output), Array.from(b.output));
  assert.deepEqual(Array.from(a.slopes), Array.from(b.slopes));
  const c = rreluTraining(XS, 43);
  assert.notDeepEqual(Array.from(c.slopes), Array.from(a.slopes));
  // the slope of element i depends on the seed and i only: flipping other inputs changes nothing
  const flipped = XS.map((x, i) => (i === 7 ? x : -x));
  const d = rreluTraining(flipped, 42);
  assert.equal(d.slopes[7], a.slopes[7]);
});

test('rreluTraining: x ≤ 0 gets a slope in [lower, upper] and output x·slope; x > 0 and NaN pass with slope 1', () => {
  const xs = Float64Array.from([...XS, 0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324]);
  for (const params of [undefined, { lower: 0.1, upper: 0.3 }, { lower: -0.5, upper: 0.25 }, { lower: 0.2, upper: 0.2 }]) {
    const { lower, upper } = rrelu.resolveParams(params);
    const { output, slopes } = rreluTraining(xs, 7, params);
    assert.ok(output instanceof Float64Array && slopes instanceof Float64Array && output.length === xs.length);
    xs.forEach((x, i) => {
      const s = slopes[i]!;
      if (x > 0 || Number.isNaN(x)) {
        assert.equal(s, 1);
        assertSame(output[i]!, x, `output at ${x}`);
      } else {
        assert.ok(s >= lower && s <= upper, `slope ${s} outside [${lower}, ${upper}]`);
        assertSame(output[i]!, x * s, `output at ${x}`);
      }
    });
  }
  const { output } = rreluTraining(Float64Array.from([0, -0]), 1);
  assertSame(output[0]!, 0, 'training rrelu(0)');
  assertSame(output[1]!, -0, 'training rrelu(-0)');
});

test('rreluTraining’s slopes are uniform on [lower, upper]: their mean is the evaluation slope', () => {
  const n = 200_000;
  const { slopes } = rreluTraining(new Float64Array(n).fill(-1), 2024);
  let sum = 0;
  let sumSq = 0;
  let below = 0;
  for (const s of slopes) {
    sum += s;
    sumSq += s * s;
    if (s < (RRELU_LOWER + RRELU_UPPER) / 2) below++;
  }
  const mean = sum / n;
  const width = RRELU_UPPER - RRELU_LOWER;
  // uniform: mean (l + u)/2, standard deviation (u − l)/√12; 5 standard errors
  assert.ok(Math.abs(mean - SLOPE) < (5 * width) / Math.sqrt(12 * n), `mean slope ${mean}, expected ${SLOPE}`);
  const variance = sumSq / n - mean * mean;
  assert.ok(Math.abs(variance / ((width * width) / 12) - 1) < 0.02, `variance ${variance}`);
  assert.ok(Math.abs(below / n - 0.5) < (5 * 0.5) / Math.sqrt(n), `${below} of ${n} below the mean`);
  // and the mean training output over many seeds tends to the evaluation output
  let out = 0;
  for (let seed = 0; seed < 2000; seed++) out += rreluTraining(Float64Array.of(-3), seed).output[0]!;
  assert.ok(Math.abs(out / 2000 - rrelu.forward(-3)) < (5 * 3 * width) / Math.sqrt(12 * 2000));
});

test('rreluTraining on a Float32Array rounds the slope to float32 before the product, as PyTorch', () => {
  const xs = Float32Array.from([-1.5, 2, -0.1, 0]);
  const { output, slopes } = rreluTraining(xs, 5);
  assert.ok(output instanceof Float32Array && slopes instanceof Float32Array);
  xs.forEach((x, i) => assertSame(output[i]!, x > 0 ? x : Math.fround(x * slopes[i]!), `float32 output at ${x}`));
});

test('rreluTraining rejects a bad seed, bad parameters and non-float arrays', () => {
  for (const seed of [-1, 1.5, 2 ** 32, NaN, Infinity]) {
    assert.throws(
      () => rreluTraining(XS, seed),
      (e: unknown) => e instanceof RangeError && /seed/.test(String(e)),
      `seed ${seed}`,
    );
  }
  assert.throws(
    () => rreluTraining(XS, 1, { lower: 0.5, upper: 0.2 }),
    (e: unknown) => e instanceof RangeError && /'lower'/.test(String(e)),
  );
  assert.throws(
    () => rreluTraining([1, 2] as unknown as Float64Array, 1),
    (e: unknown) => e instanceof TypeError && /\bxs\b/.test(String(e)),
  );
});
