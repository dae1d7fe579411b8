/**
 * src/math/erf.ts ports FreeBSD msun's s_erf.c erfc (and fdlibm's e_exp.c for e^x ≤ 1) for speed
 * (GELU's `map`); stdlib's @stdlib/math-base-special-erfc, which the port transcribes, stays the
 * reference: the two must agree bit for bit, on millions of inputs over the whole range, densely
 * around every branch edge, and on arbitrary bit patterns. The exp port must be Math.exp bit for bit.
 * `erfcShifted` (GELU's erfc(z + ε) with one exp fewer) is checked against its defining formula.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import { erfc, erfcShifted } from '../src/math/erf.js';
import { expNonPositive } from '../src/math/exp.js';
import { assertSame, mismatches, rng, show } from './helpers/numeric.js';

function* randomInputs(seed: number, n: number): Generator<number> {
  const r = rng(seed);
  const dv = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < n; i++) {
    switch (i & 3) {
      case 0:
        yield (r() - 0.5) * 64; // every branch of erfc, both signs
        break;
      case 1:
        yield (r() < 0.5 ? -1 : 1) * 2 ** (r() * 12 - 8); // many binades around the edges
        break;
      case 2:
        yield 26 + r() * 2.5; // where erfc turns subnormal and then 0
        break;
      default:
        dv.setUint32(0, Math.floor(r() * 2 ** 32));
        dv.setUint32(4, Math.floor(r() * 2 ** 32));
        yield dv.getFloat64(0); // any bit pattern
    }
  }
}

const ERFC_EDGES = [2 ** -56, 0.25, 0.84375, 1, 1.25, 2.857142857142857, 6, 26.5, 27.2, 28, 0.5, 2, 4, 8, 16];
const SPECIALS = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e-300, -1e-300, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE];

test('erfc is stdlib’s erfc bit for bit on 3 million random inputs and arbitrary bit patterns', () => {
  assert.deepEqual(mismatches(randomInputs(20240601, 3_000_000), erfc, stdlibErfc), []);
});

test('erfc is stdlib’s erfc bit for bit at special values and densely around every branch edge', () => {
  const r = rng(7);
  const xs: number[] = [...SPECIALS];
  for (const e of ERFC_EDGES) {
    let up = e;
    let down = e;
    for (let i = 0; i < 64; i++) {
      xs.push(up, -up, down, -down);
      up += up * 2 ** -52;
      down -= down * 2 ** -53;
    }
    for (let i = 0; i < 20_000; i++) {
      const x = e * (1 + (r() - 0.5) * 1e-6);
      xs.push(x, -x);
    }
  }
  assert.deepEqual(mismatches(xs, erfc, stdlibErfc), []);
});

test('expNonPositive is Math.exp bit for bit on x ≤ 0: 2 million random inputs and every branch edge', () => {
  const r = rng(11);
  const xs: number[] = [0, -0, NaN, -Infinity, -5e-324, -1e-300, -Number.MAX_VALUE];
  for (let i = 0; i < 1_000_000; i++) xs.push(-r() * 760); // the whole range, subnormal results and underflow
  for (let i = 0; i < 1_000_000; i++) xs.push(-(2 ** (r() * 40 - 36))); // small arguments
  // fdlibm's edges: 2^−28, 0.5·ln 2 (k = 0), 1.5·ln 2 (k = ±1), the subnormal and underflow edges.
  for (const e of [
    3.725290298461914e-9, 0.3465735912322998, 0.34657359027997264, 1.0397207708399179, 708.3964185322641, 708.39641853226, 745.1332191019411, 744.44,
  ]) {
    let up = e;
    let down = e;
    for (let i = 0; i < 64; i++) {
      xs.push(-up, -down);
      up += up * 2 ** -52;
      down -= down * 2 ** -53;
    }
    for (let i = 0; i < 20_000; i++) xs.push(-e * (1 + (r() - 0.5) * 1e-6));
  }
  assert.deepEqual(mismatches(xs, expNonPositive, Math.exp), []);
});

test('erfcShifted(z, ε) is erfc(z) − ε·(2/√π)·e^(−z²) to 2^−30 of the correction, erfc(z) itself when ε = 0', () => {
  const r = rng(5);
  for (let i = 0; i < 200_000; i++) {
    const z = r() * 30;
    const eps = (r() - 0.5) * 2 ** -52 * z;
    const exact = erfc(z) - eps * 1.1283791670955126 * Math.exp(-z * z);
    const got = erfcShifted(z, eps);
    const correction = Math.abs(eps * 1.1283791670955126 * Math.exp(-z * z));
    assert.ok(Math.abs(got - exact) <= correction * 2 ** -30 + Math.abs(exact) * 2 ** -52, `z=${z}, ε=${eps}: ${got} vs ${exact}`);
    assertSame(erfcShifted(z, 0), erfc(z), `z=${z}: erfcShifted(z, 0) against erfc(z)`);
  }
});
