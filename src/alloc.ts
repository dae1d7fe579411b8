/**
 * New output arrays for `map`, `mapDerivative` and the softmax family: arrays that the caller fills
 * completely before anyone else sees them.
 *
 * `new Float32Array(n)` asks for zeroed memory (calloc). In Node that costs more than the kernels
 * themselves for cheap functions: large zeroed blocks come as fresh pages, and every page is then
 * faulted in and cleared. `Buffer.allocUnsafeSlow` takes the same memory without the zeroing
 * (malloc), which reuses the blocks freed by earlier outputs. `npm run bench` measures the two side by
 * side ("new + set" and "unzeroed + set" in the memory floor table). The array is the same either way:
 * its own ArrayBuffer of exactly n elements at offset 0. Browsers have no such call; there (and for
 * small arrays, where the call costs more than it saves) the plain constructor runs.
 */
import type { FloatArray } from './types.js';

/** Below this many bytes the plain constructor is as fast (the zeroing is cheap and Buffer adds a call). */
export const UNZEROED_MIN_BYTES = 4096;

type AllocUnsafeSlow = (size: number) => Uint8Array;

/** Node's Buffer.allocUnsafeSlow, looked up once; undefined in browsers (no global Buffer). */
const allocUnsafeSlow: AllocUnsafeSlow | undefined = (() => {
  const buffer = (globalThis as { Buffer?: { allocUnsafeSlow?: unknown } }).Buffer;
  const f = buffer?.allocUnsafeSlow;
  return typeof f === 'function' ? (f.bind(buffer) as AllocUnsafeSlow) : undefined;
})();

/**
 * A new array of the same type as `like` (Float64Array or Float32Array) with `n` elements, which the
 * caller must write in full before returning it: from `n` elements on and in Node, its contents are
 * not zeroed first.
 */
export function newOutput<A extends FloatArray>(like: A, n: number): A {
  return newArray(like.constructor as FloatArrayConstructor<A>, n);
}

type FloatArrayConstructor<A extends FloatArray> = {
  new (n: number): A;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
};

/** `newOutput` by constructor: a new, not necessarily zeroed, Float64Array or Float32Array of n elements. */
export function newArray<A extends FloatArray>(ctor: FloatArrayConstructor<A>, n: number): A {
  const bytes = n * ctor.BYTES_PER_ELEMENT;
  if (allocUnsafeSlow === undefined || bytes < UNZEROED_MIN_BYTES) return new ctor(n);
  const block = allocUnsafeSlow(bytes);
  // A Buffer polyfill might hand out a slice of a larger block: then the plain constructor.
  if (block.byteOffset !== 0 || block.buffer.byteLength !== bytes || !(block.buffer instanceof ArrayBuffer)) return new ctor(n);
  return new ctor(block.buffer, 0, n);
}
