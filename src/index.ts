/**
 * Public entry. The contract (tests outside the repository rely on it): `activations`, `softmax`,
 * `logSoftmax`, `softmin`, `references`. Everything else here is for the notebooks and the site.
 */
export { activations, activationIds } from './registry.js';
export type { ActivationId } from './registry.js';
export { softmax, logSoftmax, softmin, vectorFunctions, vectorFunctionIds } from './vector/softmax.js';
export type { VectorFunction } from './vector/softmax.js';
export { references, referenceSources } from './references.js';
export { toBibtex, formatReference } from './cite.js';
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
} from './types.js';
export * from './plot/index.js';
