/**
 * The public contract of the module (DESIGN.md), as a user of the entry point sees it: the shape of
 * `activations` and the softmax family, `map`'s array semantics, and the errors for bad input.
 * Expected ids, order and defaults are typed here again from the contract, not read from the code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as entry from '../src/index.js';
import type { Activation, Params } from '../src/index.js';
import { show } from './helpers/numeric.js';

/**
 * PyTorch's defaults, typed here from PyTorch's documentation rather than read from the code, for the
 * functions the contract was written with, in teaching order. Not a list of every function: one added
 * later is checked against its own fixture (test/accuracy.test.ts), and every test below runs over the
 * whole registry.
 */
const PYTORCH_DEFAULTS: readonly [string, Record<string, number | string>][] = [
  ['sigmoid', {}],
  ['tanh', {}],
  ['relu', {}],
  ['leakyRelu', { negativeSlope: 0.01 }],
  ['prelu', { weight: 0.25 }],
  ['relu6', {}],
  ['elu', { alpha: 1 }],
  ['selu', {}],
  ['celu', { alpha: 1 }],
  ['softplus', { beta: 1, threshold: 20 }],
  ['mish', {}],
  ['gelu', { approximate: 'none' }],
  ['silu', {}],
  ['swish', { beta: 1 }],
  ['hardtanh', { minVal: -1, maxVal: 1 }],
  ['hardsigmoid', {}],
  ['hardswish', {}],
  ['softsign', {}],
  ['logSigmoid', {}],
  ['tanhshrink', {}],
  ['softshrink', { lambda: 0.5 }],
  ['hardshrink', { lambda: 0.5 }],
];

const activations = entry.activations as Readonly<Record<string, Activation<Params>>>;
const ALL = entry.activationIds.map((id) => activations[id]!);

/** Specials, kinks and ordinary values; every one is exactly representable in float32 except 1e308 and the f64 subnormal. */
const INPUTS = [
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  1e-310,
  -1e-310,
  1e-40,
  -1e-40,
  1e308,
  -1e308,
  3.4e38,
  -3.4e38,
  -800,
  -40,
  -20,
  -6,
  -3,
  -1.5,
  -1,
  -0.5,
  -0.1,
  0.1,
  0.5,
  1,
  1.5,
  3,
  6,
  20,
  21,
  40,
  800,
];

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** Distance in float32 ulps (0 for equal values, ±0 equal, NaN only equal to NaN). */
function f32Ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  const ord = (x: number): number => {
    f32[0] = x;
    const bits = u32[0]!;
    return bits & 0x80000000 ? -(bits & 0x7fffffff) : bits;
  };
  return Math.abs(ord(a) - ord(b));
}

test('the entry exports activations, softmax, logSoftmax and softmin', () => {
  assert.equal(typeof entry.activations, 'object');
  for (const name of ['softmax', 'logSoftmax', 'softmin'] as const) assert.equal(typeof entry[name], 'function', name);
});

test("activations is a frozen record of the registry ids, in activationIds order, keeping the contract's teaching order", () => {
  assert.ok(Object.isFrozen(activations) && Object.isFrozen(entry.activationIds));
  assert.ok(entry.activationIds.length > 0);
  assert.deepEqual(Object.keys(activations), [...entry.activationIds]);
  // The contract's functions are all there, in the contract's relative order (new ones may sit between).
  const contractIds = PYTORCH_DEFAULTS.map(([id]) => id);
  assert.deepEqual(
    entry.activationIds.filter((id) => contractIds.includes(id)),
    contractIds,
  );
  assert.throws(() => {
    (activations as Record<string, unknown>).extra = 1;
  }, TypeError);
});

test('activationById and isActivationId find exactly the registry ids (own keys only)', () => {
  for (const id of entry.activationIds) {
    assert.equal(entry.activationById(id), activations[id]);
    assert.ok(entry.isActivationId(id));
  }
  for (const id of ['nope', 'toString', 'constructor', '__proto__', 'softmax', 'Relu', '']) {
    assert.equal(entry.activationById(id), undefined, id);
    assert.equal(entry.isActivationId(id), false, id);
  }
});

describe("each contract function has PyTorch's defaults", () => {
  for (const [id, defaults] of PYTORCH_DEFAULTS) {
    test(`${id}: defaults ${JSON.stringify(defaults)}`, () => {
      const a = activations[id];
      assert.ok(a, `${id} is missing from the registry`);
      assert.deepEqual({ ...a.defaults }, defaults);
    });
  }
});

