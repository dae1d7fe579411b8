/**
 * GELU's WebAssembly kernels (asm/gelu.ts: `gelu` for the exact GELU, approximate: 'none', and
 * `geluTanh` for approximate: 'tanh') against the scalar `forward` (geluExact and geluTanh in
 * src/activations/gelu.ts): with the kernels forced (mode 'wasm'), gelu.map must return forward's
 * double bit for bit for Float64Array input, and for Float32Array input (asm/gelu32.ts) a value within
 * 1 float32 ulp of Math.fround(forward(x)), exactly it for NaN, ±∞ and ±0 inputs and wherever it is
 * ±0 or ±∞ (`npm run verify:f32` checks every float32 input). Inputs: the edges of every branch
 * (erfc's and GELU's; the tanh form's) with their neighbours, millions of random doubles in
 * [−40, 40] and [−8, 8], random bit patterns, float32 inputs, and lengths around the kernels' block
 * and chunk sizes, in place and on subarrays.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { gelu } from '../src/activations/gelu.js';
import { runWasm, setKernelMode, wasmKernelsReady, type KernelName32 } from '../src/kernels/wasm.js';
import type { FloatArray } from '../src/types.js';
import { rng, within1Ulp32 } from './helpers/numeric.js';

after(() => setKernelMode('auto'));

const EXACT = { approximate: 'none' } as const;
const TANH = { approximate: 'tanh' } as const;
type Form = typeof EXACT | typeof TANH;

const dv = new DataView(new ArrayBuffer(8));

/** The double k ulps away from x (k > 0: towards +∞), for finite x, across zero. */
function ulpStep(x: number, k: number): number {
  dv.setFloat64(0, x);
  let bits = dv.getBigInt64(0);
  // map to a monotonic integer line: negative doubles count down from −0
  let ord = bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  ord += BigInt(k);
  bits = ord < 0n ? -ord | -0x8000000000000000n : ord;
  dv.setBigInt64(0, bits);
  return dv.getFloat64(0);
}

/** x and its neighbours up to `k` ulps on each side. */
function around(x: number, k = 6): number[] {
  const out: number[] = [];
  for (let i = -k; i <= k; i++) out.push(ulpStep(x, i));
  return out;
}

/**
 * The branch edges, in x: erfc's argument is a = fl(|x|·(1/√2)), so an edge a = e lies at
 * x ≈ ±e·√2 (both signs: x ≥ 0 takes erfc(−a), x < 0 erfcShifted(a, ε)); the edges of GELU itself
 * are at x = 0, −30 and −39, and gaussianTail's split at x² = 1416.
 */
const ERFC_EDGES = [
  2 ** -56, // 1 − z below
  0.25, // the x < 0.25 sub-branch of the small range (x < 0 side)
  0.84375, // smallRatio | midDifference
  1.25, // midDifference | tailRatio
  1 / 0.35, // tailRatio's two coefficient sets
  6, // erfc(−a) = 2 − tiny beyond (x ≥ 0)
  21.213203435596427, // a at x = −30
  28, // erfc's last edge (x ≥ 0 only: x < −30 is past it)
];

const SPECIALS: number[] = [
  0,
  -0,
  NaN,
  -NaN,
  Infinity,
  -Infinity,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2.2250738585072014e-308,
  -2.2250738585072014e-308,
  1,
  -1,
  -0.7517916243389228, // GELU's minimum
  ...ERFC_EDGES.flatMap((e) => [...around(e * Math.SQRT2), ...around(-e * Math.SQRT2)]),
  ...ERFC_EDGES.flatMap((e) => [...around(e / Math.SQRT1_2), ...around(-e / Math.SQRT1_2)]),
  ...around(-30),
  ...around(-39),
  ...around(-Math.sqrt(1416)), // gaussianTail: one exponential or two
  ...around(-37.5, 20), // the result turns subnormal around here
  -37.6,
  -38,
  -38.5,
  -38.56,
  -38.6,
  -38.9,
  // tiny x: a below and above 2^−56, the smallest subnormals, and their squares underflowing
  ...[2 ** -57, 2 ** -56, 2 ** -55, 2 ** -60, 2 ** -200, 2 ** -537, 2 ** -1000, 2 ** -1070].flatMap((t) => [t, -t]),
  // huge x: x·x and the Dekker split overflow
  1e155,
  -1e155,
  1e290,
  -1e290,
  1e300,
  -1e300,
  8.5,
  8.48528137423857,
  -8.48528137423857,
];

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** The first mismatches between map (WebAssembly) and forward (float32: the 1-ulp rule), and how many there are. */
function mismatches(xs: FloatArray, ys: FloatArray, form: Form = EXACT): string[] {
  const f32 = xs instanceof Float32Array;
  const bad: string[] = [];
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const v = gelu.forward(x, form);
    const want = f32 ? Math.fround(v) : v;
    if (!(f32 ? within1Ulp32(x, ys[i]!, want) : same(ys[i]!, want))) {
      count++;
      if (bad.length < 8) bad.push(`x=${x}: map ${ys[i]}, forward ${want}`);
    }
  }
  if (count > bad.length) bad.push(`… ${count} in all`);
  return bad;
}

