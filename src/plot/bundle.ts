import { FIGURE_LAYOUT, chartFromSpec, lineFigure, themeStyle, type FigureOptions, type LineChart, type PlotlyFigure } from './figure.js';
import { chartHtml } from './html.js';
import { toPlainJson, type PlainJson } from './json.js';
import { CHART_SPEC_MIME, type ChartSpec } from './spec.js';
import { chartSummary } from './text.js';

/** MIME type of Plotly figures: JupyterLab draws it natively when its Plotly extension is installed. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** The four representations of one chart output, keyed by MIME type (one display_data). */
export type ChartMimeBundle = {
  readonly [PLOTLY_MIME]: PlotlyFigure;
  readonly 'text/html': string;
  readonly 'text/plain': string;
  readonly [CHART_SPEC_MIME]: PlainJson;
};

/** Options of `chartMimeBundle`: the theme, and the numbers to plot when the caller already has them. */
export interface ChartBundleOptions extends FigureOptions {
  /**
   * The numbers actually plotted, when the caller computed them (a notebook's `plotOutput`). By
   * default they are computed from the spec with the module.
   */
  readonly chart?: LineChart;
  readonly height?: number;
}

/**
 * Everything a chart output carries: the Plotly JSON (JupyterLab with the Plotly extension), the
 * self-contained HTML (classic Notebook, JupyterLab without it), a text summary, and the spec
 * (the exporter and the site redraw the chart from it).
 */
export function chartMimeBundle(spec: ChartSpec, options: ChartBundleOptions = {}): ChartMimeBundle {
  const chart = options.chart ?? chartFromSpec(spec);
  // jupyterlab-plotly draws this JSON as given, whatever JupyterLab's theme: by default in colours
  // that read on light and dark alike (the HTML below re-colours it to the page's theme).
  const drawn = lineFigure(chart, { theme: options.theme ?? 'neutral' });
  // A fixed height, not a responsive one: jupyterlab-plotly redraws while JupyterLab swaps its
  // theme's stylesheet, and a responsive chart then takes its hidden container's 0 px for good.
  const height = options.height ?? (typeof drawn.layout.height === 'number' ? drawn.layout.height : FIGURE_LAYOUT.height);
  const figure = toPlainJson({ ...drawn, layout: { ...drawn.layout, height }, config: { ...drawn.config, responsive: false } }) as unknown as PlotlyFigure;
  const summary = chartSummary(chart);
  // The HTML follows JupyterLab's theme: it carries the colours of both.
  const themes = { light: themeStyle(lineFigure(chart, { theme: 'light' })), dark: themeStyle(lineFigure(chart, { theme: 'dark' })) };
  return {
    [PLOTLY_MIME]: figure,
    'text/html': chartHtml(figure, { summary, themes, height }),
    'text/plain': summary,
    [CHART_SPEC_MIME]: toPlainJson(spec),
  };
}