describe('each activation has the contract shape', () => {
  for (const a of ALL) {
    test(`${a.id}: id, name, documented defaults, forward, derivative, map`, () => {
      const { id, defaults } = a;
      assert.equal(typeof id, 'string');
      assert.ok(typeof a.name === 'string' && a.name.length > 0);
      assert.deepEqual(Object.keys(defaults).sort(), a.params.map((p) => p.name).sort(), `${id}: every default is a documented parameter`);
      assert.ok(Object.isFrozen(a) && Object.isFrozen(a.defaults), `${id} and its defaults must be frozen`);
      for (const fn of ['forward', 'derivative', 'map'] as const) assert.equal(typeof a[fn], 'function', `${id}.${fn}`);
      assert.equal(typeof a.forward(0.5), 'number');
      assert.equal(typeof a.derivative(0.5), 'number');
      // explicit defaults give the same results as none
      for (const x of [-2.5, 0.3, 4]) {
        assert.ok(Object.is(a.forward(x, defaults), a.forward(x)));
        assert.ok(Object.is(a.derivative(x, defaults), a.derivative(x)));
      }
    });
  }
});

describe('map returns the same typed array type and agrees with forward', () => {
  for (const a of ALL) {
    test(`${a.id}: Float64Array results equal forward bit for bit`, () => {
      const xs = Float64Array.from(INPUTS);
      const ys = a.map(xs);
      assert.ok(ys instanceof Float64Array && ys !== xs && ys.length === xs.length);
      xs.forEach((x, i) => assert.ok(Object.is(ys[i], a.forward(x)), `${a.id}.map at ${show(x)}: got ${show(ys[i]!)}, forward ${show(a.forward(x))}`));
    });

    test(`${a.id}: Float32Array results within 1 float32 ulp of forward rounded to float32`, () => {
      const xs = Float32Array.from(INPUTS);
      const ys = a.map(xs);
      assert.ok(ys instanceof Float32Array && ys.length === xs.length);
      xs.forEach((x, i) => {
        const expected = Math.fround(a.forward(x));
        assert.ok(f32Ulps(ys[i]!, expected) <= 1, `${a.id}.map(Float32Array) at ${show(x)}: got ${show(ys[i]!)}, expected ${show(expected)}`);
      });
    });

    test(`${a.id}: map fills out and returns it without allocating, and works in place`, () => {
      for (const Type of [Float64Array, Float32Array]) {
        // A subclass that counts constructions: map must not create an array of the input's type
        // when it is given one to fill.
        let constructed = 0;
        const Base = Type as unknown as new (length: number) => Float64Array;
        class Counting extends Base {
          constructor(length: number) {
            super(length);
            constructed++;
          }
        }
        const xs = new Counting(INPUTS.length);
        xs.set(INPUTS);
        const out = new Counting(INPUTS.length);
        constructed = 0;
        const result = a.map(xs as Float64Array, undefined, out as Float64Array);
        assert.equal(result, out, `${a.id}.map(${Type.name}) must return its out argument`);
        assert.equal(constructed, 0, `${a.id}.map(${Type.name}, out) allocated ${constructed} array(s)`);
        // the detector itself: without out, map allocates exactly one array of the input's type
        assert.ok(a.map(xs as Float64Array) instanceof Counting);
        assert.equal(constructed, 1);
        const fresh = a.map(Type.from(INPUTS) as Float64Array);
        for (let i = 0; i < INPUTS.length; i++) assert.ok(Object.is(out[i], fresh[i]), `${a.id}.map into out at ${show(INPUTS[i]!)}`);
        const inPlace = Type.from(INPUTS) as Float64Array;
        assert.equal(a.map(inPlace, undefined, inPlace), inPlace);
        for (let i = 0; i < INPUTS.length; i++) assert.ok(Object.is(inPlace[i], fresh[i]), `${a.id}.map in place at ${show(INPUTS[i]!)}`);
      }
    });
  }
});

