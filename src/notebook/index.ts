/**
 * Notebook helpers for the tslab kernel, imported as "activation-functions/notebook" (the package's
 * `./notebook` export): layers, charts, tables, Markdown, trade-offs and experiments shown in a
 * cell. Not part of the main entry: the display layer needs tslab, which only a kernel has.
 *
 * @module activation-functions/notebook
 */
export { initPlotly, plotlySource } from './plotly.js';
export { plotOutput, plotOutputSpec, showChart, gridOf } from './charts.js';
export { layer, sourceOf } from './layer.js';
export type { Layer, OutputSource, VectorFunctionName, VectorInput } from './layer.js';
export { displayBundle } from './display.js';
export type { DisplayRoute } from './display.js';
export { showTable, tableHtml, tableMarkdown, tableText } from './table.js';
export { showMarkdown } from './markdown.js';
export type { Cell, Table } from './table.js';
export { activationFamilies, familiesOf, FAMILY_INFO } from './families.js';
export type { ActivationFamily, FamilyInfo } from './families.js';
export {
  TRADE_OFF_SECTIONS,
  claimMarkdown,
  claimsCiting,
  committedResults,
  describedFunction,
  evidenceLabel,
  evidenceMarkdown,
  functionIds,
  propertyText,
  shortCitation,
  showTradeOffs,
  tradeOffsMarkdown,
} from './evidence.js';
export type { CitingClaim, EvidenceOptions, TradeOffSection } from './evidence.js';
export {
  EXPERIMENT_OUTPUT_KEY,
  experimentIntroMarkdown,
  runExperiment,
  showCommitted,
  showExperiment,
  showExperimentCharts,
  showExperimentTable,
  showFindings,
  showVerdict,
  verdictMarkdown,
} from './experiments.js';
export type { RunKind } from './experiments.js';
export { createRandom } from './random.js';
export type { Random } from './random.js';
export { describeRuntime, runtimeInfo } from './runtime.js';
export type { RuntimeInfo } from './runtime.js';
