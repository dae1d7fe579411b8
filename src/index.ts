/**
 * The package's main entry, `import … from 'activation-functions'`: every PyTorch elementwise
 * activation (`activations`), the softmax family (`softmax`, `logSoftmax`, `softmin`), their
 * references and citations, the chart specs the site draws, and our experiments.
 *
 * The contract (tests outside the repository rely on it): `activations`, `softmax`, `logSoftmax`,
 * `softmin`, `references`. Everything else here is for the notebooks and the site.
 *
 * @example
 * ```ts
 * import { activations, softmax } from 'activation-functions';
 *
 * activations.gelu.forward(1); // 0.841344746068543
 * softmax([1, 2, 3]); // Float64Array [0.0900…, 0.2447…, 0.6652…]
 * ```
 *
 * @module activation-functions
 */
export { activations, activationIds, activationById, isActivationId } from './registry.js';
export type { ActivationId, Activations, ParamsOf } from './registry.js';
// RReLU's training mode (a random slope per element, deterministic per seed): beyond the Activation shape.
export { rreluTraining, RRELU_LOWER, RRELU_UPPER } from './activations/rrelu.js';
export type { RreluTrainingResult } from './activations/rrelu.js';
export {
  softmax,
  logSoftmax,
  softmin,
  softmaxVectorJacobianProduct,
  logSoftmaxVectorJacobianProduct,
  softminVectorJacobianProduct,
  vectorFunctions,
  vectorFunctionIds,
} from './vector/softmax.js';
export type { VectorExample, VectorFunction, VectorFunctionId } from './vector/softmax.js';
// Which kernels `map` uses: WebAssembly SIMD where available (same values), or the TypeScript ones.
export { setKernelMode, getKernelMode, wasmKernelsReady } from './kernels/wasm.js';
export type { KernelMode } from './kernels/wasm.js';
export { references, referenceSources, referenceKeys, isReferenceKey, shortCitation } from './references.js';
export type { CslDate, CslItem, CslItemType, CslName, ReferenceKey, ReferenceSource, SourceCheck } from './references.js';
export { toBibtex, formatReference, bibliography, citationStyles } from './cite.js';
export type { CitationStyle, ReferenceFormat } from './cite.js';
export type {
  Activation,
  ActivationSpec,
  Continuity,
  Example,
  FloatArray,
  ParamInfo,
  ParamValue,
  Params,
  Properties,
  TradeOffs,
  Claim,
  Evidence,
  EngineRequirement,
  FamilyId,
  KernelGroup,
  LoopKernel,
  OnnxSpec,
  ParamRef,
  ReferenceSpec,
  TfjsSpec,
} from './types.js';
export * from './plot/index.js';
// Our experiments (src/experiments): what they measure, their findings, and the committed results.
export { experiments, experimentIds, experimentById, loadResults } from './experiments/index.js';
export type {
  Experiment,
  Finding,
  Progress,
  ResultsFile,
  GradientDepthConfig,
  GradientDepthResult,
  DeadUnitsConfig,
  DeadUnitsResult,
  SaturationConfig,
  SaturationResult,
  TrainingConfig,
  TrainingResult,
  SeluFixedPointConfig,
  SeluFixedPointResult,
  SoftmaxStabilityConfig,
  SoftmaxStabilityResult,
  CostConfig,
  CostResult,
} from './experiments/index.js';
