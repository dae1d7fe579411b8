import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linspace, validateGrid } from '../../src/plot/grid.js';

test('linspace(-5, 5, 100) has 100 increasing points with exact ends, like torch.linspace(-5, 5, 100)', () => {
  const xs = linspace(-5, 5, 100);
  assert.ok(xs instanceof Float64Array);
  assert.equal(xs.length, 100);
  assert.equal(xs[0], -5);
  assert.equal(xs[99], 5);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! > xs[i - 1]!, `x[${i}] = ${xs[i]} is not above x[${i - 1}] = ${xs[i - 1]}`);
});

test('linspace over a symmetric interval is exactly symmetric, and an odd count has 0 in the middle', () => {
  for (const count of [100, 101, 201, 7]) {
    const xs = linspace({ start: -5, stop: 5, count });
    for (let i = 0; i < count; i++) {
      assert.ok(Object.is(xs[i], -xs[count - 1 - i]!) || xs[i] === 0, `count ${count}: x[${i}] = ${xs[i]}, x[${count - 1 - i}] = ${xs[count - 1 - i]}`);
    }
    if (count % 2 === 1) assert.equal(xs[(count - 1) / 2], 0, `count ${count}: middle point`);
  }
});

test('linspace points lie within a few ulps of start + (stop - start) * i / (count - 1)', () => {
  const cases: [number, number, number][] = [
    [-5, 5, 100],
    [0, 1, 7],
    [-3.7, 12.1, 33],
    [1e-3, 2.5, 1000],
  ];
  for (const [start, stop, count] of cases) {
    const xs = linspace(start, stop, count);
    const step = (stop - start) / (count - 1);
    for (let i = 0; i < count; i++) {
      const exact = start + (stop - start) * (i / (count - 1));
      const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(start), Math.abs(stop), Math.abs(step));
      assert.ok(Math.abs(xs[i]! - exact) <= tolerance, `linspace(${start}, ${stop}, ${count})[${i}]: got ${xs[i]}, expected about ${exact}`);
    }
  }
});

test('linspace with one point gives the start, like torch.linspace', () => {
  assert.deepEqual(Array.from(linspace(2, 9, 1)), [2]);
});

test('a bad grid fails naming the field and the value', () => {
  assert.throws(() => linspace(-5, 5, 0), /grid\.count must be a positive integer, got 0/);
  assert.throws(() => linspace(-5, 5, 2.5), /grid\.count .* got 2\.5/);
  assert.throws(() => linspace(NaN, 5, 10), /grid\.start must be a finite number, got NaN/);
  assert.throws(() => linspace(0, Infinity, 10), /grid\.stop must be a finite number, got Infinity/);
  assert.throws(() => validateGrid(null as never), TypeError);
});
