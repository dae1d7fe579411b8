/** Pure statistics and formatting for the benchmark (tested in test/bench/stats.test.ts). */

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  // −0 before +0: a - b alone ties them, and the median's sign then followed the input's order.
  const s = [...values].sort((a, b) => a - b || Number(Object.is(b, -0)) - Number(Object.is(a, -0)));
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The geometric mean of positive finite numbers; throws on an empty list or a non-positive value. */
export function geomean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('geometric mean of an empty list');
  let sum = 0;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`geometric mean needs positive finite values, got ${v}`);
    sum += Math.log(v);
  }
  return Math.exp(sum / values.length);
}

/** a / b, or null when either is missing or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !(b > 0) || !Number.isFinite(a)) return null;
  return a / b;
}

/**
 * How many calls one timed sample makes so that it lasts at least `minSampleMs`, given the time of one
 * call measured during the warm-up (at least 1, at most `maxCalls`).
 */
export function callsPerSample(perCallMs: number, minSampleMs: number, maxCalls = 1e6): number {
  if (!(perCallMs > 0)) return maxCalls;
  return Math.max(1, Math.min(maxCalls, Math.ceil(minSampleMs / perCallMs)));
}

/** ns per element, 3 significant digits (e.g. 0.512, 3.41, 12.3, 145); 'n/a' for null. */
export function formatNs(v: number | null | undefined): string {
  if (v == null) return 'n/a';
  if (v >= 100) return v.toFixed(0);
  return v.toPrecision(3);
}

/** A ratio as e.g. '1.23×'; 'n/a' for null. */
export function formatRatio(v: number | null | undefined): string {
  if (v == null) return 'n/a';
  return `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`;
}

/** n as written in the tables: 1e4, 1e6, else the number. */
export function formatSize(n: number): string {
  const e = Math.log10(n);
  return Number.isInteger(e) && e >= 3 ? `1e${e}` : String(n);
}

/** A Markdown table whose columns are padded to line up (still valid Markdown). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightAlign: readonly boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAlign[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const ulpView = new Float32Array(2);
const ulpBits = new Int32Array(ulpView.buffer);

/**
 * The distance between two values rounded to float32, in float32 ulps: how many float32 values lie
 * from one to the other (bit patterns ordered across zero, so −0 and +0 are 0 apart and the largest
 * finite value is 1 from ∞). Both NaN: 0; one NaN: Infinity.
 */
export function ulps32(a: number, b: number): number {
  if (a !== a || b !== b) return a !== a && b !== b ? 0 : Infinity;
  ulpView[0] = a;
  ulpView[1] = b;
  const ord = (i: number) => (ulpBits[i]! < 0 ? -(ulpBits[i]! & 0x7fffffff) : ulpBits[i]!);
  return Math.abs(ord(0) - ord(1));
}

/** The largest ulps32 distance between got[i] and want[i] (lengths must match). */
export function maxUlps32(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) throw new RangeError(`maxUlps32: ${got.length} values against ${want.length}`);
  let max = 0;
  for (let i = 0; i < got.length; i++) {
    const d = ulps32(got[i]!, want[i]!);
    if (d > max) max = d;
  }
  return max;
}

/** A distance in ulps as the tables write it: 0, 1, 12, 3.4e5, 'NaN' where NaNs disagree, 'n/a' for null. */
export function formatUlps(v: number | null | undefined): string {
  if (v == null) return 'n/a';
  if (v === Infinity) return 'NaN';
  return v < 1e4 ? String(v) : v.toExponential(1).replace('e+', 'e');
}
