import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  logSoftmax,
  logSoftmaxVectorJacobianProduct,
  softmax,
  softmaxVectorJacobianProduct,
  softmin,
  softminVectorJacobianProduct,
  vectorFunctionIds,
  vectorFunctions,
} from '../src/vector/softmax.js';
import { activations } from '../src/index.js';
import { assertSame, show, ulpDistance } from './helpers/numeric.js';
import { loadVectorFixture } from './helpers/reference.js';

const FUNCTIONS = { softmax, logSoftmax, softmin } as const;
type Id = keyof typeof FUNCTIONS;
const IDS: readonly Id[] = ['softmax', 'logSoftmax', 'softmin'];

// test/fixtures/softmax.json: exact values (mpmath, 50 digits) and PyTorch 1.13's outputs and
// autograd vector-Jacobian products, written by test/fixtures/generate.py; read through the shared
// loader, which decodes it into this shape (exact is null where some function has no exact row).
const CASES = loadVectorFixture().vectors;

const VJP = {
  softmax: softmaxVectorJacobianProduct,
  logSoftmax: logSoftmaxVectorJacobianProduct,
  softmin: softminVectorJacobianProduct,
} as const;

function fmt(xs: ArrayLike<number>): string {
  const a = Array.from(xs, show);
  return `[${a.slice(0, 6).join(', ')}${a.length > 6 ? `, … (${a.length})` : ''}]`;
}

test('the softmax family is within 2 ulps of the exact values on every finite fixture vector', () => {
  // Measured: softmax and softmin at most 2 ulps, logSoftmax at most 1; PyTorch's own float64
  // kernels are up to 466 ulps off on the same vectors (inputs far apart).
  let count = 0;
  for (const c of CASES) {
    if (!c.exact) continue;
    for (const id of IDS) {
      const got = FUNCTIONS[id](c.xs);
      const exact = c.exact[id];
      for (let i = 0; i < exact.length; i++) {
        count++;
        const u = ulpDistance(got[i]!, exact[i]!);
        assert.ok(u <= 2, `${id}(${fmt(c.xs)})[${i}]: got ${show(got[i]!)}, exact ${show(exact[i]!)} (${u} ulps)`);
      }
    }
  }
  assert.ok(count > 5000, `only ${count} fixture values`);
});

test('the softmax family gives NaN and ±Infinity exactly where PyTorch does, and agrees with it elsewhere, on every fixture vector', () => {
  for (const c of CASES) {
    for (const id of IDS) {
      const got = FUNCTIONS[id](c.xs);
      const t = c.torch[id].output;
      assert.equal(got.length, t.length);
      for (let i = 0; i < t.length; i++) {
        const what = `${id}(${fmt(c.xs)})[${i}]: got ${show(got[i]!)}, PyTorch ${show(t[i]!)}`;
        assert.equal(Number.isNaN(got[i]!), Number.isNaN(t[i]!), what);
        if (!Number.isFinite(t[i]!)) assert.ok(got[i] === t[i] || Number.isNaN(t[i]!), what);
        // Elsewhere PyTorch may be off by hundreds of ulps (and its logSoftmax by up to 2^-52 absolute
        // near 0, where it rounds log(1 + tiny)); it must still agree to 1e-12 relative plus 2^-51.
        else assert.ok(Math.abs(got[i]! - t[i]!) <= 1e-12 * Math.abs(t[i]!) + 2 ** -51, what);
      }
    }
  }
});

test('softmax of a vector with NaN is all NaN, as in PyTorch', () => {
  for (const xs of [[NaN, 1], [1, NaN, 2], [NaN]]) {
    for (const id of IDS) for (const y of FUNCTIONS[id](xs)) assert.ok(Number.isNaN(y), `${id}(${fmt(xs)}) gave ${y}`);
  }
});

test('softmax with +Infinity is all NaN (∞ − ∞), and softmin with -Infinity likewise, as in PyTorch', () => {
  for (const y of softmax([Infinity, 1])) assert.ok(Number.isNaN(y));
  for (const y of logSoftmax([1, Infinity])) assert.ok(Number.isNaN(y));
  for (const y of softmin([-Infinity, 1])) assert.ok(Number.isNaN(y));
});

