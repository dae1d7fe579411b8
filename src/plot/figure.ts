/**
 * Pure Plotly figure builders, shared by the notebooks (through src/notebook) and the site. A chart
 * is first a `LineChart` (titles and numeric series), computed from a ChartSpec with the module or
 * given directly; `lineFigure` turns it into Plotly JSON in one fixed style, so a notebook chart and
 * the site's redrawing of the same spec look alike.
 */
import { activationById, activations } from '../registry.js';
import { logSoftmax, softmax, softmin } from '../vector/softmax.js';
import { linspace, validateGrid } from './grid.js';
import type { PlainJson } from './json.js';
import type { ChartSpec } from './spec.js';

/** The colour scheme a figure is drawn for: the site's light and dark modes. */
export type Theme = 'light' | 'dark';
/** A theme, or 'neutral': colours that read in either theme, for a renderer that cannot follow the page's (see NEUTRAL). */
export type FigureTheme = Theme | 'neutral';

/** One curve of a chart, with its numbers (typed arrays allowed; the figure gets plain arrays). */
export interface Line {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly mode?: 'lines' | 'markers' | 'lines+markers';
}

/** What a chart shows, with its numbers: the input of `lineFigure` and `chartSummary`. */
export interface LineChart {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly yType?: 'linear' | 'log';
  /** Fixed y range in data units; by default Plotly fits the data (and zooms into rounding noise when the data are constant). */
  readonly yRange?: readonly [number, number];
  readonly lines: readonly Line[];
}

/** One Plotly scatter trace of a figure, as `lineFigure` writes it (plain arrays, colours of the theme). */
export interface PlotlyTrace {
  readonly type: 'scatter';
  readonly mode: 'lines' | 'markers' | 'lines+markers';
  readonly name: string;
  readonly x: number[];
  readonly y: number[];
  readonly line: { readonly color: string; readonly width: number; readonly dash: string };
  readonly marker: { readonly color: string; readonly size: number };
  readonly hovertemplate: string;
}

/** A Plotly figure as plain JSON: what `Plotly.newPlot(el, data, layout, config)` takes. */
export interface PlotlyFigure {
  readonly data: PlotlyTrace[];
  readonly layout: { readonly [key: string]: PlainJson };
  readonly config: { readonly [key: string]: PlainJson };
}

/** Options of the figure builders: the theme (default `'light'`). */
export interface FigureOptions {
  readonly theme?: FigureTheme;
}

export interface Palette {
  readonly paper: string;
  readonly plot: string;
  readonly font: string;
  readonly grid: string;
  readonly axis: string;
  readonly legendBg: string;
  /** The walkthrough's single curve: matplotlib's 'green' on light, a lighter green on dark. */
  readonly single: string;
  readonly lines: readonly string[];
}

/** Colours per theme; the dark one matches Docusaurus's dark background. */
export const THEMES: Readonly<Record<Theme, Palette>> = Object.freeze({
  light: {
    paper: '#ffffff',
    plot: '#ffffff',
    font: '#1c1e21',
    grid: '#e0e0e0',
    axis: '#606770',
    legendBg: 'rgba(255,255,255,0.85)',
    single: '#008000',
    lines: ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'],
  },
  dark: {
    paper: '#1b1b1d',
    plot: '#1b1b1d',
    font: '#e3e3e3',
    grid: '#3a3a3c',
    axis: '#b0b3b8',
    legendBg: 'rgba(27,27,29,0.85)',
    single: '#4caf50',
    lines: ['#5fa8e8', '#ffa64d', '#5cd65c', '#ff6b6b', '#b79ce0', '#c99a8c', '#f5a3d6', '#b0b0b0', '#dede4a', '#4ee0f0'],
  },
});

/**
 * Colours for a figure drawn by a renderer that cannot follow the page's theme: jupyterlab-plotly
 * (5.x) draws a chart output's Plotly JSON as given, in JupyterLab's light and dark theme alike.
 * Transparent backgrounds show the notebook's own (and follow a theme switch with no redraw); text,
 * axes and grid are a mid grey, about 4.4:1 against white and 4.3:1 against JupyterLab's dark
 * background (#111111); the lines are the light theme's, 3.2:1 or more against either.
 */
