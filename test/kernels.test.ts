/**
 * The fast `map` kernels (WebAssembly SIMD, asm/) against the scalar `forward`: for every
 * activation, both array types and several parameter sets, `map` must return exactly what
 * `forward` returns element by element (in float64 bit for bit, NaN as NaN; in float32 the
 * float32 rounding of it, which is what the TypeScript kernels store), except where the float32 map
 * runs a WebAssembly kernel marked within1Ulp in the generated list (it calls asm/fast32.ts; the
 * exponential family): there within 1 float32 ulp of that rounding, and exactly it for NaN, ±∞ and
 * ±0 inputs and wherever it is ±0 or ±∞ (scripts/verify-f32-kernels.mjs checks them on every float32
 * input). That mark is derived from asm/ by the build, and checked here against the files' imports. The inputs are the fixture
 * points, special values, the edges of every branch, and random values over many binades. The same
 * holds with the TypeScript kernels forced (mode 'ts'), and at every length, with `out` given, in
 * place and on subarrays at odd offsets. The generated module must be what the compiler produces
 * from asm/ today. Kernel names: every name src/ passes to runWasm is a kernel of the generated
 * list, and any other name fails to compile and throws. Last, the command line of
 * scripts/verify-f32-kernels.mjs (wrong ones exit with code 2 before checking anything).
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { activations, activationIds } from '../src/registry.js';
import type { Activation, FloatArray, Params } from '../src/types.js';
import { float32KernelOf, runWasm, setKernelMode, takeLastWasmKernel, wasmKernelsReady, type KernelMode } from '../src/kernels/wasm.js';
import { MAP_KERNELS } from '../src/kernels/kernel-names.generated.js';
import { dec, rng, show, within1Ulp32 } from './helpers/numeric.js';
import { loadFixture } from './helpers/reference.js';
import { generate, readSources } from '../scripts/build-wasm.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

after(() => setKernelMode('auto'));

const SPECIALS = [
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  1,
  -1,
  2,
  -2,
  3,
  -3,
  6,
  -6,
  0.5,
  -0.5,
  0.25,
  -0.25,
  1e-300,
  -1e-300,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  -2.2250738585072014e-308,
  1e308,
  -1e308,
  1.7976931348623157e308,
  -1.7976931348623157e308,
  20,
  -20,
  36.7,
  -36.7,
  40,
  -40,
  700,
  -700,
  -700.0000000000001,
  -699.9999999999999,
  709.78,
  -709.78,
  745,
  -745,
  746,
  -746,
  1500,
  -1500,
  3.725290298461914e-9,
  -3.725290298461914e-9,
  0.34657359027997264,
  -0.34657359027997264,
  0.3465735912322998,
  -0.3465735912322998,
  1.0397207708399179,
  -1.0397207708399179,
  1e-8,
  -1e-8,
  1e-20,
  -1e-20,
  0.9999999999999999,
  1.0000000000000002,
  -0.9999999999999999,
  -1.0000000000000002,
  0.01,
  -0.01,
  0.1,
  -0.1,
  3.4028234663852886e38,
  -3.4028234663852886e38,
  1.401298464324817e-45,
  -1.401298464324817e-45,
  // expm1's and tanh's edges: 2^−54, 2^−28, 1.5 ln2 (0x3FF0A2B2), 56 ln2 (0x4043687A), 22, k = 57 for 2|x|.
  5.551115123125783e-17,
  -5.551115123125783e-17,
  3.7252902984619136e-9,
  -3.7252902984619136e-9,
  1.0397205352783203,
  -1.0397205352783203,
  1.0397205352783201,
  -1.0397205352783201,
  38.81622314453125,
  -38.81622314453125,
  -38.816223144531246,
  22,
  -22,
  21.999999999999996,
  -21.999999999999996,
  19.581,
  -19.581,
  40,
  -40,
  41,
  -41,
];

/** The special values, the inputs of activation `id`'s reference fixture (none without an id), and random ones. */
function inputs(id: string | undefined, seed: number): number[] {
  const r = rng(seed);
  const xs: number[] = [...SPECIALS];
  if (id !== undefined) {
    const fx = loadFixture(id);
    assert.equal(fx.id, id, `fixture of ${id}`);
    for (const set of fx.paramSets) for (const c of set.cases) xs.push(dec(c[0]));
    for (const set of fx.float32) for (const c of set.cases) xs.push(dec(c[0]));
  }
  for (let i = 0; i < 3000; i++) xs.push((r() - 0.5) * 20); // the curved part
  for (let i = 0; i < 1000; i++) xs.push((r() - 0.5) * 1600); // exp's whole range and beyond
  for (let i = 0; i < 1000; i++) xs.push((r() < 0.5 ? -1 : 1) * 2 ** (r() * 200 - 100)); // many binades
  for (let i = 0; i < 500; i++) xs.push(-690 - r() * 60); // where e^x turns subnormal
  const dv = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 500; i++) {
    dv.setUint32(0, Math.floor(r() * 2 ** 32));
    dv.setUint32(4, Math.floor(r() * 2 ** 32));
    xs.push(dv.getFloat64(0)); // any bit pattern
  }
  return xs;
}