test('softmax gives -Infinity inputs probability 0 and log-probability -Infinity when the maximum is finite', () => {
  const s = softmax([-Infinity, 1, 1]);
  assertSame(s[0]!, 0, 'softmax([-∞, 1, 1])[0]');
  assertSame(s[1]!, 0.5, 'softmax([-∞, 1, 1])[1]');
  const l = logSoftmax([-Infinity, 0]);
  assertSame(l[0]!, -Infinity, 'logSoftmax([-∞, 0])[0]');
  assertSame(l[1]!, 0, 'logSoftmax([-∞, 0])[1]');
  assertSame(softmin([Infinity, 2])[0]!, 0, 'softmin([∞, 2])[0]');
});

test('softmax of an all -Infinity vector is NaN, as in PyTorch', () => {
  for (const id of IDS.filter((i) => i !== 'softmin')) for (const y of FUNCTIONS[id]([-Infinity, -Infinity])) assert.ok(Number.isNaN(y));
  for (const y of softmin([Infinity])) assert.ok(Number.isNaN(y));
});

test('softmax handles ±1e308 without overflow: [1e308, -1e308] gives [1, 0] and logSoftmax [0, -Infinity]', () => {
  const s = softmax([1e308, -1e308]);
  assertSame(s[0]!, 1, 'softmax[0]');
  assertSame(s[1]!, 0, 'softmax[1]');
  const l = logSoftmax([1e308, -1e308]);
  assertSame(l[0]!, 0, 'logSoftmax[0]');
  assertSame(l[1]!, -Infinity, 'logSoftmax[1] (-2e308 overflows)');
  assert.deepEqual(Array.from(softmax([1e308, 1e308])), [0.5, 0.5]);
});

test('logSoftmax stays finite and exact where softmax underflows', () => {
  assert.deepEqual(Array.from(logSoftmax([0, -800])), [0, -800]);
  assertSame(softmax([0, -800])[1]!, 0, 'softmax([0, -800])[1]');
  // e^-40 is far below 2^-53 relative to 1: log(1 + e^-40) rounds to 0, log1p keeps it
  const l = logSoftmax([0, -40]);
  assert.ok(l[0]! < 0 && Math.abs(l[0]! + 4.248354255291589e-18) <= 1e-33, `logSoftmax([0, -40])[0] = ${l[0]}`);
});

test('a single element gives 1 and 0; the empty vector gives an empty Float64Array', () => {
  assertSame(softmax([5])[0]!, 1, 'softmax([5])');
  assertSame(logSoftmax([5])[0]!, 0, 'logSoftmax([5])');
  assertSame(softmin([-1e308])[0]!, 1, 'softmin([-1e308])');
  for (const id of IDS) {
    const out = FUNCTIONS[id]([]);
    assert.ok(out instanceof Float64Array && out.length === 0, `${id}([])`);
  }
});

test('the softmax family accepts arrays, typed arrays and array-likes, and returns a new Float64Array', () => {
  const ref = softmax([1, 2, 3]);
  for (const xs of [new Float64Array([1, 2, 3]), new Float32Array([1, 2, 3]), new Int8Array([1, 2, 3]), { length: 3, 0: 1, 1: 2, 2: 3 }]) {
    const out = softmax(xs);
    assert.ok(out instanceof Float64Array);
    assert.deepEqual(Array.from(out), Array.from(ref));
  }
  const input = new Float64Array([1, 2, 3]);
  assert.notEqual(softmax(input), input, 'the input must not be overwritten or returned');
  assert.deepEqual(Array.from(input), [1, 2, 3]);
});

test('the softmax family rejects non-arrays and non-numbers with a TypeError naming xs and the value', () => {
  const bad: [unknown, RegExp][] = [
    [null, /null/],
    [undefined, /undefined/],
    [3, /3/],
    ['123', /"123"/],
    [{}, /object|Object/],
    [new BigInt64Array(2), /BigInt64Array/],
    [new DataView(new ArrayBuffer(8)), /DataView/],
  ];
  for (const id of IDS) {
    for (const [xs, value] of bad) {
      assert.throws(
        () => FUNCTIONS[id](xs as never),
        (e: unknown) => e instanceof TypeError && /xs/.test(String(e)) && value.test(String(e)),
        `${id}(${String(xs)})`,
      );
    }
    assert.throws(
      () => FUNCTIONS[id]([1, '2', 3] as never),
      (e: unknown) => e instanceof TypeError && /xs\[1\]/.test(String(e)) && /"2"/.test(String(e)),
    );
  }
});

