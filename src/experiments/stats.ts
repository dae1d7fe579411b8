/** Summary statistics the experiments report (pure). */
import { exp, log } from '../math/libm.js';

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics (NumPy's default). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  // Equal neighbours (also two Infinities, whose difference is NaN) need no interpolation.
  return s[lo] === s[hi] ? s[lo]! : s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of an empty list');
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Geometric mean of positive numbers. */
export function geomean(values: readonly number[]): number {
  return exp(mean(values.map((v) => log(v))));
}

function binomialCdf(k: number, n: number): number {
  let p = 0;
  let c = 1; // C(n, i)
  for (let i = 0; i <= k; i++) {
    p += c;
    c = (c * (n - i)) / (i + 1);
  }
  return p / 2 ** n;
}

/**
 * A distribution-free confidence interval for the median: the order statistics (x₍ₖ₎, x₍ₙ₊₁₋ₖ₎) with
 * the largest k whose coverage 1 − 2·P(Bin(n, ½) < k) is still ≥ `level`. With 6 to 8 values that
 * is the range; fewer than 6 values cannot reach 95% and give the range with its lower coverage.
 */
export function medianInterval(values: readonly number[], level = 0.95): { lo: number; hi: number; coverage: number } {
  if (values.length === 0) throw new RangeError('interval of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  let k = 1;
  while (k + 1 <= n / 2 && 1 - 2 * binomialCdf(k, n) >= level) k++;
  return { lo: s[k - 1]!, hi: s[n - k]!, coverage: 1 - 2 * binomialCdf(k - 1, n) };
}
