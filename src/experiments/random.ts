/**
 * Seeded randomness for the experiments: the notebooks' generator (mulberry32 + Box–Muller), plus
 * seeds derived from names, so that every (experiment, data set, seed) draws its own stream and a
 * run is the same wherever it happens. Pure: the browser playground reuses it.
 */
import { createRandom, type Random } from '../notebook/random.js';

export { createRandom, type Random };

/** A 32-bit seed from any parts (FNV-1a over their text), e.g. `seedFrom('training', 'spirals', 3)`. */
export function seedFrom(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** An integer uniform in [0, n). */
export function randomInt(rng: Random, n: number): number {
  return Math.min(n - 1, Math.floor(rng.uniform() * n));
}

/** Shuffles in place (Fisher–Yates) and returns the array. */
export function shuffle<T extends { length: number; [i: number]: number }>(xs: T, rng: Random): T;
export function shuffle<E>(xs: E[], rng: Random): E[];
export function shuffle(xs: { length: number; [i: number]: unknown }, rng: Random): unknown {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
  return xs;
}

/** 0, 1, …, n − 1 in a random order. */
export function permutation(n: number, rng: Random): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return shuffle(p, rng);
}
