/**
 * A chart as a static, accessible SVG string: the figure `lineFigure(chart)` draws with Plotly (same
 * data, ranges, ticks, colours, dashes, legend and title), so the site can server-render every chart
 * and load plotly.js only when a reader interacts. Pure: no DOM and no Node APIs, so it runs in the
 * browser and at build time alike. Not re-exported from src/plot/index.ts (the notebooks' path).
 */
// d3: tested scale and tick maths and gap-aware path building that need no DOM, rather than our own.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line as d3Line } from 'd3-shape';
import { FIGURE_LAYOUT, THEMES, figureHeight, lineFigure, lineStyle, type LineChart, type PlotlyTrace } from './figure.js';

export interface SvgOptions {
  /** Text alternative, written as <title> and <desc> and referenced by aria-labelledby/aria-describedby. */
  readonly label: string;
  readonly description: string;
  /** Prefix for every id inside the SVG (title, desc, clipPath); must be unique on the page. */
  readonly idPrefix: string;
  /** 'auto': lineFigure's rule (inside upper left; to the right of the plot past 8 lines). 'below': wrapped rows under the plot. Default 'auto'. */
  readonly legend?: 'auto' | 'below';
  /** viewBox width in px (default 640); the height follows lineFigure's rule (420, taller with many lines). */
  readonly width?: number;
  /** CSS selector of an ancestor that switches to the dark palette; default "[data-theme='dark']" (Docusaurus). */
  readonly darkSelector?: string;
}

type Colour = Exclude<keyof (typeof THEMES)['light'], 'lines'>;
type Point = readonly [number, number];
interface Tick {
  /** Position in axis units (log10 of the value on a log axis). */
  readonly at: number;
  readonly label: string;
  /** Font size relative to the tick font: Plotly draws powers of ten larger, digits between them smaller. */
  readonly scale?: number;
}

/** The themed parts: light colours become attributes, dark ones the <style> rules (one source: THEMES). */
const PAINTS = {
  paper: { fill: 'paper' },
  plot: { fill: 'plot' },
  grid: { stroke: 'grid' },
  axis: { stroke: 'axis' },
  text: { fill: 'font' },
  'legend-bg': { fill: 'legendBg', stroke: 'grid' },
} as const satisfies Record<string, { readonly fill?: Colour; readonly stroke?: Colour }>;
type Part = keyof typeof PAINTS;

