import { cos, log, sin } from '../math/libm.js';

/**
 * A seeded pseudo-random generator, so that notebook experiments (random weights, random inputs)
 * print and plot the same numbers on every run and the executed notebooks only change when the
 * code does. Pure.
 */
export interface Random {
  /** Uniform in [0, 1), 32 bits of randomness. */
  uniform(): number;
  /** Standard normal (mean 0, variance 1), by the Box–Muller transform. */
  normal(): number;
  /** A Float64Array of `n` normal samples with the given standard deviation (default 1). */
  normals(n: number, std?: number): Float64Array;
}

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and statistically fine for simulations
 * of this size; not for cryptography.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  let state = seed >>> 0;
  let spare: number | null = null;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // 1 - u lies in (0, 1]: log never sees 0.
    const r = Math.sqrt(-2 * log(1 - uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * sin(theta);
    return r * cos(theta);
  };
  return {
    uniform,
    normal,
    normals(n, std = 1) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = std * normal();
      return out;
    },
  };
}