/** gelu.map with the WebAssembly kernel forced. */
function mapWasm<T extends FloatArray>(xs: T, out?: T, form: Form = EXACT): T {
  const previous = setKernelMode('wasm');
  try {
    return gelu.map(xs, form, out) as T;
  } finally {
    setKernelMode(previous);
  }
}

function uniform(n: number, lo: number, hi: number, seed: number): Float64Array {
  const r = rng(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = lo + r() * (hi - lo);
  return xs;
}

function bitPatterns(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const words = new Uint32Array(2 * n);
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(r() * 2 ** 32);
  return new Float64Array(words.buffer);
}

/** The kernel `name` runs for both array types (runWasm does not fall back to TypeScript). */
function assertRunsInWasm(name: KernelName32): void {
  assert.equal(wasmKernelsReady(), true);
  const xs = Float64Array.from([1, -1, 3, -3]);
  const previous = setKernelMode('wasm');
  try {
    assert.equal(runWasm(name, xs, new Float64Array(4)), true);
    assert.equal(runWasm(name, Float32Array.from(xs), new Float32Array(4)), true);
  } finally {
    setKernelMode(previous);
  }
}

describe('gelu (exact) WebAssembly kernel', () => {
  it('is loaded and runs (not the TypeScript fallback)', () => assertRunsInWasm('gelu'));

  for (const Type of [Float64Array, Float32Array]) {
    it(`${Type.name}: branch edges of erfc and GELU with their neighbours, special values`, () => {
      // each value alone and inside a mixed vector group, at every position of a group of eight
      const xs = Type.from(SPECIALS);
      assert.deepEqual(mismatches(xs, mapWasm(xs)), []);
      const shifted = Type.from([0.5, ...SPECIALS, -0.5, -3]);
      assert.deepEqual(mismatches(shifted, mapWasm(shifted)), []);
      for (const x of SPECIALS) {
        const one = Type.of(x);
        assert.deepEqual(mismatches(one, mapWasm(one)), []);
      }
    });
  }

  it('Float64Array: 1 million random doubles in [−40, 40]', () => {
    const xs = uniform(1_000_000, -40, 40, 1);
    assert.deepEqual(mismatches(xs, mapWasm(xs)), []);
  });

  it('Float64Array: 1 million random doubles in [−8, 8]', () => {
    const xs = uniform(1_000_000, -8, 8, 2);
    assert.deepEqual(mismatches(xs, mapWasm(xs)), []);
  });

  it('Float64Array: dense around every branch edge (random points within 1e−9 relative)', () => {
    const r = rng(3);
    const edges = [...ERFC_EDGES.flatMap((e) => [e * Math.SQRT2, -e * Math.SQRT2]), -30, -39, -Math.sqrt(1416), -37.5];
    const xs = new Float64Array(200_000);
    for (let i = 0; i < xs.length; i++) {
      const e = edges[i % edges.length]!;
      xs[i] = e * (1 + (r() - 0.5) * 2e-9);
    }
    assert.deepEqual(mismatches(xs, mapWasm(xs)), []);
  });

  it('Float64Array: 1 million random bit patterns, and many binades', () => {
    const xs = bitPatterns(1_000_000, 4);
    assert.deepEqual(mismatches(xs, mapWasm(xs)), []);
    const r = rng(5);
    const spread = new Float64Array(500_000);
    for (let i = 0; i < spread.length; i++) spread[i] = (r() < 0.5 ? -1 : 1) * 2 ** (r() * 80 - 70);
    assert.deepEqual(mismatches(spread, mapWasm(spread)), []);
  });

  it('Float32Array: within 1 ulp of fround(forward) on float32 inputs, exact on special values (uniform, bit patterns, edges)', () => {
    const wide = Float32Array.from(uniform(1_000_000, -40, 40, 6));
    assert.deepEqual(mismatches(wide, mapWasm(wide)), []);
    const narrow = Float32Array.from(uniform(1_000_000, -8, 8, 7));
    assert.deepEqual(mismatches(narrow, mapWasm(narrow)), []);
    const r = rng(8);
    const bits = new Uint32Array(1_000_000);
    for (let i = 0; i < bits.length; i++) bits[i] = Math.floor(r() * 2 ** 32);
    // ±0, ±∞, NaNs, the smallest and largest subnormals and normals, ±FLT_MAX
    bits.set([
      0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 1, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,
    ]);
    const patterns = new Float32Array(bits.buffer);
    assert.deepEqual(mismatches(patterns, mapWasm(patterns)), []);
    // every float32 within 4096 ulps of each edge
    const near: number[] = [];
    const f = new Float32Array(1);
    const u = new Uint32Array(f.buffer);
    for (const e of [...ERFC_EDGES.flatMap((t) => [t * Math.SQRT2, -t * Math.SQRT2]), -30, -39, -Math.sqrt(1416)]) {
      f[0] = e;
      const b = u[0]!;
      for (let k = -4096; k <= 4096; k++) {
        u[0] = b + k;
        near.push(f[0]!);
      }
    }
    const nearXs = Float32Array.from(near);
    assert.deepEqual(mismatches(nearXs, mapWasm(nearXs)), []);
  });

  it('every length around the block (512) and chunk sizes, in place, with out given and on subarrays', () => {
    const r = rng(9);
    for (const Type of [Float64Array, Float32Array]) {
      for (const n of [1, 2, 3, 5, 8, 9, 31, 33, 511, 512, 513, 1023, 1025, 4097, 8191, 8192, 8193, 16385, 20001]) {
        const src: FloatArray = new Type(n + 3);
        // mixed classes, with a run of one class so that some buckets fill up and others stay empty
        for (let i = 0; i < src.length; i++) {
          const k = r();
          src[i] = i % 97 < 40 ? 3 + r() : k < 0.1 ? -35 - r() * 6 : k < 0.15 ? NaN : (r() - 0.5) * 20;
        }
        const xs = src.subarray(1, n + 1) as FloatArray;
        const copy = xs.slice();
        const fresh = mapWasm(xs);
        assert.deepEqual(mismatches(xs, fresh), [], `${Type.name} n=${n}`);
        assert.deepEqual(xs, copy, 'map must not write to xs');
        const outer = new Type(n + 4);
        const out = outer.subarray(2, n + 2) as FloatArray;
        assert.equal(mapWasm(xs, out), out);
        assert.deepEqual(mismatches(xs, out), [], `${Type.name} n=${n}, out given`);
        assert.deepEqual([outer[0], outer[1], outer[n + 2], outer[n + 3]], [0, 0, 0, 0], 'writes stay inside out');
        const inPlace = xs.slice() as FloatArray;
        assert.equal(mapWasm(inPlace, inPlace), inPlace);
        assert.deepEqual(mismatches(xs, inPlace), [], `${Type.name} n=${n}, in place`);
      }
    }
  });
});

/** The x < 0 where the tanh form's w = −2·√(2/π)·(x + 0.044715x³) reaches `target` (bisection). */
function tanhEdge(target: number, lo: number, hi: number): number {
  const w = (x: number) => -2 * 0.7978845608028654 * x * (1 + 0.044715 * x * x);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (w(mid) > target === w(lo) > target) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The tanh form's edges: x = 0, −23 (below, −0), hi = 700 (one exponential or two, x ≈ −20.9),
 * w = −40 for x ≥ 0 (the kernel clamps the exponential's argument there, x ≈ 6.98), and where the
 * exponential's argument crosses 0.5·ln 2 and 2^−28 (x < 0 near 0).
 */
const TANH_EDGES = [
  0,
  -23,
  tanhEdge(700, -23, -10),
  tanhEdge(-40, 10, 0),
  tanhEdge(0.34657359027997264, -1, 0),
  tanhEdge(3.725290298461914e-9, -1, 0),
  tanhEdge(-0.34657359027997264, 1, 0),
  tanhEdge(-708.39, 40, 0),
  -7.145,
  -21,
];

const TANH_SPECIALS: number[] = [...SPECIALS, ...TANH_EDGES.flatMap((e) => around(e, 40)), ...TANH_EDGES.flatMap((e) => around(-e, 6))];

describe('gelu (tanh approximation) WebAssembly kernel', () => {
  it('is loaded and runs (not the TypeScript fallback)', () => assertRunsInWasm('geluTanh'));

  for (const Type of [Float64Array, Float32Array]) {
    it(`${Type.name}: its branch edges with their neighbours, special values`, () => {
      const xs = Type.from(TANH_SPECIALS);
      assert.deepEqual(mismatches(xs, mapWasm(xs, undefined, TANH), TANH), []);
      const shifted = Type.from([0.5, ...TANH_SPECIALS, -0.5, -3]);
      assert.deepEqual(mismatches(shifted, mapWasm(shifted, undefined, TANH), TANH), []);
    });
  }

  it('Float64Array: 1 million random doubles in [−40, 40] and in [−8, 8], dense around the edges', () => {
    const wide = uniform(1_000_000, -40, 40, 11);
    assert.deepEqual(mismatches(wide, mapWasm(wide, undefined, TANH), TANH), []);
    const narrow = uniform(1_000_000, -8, 8, 12);
    assert.deepEqual(mismatches(narrow, mapWasm(narrow, undefined, TANH), TANH), []);
    const r = rng(13);
    const dense = new Float64Array(200_000);
    for (let i = 0; i < dense.length; i++) dense[i] = TANH_EDGES[i % TANH_EDGES.length]! * (1 + (r() - 0.5) * 2e-9);
    assert.deepEqual(mismatches(dense, mapWasm(dense, undefined, TANH), TANH), []);
  });

  it('Float64Array: 1 million random bit patterns, and many binades', () => {
    const xs = bitPatterns(1_000_000, 14);
    assert.deepEqual(mismatches(xs, mapWasm(xs, undefined, TANH), TANH), []);
    const r = rng(15);
    const spread = new Float64Array(500_000);
    for (let i = 0; i < spread.length; i++) spread[i] = (r() < 0.5 ? -1 : 1) * 2 ** (r() * 80 - 70);
    assert.deepEqual(mismatches(spread, mapWasm(spread, undefined, TANH), TANH), []);
  });

  it('Float32Array: within 1 ulp of fround(forward) on float32 inputs, exact on special values (uniform, bit patterns)', () => {
    const wide = Float32Array.from(uniform(1_000_000, -40, 40, 16));
    assert.deepEqual(mismatches(wide, mapWasm(wide, undefined, TANH), TANH), []);
    const r = rng(17);
    const bits = new Uint32Array(1_000_000);
    for (let i = 0; i < bits.length; i++) bits[i] = Math.floor(r() * 2 ** 32);
    bits.set([
      0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 1, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,
    ]);
    const patterns = new Float32Array(bits.buffer);
    assert.deepEqual(mismatches(patterns, mapWasm(patterns, undefined, TANH), TANH), []);
  });

  it('every length around the block (512) and chunk sizes, in place, with out given and on subarrays', () => {
    const r = rng(18);
    for (const Type of [Float64Array, Float32Array]) {
      for (const n of [1, 3, 7, 8, 9, 511, 512, 513, 8191, 8192, 8193, 16385, 20001]) {
        const src: FloatArray = new Type(n + 3);
        for (let i = 0; i < src.length; i++) src[i] = r() < 0.05 ? -22 - r() * 2 : (r() - 0.5) * 20;
        const xs = src.subarray(1, n + 1) as FloatArray;
        const outer = new Type(n + 4);
        const out = outer.subarray(2, n + 2) as FloatArray;
        assert.equal(mapWasm(xs, out, TANH), out);
        assert.deepEqual(mismatches(xs, out, TANH), [], `${Type.name} n=${n}`);
        assert.deepEqual([outer[0], outer[1], outer[n + 2], outer[n + 3]], [0, 0, 0, 0], 'writes stay inside out');
        const inPlace = xs.slice() as FloatArray;
        assert.equal(mapWasm(inPlace, inPlace, TANH), inPlace);
        assert.deepEqual(mismatches(xs, inPlace, TANH), [], `${Type.name} n=${n}, in place`);
      }
    }
  });
});