const { margin: MARGIN, font: FONT } = FIGURE_LAYOUT;
const DEFAULT_WIDTH = 640;
/** Narrower than this leaves no room for the plot between its axes and legend. */
const MIN_WIDTH = 200;
const DEFAULT_DARK = "[data-theme='dark']";
/** Plotly's defaults: title 1.4× and axis titles 1.2× the font, 5 px outside ticks. */
const TITLE_SIZE = Math.round(FONT.size * 1.4);
const AXIS_TITLE_SIZE = Math.round(FONT.size * 1.2);
const TICK_LEN = 5;
const LABEL_GAP = 3;
/** Plotly's y-title standoff (10 px + 1.5 title sizes past the ticks), moved further out past wide labels. */
const Y_TITLE_OFFSET = TICK_LEN + LABEL_GAP + 10 + 1.5 * AXIS_TITLE_SIZE;
/** Plotly's legend: rows of 20 px (at 13 px), a 30 px line sample from x 5, the name from x 40. */
const LEGEND_PITCH = 20;
const LEGEND_PAD = { top: 6, bottom: 5 };
const KEY_X = 5;
const KEY_LEN = 30;
const KEY_TEXT_X = 40;
/** Points closer than this (px) to the simplified line are dropped: invisible, and much smaller paths. */
const SIMPLIFY_PX = 0.2;
/** Far-off points are pulled in to this distance (px) so path numbers stay in a browser's float range. */
const FAR_PX = 1e6;
const MINUS = '\u2212';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A static, accessible SVG of the chart: the same data, axes, colours, dashes, legend and title as lineFigure(chart). */
export function chartSvg(chart: LineChart, options: SvgOptions): string {
  const opts = resolveOptions(options);
  // lineFigure validates the chart and gives plain arrays, colours and dashes: the two cannot drift apart.
  const figure = lineFigure(chart, { theme: 'light' });
  const traces = figure.data;
  const count = traces.length;
  const log = chart.yType === 'log';
  if (log && chart.yRange && !(chart.yRange[0] > 0)) {
    throw new RangeError(`chart '${chart.title}': yRange on a log axis must be positive, got [${chart.yRange[0]}, ${chart.yRange[1]}]`);
  }
  const width = opts.width;
  const right = opts.legend === 'auto' && count > FIGURE_LAYOUT.insideLegendMax;
  const baseHeight = right ? figureHeight(count) : FIGURE_LAYOUT.height;
  const top = MARGIN.t;
  const bottom = baseHeight - MARGIN.b;
  const markers = traces.some((t) => t.mode !== 'lines');
  const markerR = (traces[0]?.marker.size ?? 6) / 2;
  // Plotly pads an axis by 5% of its length, and by a marker (with its edge) when there are markers.
  const markerPad = markers ? markerR + 1 : 0;

  // y first: its tick labels set the left margin (Plotly's automargin), which sets the plot's width.
  const toY = log ? (v: number) => (v > 0 ? Math.log10(v) : NaN) : (v: number) => v;
  const yValues = traces.flatMap((t) => t.y.map(toY));
  const yRange = chart.yRange
    ? ([toY(chart.yRange[0]), toY(chart.yRange[1])] as const)
    : autorange(yValues, bottom - top, 0.05 * (bottom - top) + markerPad, [-1, 4]);
  const yNt = tickCount(bottom - top, 40);
  const yTicks = log ? logTicks(yRange, yNt) : linearTicks(yRange, yNt);
  const labelWidth = Math.max(0, ...yTicks.map((t) => textWidth(t.label, FONT.size * (t.scale ?? 1))));
  const yTitleOffset = Math.max(Y_TITLE_OFFSET, TICK_LEN + LABEL_GAP + labelWidth + 16);
  // Plotly's automargin: a wider left margin when the labels and title need it.
  const left = Math.max(MARGIN.l, Math.ceil(chart.yTitle ? yTitleOffset + AXIS_TITLE_SIZE + 4 : TICK_LEN + LABEL_GAP + labelWidth + 4));

  const legend = legendLayout(
    traces.map((t) => t.name),
    opts.legend === 'below' ? width - 16 : 0,
  );
  const plotWidth = Math.max(40, right ? (width - left - legend.width - 12) / 1.02 : width - left - MARGIN.r);
  const plotRight = left + plotWidth;
  const xValues = traces.flatMap((t) => t.x);
  // Lines alone are not padded along x.
  const xRange = autorange(xValues, plotWidth, markers ? 0.05 * plotWidth + markerPad : 0, [-1, 6]);
  const xAxis = figure.layout.xaxis as { readonly dtick?: unknown };
  const xTicks = xAxis.dtick === 1 ? linearTicks(xRange, 0, 1) : linearTicks(xRange, tickCount(plotWidth, 80));

  const xScale = scaleLinear().domain(xRange).range([left, plotRight]);
  const yScale = scaleLinear().domain(yRange).range([bottom, top]);
  const px = (x: number, y: number): Point | null => {
    const ty = toY(y);
    if (!Number.isFinite(x) || !Number.isFinite(ty)) return null;
    return [clamp(xScale(x), -FAR_PX, FAR_PX), clamp(yScale(ty), -FAR_PX, FAR_PX)];
  };

  // Legend: inside upper left, to the right past insideLegendMax lines, or centred under the x title.
  const below = opts.legend === 'below';
  const legendX = below ? (width - legend.width) / 2 : right ? plotRight + 0.02 * plotWidth : left + 0.01 * plotWidth;
  const legendY = below ? baseHeight + 2 : right ? top : top + 0.01 * (bottom - top);
  const boxHeight = legend.rows * LEGEND_PITCH + LEGEND_PAD.top + LEGEND_PAD.bottom;
  const height = below ? Math.ceil(legendY + boxHeight + 8) : baseHeight;

  const id = (what: string) => `${opts.idPrefix}-${what}`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="af-chart" role="img" viewBox="0 0 ${num(width)} ${height}" width="100%"` +
      ` aria-labelledby="${id('title')}" aria-describedby="${id('desc')}" font-family="${esc(FONT.family)}" font-size="${FONT.size}">`,
    `<title id="${id('title')}">${esc(opts.label)}</title><desc id="${id('desc')}">${esc(opts.description)}</desc>`,
    `<style>${esc(
      darkRules(
        traces.map((_, i) => colourClass(i, count)),
        opts.darkSelector,
      ),
    )}</style>`,
    `<defs><clipPath id="${id('clip')}"><rect x="${num(left)}" y="${top}" width="${num(plotWidth)}" height="${bottom - top}"/></clipPath></defs>`,
    `<g aria-hidden="true">`,
    `<rect${paint('paper')} width="${num(width)}" height="${height}"/>`,
    `<rect${paint('plot')} x="${num(left)}" y="${top}" width="${num(plotWidth)}" height="${bottom - top}"/>`,
  );

  // Grid at every tick but the plot's edges (the axis box draws those), then the clipped traces.
  const xs = xTicks.map((t) => xScale(t.at));
  const ys = yTicks.map((t) => yScale(t.at));
  const inner = (p: number, a: number, b: number) => p > Math.min(a, b) + 0.5 && p < Math.max(a, b) - 0.5;
  const grid =
    xs
      .filter((x) => inner(x, left, plotRight))
      .map((x) => `M${num(x)},${top}V${bottom}`)
      .join('') +
    ys
      .filter((y) => inner(y, top, bottom))
      .map((y) => `M${num(left)},${num(y)}H${num(plotRight)}`)
      .join('');
  // crispEdges, as Plotly: hairlines stay one pixel wide instead of two blurred ones.
  if (grid) out.push(`<path${paint('grid')} fill="none" shape-rendering="crispEdges" d="${grid}"/>`);
  out.push(`<g clip-path="url(#${id('clip')})">`);
  traces.forEach((trace, i) => {
    const points = Array.from(trace.x, (x, k) => px(x, trace.y[k]!));
    out.push(`<g class="af-trace ${colourClass(i, count)}" data-name="${esc(trace.name)}"${traceColours(trace)}>`);
    if (trace.mode !== 'markers') {
      const d = linePath(points);
      if (d) out.push(`<path${strokeAttributes(trace)} d="${d}"/>`);
    }
    if (trace.mode !== 'lines') {
      const visible = (p: Point | null): p is Point =>
        p !== null && p[0] >= left - markerR && p[0] <= plotRight + markerR && p[1] >= top - markerR && p[1] <= bottom + markerR;
      // One path of zero-length round-capped strokes, a dot each, rather than an element per point:
      // the experiments' scatter charts have thousands, which the page would parse and lay out.
      const dots = points
        .filter(visible)
        .map(([x, y]) => `M${num(x)},${num(y)}h0`)
        .join('');
      if (dots) out.push(`<path class="af-markers" fill="none" stroke-width="${num(2 * markerR)}" stroke-linecap="round" d="${dots}"/>`);
    }
    out.push('</g>');
  });
  out.push('</g>');

  // The mirrored axis box with outside ticks on the left and bottom.
  const ticks = xs.map((x) => `M${num(x)},${bottom}v${TICK_LEN}`).join('') + ys.map((y) => `M${num(left)},${num(y)}h${-TICK_LEN}`).join('');
  out.push(`<path${paint('axis')} fill="none" shape-rendering="crispEdges" d="M${num(left)},${top}H${num(plotRight)}V${bottom}H${num(left)}Z${ticks}"/>`);

  // Legend box and line samples; the names go with the other text below.
  const text: string[] = [];
  out.push(`<rect${paint('legend-bg')} x="${num(legendX)}" y="${num(legendY)}" width="${num(legend.width)}" height="${boxHeight}"/>`);
  legend.entries.forEach(({ dx, row }, i) => {
    const trace = traces[i]!;
    const x = legendX + dx;
    const cy = legendY + LEGEND_PAD.top + (row + 0.5) * LEGEND_PITCH;
    out.push(`<g class="af-key ${colourClass(i, count)}"${traceColours(trace)}>`);
    if (trace.mode !== 'markers') out.push(`<path${strokeAttributes(trace)} d="M${num(x + KEY_X)},${num(cy)}h${KEY_LEN}"/>`);
    if (trace.mode !== 'lines') out.push(`<circle stroke="none" cx="${num(x + KEY_X + KEY_LEN / 2)}" cy="${num(cy)}" r="${num(markerR)}"/>`);
    out.push('</g>');
    text.push(`<text x="${num(x + KEY_TEXT_X)}" y="${num(cy + 0.35 * FONT.size)}">${esc(trace.name)}</text>`);
  });

  // All text in one themed group: title, tick labels, axis titles, legend names.
  out.push(`<g${paint('text')}>`);
  out.push(`<text x="${num(width / 2)}" y="${num(top / 2)}" text-anchor="middle" font-size="${TITLE_SIZE}">${esc(chart.title)}</text>`);
  const xLabelY = bottom + TICK_LEN + LABEL_GAP + FONT.size;
  xTicks.forEach((t, k) => out.push(`<text x="${num(xs[k]!)}" y="${num(xLabelY)}" text-anchor="middle">${esc(t.label)}</text>`));
  yTicks.forEach((t, k) => {
    const size = FONT.size * (t.scale ?? 1);
    const attr = t.scale ? ` font-size="${num(size)}"` : '';
    out.push(`<text x="${num(left - TICK_LEN - LABEL_GAP)}" y="${num(ys[k]! + 0.35 * size)}" text-anchor="end"${attr}>${esc(t.label)}</text>`);
  });
  if (chart.xTitle) {
    out.push(
      `<text x="${num(left + plotWidth / 2)}" y="${num(xLabelY + 10 + 1.3 * AXIS_TITLE_SIZE)}" text-anchor="middle" font-size="${AXIS_TITLE_SIZE}">${esc(chart.xTitle)}</text>`,
    );
  }
  if (chart.yTitle) {
    // Rotated a quarter turn: the baseline is on the glyphs' right, yTitleOffset left of the plot.
    const x = num(left - yTitleOffset);
    const y = num((top + bottom) / 2);
    out.push(`<text x="${x}" y="${y}" transform="rotate(-90 ${x} ${y})" text-anchor="middle" font-size="${AXIS_TITLE_SIZE}">${esc(chart.yTitle)}</text>`);
  }
  out.push(...text, '</g></g></svg>');
  return out.join('');
}

/**
 * Where each legend entry goes: one per row (a vertical legend, `across` 0), or side by side in rows
 * at most `across` px wide; like Plotly, a legend that needs several rows gets equal columns.
 */
function legendLayout(names: readonly string[], across: number): { entries: { dx: number; row: number }[]; rows: number; width: number } {
  const widths = names.map((name) => KEY_TEXT_X + textWidth(name, FONT.size) + 8);
  if (!across) return { entries: names.map((_, row) => ({ dx: 0, row })), rows: names.length, width: Math.max(...widths) };
  const gap = 4;
  const natural = widths.reduce((sum, w) => sum + w + gap, gap);
  if (natural <= across) {
    const entries: { dx: number; row: number }[] = [];
    let dx = gap;
    for (const w of widths) {
      entries.push({ dx, row: 0 });
      dx += w + gap;
    }
    return { entries, rows: 1, width: natural };
  }
  const column = Math.max(...widths) + gap;
  const columns = Math.max(1, Math.floor((across - gap) / column));
  const entries = names.map((_, i) => ({ dx: gap + (i % columns) * column, row: Math.floor(i / columns) }));
  return { entries, rows: Math.ceil(names.length / columns), width: gap + Math.min(columns, names.length) * column };
}

function resolveOptions(options: SvgOptions): Required<SvgOptions> {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`options must be an object with label, description and idPrefix, got ${String(options)}`);
  const { label, description, idPrefix, legend = 'auto', width = DEFAULT_WIDTH, darkSelector = DEFAULT_DARK } = options;
  if (typeof label !== 'string') throw new TypeError(`options.label must be a string, got ${typeof label}`);
  if (typeof description !== 'string') throw new TypeError(`options.description must be a string, got ${typeof description}`);
  // The prefix goes into ids, url(#…) references and aria attributes: keep it to plain id characters.
  if (typeof idPrefix !== 'string' || !/^[A-Za-z_][\w-]*$/.test(idPrefix)) {
    throw new RangeError(`options.idPrefix must be a letter or _ then letters, digits, _ or - (it prefixes the SVG's ids), got '${String(idPrefix)}'`);
  }
  if (legend !== 'auto' && legend !== 'below') throw new RangeError(`options.legend must be 'auto' or 'below', got '${String(legend)}'`);
  if (typeof width !== 'number' || !Number.isFinite(width) || width < MIN_WIDTH) {
    throw new RangeError(`options.width must be a finite number of px, at least ${MIN_WIDTH}, got ${String(width)}`);
  }
  if (typeof darkSelector !== 'string' || darkSelector.trim() === '' || /[{}]/.test(darkSelector)) {
    throw new RangeError(`options.darkSelector must be a non-empty CSS selector without braces, got '${String(darkSelector)}'`);
  }
  return { label, description, idPrefix, legend, width, darkSelector };
}