/** Parameter sets per activation: the defaults, the fixtures' sets, and awkward values. */
function paramSets(id: string): Params[] {
  const sets: Params[] = [{}];
  const fx = loadFixture(id);
  assert.equal(fx.id, id, `fixture of ${id}`);
  for (const set of [...fx.paramSets, ...fx.float32]) sets.push(set.params);
  const extra: Record<string, Params[]> = {
    leakyRelu: [
      { negativeSlope: 0 },
      { negativeSlope: -0 },
      { negativeSlope: 0.1 },
      { negativeSlope: -0.3 },
      { negativeSlope: 1e300 },
      // float32-exact slopes (the float32 kernel multiplies in float32 there), subnormal and huge ones
      { negativeSlope: 0.25 },
      { negativeSlope: -1.5 },
      { negativeSlope: 2 ** -140 },
      { negativeSlope: 3.4028234663852886e38 },
      { negativeSlope: 1e-40 },
    ],
    prelu: [{ weight: 0 }, { weight: -0 }, { weight: 0.1 }, { weight: -2 }, { weight: 0.25 }],
    hardtanh: [
      { minVal: -0.1, maxVal: 0.1 },
      { minVal: 0, maxVal: 0 },
      { minVal: -0, maxVal: 6 },
      { minVal: -1e300, maxVal: 1e300 },
      { minVal: 0.30000000000000004, maxVal: 1.7 },
    ],
    // float32: float32-exact λ (0.5, 0.25, a subnormal, the largest finite, ∞) runs float32 lanes, any other float64 lanes
    softshrink: [
      { lambda: 0 },
      { lambda: 0.1 },
      { lambda: 1.3 },
      { lambda: 1e300 },
      { lambda: 0.25 },
      { lambda: 2 ** -140 },
      { lambda: 3.4028234663852886e38 },
      { lambda: Infinity },
      { lambda: 0.7 },
    ],
    // float32 compares against the largest float32 ≤ λ: λ rounding up (0.1, −0.7, −1e−50 to −0) and down (0.7, −0.1),
    // beyond the float32 range (±3.5e38), ±∞
    hardshrink: [
      { lambda: 0 },
      { lambda: -0.1 },
      { lambda: 0.1 },
      { lambda: 2.7 },
      { lambda: 0.7 },
      { lambda: -0.7 },
      { lambda: 1e-50 },
      { lambda: -1e-50 },
      { lambda: 3.5e38 },
      { lambda: -3.5e38 },
      { lambda: Infinity },
      { lambda: -Infinity },
      { lambda: 2 ** -149 },
    ],
    swish: [{ beta: 1 }, { beta: 0 }, { beta: 0.1 }, { beta: -1 }, { beta: 2.5 }, { beta: -0.3 }, { beta: 1e-300 }, { beta: 1e300 }, { beta: -7 }],
    elu: [{ alpha: 0.5 }, { alpha: 0 }, { alpha: -1.5 }, { alpha: 3 }],
    celu: [{ alpha: 0.5 }, { alpha: 0.01 }, { alpha: 3 }, { alpha: -0.7 }, { alpha: -2 }, { alpha: 1e300 }, { alpha: -1e-300 }],
    softplus: [
      { beta: 2, threshold: 10 },
      { beta: 0.3, threshold: 20 },
      { beta: -1.7, threshold: 5 },
      { beta: 1, threshold: 800 },
      { beta: 1e-300, threshold: 20 },
      { beta: 7.5, threshold: -3 },
    ],
    gelu: [{ approximate: 'tanh' }],
  };
  sets.push(...(extra[id] ?? []));
  const seen = new Set<string>();
  return sets.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Inputs at each numeric parameter's value and its negation, and their neighbours two steps either
 * side in float64 and in float32: where a kernel's comparisons with the parameter switch.
 */
function nearParams(p: Params): number[] {
  const out: number[] = [];
  const f = new Float32Array(1);
  const fBits = new Int32Array(f.buffer);
  const d = new Float64Array(1);
  const dBits = new BigInt64Array(d.buffer);
  for (const v of Object.values(p)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    for (const s of [v, -v]) {
      d[0] = s;
      const b = dBits[0]!;
      for (const k of [-2n, -1n, 0n, 1n, 2n]) {
        dBits[0] = b + k;
        out.push(d[0]!);
      }
      f[0] = s;
      const fb = fBits[0]!;
      for (const k of [-2, -1, 0, 1, 2]) {
        fBits[0] = fb + k;
        out.push(f[0]!);
      }
    }
  }
  return out;
}

/** Not an output of any activation on inputs in [−8, 8] (and exact in float32). */
const SENTINEL = 7777.25;

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

const ulpRule = new Map<string, boolean>();

/**
 * Whether act's float32 map with parameters p runs a kernel within 1 float32 ulp of fround(forward)
 * rather than equal to it: read from the kernel that runs (swish at β = 1 runs silu's), not listed.
 */
function within1UlpKernel(act: Activation<Params>, p: Params): boolean {
  const key = `${act.id} ${JSON.stringify(p)}`;
  let rule = ulpRule.get(key);
  if (rule === undefined) {
    rule = float32KernelOf((xs) => act.map(xs, p)).within1Ulp;
    ulpRule.set(key, rule);
  }
  return rule;
}

/**
 * Compares map's output with forward element by element; returns the first mismatches. `ulp`: the
 * float32 output may be 1 ulp off where it came from a within-1-ulp WebAssembly kernel, else it
 * must be exact.
 */
function mismatches(act: Activation<Params>, p: Params, xs: FloatArray, ys: FloatArray, ulp = false): string[] {
  const bad: string[] = [];
  const f32 = xs instanceof Float32Array;
  const tolerant = f32 && ulp && within1UlpKernel(act, p);
  for (let i = 0; i < xs.length; i++) {
    const v = act.forward(xs[i]!, p);
    const want = f32 ? Math.fround(v) : v;
    if (tolerant ? !within1Ulp32(xs[i]!, ys[i]!, want) : !same(ys[i]!, want)) {
      bad.push(`x=${show(xs[i]!)}: map ${show(ys[i]!)}, forward ${show(want)}`);
      if (bad.length >= 8) break;
    }
  }
  return bad;
}

function withMode<T>(m: KernelMode, f: () => T): T {
  const previous = setKernelMode(m);
  try {
    return f();
  } finally {
    setKernelMode(previous);
  }
}

describe('the WebAssembly kernels', () => {
  it('load in Node', () => {
    assert.equal(wasmKernelsReady(), true);
  });

  it("transcribe V8's Math.exp bit for bit", () => {
    const xs = Float64Array.from(inputs(undefined, 7));
    const r = rng(11);
    const more: number[] = [];
    // Both sides of every branch edge of fdlibm's exp, densely.
    for (const edge of [
      0.34657359027997264, 0.3465735912322998, 1.0397207708399179, 1.03972, 3.725290298461914e-9, 709.782712893384, -745.1332191019411, -708.39641853226,
    ]) {
      for (let i = 0; i < 200; i++) {
        const d = (r() - 0.5) * Math.abs(edge) * 1e-6;
        more.push(edge + d, -edge - d);
      }
    }
    for (const set of [xs, Float64Array.from(more)]) {
      const out = new Float64Array(set.length);
      assert.ok(withMode('wasm', () => runWasm('exp', set, out)));
      const bad: string[] = [];
      set.forEach((x, i) => {
        if (!same(out[i]!, Math.exp(x)) && bad.length < 8) bad.push(`exp(${show(x)}): ${show(out[i]!)} vs ${show(Math.exp(x))}`);
      });
      assert.deepEqual(bad, []);
    }
  });

  it('transcribe Math.exp bit for bit on 4 million random inputs across its range', () => {
    const r = rng(3);
    const n = 1 << 22;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = (r() - 0.5) * 1500 * (i & 1 ? 1 : 1e-3);
    const out = new Float64Array(n);
    assert.ok(withMode('wasm', () => runWasm('exp', xs, out)));
    let bad = 0;
    for (let i = 0; i < n; i++) if (!same(out[i]!, Math.exp(xs[i]!))) bad++;
    assert.equal(bad, 0);
  });

  // fdlibm's expm1 (V8's Math.expm1), tanh (built on it) and log1p: every branch edge densely, every
  // k at its rounding boundaries, and millions of random inputs and bit patterns. log1pUnit is the
  // variant for 0 ≤ x ≤ 1 (what softplus and logSigmoid pass it), checked on that range.
  const fdlibm = [
    ['expm1', Math.expm1],
    ['tanh', Math.tanh],
    ['log1p', Math.log1p],
    ['log1pUnit', Math.log1p],
  ] as const;
  for (const [name, ref] of fdlibm) {
    it(`transcribe V8's Math.${name} bit for bit (branch edges, every k, 4 million random inputs)`, () => {
      const r = rng(name.length * 31 + 5);
      const bits = (hi: number, lo: number) => {
        const dv = new DataView(new ArrayBuffer(8));
        dv.setUint32(0, hi >>> 0);
        dv.setUint32(4, lo >>> 0);
        return dv.getFloat64(0);
      };
      const edges = [
        bits(0x3fd62e43, 0),
        bits(0x3fd62e42, 0xffffffff),
        bits(0x3ff0a2b2, 0),
        bits(0x3ff0a2b1, 0xffffffff),
        2 ** -54,
        2 ** -28,
        bits(0x4043687a, 0),
        709.782712893384,
        0.25,
        0.5,
        1,
        2,
        22,
        19.6,
        28.4,
        Math.LN2,
        // log1p's: 0x3FDA827A, 0x3FD2BEC5 (negated), 2^−29, 2^53, √2 − 1, √2/2 − 1, −1
        bits(0x3fda827a, 0),
        -bits(0x3fd2bec5, 0),
        -bits(0x3fd2bec4, 0xffffffff),
        2 ** -29,
        2 ** 53,
        Math.SQRT2 - 1,
        Math.SQRT1_2 - 1,
        -1,
      ];
      for (let k = -60; k < 1024; k++) edges.push(2 ** k - 1, Math.SQRT2 * 2 ** k - 1, 2 ** k); // log1p's u = 1 + x
      for (let k = -60; k <= 1025; k++) edges.push((k + 0.5) * Math.LN2, (k - 0.5) * Math.LN2, k * Math.LN2);
      for (let k = -60; k <= 130; k++) edges.push(((k + 0.5) * Math.LN2) / 2, ((k - 0.5) * Math.LN2) / 2); // tanh's 2|x|
      const xs: number[] = [...inputs(undefined, 13)];
      for (const e of edges) {
        for (let i = 0; i < 100; i++) {
          const d = (r() - 0.5) * Math.abs(e) * (i < 50 ? 1e-14 : 1e-6);
          xs.push(e + d, -e - d);
        }
      }
      const n = 1 << 22;
      for (let i = 0; i < n; i++) {
        const m = i & 7;
        xs.push(
          m === 0
            ? (r() - 0.5) * 1500
            : m === 1
              ? (r() - 0.5) * 100
              : m === 2
                ? (r() - 0.5) * 4
                : m === 3
                  ? (r() < 0.5 ? -1 : 1) * 2 ** (r() * 140 - 130)
                  : m === 4
                    ? bits(Math.floor(r() * 2 ** 32), Math.floor(r() * 2 ** 32))
                    : m === 5
                      ? -r() * 40
                      : m === 6
                        ? i & 8
                          ? (r() - 0.5) * 50
                          : -1 + 2 ** (-r() * 60)
                        : i & 8
                          ? r() * 2 - 1
                          : Math.exp(-r() * 760),
        );
      }
      const set = Float64Array.from(name === 'log1pUnit' ? xs.filter((x) => !(x < 0 || x > 1)) : xs);
      const out = new Float64Array(set.length);
      assert.ok(withMode('wasm', () => runWasm(name, set, out)));
      const bad: string[] = [];
      let count = 0;
      for (let i = 0; i < set.length; i++) {
        const want = ref(set[i]!);
        if (same(out[i]!, want)) continue;
        count++;
        if (bad.length < 8) bad.push(`${name}(${show(set[i]!)}): ${show(out[i]!)} vs ${show(want)}`);
      }
      assert.deepEqual(bad, [], `${count} mismatches`);
    });
  }

  it('are rejected by runWasm in mode ts, and skipped for short arrays in mode auto', () => {
    const xs = new Float64Array(4);
    assert.equal(
      withMode('ts', () => runWasm('relu', new Float64Array(100), new Float64Array(100))),
      false,
    );
    assert.equal(
      withMode('auto', () => runWasm('relu', xs, xs)),
      false,
    );
    assert.equal(
      withMode('wasm', () => runWasm('relu', xs, xs)),
      true,
    );
  });

  it('refuse a name that is not a kernel in every mode, at compile time and at run time (no silent fallback)', () => {
    const xs = new Float64Array(64);
    const ys = new Float32Array(64);
    for (const m of ['wasm', 'auto', 'ts'] as const) {
      // @ts-expect-error: not a kernel's name
      assert.throws(() => withMode(m, () => runWasm('no-such-kernel', xs, xs)), RangeError);
      // @ts-expect-error: a misspelt one
      assert.throws(() => withMode(m, () => runWasm('sigmiod', ys, ys)), RangeError);
      // @ts-expect-error: expm1 has no float32 form
      assert.throws(() => withMode(m, () => runWasm('expm1', ys, ys)), TypeError);
      // @ts-expect-error: an inherited property of the list is not a kernel either
      assert.throws(() => withMode(m, () => runWasm('toString', xs, xs)), RangeError);
    }
    // The scalar parameters are typed by the kernel's signature in asm/ (mode 'ts': nothing runs).
    withMode('ts', () => {
      // @ts-expect-error: hardtanh takes two (lo, hi)
      runWasm('hardtanh', xs, xs, -1);
      // @ts-expect-error: relu takes none
      runWasm('relu', xs, xs, 0.5);
      runWasm('hardtanh', xs, xs, -1, 1);
    });
  });

  it('are listed in kernel-names.generated.ts exactly as the module exports them', () => {
    assert.ok(wasmKernelsReady());
    // Untyped: the names come from the list at run time, with parameters that fit every kernel.
    const run = runWasm as (name: string, xs: FloatArray, out: FloatArray, a?: number, b?: number) => boolean;
    const xs = Float64Array.from({ length: 64 }, (_, i) => i / 8 - 4);
    for (const [name, { f32 }] of Object.entries(MAP_KERNELS)) {
      assert.equal(
        withMode('wasm', () => run(name, xs.slice(), new Float64Array(64), 1, 2)),
        true,
        name,
      );
      assert.equal(takeLastWasmKernel(), `${name}_f64`);
      if (f32) {
        assert.equal(
          withMode('wasm', () => run(name, Float32Array.from(xs), new Float32Array(64), 1, 2)),
          true,
          name,
        );
        assert.equal(takeLastWasmKernel(), `${name}_f32`);
      }
    }
  });

  it('every name src/ passes to runWasm is a kernel, and each activation whose map calls runWasm runs a kernel for both array types', () => {
    // The type check covers typed callers; this reads the sources, so a cast cannot hide a wrong name.
    const src = path.join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('kernels'));
    let calls = 0;
    for (const f of files) {
      for (const m of readFileSync(path.join(src, f), 'utf8').matchAll(/runWasm\(\s*'([^']*)'/g)) {
        calls++;
        assert.ok(Object.hasOwn(MAP_KERNELS, m[1]!), `src/${f} calls runWasm('${m[1]}'), which is not a kernel`);
      }
    }
    assert.ok(calls > 0, 'no runWasm calls found: the pattern is out of date');
    for (const id of activationIds) {
      const file = path.join(src, 'activations', `${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`);
      if (!readFileSync(file, 'utf8').includes('runWasm(')) continue;
      const act = activations[id] as Activation<Params>;
      for (const Type of [Float64Array, Float32Array]) {
        const xs: FloatArray = new Type(64);
        for (let i = 0; i < xs.length; i++) xs[i] = i / 8 - 4;
        takeLastWasmKernel();
        withMode('wasm', () => act.map(xs, act.defaults));
        const ran = takeLastWasmKernel();
        assert.ok(ran?.endsWith(Type === Float64Array ? '_f64' : '_f32'), `${id}.map(${Type.name}) ran ${ran ?? 'no WebAssembly kernel'}`);
      }
    }
  });

  it('are marked within 1 ulp in float32 exactly when their float32 form reaches asm/fast32.ts, however indirectly', () => {
    // A new kernel file that reaches fast32.ts through a helper of its own, another through another
    // file's function (tanh's), and kernels that do not (fexp named only in a comment).
    const added = {
      file: 'asm/zz-probe.ts',
      text: [
        "import { fexp } from './fast32';",
        "import { g_tanh } from './tanh';",
        'function helper(x: v128): v128 {',
        '  return fexp(x);',
        '}',
        '@inline export function g_probe(x: v128): v128 {',
        '  return helper(x);',
        '}',
        '@inline export function g_probeTanh(x: v128): v128 {',
        '  return g_tanh(x);',
        '}',
        '// not fexp(x): the exact form',
        '@inline export function f_probe(x: v128): v128 {',
        '  return f64x2.add(x, x);',
        '}',
        '// @loop probeFast_f64() f64*1 => f_probe(x)',
        '// @loop probeFast_f32() f32via64*1 => g_probe(x)',
        '// @loop probeVia_f64() f64*1 => f_probe(x)',
        '// @loop probeVia_f32() f32via64*1 => g_probeTanh(x)',
        '// @loop probeWhen_f64(beta: f64) f64*1 => f_probe(x)',
        '// @loop probeWhen_f32(beta: f64) f32via64*1 if beta == 1.0 => g_probe(x)',
        '// @loop probeWhen_f32(beta: f64) f32via64*1 => f_probe(x)',
        '// @loop probeExact_f64() f64*1 => f_probe(x)',
        '// @loop probeExact_f32() f32via64*1 => f_probe(x)',
        '',
      ].join('\n'),
    };
    const { kernels } = generate([...readSources(ROOT), added]);
    const rule = Object.fromEntries(kernels.map((k) => [k.name, k.within1Ulp]));
    assert.deepEqual(
      ['probeFast', 'probeVia', 'probeWhen', 'probeExact'].map((k) => rule[k]),
      [true, true, true, false],
    );
  });

  it('marked within 1 ulp are the float32 kernels of the asm/ files that import fast32.ts, directly or through another file', () => {
    // Another reading of asm/ than the build's (files' imports, not calls): they must agree.
    const sources = readSources(ROOT);
    const imports = new Map(sources.map(({ file, text }) => [file, [...text.matchAll(/^import [^;]*from '\.\/([\w-]+)'/gm)].map((m) => `asm/${m[1]}.ts`)]));
    const reaches = (file: string, seen = new Set<string>()): boolean => {
      if (file === 'asm/fast32.ts') return true;
      if (seen.has(file)) return false;
      seen.add(file);
      return (imports.get(file) ?? []).some((f) => reaches(f, seen));
    };
    const fileOf = (name: string) => sources.find(({ text }) => new RegExp(`^// @loop ${name}_f32\\(|^export function ${name}_f32\\(`, 'm').test(text))?.file;
    const marked = Object.entries(MAP_KERNELS).filter(([, k]) => k.within1Ulp);
    assert.ok(marked.length > 0, 'no kernel is marked within 1 ulp');
    for (const [name] of marked) {
      const file = fileOf(name);
      assert.ok(file !== undefined && reaches(file), `${name}_f32 is marked within 1 ulp, but ${file ?? 'its file'} does not import fast32.ts`);
    }
    for (const { file, text } of sources) {
      if (!(imports.get(file) ?? []).includes('asm/fast32.ts')) continue;
      const own = Object.keys(MAP_KERNELS).filter((name) => fileOf(name) === file);
      assert.ok(
        own.some((name) => MAP_KERNELS[name as keyof typeof MAP_KERNELS].within1Ulp),
        `${file} imports fast32.ts, but none of its float32 kernels (${own.join(', ') || 'none'}) is marked within 1 ulp${text.includes('@loop') ? '' : ' (no @loop lines)'}`,
      );
    }
  });

  it('are what the compiler produces from asm/ today (the generated file is not stale)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
  });
});

