/**
 * The output arrays of `map` and the softmax family (src/alloc.ts): in Node, large ones come from
 * Buffer.allocUnsafeSlow (not zeroed first) as arrays of their own, exactly as `new` would shape them;
 * small ones, and everything where Buffer is missing or hands out slices, from the plain constructor.
 * Each case loads a fresh copy of the module, since it looks Buffer up once.
 */
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { newArray as newArrayHere } from '../src/alloc.js';
import { activations, softmax } from '../src/index.js';

type Alloc = typeof import('../src/alloc.js');
let fresh = 0;
async function loadAlloc(): Promise<Alloc> {
  return (await import(`../src/alloc.ts?fresh=${++fresh}`)) as Alloc;
}

const realBuffer = globalThis.Buffer;
const realSlow = Buffer.allocUnsafeSlow;
afterEach(() => {
  globalThis.Buffer = realBuffer;
  Buffer.allocUnsafeSlow = realSlow;
});

/** Replaces Buffer.allocUnsafeSlow by `impl`, counting the calls. */
function spy(impl: (size: number) => Buffer): { calls: number[] } {
  const seen = { calls: [] as number[] };
  Buffer.allocUnsafeSlow = ((size: number) => {
    seen.calls.push(size);
    return impl(size);
  }) as typeof Buffer.allocUnsafeSlow;
  return seen;
}

describe('output arrays', () => {
  it("in Node, from UNZEROED_MIN_BYTES on, take Buffer.allocUnsafeSlow's memory as it is, in an ArrayBuffer of their own", async () => {
    const seen = spy((size) => realSlow(size).fill(0xab));
    const { newArray, UNZEROED_MIN_BYTES } = await loadAlloc();
    const n = UNZEROED_MIN_BYTES / 4;
    const a = newArray(Float32Array, n);
    assert.deepEqual(seen.calls, [UNZEROED_MIN_BYTES]);
    assert.ok(a instanceof Float32Array);
    assert.equal(a.length, n);
    assert.equal(a.byteOffset, 0);
    assert.equal(a.buffer.byteLength, n * 4);
    assert.ok(
      new Uint8Array(a.buffer).every((b) => b === 0xab),
      'not zeroed',
    );
    const d = newArray(Float64Array, 1000);
    assert.ok(d instanceof Float64Array && d.length === 1000 && d.buffer.byteLength === 8000);
    assert.deepEqual(seen.calls, [UNZEROED_MIN_BYTES, 8000]);
  });

  it('below UNZEROED_MIN_BYTES, use the plain constructor (zeros)', async () => {
    const seen = spy((size) => realSlow(size).fill(0xab));
    const { newArray, UNZEROED_MIN_BYTES } = await loadAlloc();
    const a = newArray(Float64Array, UNZEROED_MIN_BYTES / 8 - 1);
    assert.deepEqual(seen.calls, []);
    assert.ok(a.every((v) => v === 0));
  });

  it('where Buffer hands out a slice of a larger block (a polyfill), or is missing (a browser), use the plain constructor', async () => {
    const seen = spy((size) =>
      realSlow(size + 16)
        .subarray(8, size + 8)
        .fill(0xab),
    );
    const sliced = (await loadAlloc()).newArray(Float32Array, 5000);
    assert.equal(seen.calls.length, 1);
    assert.equal(sliced.buffer.byteLength, 20000);
    assert.ok(sliced.every((v) => v === 0));
    (globalThis as { Buffer?: unknown }).Buffer = undefined;
    const plain = (await loadAlloc()).newArray(Float32Array, 5000);
    assert.equal(plain.buffer.byteLength, 20000);
    assert.ok(plain.every((v) => v === 0));
  });

  it('are what map and softmax return: the input type, every element written', () => {
    const n = 50_000;
    const xs = new Float32Array(n).map((_, i) => Math.sin(i) * 8);
    const ys = activations.sigmoid.map(xs);
    assert.ok(ys instanceof Float32Array && ys.length === n && ys.byteOffset === 0 && ys.buffer.byteLength === n * 4);
    for (let i = 0; i < n; i += 997) assert.ok(Math.abs(ys[i]! - 1 / (1 + Math.exp(-xs[i]!))) < 1e-6, `x = ${xs[i]}`);
    const p = softmax(xs);
    assert.ok(p instanceof Float64Array && p.length === n);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.equal(newArrayHere(Float64Array, 3).length, 3);
  });
});
