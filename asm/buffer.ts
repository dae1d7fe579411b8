// The work buffer every map kernel runs in (see asm/README.md): `buffer()` and `chunkBytes()` are
// exported to src/kernels/wasm.ts, which copies each chunk of an array in, runs a kernel in place and
// copies the chunk out.

const CHUNK_BYTES: i32 = 65536;

/** Start of the work buffer: after the static data, 16-byte aligned. */
export function buffer(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Length of the work buffer in bytes (a multiple of 16). */
export function chunkBytes(): i32 {
  return CHUNK_BYTES;
}
