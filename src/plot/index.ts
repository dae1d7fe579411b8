/**
 * Pure chart code shared by the notebooks and the site: chart specs, Plotly figure builders,
 * self-contained chart HTML and text summaries. Browser-safe: no Node or tslab imports here (the
 * notebook display layer is src/notebook, built separately).
 */
export { CHART_SPEC_MIME } from './spec.js';
export type { ActivationSeries, ChartSpec, DataSeries, Grid } from './spec.js';
export { linspace, validateGrid } from './grid.js';
export { escapeHtml, scriptSafeJson, shortHash, toPlainJson } from './json.js';
export type { PlainJson } from './json.js';
export { THEMED_LAYOUT_PATHS, THEMED_TRACE_PATHS, THEMES, chartFromSpec, figureFromSpec, lineFigure, themeStyle } from './figure.js';
export type { FigureOptions, Line, LineChart, PlotlyFigure, PlotlyTrace, Theme, ThemeStyle } from './figure.js';
export { formatNumber, chartSummary } from './text.js';
export { PLOTLY_READY_EVENT, chartHtml, plotlyLoaderHtml } from './html.js';
export type { ChartHtmlOptions } from './html.js';
export { PLOTLY_MIME, chartMimeBundle } from './bundle.js';
export type { ChartBundleOptions, ChartMimeBundle } from './bundle.js';
