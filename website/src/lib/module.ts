/**
 * The site's one door to the module's TypeScript source (through the `@activations` alias, see
 * docusaurus.config.ts). Only browser-safe files are imported, one by one, rather than
 * src/index.ts: the entry also pulls in citation-js (for src/cite.ts), which pages never need in the
 * browser because the generator formats citations at build time.
 */
export { activations, activationIds, activationById, isActivationId } from '@activations/registry.js';
export type { ActivationId } from '@activations/registry.js';
export { vectorFunctions, vectorFunctionIds } from '@activations/vector/softmax.js';
export type { VectorFunction, VectorFunctionId } from '@activations/vector/softmax.js';
export { THEMES, chartFromSpec, figureFromSpec, lineFigure } from '@activations/plot/figure.js';
export { chartSvg } from '@activations/plot/svg.js';
export type { Line, LineChart, PlotlyFigure, Theme } from '@activations/plot/figure.js';
export { chartSummary, formatNumber } from '@activations/plot/text.js';
export { linspace } from '@activations/plot/grid.js';
export type { ChartSpec, Grid } from '@activations/plot/spec.js';
export type { Activation, Claim, Evidence, ParamInfo, Params, ParamValue, Properties } from '@activations/types.js';