export const NEUTRAL: Readonly<Palette> = Object.freeze({
  paper: 'rgba(0,0,0,0)',
  plot: 'rgba(0,0,0,0)',
  font: '#787878',
  grid: 'rgba(128,128,128,0.35)',
  axis: '#787878',
  legendBg: 'rgba(0,0,0,0)',
  single: THEMES.light.single,
  lines: THEMES.light.lines,
});

function paletteOf(theme: FigureTheme): Palette {
  const palette = theme === 'neutral' ? NEUTRAL : Object.prototype.hasOwnProperty.call(THEMES, theme) ? THEMES[theme] : undefined;
  if (!palette) throw new RangeError(`theme must be 'light', 'dark' or 'neutral', got ${String(theme)}`);
  return palette;
}

/**
 * The attributes of a figure that differ between themes, as Plotly.update paths: the layout's
 * (backgrounds, text, grid, axes, legend) and each trace's colours. Everything else is the same in
 * both themes.
 */
export const THEMED_LAYOUT_PATHS = [
  'paper_bgcolor',
  'plot_bgcolor',
  'font.color',
  'xaxis.gridcolor',
  'xaxis.linecolor',
  'xaxis.tickcolor',
  'yaxis.gridcolor',
  'yaxis.linecolor',
  'yaxis.tickcolor',
  'legend.bgcolor',
  'legend.bordercolor',
] as const;
/** The attributes of each trace that differ between themes, as Plotly.restyle paths (see THEMED_LAYOUT_PATHS). */
export const THEMED_TRACE_PATHS = ['line.color', 'marker.color'] as const;

/** A figure's themed attributes: `layout` by path, `traces` by path with one value per trace. */
export interface ThemeStyle {
  readonly layout: Readonly<Record<string, PlainJson>>;
  readonly traces: Readonly<Record<string, PlainJson[]>>;
}