test('the vector-Jacobian products match PyTorch autograd on every finite fixture vector (1e-12 relative)', () => {
  let count = 0;
  for (const c of CASES) {
    if (!c.exact) continue;
    for (const id of IDS) {
      const got = VJP[id](c.xs, c.v);
      const t = c.torch[id].vjp;
      const scale = c.v.reduce((s, v) => s + Math.abs(v), 0);
      for (let i = 0; i < t.length; i++) {
        count++;
        assert.ok(Math.abs(got[i]! - t[i]!) <= 1e-12 * scale, `${id} vjp(${fmt(c.xs)}, v)[${i}]: got ${show(got[i]!)}, PyTorch ${show(t[i]!)}`);
      }
    }
  }
  assert.ok(count > 5000);
});

test('the vector-Jacobian products reject a v of the wrong length or type', () => {
  assert.throws(
    () => softmaxVectorJacobianProduct([1, 2], [1]),
    (e: unknown) => e instanceof RangeError && /v has length 1/.test(String(e)),
  );
  assert.throws(
    () => logSoftmaxVectorJacobianProduct([1, 2], 'ab' as never),
    (e: unknown) => e instanceof TypeError && /\bv\b/.test(String(e)),
  );
});

test('each jacobian is the matrix of the vector-Jacobian product: row i is ∂y_i/∂x, checked by finite differences', () => {
  const xs = [0.3, -1.2, 2.5, 0.7];
  const h = 1e-5;
  for (const id of IDS) {
    const J = vectorFunctions[id].jacobian(xs);
    assert.equal(J.length, xs.length);
    for (let j = 0; j < xs.length; j++) {
      const plus = xs.slice();
      const minus = xs.slice();
      plus[j]! += h;
      minus[j]! -= h;
      const fp = FUNCTIONS[id](plus);
      const fm = FUNCTIONS[id](minus);
      for (let i = 0; i < xs.length; i++) {
        const fd = (fp[i]! - fm[i]!) / (2 * h);
        assert.ok(Math.abs(J[i]![j]! - fd) <= 1e-8, `${id} J[${i}][${j}]: got ${J[i]![j]}, finite difference ${fd}`);
      }
    }
  }
});

test('vectorFunctions is a frozen record of the three functions in order, each applying its function', () => {
  assert.deepEqual([...vectorFunctionIds], ['softmax', 'logSoftmax', 'softmin']);
  assert.deepEqual(Object.keys(vectorFunctions), [...vectorFunctionIds]);
  assert.ok(Object.isFrozen(vectorFunctions));
  for (const id of vectorFunctionIds) {
    const f = vectorFunctions[id];
    assert.ok(Object.isFrozen(f) && Object.isFrozen(f.latex) && Object.isFrozen(f.examples), `${id} must be frozen deeply`);
    assert.equal(f.id, id);
    assert.equal(f.apply, FUNCTIONS[id]);
    assert.match(f.torchFunction, /^torch\.nn\.functional\./);
    assert.match(f.torchModule, /^torch\.nn\.[A-Z]/);
    assert.ok(f.properties.length >= 3 && f.summary.length > 20);
    assert.ok(f.tradeOffs.advantages.length && f.tradeOffs.disadvantages.length && f.tradeOffs.whenToUse.length);
  }
  assert.deepEqual([...vectorFunctions.softmax.papers], ['bridle1990softmax']);
});

test('every worked example of the softmax family holds to 2 ulps', () => {
  for (const id of vectorFunctionIds) {
    const f = vectorFunctions[id];
    assert.ok(f.examples.length >= 2, `${id} needs examples`);
    for (const ex of f.examples) {
      const got = f.apply(ex.xs);
      assert.equal(got.length, ex.output.length);
      for (let i = 0; i < got.length; i++) {
        assert.ok(ulpDistance(got[i]!, ex.output[i]!) <= 2, `${id}(${fmt(ex.xs)})[${i}]: got ${show(got[i]!)}, example ${show(ex.output[i]!)}`);
      }
    }
  }
});

