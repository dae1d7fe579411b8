/**
 * The playground's two charts as the module's static SVG (src/plot/svg.ts), drawn in the worker: the
 * activations and their derivatives, and the loss curves. The page only sets the SVG it is sent, so
 * it loads neither the module nor the chart code. The SVG follows the colour mode through CSS.
 */
import { activationById } from '../../../../src/registry.js';
import { linspace } from '../../../../src/plot/grid.js';
import type { LineChart } from '../../../../src/plot/figure.js';
import { chartSvg } from '../../../../src/plot/svg.js';
import { describeChart } from '../describe.js';
import type { ActivationChoice, Settings } from './settings.js';

/** At most about this many points per curve in the loss chart: a long run has more points than the chart has pixels. */
export const CHART_POINTS = 1000;

function svgOf(chart: LineChart, prefix: string): string {
  const text = describeChart(chart);
  return chartSvg(chart, { label: text.label, description: text.description, idPrefix: prefix, legend: 'below' });
}

/** Each run's activation and its derivative on [−4, 4]; `labels` as runLabels gives them. */
export function activationChartSvg(s: Settings, labels: readonly string[]): string {
  const xs = linspace(-4, 4, 161);
  const choices: ActivationChoice[] = [s.activation, ...(s.compare ? [s.compare] : [])];
  return svgOf(
    {
      title: choices.length === 2 ? 'The two activations and their derivatives' : `${labels[0]} and its derivative`,
      xTitle: 'Input x',
      yTitle: 'f(x) and f′(x)',
      lines: choices.flatMap((c, i) => {
        const a = activationById(c.id);
        if (!a) throw new RangeError(`'${c.id}' is not an activation of the module`);
        return [
          { name: `${labels[i]}`, x: xs, y: a.map(xs, c.params) },
          { name: `${labels[i]}: derivative`, x: xs, y: a.mapDerivative(xs, c.params) },
        ];
      }),
    },
    'pg-activation',
  );
}

export interface LossCurve {
  readonly step: readonly number[];
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/** Every k-th point of a curve, and the last, so that at most about CHART_POINTS remain. */
export function thinned(c: LossCurve): LossCurve {
  const k = Math.ceil(c.step.length / CHART_POINTS);
  if (k <= 1) return c;
  const keep = (_: number, j: number) => j % k === 0 || j === c.step.length - 1;
  return { step: c.step.filter(keep), train: c.train.filter(keep), test: c.test.filter(keep) };
}

/** Training and test loss of each run over the steps (every k-th point, and the last). */
export function lossChartSvg(curves: readonly LossCurve[], labels: readonly string[]): string {
  return svgOf(
    {
      title: 'Loss on the whole training and test sets',
      xTitle: 'Step',
      yTitle: 'Cross-entropy',
      yType: 'log',
      lines: curves.map(thinned).flatMap((c, i) => [
        { name: `${labels[i]}: training`, x: c.step, y: c.train },
        { name: `${labels[i]}: test`, x: c.step, y: c.test },
      ]),
    },
    'pg-loss',
  );
}