function valueAt(object: unknown, dotted: string): PlainJson {
  let value: unknown = object;
  for (const key of dotted.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined ? null : (value as PlainJson);
}

/** The themed attributes of `figure` (see THEMED_LAYOUT_PATHS), read from the figure itself. */
export function themeStyle(figure: PlotlyFigure): ThemeStyle {
  const layout: Record<string, PlainJson> = {};
  for (const p of THEMED_LAYOUT_PATHS) layout[p] = valueAt(figure.layout, p);
  const traces: Record<string, PlainJson[]> = {};
  for (const p of THEMED_TRACE_PATHS) traces[p] = figure.data.map((trace) => valueAt(trace, p));
  return { layout, traces };
}

/** Line dashes used once the colours run out, so 22 overlaid curves stay distinguishable. */
const DASHES = ['solid', 'dash', 'dot', 'dashdot'] as const;
export type LineDash = (typeof DASHES)[number];

/** Layout numbers shared by lineFigure and the static SVG (svg.ts), so both draw the same chart. */
export const FIGURE_LAYOUT = Object.freeze({
  margin: Object.freeze({ l: 64, r: 24, t: 56, b: 56 }),
  font: Object.freeze({ family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 13 }),
  height: 420,
  /** Up to this many lines the legend sits inside the plot; past it, to the right of the plot. */
  insideLegendMax: 8,
  /** Height of one legend row, by which a chart with a legend on the right grows. */
  legendRow: 21,
});

/** The chart's height in px: 420, or enough for a right-hand legend of many lines. */
export function figureHeight(lineCount: number): number {
  const { height, insideLegendMax, legendRow } = FIGURE_LAYOUT;
  return lineCount > insideLegendMax ? Math.max(height, 120 + legendRow * lineCount) : height;
}

/** Colour and dash of line `index` of `count`: one green curve, else the palette, then dashes. */
export function lineStyle(index: number, count: number, theme: FigureTheme = 'light'): { readonly color: string; readonly dash: LineDash } {
  const palette = paletteOf(theme);
  if (count === 1) return { color: palette.single, dash: 'solid' };
  const colours = palette.lines.length;
  return { color: palette.lines[index % colours]!, dash: DASHES[Math.floor(index / colours) % DASHES.length]! };
}

function toNumbers(values: ArrayLike<number>, what: string): number[] {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${what} must be an array of numbers, got ${String(values)}`);
  }
  return Array.from(values, (v) => (v === null ? NaN : Number(v)));
}

/** The Plotly figure of a chart in the project's one style (the walkthrough's plot_output, in Plotly). */
export function lineFigure(chart: LineChart, options: FigureOptions = {}): PlotlyFigure {
  const theme = options.theme ?? 'light';
  const palette = paletteOf(theme);
  if (chart.lines.length === 0) throw new RangeError(`chart '${chart.title}' has no lines`);
  const data = chart.lines.map((line, i): PlotlyTrace => {
    const x = toNumbers(line.x, `line '${line.name}' x`);
    const y = toNumbers(line.y, `line '${line.name}' y`);
    if (x.length !== y.length) {
      throw new RangeError(`line '${line.name}' has ${x.length} x values and ${y.length} y values`);
    }
    const { color, dash } = lineStyle(i, chart.lines.length, theme);
    return {
      type: 'scatter',
      mode: line.mode ?? 'lines',
      name: line.name,
      x,
      y,
      line: { color, width: 2, dash },
      marker: { color, size: 6 },
      hovertemplate: `${escapeTemplate(line.name)}<br>x = %{x:.4g}<br>y = %{y:.6g}<extra></extra>`,
    };
  });
  const axis = (title: string, type: 'linear' | 'log') => ({
    title: { text: title },
    type,
    showgrid: true,
    gridcolor: palette.grid,
    zeroline: false,
    showline: true,
    linecolor: palette.axis,
    mirror: true,
    ticks: 'outside',
    tickcolor: palette.axis,
    // 10⁻²⁰ rather than SI prefixes (1f, 10µ), which read oddly for ratios and probabilities.
    exponentformat: 'power',
    automargin: true,
  });
  const xaxis: Record<string, PlainJson> = axis(chart.xTitle, 'linear');
  // A handful of integer x values over a short span (classes, layers) gets integer ticks, not 1.5,
  // 2.5 …; over a long span (training steps 0–1000) dtick 1 would draw a tick per integer.
  const xs = [...new Set(data.flatMap((t) => t.x))];
  if (xs.length <= 20 && xs.every((x) => Number.isInteger(x)) && Math.max(...xs) - Math.min(...xs) <= 20) xaxis.dtick = 1;
  const yaxis: Record<string, PlainJson> = axis(chart.yTitle, chart.yType ?? 'linear');
  if (chart.yRange) {
    const [lo, hi] = chart.yRange;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
      throw new RangeError(`chart '${chart.title}': yRange must be two finite numbers in increasing order, got [${lo}, ${hi}]`);
    // Plotly takes a log axis's range as log10 of the data.
    yaxis.range = chart.yType === 'log' ? [Math.log10(lo), Math.log10(hi)] : [lo, hi];
  }
  // matplotlib's loc='upper left' (inside the axes) as long as the legend fits there; a long one goes
  // to the right of the plot, and the chart grows to hold it.
  const many = chart.lines.length > FIGURE_LAYOUT.insideLegendMax;
  const legend = {
    x: many ? 1.02 : 0.01,
    y: many ? 1 : 0.99,
    xanchor: 'left',
    yanchor: 'top',
    bgcolor: palette.legendBg,
    bordercolor: palette.grid,
    borderwidth: 1,
  };
  return {
    data,
    layout: {
      title: { text: chart.title, x: 0.5, xanchor: 'center' },
      xaxis,
      yaxis,
      showlegend: true,
      legend,
      ...(many ? { height: figureHeight(chart.lines.length) } : {}),
      paper_bgcolor: palette.paper,
      plot_bgcolor: palette.plot,
      font: { color: palette.font, ...FIGURE_LAYOUT.font },
      margin: { ...FIGURE_LAYOUT.margin },
      hovermode: 'closest',
    },
    config: { responsive: true, displaylogo: false },
  };
}

/** Plotly reads %{…} in hover templates; a series name must not be taken for one. */
function escapeTemplate(text: string): string {
  return text.replace(/%\{/g, '%%{');
}

function activationOf(id: string) {
  const a = activationById(id);
  if (!a) throw new RangeError(`unknown activation id '${id}' (known: ${Object.keys(activations).join(', ')})`);
  return a;
}

const VECTOR_FUNCTIONS = { softmax, logSoftmax, softmin } as const;
const VECTOR_NAMES = { softmax: 'Softmax', logSoftmax: 'LogSoftmax', softmin: 'Softmin' } as const;

/**
 * The chart a spec describes, with its numbers computed from the module ('activation', 'vector') or
 * taken from the spec ('data'). This is how the site redraws a notebook's chart, and how the tests
 * check that a notebook plotted what its spec says.
 */
export function chartFromSpec(spec: ChartSpec): LineChart {
  if (spec === null || typeof spec !== 'object') throw new TypeError(`spec must be a ChartSpec object, got ${String(spec)}`);
  switch (spec.kind) {
    case 'activation': {
      validateGrid(spec.grid);
      if (!Array.isArray(spec.series) || spec.series.length === 0) {
        throw new RangeError(`spec '${spec.title}': series must be a non-empty array`);
      }
      const xs = linspace(spec.grid);
      const lines = spec.series.map((s): Line => {
        const a = activationOf(s.id);
        const y = s.derivative ? a.mapDerivative(xs, s.params) : a.map(xs, s.params);
        const name = s.label ?? (s.derivative ? `${a.name} derivative` : a.name);
        return { name, x: xs, y };
      });
      const allDerivatives = spec.series.every((s) => s.derivative);
      return {
        title: spec.title,
        xTitle: spec.xTitle ?? 'Input',
        yTitle: spec.yTitle ?? (allDerivatives ? 'Derivative' : 'Output'),
        lines,
      };
    }
    case 'vector': {
      validateGrid(spec.grid);
      const fn = Object.prototype.hasOwnProperty.call(VECTOR_FUNCTIONS, spec.fn) ? VECTOR_FUNCTIONS[spec.fn] : undefined;
      if (!fn) throw new RangeError(`spec '${spec.title}': unknown vector function '${String(spec.fn)}' (known: softmax, logSoftmax, softmin)`);
      const xs = linspace(spec.grid);
      return {
        title: spec.title,
        xTitle: 'Input',
        yTitle: 'Output',
        lines: [{ name: spec.label ?? VECTOR_NAMES[spec.fn], x: xs, y: fn(xs) }],
      };
    }
    case 'data': {
      if (!Array.isArray(spec.series) || spec.series.length === 0) {
        throw new RangeError(`spec '${spec.title}': series must be a non-empty array`);
      }
      return {
        title: spec.title,
        xTitle: spec.xTitle,
        yTitle: spec.yTitle,
        ...(spec.yType ? { yType: spec.yType } : {}),
        ...(spec.yRange ? { yRange: spec.yRange } : {}),
        lines: spec.series.map((s) => ({ name: s.name, x: s.x, y: s.y, ...(s.mode ? { mode: s.mode } : {}) })),
      };
    }
    default:
      throw new RangeError(`unknown chart kind '${String((spec as { kind?: unknown }).kind)}' (known: activation, vector, data)`);
  }
}

/** The Plotly figure of a spec, computed from the module: what the site draws for a notebook chart. */
export function figureFromSpec(spec: ChartSpec, options: FigureOptions = {}): PlotlyFigure {
  return lineFigure(chartFromSpec(spec), options);
}
