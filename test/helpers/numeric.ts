/**
 * The numeric test helpers every test shares: the fixtures' number encoding, ulp spacing and
 * distances, exact-equality assertions that tell NaN and −0 apart, and a seeded generator.
 * (Not a test file: the runner skips test/helpers/.)
 */
import assert from 'node:assert/strict';
import { ulps32 } from '../../bench/lib/stats.js';

/** A fixture number: JSON numbers, or "NaN", "Infinity", "-Infinity", "-0" (JSON has none of them). */
export type Enc = number | string;

/** Decodes a fixture number; throws on any other string. */
export function dec(v: Enc): number {
  if (typeof v === 'number') return v;
  switch (v) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
    default:
      throw new Error(`fixture: cannot decode ${JSON.stringify(v)}`);
  }
}

/** Encodes a number the way the generator does (the inverse of `dec`). */
export function enc(v: number): Enc {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return v;
}

/** A number for messages: −0 shows its sign. */
export function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The binary exponent of |a| (a finite, nonzero), exact (Math.log2 can round across a power of two). */
function exponent(a: number): number {
  const e = Math.floor(Math.log2(a));
  return 2 ** e > a ? e - 1 : 2 ** (e + 1) <= a ? e + 1 : e;
}

/** Spacing of doubles in the binade of d; 2^-1074 for subnormals, zero and non-finite d. */
export function ulp(d: number): number {
  const a = Math.abs(d);
  if (a < 2.2250738585072014e-308 || !Number.isFinite(a)) return 2 ** -1074;
  return 2 ** (exponent(a) - 52);
}

/** Spacing of float32 values in the binade of d; 2^-149 below the smallest normal float32. */
export function ulp32(d: number): number {
  const a = Math.abs(d);
  if (a < 1.1754943508222875e-38) return 2 ** -149;
  return 2 ** (Math.max(exponent(a), -126) - 23);
}

/**
 * Error of `got` in ulps of the exact value e + r·ulp(e), where e is the exact value rounded to double
 * and r the fixture's residual (in ulps of e). 0 or Infinity when e is not finite.
 */
export function ulpError(got: number, e: number, r = 0): number {
  if (!Number.isFinite(e)) return Object.is(got, e) || (Number.isNaN(got) && Number.isNaN(e)) ? 0 : Infinity;
  if (!Number.isFinite(got)) return Infinity;
  return Math.abs((got - e) / ulp(e) - r);
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Maps doubles onto integers in order, so that adjacent doubles differ by 1 (+0 and −0 both map to 0). */
function ordinal(x: number): bigint {
  f64[0] = x;
  const bits = i64[0]!;
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** The double k steps from finite x along the ordered doubles (k > 0: towards +∞), across zero. */
export function ulpStep(x: number, k: number): number {
  const ord = ordinal(x) + BigInt(k);
  i64[0] = ord < 0n ? -ord | -0x8000000000000000n : ord;
  return f64[0]!;
}

/**
 * Number of doubles between a and b: 0 when equal (+0 and −0 count as equal, so do two NaNs),
 * Infinity when exactly one is NaN or they differ and one is infinite. Works across zero and through
 * the subnormals.
 */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** Exactly the same double (Object.is: NaN equals NaN, −0 differs from +0). */
export function assertSame(got: number, expected: number, what: string): void {
  assert.ok(Object.is(got, expected), `${what}: got ${show(got)}, expected ${show(expected)}`);
}

/** At most `ulps` doubles apart (ulpDistance: the sign of zero is not checked). */
export function assertUlps(got: number, expected: number, ulps: number, what: string): void {
  const d = ulpDistance(got, expected);
  assert.ok(d <= ulps, `${what}: got ${show(got)}, expected ${show(expected)} (${d} ulps apart, tolerance ${ulps})`);
}

/**
 * Within `ulps` ulps of expected (measured in ulps of expected); a zero expected value must come
 * back as a zero of the same sign, and non-finite values exactly.
 */
export function assertClose(got: number, expected: number, ulps: number, what: string): void {
  if (expected === 0 || !Number.isFinite(expected)) return assertSame(got, expected, what);
  const err = ulpError(got, expected);
  assert.ok(err <= ulps, `${what}: got ${show(got)}, expected ${show(expected)} (${err.toFixed(2)} ulps > ${ulps})`);
}

/** A small deterministic generator (xorshift32) in [0, 1), so that failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** The special doubles every bit-for-bit comparison starts with: ±0, NaN, ±∞, the smallest subnormal, the smallest normal and the largest finite, each with both signs. */
export const SPECIAL_DOUBLES: readonly number[] = [
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  -2.2250738585072014e-308,
  1.7976931348622157e308,
  -1.7976931348622157e308,
];

/** The inputs where f and g differ (Object.is: NaN equals NaN, −0 differs from +0), the first eight shown and the count. */
export function mismatches(xs: Iterable<number>, f: (x: number) => number, g: (x: number) => number): string[] {
  const bad: string[] = [];
  let count = 0;
  for (const x of xs) {
    const a = f(x);
    const b = g(x);
    if (!Object.is(a, b)) {
      count++;
      if (bad.length < 8) bad.push(`x=${show(x)}: ${show(a)} vs ${show(b)}`);
    }
  }
  if (count > bad.length) bad.push(`… ${count} in all`);
  return bad;
}

/**
 * The float32 rule of the kernels marked within1Ulp: `got` against `want` = fround(forward(x)),
 * identical (NaN as NaN) for NaN, ±∞ and ±0 inputs and wherever either is ±0, ±∞ or NaN; otherwise
 * at most 1 float32 ulp apart.
 */
export function within1Ulp32(x: number, got: number, want: number): boolean {
  if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) return true;
  if (Number.isNaN(got) || Number.isNaN(want) || Number.isNaN(x)) return false;
  if (x === 0 || !Number.isFinite(x) || want === 0 || got === 0 || !Number.isFinite(want) || !Number.isFinite(got)) return false;
  return ulps32(got, want) <= 1;
}
