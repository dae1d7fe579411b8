import type { LineChart } from './figure.js';

/** A number short enough for a summary line: 4 significant digits, no trailing zeros. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text = abs >= 1e-4 && abs < 1e6 ? v.toPrecision(4) : v.toExponential(3);
  const [mantissa = text, exponent] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

function range(values: ArrayLike<number>): { min: number; max: number; finite: number } {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, finite };
}

/**
 * The plain-text form of a chart (the text/plain of a chart output): what a terminal, an untrusted
 * notebook without the HTML, or a screen reader gets instead of the drawing.
 */
export function chartSummary(chart: LineChart): string {
  const lines = [
    `Chart "${chart.title}": ${chart.yTitle} against ${chart.xTitle}` + `${chart.yType === 'log' ? ' (log scale)' : ''}, ${chart.lines.length} series`,
  ];
  for (const line of chart.lines) {
    const xr = range(line.x);
    const yr = range(line.y);
    const n = line.y.length;
    let text = `  ${line.name}: ${n} points`;
    if (xr.finite > 0) text += `, x from ${formatNumber(xr.min)} to ${formatNumber(xr.max)}`;
    if (yr.finite > 0) text += `, y from ${formatNumber(yr.min)} to ${formatNumber(yr.max)}`;
    if (yr.finite < n) text += ` (${n - yr.finite} not finite, drawn as gaps)`;
    lines.push(text);
  }
  return lines.join('\n');
}