describe('bad input fails with the right error, naming the parameter and the value', () => {
  for (const a of ALL) {
    test(`${a.id}: wrong out type is a TypeError naming out and its type`, () => {
      assert.throws(
        () => a.map(new Float64Array(3), undefined, new Float32Array(3) as unknown as Float64Array),
        (e: unknown) => e instanceof TypeError && /\bout\b/.test(String(e)) && /Float32Array/.test(String(e)),
      );
      assert.throws(
        () => a.map(new Float32Array(3), undefined, new Float64Array(3) as unknown as Float32Array),
        (e: unknown) => e instanceof TypeError && /\bout\b/.test(String(e)) && /Float64Array/.test(String(e)),
      );
    });

    test(`${a.id}: wrong out length is a RangeError naming out and its length`, () => {
      assert.throws(
        () => a.map(new Float64Array(3), undefined, new Float64Array(5)),
        (e: unknown) => e instanceof RangeError && /\bout\b/.test(String(e)) && /\b5\b/.test(String(e)),
      );
    });

    test(`${a.id}: xs that is not a Float64Array or Float32Array is a TypeError naming xs and the value`, () => {
      const bad: [unknown, RegExp][] = [
        [[1, 2, 3], /Array|object/],
        [new Int32Array(3), /Int32Array/],
        [null, /null/],
        ['abc', /"abc"/],
        [42, /42/],
      ];
      for (const [xs, value] of bad) {
        assert.throws(
          () => a.map(xs as Float64Array),
          (e: unknown) => e instanceof TypeError && /\bxs\b/.test(String(e)) && value.test(String(e)),
          `${a.id}.map(${String(xs)})`,
        );
      }
    });

    test(`${a.id}: an unknown parameter is a TypeError naming it`, () => {
      for (const call of [
        () => a.forward(1, { bogusParam: 1 } as Params),
        () => a.derivative(1, { bogusParam: 1 } as Params),
        () => a.map(new Float64Array(1), { bogusParam: 1 } as Params),
      ]) {
        assert.throws(call, (e: unknown) => e instanceof TypeError && /bogusParam/.test(String(e)));
      }
    });

    const numeric = Object.entries(a.defaults).filter(([, v]) => typeof v === 'number');
    for (const [name] of numeric) {
      test(`${a.id}: NaN for ${name} is a RangeError naming ${name} and NaN`, () => {
        for (const call of [() => a.forward(1, { [name]: NaN }), () => a.derivative(1, { [name]: NaN }), () => a.map(new Float32Array(2), { [name]: NaN })]) {
          assert.throws(call, (e: unknown) => e instanceof RangeError && String(e).includes(name) && /NaN/.test(String(e)));
        }
      });

      test(`${a.id}: a string for ${name} is a TypeError naming ${name}`, () => {
        assert.throws(
          () => a.forward(1, { [name]: '1' }),
          (e: unknown) => e instanceof TypeError && String(e).includes(name),
        );
      });
    }
  }
});

describe('the softmax family on the entry point', () => {
  test('softmax, logSoftmax and softmin take an array or typed array and return a Float64Array of the same length', () => {
    for (const f of [entry.softmax, entry.logSoftmax, entry.softmin]) {
      for (const xs of [[1, 2, 3], new Float64Array([1, 2, 3]), new Float32Array([1, 2, 3])]) {
        const ys = f(xs);
        assert.ok(ys instanceof Float64Array && ys.length === 3);
      }
    }
  });

  test('softmax([1, 2, 3]) sums to 1 and logSoftmax is its logarithm; softmin reverses it', () => {
    const s = entry.softmax([1, 2, 3]);
    assert.ok(Math.abs(s[0]! + s[1]! + s[2]! - 1) <= 2 ** -52);
    assert.ok(s[0]! < s[1]! && s[1]! < s[2]!);
    const l = entry.logSoftmax([1, 2, 3]);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(Math.log(s[i]!) - l[i]!) <= 1e-15);
    assert.deepEqual(Array.from(entry.softmin([1, 2, 3])), Array.from(s).reverse());
  });

  test('non-array input is a TypeError naming xs', () => {
    for (const f of [entry.softmax, entry.logSoftmax, entry.softmin]) {
      for (const bad of [null, 5, 'abc', {}]) {
        assert.throws(
          () => f(bad as never),
          (e: unknown) => e instanceof TypeError && /\bxs\b/.test(String(e)),
        );
      }
    }
  });

  test('empty input gives an empty Float64Array', () => {
    for (const f of [entry.softmax, entry.logSoftmax, entry.softmin]) {
      const ys = f([]);
      assert.ok(ys instanceof Float64Array && ys.length === 0);
    }
  });
});
