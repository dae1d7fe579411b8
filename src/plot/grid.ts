import type { Grid } from './spec.js';

/**
 * Checks a grid and says which field is wrong, so a typo in a notebook or a docs page fails with
 * the field's name instead of drawing an empty chart.
 */
export function validateGrid(grid: Grid): void {
  if (grid === null || typeof grid !== 'object') throw new TypeError(`grid must be an object, got ${String(grid)}`);
  const { start, stop, count } = grid;
  if (typeof start !== 'number' || !Number.isFinite(start)) throw new RangeError(`grid.start must be a finite number, got ${String(start)}`);
  if (typeof stop !== 'number' || !Number.isFinite(stop)) throw new RangeError(`grid.stop must be a finite number, got ${String(stop)}`);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new RangeError(`grid.count must be a positive integer, got ${String(count)}`);
  }
}

/**
 * `count` evenly spaced numbers from `start` to `stop`, both included, computed the way PyTorch's
 * CPU kernel computes torch.linspace (aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp): the first
 * half steps up from `start`, the second half steps down from `stop`, so both ends are exact and the
 * grid is symmetric when the interval is. Float64, like torch.linspace(..., dtype=torch.float64).
 */
export function linspace(start: number, stop: number, count: number): Float64Array;
export function linspace(grid: Grid): Float64Array;
export function linspace(a: number | Grid, b?: number, c?: number): Float64Array {
  const grid: Grid = typeof a === 'object' ? a : { start: a, stop: b as number, count: c as number };
  validateGrid(grid);
  const { start, stop, count } = grid;
  const xs = new Float64Array(count);
  if (count === 1) {
    xs[0] = start;
    return xs;
  }
  const step = (stop - start) / (count - 1);
  const halfway = Math.floor(count / 2);
  for (let i = 0; i < count; i++) xs[i] = i < halfway ? start + step * i : stop - step * (count - i - 1);
  return xs;
}
