/**
 * The softmax family's WebAssembly kernels (asm/softmax.ts) against the TypeScript loops of
 * src/vector/softmax.ts: softmax, logSoftmax and softmin must return the same doubles, bit for bit,
 * with the kernels forced (mode 'wasm') and with the TypeScript loops forced (mode 'ts'), for
 * Float64Array and Float32Array input, at lengths around the kernels' chunk size (4096) and vector
 * width, with the maximum in any chunk, and with −∞, NaN, +∞, ±0, huge and tiny entries.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { softmax, logSoftmax, softmin } from '../src/vector/softmax.js';
import { setKernelMode, wasmKernelsReady, wasmMax, type KernelMode } from '../src/kernels/wasm.js';
import { rng } from './helpers/numeric.js';

after(() => setKernelMode('auto'));

function withMode<T>(m: KernelMode, f: () => T): T {
  const previous = setKernelMode(m);
  try {
    return f();
  } finally {
    setKernelMode(previous);
  }
}

/** The first indices where a and b differ (Object.is, NaN equal to NaN). */
function differences(a: Float64Array, b: Float64Array): string[] {
  assert.equal(a.length, b.length);
  const bad: string[] = [];
  for (let i = 0; i < a.length && bad.length < 5; i++) {
    if (!(Object.is(a[i], b[i]) || (Number.isNaN(a[i]) && Number.isNaN(b[i])))) bad.push(`[${i}]: wasm ${a[i]}, ts ${b[i]}`);
  }
  return bad;
}

const LENGTHS = [1, 2, 3, 31, 32, 33, 64, 101, 1000, 4095, 4096, 4097, 8191, 8192, 8193, 12289, 50001];

/** Vectors of several kinds for length n. */
function vectors(n: number, r: () => number): [string, number[]][] {
  const uniform = Array.from({ length: n }, () => (r() - 0.5) * 16);
  const wide = Array.from({ length: n }, () => (r() - 0.5) * 1500); // most e_i underflow, some subnormal
  const spread = Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1) * 2 ** (r() * 60 - 30));
  const ties = Array.from({ length: n }, () => Math.floor(r() * 4)); // the maximum repeated
  const withNegInf = uniform.map((x, i) => (i % 7 === 3 ? -Infinity : x));
  const lastMax = uniform.slice();
  lastMax[n - 1] = 100; // the maximum in the last chunk
  const huge = uniform.map((x) => x * 1e307); // x − m overflows to −∞ for some
  const zeros = uniform.map((x, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : x));
  const out: [string, number[]][] = [
    ['uniform', uniform],
    ['wide', wide],
    ['spread', spread],
    ['ties', ties],
    ['with −∞', withNegInf],
    ['maximum last', lastMax],
    ['huge', huge],
    ['±0', zeros],
  ];
  if (n > 1) {
    const nan = uniform.slice();
    nan[n >> 1] = NaN;
    const inf = uniform.slice();
    inf[n - 1] = Infinity;
    const negInfOnly = uniform.map(() => -Infinity);
    const oneFinite = negInfOnly.slice();
    oneFinite[n - 1] = -3;
    out.push(['NaN', nan], ['+∞', inf], ['all −∞', negInfOnly], ['one finite, rest −∞', oneFinite]);
  }
  return out;
}

describe('the softmax family: WebAssembly kernels and TypeScript loops agree bit for bit', () => {
  it('the kernels load', () => assert.ok(wasmKernelsReady()));
  const r = rng(4242);
  for (const n of LENGTHS) {
    it(`n = ${n}`, () => {
      for (const [kind, values] of vectors(n, r)) {
        for (const Type of [Float64Array, Float32Array]) {
          const xs = Type.from(values);
          for (const [name, f] of [
            ['softmax', softmax],
            ['logSoftmax', logSoftmax],
            ['softmin', softmin],
          ] as const) {
            const viaWasm = withMode('wasm', () => f(xs));
            const viaTs = withMode('ts', () => f(xs));
            assert.deepEqual(differences(viaWasm, viaTs), [], `${name}, ${kind}, ${Type.name}`);
          }
        }
      }
    });
  }
  it('a subarray at an odd offset reads only its own elements', () => {
    const big = new Float64Array(9000).map((_, i) => Math.sin(i) * 5);
    big[0] = 1000; // outside the view: must not be the maximum
    const view = big.subarray(1, 8999);
    const viaWasm = withMode('wasm', () => softmax(view));
    const viaTs = withMode('ts', () => softmax(view));
    assert.deepEqual(differences(viaWasm, viaTs), []);
    assert.ok(Math.abs(viaWasm.reduce((a, b) => a + b, 0) - 1) < 1e-14);
  });
});

/**
 * What max64/max32 of src/vector/softmax.ts keep, from its definition: [max of sign·x, the first
 * index holding it (±0 alike), with that element's own value]; index −1 where the outputs are NaN
 * (a NaN element, +∞ as maximum) or no element exceeds −∞.
 */
function expectedMax(xs: ArrayLike<number>, sign: number): [number, number] {
  const values = Array.from(xs, (x) => sign * x);
  if (values.some((v) => Number.isNaN(v))) return [NaN, -1];
  const top = Math.max(...values);
  if (top === -Infinity) return [-Infinity, -1];
  const index = values.findIndex((v) => v === top);
  return [values[index]!, top === Infinity ? -1 : index];
}

describe('the maximum pass (wasmMax): the scalar loop’s maximum and index, sign of zero included', () => {
  const r = rng(977);
  const cases: [string, number[]][] = [];
  for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 4095, 4096, 4097, 8200]) {
    const base = Array.from({ length: n }, () => Math.floor(r() * 5) - 6); // all negative, ties
    for (const at of new Set([0, 1, 2, 3, n >> 1, n - 4, n - 2, n - 1].filter((i) => i >= 0 && i < n))) {
      const zeros = base.slice();
      zeros[at] = -0; // −0 first, +0 later: the −0 is kept (0 > −0 is false)
      for (let j = at + 1; j < n; j += 3) zeros[j] = 0;
      cases.push([`n ${n}, −0 at ${at} then +0`, zeros]);
      const plus = base.slice();
      plus[at] = 0;
      for (let j = at + 1; j < n; j += 2) plus[j] = -0;
      cases.push([`n ${n}, +0 at ${at} then −0`, plus]);
      const nan = base.slice();
      nan[at] = NaN;
      cases.push([`n ${n}, NaN at ${at}`, nan]);
      const inf = base.slice();
      inf[at] = Infinity;
      cases.push([`n ${n}, +∞ at ${at}`, inf]);
      const top = base.slice();
      top[at] = 3;
      if (at + 5 < n) top[at + 5] = 3; // a tie in another lane, later
      cases.push([`n ${n}, maximum at ${at}`, top]);
    }
    cases.push([`n ${n}, all −∞`, base.map(() => -Infinity)]);
  }
  for (const Type of [Float64Array, Float32Array]) {
    for (const sign of [1, -1]) {
      it(`${Type.name}, sign ${sign}`, () => {
        const result = new Float64Array(2);
        for (const [name, values] of cases) {
          const xs = Type.from(values.map((v) => sign * v));
          assert.ok(
            withMode('wasm', () => wasmMax(xs, sign, result)),
            'the kernels run',
          );
          const [max, index] = expectedMax(xs, sign);
          assert.ok(Object.is(result[0], max) && result[1] === index, `${name}: wasm [${result[0]}, ${result[1]}], expected [${max}, ${index}]`);
        }
      });
    }
  }
});
