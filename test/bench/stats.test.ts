/** The benchmark's statistics and formatting (bench/lib/stats.ts, bench/lib/prng.ts): pure, nothing timed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mulberry32, uniformInputs } from '../../bench/lib/prng.js';
import {
  callsPerSample,
  formatNs,
  formatRatio,
  formatSize,
  formatUlps,
  geomean,
  markdownTable,
  maxUlps32,
  median,
  ratio,
  ulps32,
} from '../../bench/lib/stats.js';

test('median: odd and even counts, order does not matter, input untouched', () => {
  assert.equal(median([3]), 3);
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const xs = [9, 1, 5];
  median(xs);
  assert.deepEqual(xs, [9, 1, 5]);
  assert.throws(() => median([]), RangeError);
  // a − b ties −0 and +0: the sign of a zero median must not follow the input's order
  assert.ok(Object.is(median([0, -0, 1]), 0) && Object.is(median([-0, 0, 1]), 0));
  assert.ok(Object.is(median([0, -0, -1]), -0) && Object.is(median([-0, 0, -1]), -0));
});

test('median lies between min and max and is permutation-invariant', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (xs) => {
      const m = median(xs);
      assert.ok(m >= Math.min(...xs) && m <= Math.max(...xs));
      assert.equal(median([...xs].reverse()), m);
    }),
  );
});

test('geomean: exact cases, and the mean of ratios equals the ratio of means', () => {
  assert.equal(geomean([4]), 4);
  assert.ok(Math.abs(geomean([1, 4]) - 2) < 1e-15);
  assert.ok(Math.abs(geomean([2, 8, 4]) - 4) < 1e-14);
  assert.throws(() => geomean([]), RangeError);
  assert.throws(() => geomean([1, 0]), RangeError);
  assert.throws(() => geomean([1, -2]), RangeError);
  assert.throws(() => geomean([1, Infinity]), RangeError);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 20 }),
      (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const g = geomean(pairs.map(([x, y]) => x / y));
        assert.ok(Math.abs(g / (geomean(a) / geomean(b)) - 1) < 1e-12);
        assert.ok(geomean(a) <= Math.max(...a) * (1 + 1e-12) && geomean(a) >= Math.min(...a) * (1 - 1e-12));
      },
    ),
  );
});

test('ratio: null when a side is missing or the divisor is not positive', () => {
  assert.equal(ratio(3, 2), 1.5);
  assert.equal(ratio(null, 2), null);
  assert.equal(ratio(1, null), null);
  assert.equal(ratio(1, 0), null);
  assert.equal(ratio(undefined, 1), null);
});

test('callsPerSample: enough calls to fill a sample, at least one', () => {
  assert.equal(callsPerSample(20, 10), 1);
  assert.equal(callsPerSample(0.1, 10), 100);
  assert.equal(callsPerSample(3, 10), 4);
  assert.equal(callsPerSample(0, 10, 500), 500);
  assert.equal(callsPerSample(1e-9, 10, 1000), 1000);
});

test('formatting', () => {
  assert.equal(formatNs(null), 'n/a');
  assert.equal(formatNs(0.51234), '0.512');
  assert.equal(formatNs(12.345), '12.3');
  assert.equal(formatNs(145.6), '146');
  assert.equal(formatRatio(1.234), '1.23×');
  assert.equal(formatRatio(12.34), '12.3×');
  assert.equal(formatRatio(null), 'n/a');
  assert.equal(formatSize(1e4), '1e4');
  assert.equal(formatSize(1e6), '1e6');
  assert.equal(formatSize(1234), '1234');
  const t = markdownTable(
    ['a', 'bb'],
    [
      ['xyz', '1'],
      ['p', '22'],
    ],
    [false, true],
  );
  assert.deepEqual(t.split('\n'), ['| a   | bb |', '|-----|---:|', '| xyz |  1 |', '| p   | 22 |']);
});

test('inputs are deterministic, uniform in the range, and differ by seed', () => {
  const a = uniformInputs(1000, 7, -8, 8);
  const b = uniformInputs(1000, 7, -8, 8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, uniformInputs(1000, 8, -8, 8));
  assert.ok(a.every((x) => x >= -8 && x < 8));
  const mean = a.reduce((s, x) => s + x, 0) / a.length;
  assert.ok(Math.abs(mean) < 0.6, `mean ${mean}`);
  assert.ok(a.some((x) => x < -7) && a.some((x) => x > 7));
  const next = mulberry32(1);
  for (let i = 0; i < 1000; i++) {
    const u = next();
    assert.ok(u >= 0 && u < 1);
  }
});

test('ulps32: float32 steps between two values, across zero; NaN against a number is infinitely far', () => {
  const f = new Float32Array(1);
  const b = new Int32Array(f.buffer);
  const next = (x: number, k: number) => {
    f[0] = x;
    b[0]! += k;
    return f[0]!;
  };
  assert.equal(ulps32(1, 1), 0);
  assert.equal(ulps32(1, next(1, 1)), 1);
  assert.equal(ulps32(next(1, -3), 1), 3);
  assert.equal(ulps32(0, -0), 0);
  assert.equal(ulps32(1.401298464324817e-45, -1.401298464324817e-45), 2); // the two smallest subnormals, across zero
  assert.equal(ulps32(3.4028234663852886e38, Infinity), 1);
  assert.equal(ulps32(-1, 1), 2 * 0x3f800000);
  assert.equal(ulps32(NaN, NaN), 0);
  assert.equal(ulps32(NaN, 0), Infinity);
  assert.equal(ulps32(0.1, Math.fround(0.1)), 0); // both round to the same float32
  assert.equal(maxUlps32([1, 2, NaN], [1, next(2, 5), NaN]), 5);
  assert.equal(maxUlps32([1, 0], [1, NaN]), Infinity);
  assert.throws(() => maxUlps32([1], [1, 2]), RangeError);
  assert.deepEqual([0, 3, 12345, 1.7e8, Infinity, null].map(formatUlps), ['0', '3', '1.2e4', '1.7e8', 'NaN', 'n/a']);
});
