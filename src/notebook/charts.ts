/**
 * Chart cells: `plotOutput(data, output, title)` (the walkthrough's plot_output) and `showChart(spec)`
 * for every other chart. Each shows ONE display_data carrying Plotly JSON, self-contained HTML, a
 * text summary and the ChartSpec; the figure is built by the pure builders in src/plot, which the
 * site shares.
 */
import { inspect } from 'node:util';
import { chartMimeBundle } from '../plot/bundle.js';
import { chartFromSpec, type LineChart } from '../plot/figure.js';
import { linspace } from '../plot/grid.js';
import type { ChartSpec, Grid } from '../plot/spec.js';
import { displayBundle } from './display.js';
import { sourceOf, type VectorInput } from './layer.js';

/**
 * Shows the chart a spec describes, computed from the module (or from the spec's data). `metadata`
 * lands in the output's metadata, e.g. which experiment run a chart shows (see experiments.ts).
 */
export function showChart(spec: ChartSpec, metadata?: Readonly<Record<string, unknown>>): void {
  displayBundle(chartMimeBundle(spec), metadata);
}

/** The grid `data` was made from, when it is exactly linspace(first, last, length). */
export function gridOf(data: ArrayLike<number>): Grid | undefined {
  const n = data.length;
  if (n < 2) return undefined;
  const grid = { start: data[0]!, stop: data[n - 1]!, count: n };
  if (!Number.isFinite(grid.start) || !Number.isFinite(grid.stop)) return undefined;
  const xs = linspace(grid);
  for (let i = 0; i < n; i++) if (xs[i] !== data[i]) return undefined;
  return grid;
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * The spec of a plotOutput chart. When `output` was made by a `layer`, `data` is a linspace grid,
 * and the module recomputes exactly `output` from that grid, the spec names the module function and
 * parameters (kind 'activation' or 'vector'); otherwise it carries the numbers (kind 'data').
 */
export function plotOutputSpec(data: VectorInput, output: VectorInput, title: string): ChartSpec {
  const source = sourceOf(output);
  const grid = gridOf(data);
  if (source && grid) {
    const spec: ChartSpec =
      source.kind === 'activation'
        ? {
            kind: 'activation',
            title,
            grid,
            series: [{ id: source.id, ...(source.params ? { params: source.params } : {}), label: title }],
          }
        : { kind: 'vector', title, grid, fn: source.fn, label: title };
    // Checked, not trusted: an output changed in place after the layer made it, or made from other
    // inputs than `data`, no longer matches.
    if (sameValues(chartFromSpec(spec).lines[0]!.y, output)) return spec;
  }
  return {
    kind: 'data',
    title,
    xTitle: 'Input',
    yTitle: 'Output',
    series: [{ name: title, x: Array.from(data), y: Array.from(output) }],
  };
}

function checkVector(value: unknown, name: string): asserts value is VectorInput {
  if (!(value instanceof Float64Array || value instanceof Float32Array || Array.isArray(value))) {
    throw new TypeError(`plotOutput: ${name} must be a Float64Array, Float32Array or array of numbers, got ${value === null ? 'null' : typeof value}`);
  }
}

const PLOT_OUTPUT_HELP =
  'plotOutput(data, output, title): plots the output of an activation function against its input as an\n' +
  "interactive Plotly chart, like the PyTorch walkthrough's plot_output: a green line labelled with the\n" +
  'title, x axis "Input", y axis "Output", legend at the upper left, grid and title. The chart output also\n' +
  'carries a chart spec (module function, parameters and grid), from which the docs site redraws it.';

/**
 * Plots the output of an activation function: the walkthrough's `plot_output(data, output, title)`,
 * drawn by Plotly (green line labelled with the title, axes "Input" and "Output", legend upper left,
 * grid, title).
 */
export const plotOutput = Object.assign(
  function plotOutput(data: VectorInput, output: VectorInput, title: string): void {
    checkVector(data, 'data');
    checkVector(output, 'output');
    if (typeof title !== 'string') throw new TypeError(`plotOutput: title must be a string, got ${typeof title}`);
    if (data.length !== output.length) {
      throw new RangeError(`plotOutput: data has ${data.length} values and output has ${output.length}`);
    }
    const chart: LineChart = { title, xTitle: 'Input', yTitle: 'Output', lines: [{ name: title, x: data, y: output }] };
    displayBundle(chartMimeBundle(plotOutputSpec(data, output, title), { chart }));
  },
  {
    /** Evaluating `plotOutput` in a cell prints what it draws, as Python's help() would. */
    [inspect.custom]: () => PLOT_OUTPUT_HELP,
  },
);
