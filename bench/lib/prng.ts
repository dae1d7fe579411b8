/** Deterministic benchmark inputs: a seeded PRNG (mulberry32) and uniform samples. Pure. */

/** mulberry32: a small 32-bit PRNG; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n samples uniform in [lo, hi) as float64, from `seed`. */
export function uniformInputs(n: number, seed: number, lo: number, hi: number): Float64Array {
  const next = mulberry32(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = lo + (hi - lo) * next();
  return xs;
}
