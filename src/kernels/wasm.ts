/**
 * The WebAssembly SIMD kernels behind `map` (sources in asm/, one file per kernel, see asm/README.md;
 * bytes in wasm-bytes.generated.ts, names in kernel-names.generated.ts, both written by
 * `npm run build:wasm`). For a Float64Array each returns exactly what the TypeScript kernel
 * returns, element by element, only faster. For a Float32Array most return exactly its float32
 * rounding too; those marked `within1Ulp` in kernel-names.generated.ts (the exponential family's
 * and GELU's, which call asm/fast32.ts; `float32KernelOf` tells which kernel a function's map runs) instead
 * compute in float64 with short approximations and return a value within 1 float32 ulp of the
 * exact one (not always the correctly rounded one: bench/verify-f32.md counts how often not),
 * and exactly forward's value for NaN, ±∞ and ±0
 * inputs and wherever that value is ±0 or ±∞; scripts/verify-f32-kernels.mjs (npm run verify:f32)
 * checks this on every float32 input. The TypeScript kernels stay the reference (correctly
 * rounded in float32) and the fallback wherever WebAssembly SIMD is missing.
 *
 * Loading: on first use, never at import (the package is `sideEffects: false`). In Node the bytes are
 * read and compiled synchronously, so the first `map` already runs WebAssembly. Elsewhere the bytes
 * come through a dynamic import, which bundlers split into a chunk of its own that only a
 * WebAssembly kernel's first call fetches: the first calls use the TypeScript kernels (same values)
 * while it loads and compiles, later calls use it.
 *
 * Data moves in chunks through a fixed buffer inside the module's memory (64 KB), so memory use is
 * bounded and no array is allocated per call. The softmax family's passes (asm/softmax.ts) run
 * through `wasmExpSum`, `wasmLogOut` and `runWasm('softmaxScale', …)`, the same doubles as the
 * TypeScript loops of src/vector/softmax.ts (test/softmax-kernels.test.ts).
 */
import type { FloatArray } from '../types.js';
import { MAP_KERNELS } from './kernel-names.generated.js';

type MapKernels = typeof MAP_KERNELS;
/** A map kernel of asm/ (`<name>_f64`, and `<name>_f32` for most): what `runWasm` takes. */
export type KernelName = keyof MapKernels;
/** The kernels with a float32 form too: the ones `runWasm` takes any FloatArray for. */
export type KernelName32 = { [K in KernelName]: MapKernels[K]['f32'] extends true ? K : never }[KernelName];
/** The scalar parameters (a, b) kernel K takes, by its asm/ signature. */
export type KernelScalars<K extends KernelName> = MapKernels[K]['scalars'] extends 2
  ? [a: number, b: number]
  : MapKernels[K]['scalars'] extends 1
    ? [a: number]
    : [];

/** The generated list, for the run-time check of names (the types only cover typed callers). */
const KERNELS: ReadonlyMap<string, { readonly scalars: number; readonly f32: boolean; readonly within1Ulp: boolean }> = new Map(Object.entries(MAP_KERNELS));

/**
 * 'auto': WebAssembly for arrays of at least `WASM_MIN_LENGTH` elements when available; 'wasm':
 * WebAssembly for every length when available (tests); 'ts': the TypeScript kernels only.
 */
export type KernelMode = 'auto' | 'wasm' | 'ts';

/** Below this length the call overhead outweighs the gain; the TypeScript kernels run instead. */
export const WASM_MIN_LENGTH = 32;

type Kernel = (ptr: number, n: number, a: number, b: number) => void;

interface Loaded {
  readonly exports: Record<string, unknown>;
  /** `<name>_f64` and `<name>_f32` per kernel name, looked up once. */
  readonly kernels: Map<string, readonly [Kernel | undefined, Kernel | undefined]>;
  readonly f64: Float64Array;
  readonly f32: Float32Array;
  readonly base: number;
  /** The softmax kernels' lane sums (asm/softmax.ts SUM_STATE). */
  readonly sums: Float64Array;
  /** A chunk's maximum and its index (asm/softmax.ts MAX_STATE). */
  readonly max: Float64Array;
}

let mode: KernelMode = 'auto';
/** The kernel `runWasm` last ran (see `takeLastWasmKernel`): its name and array type. */
let lastName: string | null = null;
let lastF64 = true;
let loaded: Loaded | null = null;
let state: 'idle' | 'pending' | 'ready' | 'unavailable' = 'idle';