/** Light colours as presentation attributes, with the class the dark rules select. */
function paint(part: Part): string {
  const spec: { readonly fill?: Colour; readonly stroke?: Colour } = PAINTS[part];
  const light = THEMES.light;
  return ` class="af-${part}"${spec.fill ? ` fill="${light[spec.fill]}"` : ''}${spec.stroke ? ` stroke="${light[spec.stroke]}"` : ''}`;
}

/** One class per colour, the same on every chart, since the rules of all charts on a page apply to all. */
function colourClass(index: number, count: number): string {
  return count === 1 ? 'af-single' : `af-c${index % THEMES.light.lines.length}`;
}

function darkRules(traceClasses: readonly string[], selector: string): string {
  const dark = THEMES.dark;
  const rules = (Object.keys(PAINTS) as Part[]).map((part) => {
    const spec: { readonly fill?: Colour; readonly stroke?: Colour } = PAINTS[part];
    const decl = [spec.fill ? `fill:${dark[spec.fill]}` : '', spec.stroke ? `stroke:${dark[spec.stroke]}` : ''].filter(Boolean).join(';');
    return `${selector} .af-chart .af-${part}{${decl}}`;
  });
  const seen = new Set<string>();
  traceClasses.forEach((cls, i) => {
    if (seen.has(cls)) return;
    seen.add(cls);
    const { color } = lineStyle(i, traceClasses.length, 'dark');
    rules.push(`${selector} .af-chart .${cls}{stroke:${color};fill:${color}}`);
  });
  return rules.join('');
}