describe('scripts/verify-f32-kernels.mjs (npm run verify:f32): its command line', () => {
  /** Runs the script with `args`: its exit code and output. */
  async function verify(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['scripts/verify-f32-kernels.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: unknown; stdout?: string; stderr?: string };
      if (typeof e.code !== 'number') throw error;
      return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  // Each wrong command line exits with code 2 and says what is wrong, before checking anything (these
  // once ran the 15 special values and passed: `--stride 4` read as a flag and a stray word, `abc` as NaN).
  const wrong: [string[], RegExp][] = [
    [['--fns=relu', '--stride', 'abc'], /--stride must be a whole number ≥ 1, got "abc"/],
    [['--fns=relu', '--stride=abc'], /--stride must be a whole number ≥ 1, got "abc"/],
    [['--fns=relu', '--stride=0'], /--stride must be a whole number ≥ 1, got "0"/],
    [['--fns=relu', '--stride=1.5'], /--stride must be a whole number/],
    [['--fns=relu', '--stride=4294967297'], /--stride must be at most 2\^32/],
    [['--fns=relu', '--stride'], /--stride needs a value/],
    [['--fns=relu', '--workers=-1'], /--workers/],
    [['--fns=relu', '--strid=4'], /unknown option --strid/],
    [['--fns=relu', 'extra'], /unexpected argument extra/],
    [['--fns=relu', '--params={x'], /--params must be a JSON object/],
    [['--fns=relu,sigmiod'], /unknown function "sigmiod"/],
    [['--fns=hardshrink', '--params={"lamda":0.1}'], /hardshrink has no parameter "lamda"/],
    [['--fns=relu', '--out='], /--out needs a value/],
  ];
  // Started together on first use (each is a Node start-up, mostly waiting).
  let started: Promise<{ code: number; stdout: string; stderr: string }>[] | undefined;
  for (const [k, [args, message]] of wrong.entries()) {
    it(`refuses ${args.join(' ')}`, async () => {
      started ??= wrong.map(([a]) => verify(a));
      const r = await started[k]!;
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /usage: /);
      assert.equal(r.stdout, '', 'nothing checked');
    });
  }

  it('--help prints the usage and exits with 0', async () => {
    const r = await verify(['--stride=4', '--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^usage: .*--stride=s/s);
  });

  it('--fns relu --stride 1048576 (space-separated values) checks 2^12 bit patterns plus the special values', async () => {
    const r = await verify(['--fns', 'relu', '--stride', String(2 ** 20), '--workers', '1']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^relu +ok +\(exact\) checked 4111 \(stride 1048576\), max 0 ulp/m);
  });

  it('with no --fns, checks every kernel marked within 1 ulp once, those that only a parameter set reaches included (gelu, approximate: tanh)', async () => {
    const { defaultFunctions } = await import('../scripts/verify-f32-kernels.mjs');
    const kernelOf = (id: string, p: Params) => {
      const act = activations[id as keyof typeof activations] as Activation<Params>;
      return float32KernelOf((xs) => act.map(xs, { ...act.defaults, ...p }));
    };
    const jobs = defaultFunctions(
      activationIds,
      kernelOf,
      (id) => (activations[id as keyof typeof activations] as Activation<Params>).reference.paramSets ?? [],
    );
    const kernels = jobs.map((j) => kernelOf(j.id, j.params).kernel);
    const marked = Object.entries(MAP_KERNELS)
      .filter(([, k]) => k.within1Ulp)
      .map(([name]) => `${name}_f32`);
    assert.deepEqual([...kernels].sort(), [...marked].sort());
    assert.ok(jobs.some((j) => j.id === 'gelu' && j.params.approximate === 'tanh'));
  });

  // Loaded through tsx's ESM hook alone, src/ cannot read the WebAssembly bytes synchronously and
  // map falls back to the TypeScript loops without a word: the script must not pass that way.
  it('checks the WebAssembly kernel itself: sigmoid is held to the 1-ulp rule, and its kernel differs from fround(forward) somewhere', async () => {
    const r = await verify(['--fns=sigmoid', `--stride=${2 ** 12}`, '--workers=1']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const m = /^sigmoid +ok +checked \d+ \(stride 4096\), max 1 ulp, (\d+) differ/m.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.ok(Number(m[1]) > 0, r.stdout);
  });
});

for (const id of activationIds) {
  const act = activations[id] as Activation<Params>;
  describe(`${id}.map equals forward element by element`, () => {
    const base = inputs(id, id.length * 7919 + 1);
    for (const p of paramSets(id)) {
      const label = JSON.stringify(p);
      for (const mode of ['wasm', 'ts'] as const) {
        for (const Type of [Float64Array, Float32Array]) {
          it(`${label}, ${Type.name}, ${mode} kernels`, () => {
            const xs = Type.from([...base, ...nearParams(p)]);
            const ys = withMode(mode, () => act.map(xs, p));
            assert.ok(ys instanceof Type);
            assert.deepEqual(mismatches(act, p, xs, ys, mode === 'wasm'), []);
          });
        }
      }
    }

    const ulpSets = paramSets(id).filter((p) => within1UlpKernel(act, p));
    if (ulpSets.length > 0) {
      it('float32, wasm kernels: within 1 ulp of fround(forward) on 4 million random bit patterns, exact on special values', () => {
        const r = rng(id.length * 104729 + 17);
        const n = 1 << 22;
        const bits = new Uint32Array(n);
        for (let i = 0; i < n; i++) bits[i] = Math.floor(r() * 2 ** 32);
        // ±0, ±∞, NaNs, the smallest and largest subnormals and normals, ±FLT_MAX
        const specials = [
          0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xff800001, 1, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000,
          0x7f7fffff, 0xff7fffff,
        ];
        bits.set(specials);
        const xs = new Float32Array(bits.buffer);
        for (const p of ulpSets) {
          const ys = withMode('wasm', () => act.map(xs, p));
          assert.deepEqual(mismatches(act, p, xs, ys, true), [], JSON.stringify(p));
          const sp = xs.subarray(0, specials.length);
          assert.deepEqual(mismatches(act, p, sp, ys.subarray(0, specials.length)), [], `special values, ${JSON.stringify(p)}`);
        }
      });
    }

    it('at every length, with out given, in place and on subarrays at odd offsets (both types, both kernels)', () => {
      const p = paramSets(id).at(-1)!;
      const r = rng(99);
      for (const mode of ['wasm', 'auto', 'ts'] as const) {
        for (const Type of [Float64Array, Float32Array]) {
          for (const n of [0, 1, 2, 3, 4, 5, 7, 8, 9, 17, 31, 32, 33, 1000, 4095, 4097, 8193, 20000]) {
            const src: FloatArray = new Type(n + 3);
            for (let i = 0; i < src.length; i++) src[i] = (r() - 0.5) * 16;
            const xs = src.subarray(1, n + 1) as FloatArray; // byteOffset of one element
            const copy = xs.slice();
            const neighbours = [src[0], src[n + 1], src[n + 2]];
            const fresh = withMode(mode, () => act.map(xs, p));
            assert.equal(fresh.length, n);
            assert.deepEqual(mismatches(act, p, xs, fresh, mode !== 'ts'), [], `n=${n}`);
            assert.deepEqual(xs, copy, 'map must not write to xs');
            // Filled with a value no activation gives here: an element map does not write shows.
            const outer = new Type(n + 5).fill(SENTINEL);
            const out = outer.subarray(3, n + 3) as FloatArray;
            const given = withMode(mode, () => act.map(xs, p, out));
            assert.equal(given, out);
            assert.deepEqual(mismatches(act, p, xs, out, mode !== 'ts'), [], `out given, n=${n}`);
            assert.deepEqual([outer[0], outer[1], outer[2], outer[n + 3], outer[n + 4]], Array(5).fill(SENTINEL), 'writes stay inside out');
            const inPlace = withMode(mode, () => act.map(xs, p, xs));
            assert.equal(inPlace, xs);
            assert.deepEqual(mismatches(act, p, copy, xs, mode !== 'ts'), [], `in place, n=${n}`);
            assert.deepEqual([src[0], src[n + 1], src[n + 2]], neighbours, 'in place stays inside xs');
          }
        }
      }
    });
  });
}