/** Chooses which kernels `map` uses (see `KernelMode`); returns the previous mode. */
export function setKernelMode(next: KernelMode): KernelMode {
  if (next !== 'auto' && next !== 'wasm' && next !== 'ts') {
    throw new RangeError(`setKernelMode: mode must be 'auto', 'wasm' or 'ts', got ${String(next)}`);
  }
  const previous = mode;
  mode = next;
  return previous;
}

/**
 * The kernel mode `map` uses now (`'auto'` unless `setKernelMode` changed it).
 *
 * @example
 * ```ts
 * import { getKernelMode, setKernelMode } from 'activation-functions';
 *
 * const previous = setKernelMode('ts'); // TypeScript kernels only, e.g. to compare timings
 * getKernelMode(); // 'ts'
 * setKernelMode(previous);
 * ```
 */
export function getKernelMode(): KernelMode {
  return mode;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof atob === 'function') {
    const bin = atob(text);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | alphabet.indexOf(clean[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  return bytes;
}

function wrap(instance: WebAssembly.Instance): Loaded {
  const exports = instance.exports as Record<string, unknown>;
  const memory = exports.memory as WebAssembly.Memory;
  const base = (exports.buffer as () => number)();
  const bytes = (exports.chunkBytes as () => number)();
  return {
    exports,
    kernels: new Map(),
    base,
    f64: new Float64Array(memory.buffer, base, bytes / 8),
    f32: new Float32Array(memory.buffer, base, bytes / 4),
    sums: new Float64Array(memory.buffer, (exports.sumState as () => number)(), 4),
    max: new Float64Array(memory.buffer, (exports.maxState as () => number)(), 2),
  };
}

/**
 * The base64 bytes in Node, read synchronously through `require` (Node ≥ 20.19 requires ES modules),
 * or undefined elsewhere. Found at run time through `process.getBuiltinModule`, not a static
 * import, so that a bundle for the browser does not carry the bytes in its entry chunk.
 */
function bytesInNode(): string | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = proc?.getBuiltinModule?.('node:module') as { createRequire(from: string): (id: string) => unknown } | undefined;
  if (nodeModule === undefined) return undefined;
  try {
    return (nodeModule.createRequire(import.meta.url)('./wasm-bytes.generated.js') as { WASM_KERNELS_BASE64: string }).WASM_KERNELS_BASE64;
  } catch {
    // A bundle run by Node (a server build) has no file beside it: load as a browser would.
    return undefined;
  }
}

/** The module's bytes if this engine can run them (an engine without SIMD rejects them), else null. */
function validBytes(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    const bytes = decodeBase64(base64);
    return bytes.length > 0 && WebAssembly.validate(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/** Compiles in the background; until it is done, `load` returns null and the TypeScript kernels run. */
function loadInBackground(base64: Promise<string>): void {
  state = 'pending';
  base64
    .then((text) => {
      const bytes = validBytes(text);
      return bytes === null ? null : WebAssembly.instantiate(bytes, {});
    })
    .then(
      (result) => {
        loaded = result === null ? null : wrap(result.instance);
        state = result === null ? 'unavailable' : 'ready';
      },
      () => {
        state = 'unavailable';
      },
    );
}

function load(): Loaded | null {
  if (state !== 'idle') return loaded;
  state = 'unavailable';
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Module !== 'function') return null;
  const base64 = bytesInNode();
  if (base64 === undefined) {
    loadInBackground(import('./wasm-bytes.generated.js').then((m) => m.WASM_KERNELS_BASE64));
    return null;
  }
  const bytes = validBytes(base64);
  if (bytes === null) return null;
  try {
    loaded = wrap(new WebAssembly.Instance(new WebAssembly.Module(bytes), {}));
    state = 'ready';
  } catch {
    // Synchronous compilation refused (Chrome's main thread refuses modules above 4 KB).
    loadInBackground(Promise.resolve(base64));
  }
  return loaded;
}

/** Whether the WebAssembly kernels are loaded (loading them synchronously if possible). */
export function wasmKernelsReady(): boolean {
  return load() !== null;
}

/**
 * Runs kernel `name` (`<name>_f64` / `<name>_f32` in asm/) from xs into out (same type and
 * length, may be xs) with its scalar parameters (a, b). Returns false, having done nothing, when the
 * TypeScript kernel must run instead (mode 'ts', a short array in mode 'auto', no WebAssembly).
 * `name` is typed by the generated list: a misspelt name does not compile, and throws a RangeError
 * (as does a Float32Array for a kernel with only a float64 form, a TypeError) whatever the mode, so
 * that it can never pass for a fallback.
 */
export function runWasm<K extends KernelName32>(name: K, xs: FloatArray, out: FloatArray, ...scalars: KernelScalars<K>): boolean;
export function runWasm<K extends KernelName>(name: K, xs: Float64Array, out: Float64Array, ...scalars: KernelScalars<K>): boolean;
export function runWasm(name: KernelName, xs: FloatArray, out: FloatArray, a = 0, b = 0): boolean {
  const f64 = xs instanceof Float64Array;
  const info = KERNELS.get(name);
  if (info === undefined) {
    throw new RangeError(`runWasm: no WebAssembly kernel named ${JSON.stringify(name)} (see src/kernels/kernel-names.generated.ts)`);
  }
  if (!f64 && !info.f32) throw new TypeError(`runWasm: kernel ${name} has no float32 form (${name}_f32); pass a Float64Array`);
  if (mode === 'ts') return false;
  const n = xs.length;
  if (mode === 'auto' && n < WASM_MIN_LENGTH) return false;
  const w = loaded ?? load();
  if (w === null) return false;
  let pair = w.kernels.get(name);
  if (pair === undefined) {
    pair = [w.exports[`${name}_f64`] as Kernel | undefined, w.exports[`${name}_f32`] as Kernel | undefined];
    w.kernels.set(name, pair);
  }
  const kernel = pair[f64 ? 0 : 1];
  // Listed but not exported: kernel-names.generated.ts and wasm-bytes.generated.ts disagree.
  if (kernel === undefined) throw new Error(`runWasm: ${name}_${f64 ? 'f64' : 'f32'} is missing from the module; run npm run build:wasm`);
  lastName = name;
  lastF64 = f64;
  const buf = f64 ? w.f64 : w.f32;
  const size = buf.length;
  const base = w.base;
  if (n <= size) {
    buf.set(xs);
    kernel(base, n, a, b);
    out.set(n === size ? buf : buf.subarray(0, n));
    return true;
  }
  for (let i = 0; i < n; i += size) {
    const m = Math.min(size, n - i);
    buf.set(xs.subarray(i, i + m));
    kernel(base, m, a, b);
    out.set(m === size ? buf : buf.subarray(0, m), i);
  }
  return true;
}

/**
 * The kernel `runWasm` last ran, as `<name>_f64` or `<name>_f32`, or null if none ran since the
 * previous call; resets it. For tests: whether a `map` took the WebAssembly path.
 */
export function takeLastWasmKernel(): string | null {
  const last = lastName === null ? null : `${lastName}_${lastF64 ? 'f64' : 'f32'}`;
  lastName = null;
  return last;
}

/**
 * The float32 WebAssembly kernel that `map32` runs (a call of an activation's map, with its
 * parameters, on the Float32Array it is given), and whether that kernel is within 1 float32 ulp of
 * fround(forward) rather than equal to it (`within1Ulp` of the generated list). Which rule a
 * function and parameter set is held to, read from what runs: a function whose map routes a
 * parameter set to another's kernel (swish at β = 1 runs silu's) needs no list of its own. Runs
 * `map32` once on 64 zeros with the WebAssembly kernels forced; for tests and npm run verify:f32.
 */
export function float32KernelOf(map32: (xs: Float32Array) => unknown): { kernel: string | null; within1Ulp: boolean } {
  const previous = setKernelMode('wasm');
  try {
    takeLastWasmKernel();
    map32(new Float32Array(64));
    const kernel = takeLastWasmKernel();
    const name = kernel?.endsWith('_f32') ? kernel.slice(0, -4) : undefined;
    return { kernel, within1Ulp: name !== undefined && KERNELS.get(name)?.within1Ulp === true };
  } finally {
    setKernelMode(previous);
  }
}

/** The kernels if they should run for an array of length n (see `runWasm`), else null. */
function ready(n: number): Loaded | null {
  if (mode === 'ts' || (mode === 'auto' && n < WASM_MIN_LENGTH)) return null;
  return loaded ?? load();
}

type MaxKernel = (src: number, n: number, s: number) => void;
type ExpSumKernel = (src: number, dst: number, n: number, s: number, m: number, k: number, store: number) => void;
type LogOutKernel = (src: number, dst: number, n: number, m: number, logTotal: number) => void;

/**
 * The softmax passes work on chunks of this many elements: the input chunk (float64 or float32) in
 * the upper half of the buffer, the float64 output chunk in the lower half. Even, so that every
 * chunk starts at an even index (asm/softmax.ts sums even and odd indices in separate lanes).
 */
function vectorChunk(w: Loaded): number {
  return w.f64.length >> 1;
}

/**
 * Runs `pass(src, dst, c, i)` over xs in chunks of `vectorChunk` elements: each chunk of xs copied to
 * `src` (the buffer's upper half), its float64 results read from `dst` (the lower half) into out at
 * i when out is given.
 */
function vectorPasses(
  w: Loaded,
  xs: Float64Array | Float32Array,
  out: Float64Array | null,
  pass: (src: number, dst: number, c: number, i: number) => void,
): void {
  const n = xs.length;
  const size = vectorChunk(w);
  const dst = w.base;
  const src = w.base + size * 8;
  const input = xs instanceof Float64Array ? w.f64.subarray(size) : w.f32.subarray(2 * size);
  const output = w.f64.subarray(0, size);
  for (let i = 0; i < n; i += size) {
    const c = Math.min(size, n - i);
    input.set(c === n ? xs : xs.subarray(i, i + c));
    pass(src, dst, c, i);
    if (out !== null) out.set(c === size ? output : output.subarray(0, c), i);
  }
}

/**
 * src/vector/softmax.ts's max64/max32: the maximum of sign·xs and its first index, written to
 * result as [max, index], with index −1 where the outputs are all NaN (a NaN element: max NaN; +∞
 * as maximum; every element −∞). Chunk by chunk; a later chunk's maximum replaces the running one
 * only if strictly greater, as the scalar loop's >. Returns false, having done nothing, when the
 * TypeScript loop must run instead.
 */
export function wasmMax(xs: Float64Array | Float32Array, sign: number, result: Float64Array): boolean {
  const w = ready(xs.length);
  if (w === null) return false;
  const kernel = w.exports[xs instanceof Float64Array ? 'softmaxMax_f64' : 'softmaxMax_f32'] as MaxKernel;
  let max = -Infinity;
  let index = -1;
  vectorPasses(w, xs, null, (src, _dst, c, i) => {
    kernel(src, c, sign);
    const m = w.max[0]!;
    if (m !== m) max = NaN;
    else if (m > max) {
      max = m;
      index = i + w.max[1]!;
    }
  });
  result[0] = max;
  result[1] = max !== max || max === Infinity ? -1 : index;
  return true;
}

/**
 * src/vector/softmax.ts's expSum over xs (times `sign`), with the maximum m at index k: writes the
 * e_i to `out` when given and the lane sums [sum₀, sum₁, comp₀, comp₁] to `lanes`. Returns false,
 * having done nothing, when the TypeScript loop must run instead.
 */
export function wasmExpSum(xs: Float64Array | Float32Array, sign: number, m: number, k: number, out: Float64Array | null, lanes: Float64Array): boolean {
  const w = ready(xs.length);
  if (w === null) return false;
  const kernel = w.exports[xs instanceof Float64Array ? 'softmaxExp_f64' : 'softmaxExp_f32'] as ExpSumKernel;
  const store = out === null ? 0 : 1;
  w.sums.fill(0);
  vectorPasses(w, xs, out, (src, dst, c, i) => kernel(src, dst, c, sign, m, k - i, store));
  lanes.set(w.sums);
  return true;
}

/** src/vector/softmax.ts's logOut (sign 1): out_i = d_i − logTotal + lo_i. False: the TypeScript loop must run. */
export function wasmLogOut(xs: Float64Array | Float32Array, m: number, logTotal: number, out: Float64Array): boolean {
  const w = ready(xs.length);
  if (w === null) return false;
  const kernel = w.exports[xs instanceof Float64Array ? 'logOut_f64' : 'logOut_f32'] as LogOutKernel;
  vectorPasses(w, xs, out, (src, dst, c) => kernel(src, dst, c, m, logTotal));
  return true;
}