function traceColours(trace: PlotlyTrace): string {
  return ` stroke="${trace.line.color}" fill="${trace.line.color}"`;
}

/** Plotly's dash patterns (drawing.dashStyle): multiples of max(width, 3). */
function strokeAttributes(trace: PlotlyTrace): string {
  const w = trace.line.width;
  const u = Math.max(w, 3);
  const dashes: Record<string, number[]> = { dash: [3 * u, 3 * u], dot: [u, u], dashdot: [3 * u, u, u, u] };
  const dash = dashes[trace.line.dash];
  return ` fill="none" stroke-width="${w}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash.join(' ')}"` : ''}`;
}

/** The path of a trace: gaps at missing points (Plotly's connectgaps false), each run simplified. */
function linePath(points: readonly (Point | null)[]): string {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const p of [...points, null]) {
    if (p) run.push(p);
    else {
      // A lone point between gaps draws nothing in Plotly's lines mode either.
      if (run.length > 1) runs.push(simplify(run, SIMPLIFY_PX));
      run = [];
    }
  }
  const joined = runs.flatMap((r, i) => (i ? [null, ...r] : r));
  const path = d3Line<Point | null>()
    .defined((p) => p !== null)
    .x((p) => p![0])
    .y((p) => p![1])
    .digits(1);
  return path(joined) ?? '';
}

/** Douglas–Peucker: keep the points farther than `tolerance` px from the line through the kept ones. */
function simplify(points: readonly Point[], tolerance: number): Point[] {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = points[i]!;
    const [bx, by] = points[j]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = tolerance * tolerance;
    let index = -1;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = points[k]!;
      const t = len2 ? clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
      const d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      if (d2 > worst) [worst, index] = [d2, k];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([i, index], [index, j]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

/** Plotly's autorange: the finite data's extent, padded by `pad` px each side; ±1 around constant data. */
function autorange(values: readonly number[], lengthPx: number, pad: number, empty: readonly [number, number]): readonly [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return empty;
  // Rounding noise around a constant (1 ± 1e-16) would otherwise fill the plot with 17-digit ticks.
  if (hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi))) return [lo - 1, hi + 1];
  const k = (hi - lo) / Math.max(1, lengthPx - 2 * pad);
  return [lo - pad * k, hi + pad * k];
}

/** Plotly's target tick count: one per `minPx` of axis, 5 to 10. */
function tickCount(lengthPx: number, minPx: number): number {
  return clamp(lengthPx / minPx, 4, 9) + 1;
}

/** Plotly's tick step: span / count rounded up to 2, 5 or 10 × a power of ten. */
function roundStep(span: number, count: number): number {
  const rough = span / count;
  const base = 10 ** Math.floor(Math.log10(rough));
  const r = rough / base;
  return base * (r < 2 ? 2 : r < 5 ? 5 : 10);
}

/** Linear ticks at Plotly's step (or `step` when given), placed and rounded by d3. */
function linearTicks(range: readonly [number, number], count: number, step?: number): Tick[] {
  const [a, b] = range;
  const dtick = step ?? roundStep(b - a, count);
  // d3 picks the 1-2-5 step nearest span/count, which is exactly dtick here.
  const values = scaleLinear()
    .domain([a, b])
    .ticks(Math.max(1, Math.round((b - a) / dtick)));
  const format = linearFormat(range, dtick);
  return values.map((v) => ({ at: v, label: format(v) }));
}

/** Plotly's log ticks: powers of ten every n decades, 1-2-5 or 1…9 within few decades, linear within one. */
function logTicks(range: readonly [number, number], count: number): Tick[] {
  const [a, b] = range;
  const rough = (b - a) / count;
  const lo = 10 ** a;
  const hi = 10 ** b;
  // Digits between powers need the values themselves, which underflow (subnormals) or overflow far out.
  const representable = lo >= 1e-300 && hi <= 1e300;
  if (rough > 0.7 || !representable) {
    const step = Math.max(1, Math.ceil(rough));
    const ticks: Tick[] = [];
    for (let p = Math.ceil(a / step) * step; p <= b; p += step) ticks.push({ at: p, label: power(p), scale: 1.25 });
    return ticks;
  }
  if (b - a < 1) {
    const dtick = roundStep(hi - lo, 1.5 * count);
    const format = linearFormat([lo, hi], dtick);
    return scaleLinear()
      .domain([lo, hi])
      .ticks(Math.max(1, Math.round((hi - lo) / dtick)))
      .filter((v) => v > 0)
      .map((v) => ({ at: Math.log10(v), label: format(v) }));
  }
  const digits = rough > 0.3 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
  return scaleLog()
    .domain([lo, hi])
    .ticks()
    .flatMap((v) => {
      const p = Math.floor(Math.log10(v) + 1e-9);
      const mantissa = Math.round(v / 10 ** p);
      if (!digits.includes(mantissa)) return [];
      return [mantissa === 1 ? { at: p, label: power(p), scale: 1.25 } : { at: Math.log10(v), label: String(mantissa), scale: 0.75 }];
    });
}

/** Plotly's linear labels: dtick's decimals, no trailing zeros, ×10ⁿ past 10⁴ or under 10⁻³ (exponentformat 'power'). */
function linearFormat(range: readonly [number, number], dtick: number): (v: number) => string {
  const magnitude = Math.floor(Math.log10(Math.max(Math.abs(range[0]), Math.abs(range[1]))) + 0.01);
  const exponent = Math.abs(magnitude) > 3 ? magnitude : 0;
  const decimals = clamp(-Math.floor(Math.log10(dtick) - exponent + 0.01), 0, 20);
  return (v) => {
    const m = v / 10 ** exponent;
    let digits = Math.abs(m).toFixed(decimals);
    if (digits.includes('.')) digits = digits.replace(/\.?0+$/, '');
    if (Number(digits) === 0) return '0';
    return (m < 0 ? MINUS : '') + digits + (exponent ? `×10${superscript(exponent)}` : '');
  };
}

/** 10ᵖ as Plotly writes it with exponentformat 'power': 1, 10, 10², 10⁻³. */
function power(p: number): string {
  return p === 0 ? '1' : p === 1 ? '10' : `10${superscript(p)}`;
}

function superscript(n: number): string {
  return (n < 0 ? '⁻' : '') + [...String(Math.abs(n))].map((d) => SUPERSCRIPT[Number(d)]).join('');
}

/** Estimated text width in px (no font metrics at build time): ~0.6em a character, less for narrow ones. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += SUPERSCRIPT.includes(ch) || ch === '⁻' ? 0.4 : /[\s.,:;'!|()[\]iIjlft]/.test(ch) ? 0.3 : /[MWmw@%]/.test(ch) ? 0.85 : 0.6;
  return em * size;
}

/** A coordinate rounded to 0.1 px, without trailing zeros. */
function num(v: number): string {
  return String(Math.round(v * 10) / 10 || 0);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values escaped for XML and HTML alike. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
