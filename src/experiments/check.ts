/**
 * Shape checks for `validate`: each names the experiment and the path of the value that is wrong,
 * e.g. "training: result.runs[3].testLoss must be a finite number, got null".
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v;
}

export class Checker {
  constructor(private readonly experiment: string) {}

  fail(path: string, what: string, v: unknown): never {
    throw new Error(`${this.experiment}: ${path} must be ${what}, got ${describe(v)}`);
  }

  record(v: unknown, path: string): Record<string, unknown> {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(path, 'an object', v);
    return v as Record<string, unknown>;
  }

  array(v: unknown, path: string, length?: number): unknown[] {
    if (!Array.isArray(v)) this.fail(path, 'an array', v);
    if (length !== undefined && v.length !== length) this.fail(path, `an array of ${length}`, v);
    return v;
  }

  /** A finite number (optionally within [min, max]). */
  number(v: unknown, path: string, min = -Infinity, max = Infinity): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, 'a finite number', v);
    if (v < min || v > max) this.fail(path, `a number in [${min}, ${max}]`, v);
    return v;
  }

  /** A finite number or null (for "not reached", "overflowed"). */
  numberOrNull(v: unknown, path: string, min = -Infinity, max = Infinity): number | null {
    return v === null ? null : this.number(v, path, min, max);
  }

  numbers(v: unknown, path: string, length?: number, min = -Infinity, max = Infinity): number[] {
    return this.array(v, path, length).map((x, i) => this.number(x, `${path}[${i}]`, min, max));
  }

  numbersOrNull(v: unknown, path: string, length?: number): (number | null)[] {
    return this.array(v, path, length).map((x, i) => this.numberOrNull(x, `${path}[${i}]`));
  }

  string(v: unknown, path: string, allowed?: readonly string[]): string {
    if (typeof v !== 'string') this.fail(path, 'a string', v);
    if (allowed && !allowed.includes(v)) this.fail(path, `one of ${allowed.join(', ')}`, v);
    return v;
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, 'a boolean', v);
    return v;
  }

  /** Every id in `required` appears (as `key`) in `rows`. */
  covers(rows: readonly unknown[], key: string, required: readonly string[], path: string): void {
    const seen = new Set(rows.map((r) => (r as Record<string, unknown>)[key]));
    const missing = required.filter((id) => !seen.has(id));
    if (missing.length) throw new Error(`${this.experiment}: ${path} lacks ${key} ${missing.join(', ')}`);
  }
}
