/**
 * Text alternatives for charts, computed from the same numbers the chart draws: what it shows, the
 * ranges, and the points a sighted reader would notice (the value at 0, the extremes, where a curve
 * crosses zero, the ends). Screen readers get the short label; the long text is on the page in a
 * "chart as text" disclosure for everyone.
 */
// Relative, not through ./module: the playground's chart code (lib/playground/charts.ts) runs in Node too.
import { chartSummary, formatNumber } from '../../../src/plot/text.js';
import type { LineChart } from '../../../src/plot/figure.js';

function finitePoints(line: LineChart['lines'][number]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < line.x.length; i++) {
    const x = line.x[i]!;
    const y = line.y[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) out.push({ x, y });
  }
  return out;
}

/** Where the curve changes sign between neighbouring points (linear interpolation), at most `max`. */
function zeroCrossings(points: { x: number; y: number }[], max: number): number[] | 'many' {
  const found: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if ((a.y < 0 && b.y > 0) || (a.y > 0 && b.y < 0)) {
      found.push(a.x + ((b.x - a.x) * -a.y) / (b.y - a.y));
      if (found.length > max) return 'many';
    }
  }
  return found;
}

/** One sentence of notable points for one line. */
export function notablePoints(line: LineChart['lines'][number]): string {
  const points = finitePoints(line);
  if (points.length === 0) return `${line.name}: no finite values.`;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  let min = first;
  let max = first;
  for (const p of points) {
    if (p.y < min.y) min = p;
    if (p.y > max.y) max = p;
  }
  const parts = [`${line.name}: y = ${formatNumber(first.y)} at x = ${formatNumber(first.x)} and ${formatNumber(last.y)} at x = ${formatNumber(last.x)}`];
  const zero = points.find((p) => p.x === 0);
  if (zero) parts.push(`y = ${formatNumber(zero.y)} at x = 0`);
  if (min.y !== max.y) {
    parts.push(`lowest ${formatNumber(min.y)} at x = ${formatNumber(min.x)}, highest ${formatNumber(max.y)} at x = ${formatNumber(max.x)}`);
  } else {
    parts.push(`constant at ${formatNumber(min.y)}`);
  }
  const crossings = zeroCrossings(points, 3);
  if (crossings === 'many') parts.push('crosses zero more than 3 times');
  else if (crossings.length > 0) parts.push(`crosses zero at x ≈ ${crossings.map(formatNumber).join(', ')}`);
  return `${parts.join('; ')}.`;
}

export interface ChartText {
  /** One sentence for aria-label. */
  readonly label: string;
  /** The full description: ranges per series, then notable points. */
  readonly description: string;
}

/** The text alternative of any chart, from its numbers. `extra` adds sentences (kinks, parameters). */
export function describeChart(chart: LineChart, extra: readonly string[] = []): ChartText {
  const names = chart.lines.map((l) => l.name);
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  const xs = chart.lines.flatMap((l) => Array.from(l.x)).filter(Number.isFinite);
  const xRange = xs.length ? ` for ${chart.xTitle.toLowerCase()} from ${formatNumber(Math.min(...xs))} to ${formatNumber(Math.max(...xs))}` : '';
  const label = `Chart "${chart.title}": ${chart.yTitle.toLowerCase()} of ${shown}${xRange}${chart.yType === 'log' ? ', log scale' : ''}.`;
  const description = [chartSummary(chart), ...chart.lines.map(notablePoints), ...extra].join('\n');
  return { label, description };
}