test('the softmax outlier claim states the mass that softmax((0, 0, 5)) actually gives the top score', () => {
  const top = softmax([0, 0, 5])[2]!;
  const stated = `gives the last class about ${top.toFixed(3)}`;
  assert.ok(
    vectorFunctions.softmax.tradeOffs.disadvantages.some(({ text }) => text.includes(stated)),
    `a disadvantage should say "${stated}"`,
  );
});

test('softmax metadata carries the walkthrough correction about its plotted curve', () => {
  const corrections = vectorFunctions.softmax.tradeOffs.corrections ?? [];
  assert.ok(corrections.some(({ text }) => /100/.test(text) && /probability vector/.test(text) && /not an elementwise/.test(text)));
});

test("softmax of the walkthrough's grid (100 points in [-5, 5]) is one probability vector: positive, increasing, summing to 1", () => {
  const grid = Array.from({ length: 100 }, (_, i) => -5 + (10 * i) / 99);
  const s = softmax(grid);
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    sum += s[i]!;
    assert.ok(s[i]! > 0 && s[i]! < 1);
    if (i) assert.ok(s[i]! > s[i - 1]!);
  }
  assert.ok(Math.abs(sum - 1) <= 1e-15, `sum ${sum}`);
});

test('softmax over two scores (x, 0) is the sigmoid of x', () => {
  for (const x of [-30, -2.5, -1e-8, 0, 0.75, 4, 36]) {
    const got = softmax([x, 0])[0]!;
    const expected = activations.sigmoid!.forward(x);
    assert.ok(ulpDistance(got, expected) <= 3, `softmax([${x}, 0])[0]: got ${got}, sigmoid ${expected}`);
  }
});

// Inputs that are multiples of 2^-20 within ±2^10, so that adding an integer shift is exact.
const gridValue = fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((k) => k / 2 ** 20);
const vector = fc.array(gridValue, { minLength: 1, maxLength: 40 });

test('property: softmax and softmin outputs lie in [0, 1] and sum to 1 within n·2^-52', () => {
  fc.assert(
    fc.property(vector, (xs) => {
      for (const f of [softmax, softmin]) {
        const s = f(xs);
        let sum = 0;
        for (const y of s) {
          if (!(y >= 0 && y <= 1)) return false;
          sum += y;
        }
        if (Math.abs(sum - 1) > xs.length * 2 ** -52) return false;
      }
      return true;
    }),
    { numRuns: 500 },
  );
});

test('property: shift invariance, f(x + c) within 4 ulps of f(x) for integer c (exact shifts)', () => {
  fc.assert(
    fc.property(vector, fc.integer({ min: -1000, max: 1000 }), (xs, c) => {
      const shifted = xs.map((x) => x + c);
      for (const id of IDS) {
        const a = FUNCTIONS[id](xs);
        const b = FUNCTIONS[id](shifted);
        for (let i = 0; i < a.length; i++) {
          if (ulpDistance(a[i]!, b[i]!) > 4) {
            throw new Error(`${id}: x = ${fmt(xs)}, c = ${c}, index ${i}: ${a[i]} vs ${b[i]}`);
          }
        }
      }
      return true;
    }),
    { numRuns: 500 },
  );
});

test('property: logSoftmax = log(softmax) wherever softmax is a normal number (to 4e-16 absolute + 4 ulps)', () => {
  fc.assert(
    fc.property(vector, (xs) => {
      const s = softmax(xs);
      const l = logSoftmax(xs);
      for (let i = 0; i < s.length; i++) {
        if (s[i]! < 2.2250738585072014e-308) continue;
        const viaLog = Math.log(s[i]!);
        // log(s) turns s's relative error (≤ 2 ulps, 4.4e-16) into that absolute error
        if (Math.abs(viaLog - l[i]!) > 4.5e-16 + 4 * Math.abs(l[i]!) * 2 ** -52) {
          throw new Error(`x = ${fmt(xs)}, index ${i}: log(softmax) ${viaLog}, logSoftmax ${l[i]}`);
        }
      }
      return true;
    }),
    { numRuns: 500 },
  );
});

test('property: softmin(x) equals softmax(-x) bit for bit', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 30 }), (xs) => {
      const a = softmin(xs);
      const b = softmax(xs.map((x) => -x));
      return a.every((y, i) => Object.is(y, b[i]));
    }),
    { numRuns: 500 },
  );
});
