/**
 * Our experiments, in reading order, and the committed results they produced. Browser-safe:
 * `loadResults` reaches the file system only when called, through Node's `process.getBuiltinModule`.
 */
import { cost } from './cost.js';
import { deadUnits } from './dead-units.js';
import { gradientDepth } from './gradient-depth.js';
import { saturation } from './saturation.js';
import { seluFixedPoint } from './selu-fixed-point.js';
import { softmaxStability } from './softmax-stability.js';
import { training } from './training.js';
import type { Experiment, ResultsFile } from './types.js';

export type { Experiment, Finding, Progress, ResultsFile } from './types.js';
export type { GradientDepthConfig, GradientDepthResult, GradientDepthRow } from './gradient-depth.js';
export type { DeadUnitsConfig, DeadUnitsResult, DeadSweepRow, DeadTrainingRow } from './dead-units.js';
export type { SaturationConfig, SaturationResult, SaturationRow } from './saturation.js';
export type { TrainingConfig, TrainingResult, TrainingRow } from './training.js';
export type { SeluFixedPointConfig, SeluFixedPointResult, Trajectory } from './selu-fixed-point.js';
export type { SoftmaxStabilityConfig, SoftmaxStabilityResult } from './softmax-stability.js';
export type { CostConfig, CostResult, CostRow } from './cost.js';
export { gradientDepth, deadUnits, saturation, training, seluFixedPoint, softmaxStability, cost };

/** Every experiment, in the order the notebooks and the site present them. */
export const experiments: readonly Experiment[] = Object.freeze([gradientDepth, deadUnits, saturation, training, seluFixedPoint, softmaxStability, cost]);

/** The ids of `experiments`, in the same order; `experimentById` and `loadResults` take them. */
export const experimentIds: readonly string[] = Object.freeze(experiments.map((e) => e.id));

/** The experiment with this id; a RangeError naming the id (and the known ones) otherwise. */
export function experimentById(id: string): Experiment {
  const found = experiments.find((e) => e.id === id);
  if (!found) throw new RangeError(`unknown experiment '${id}' (known: ${experimentIds.join(', ')})`);
  return found;
}

interface NodeFs {
  readFileSync(path: URL | string, encoding: 'utf8'): string;
}

/**
 * The committed results file of an experiment (`experiments/results/<id>.json`), read and checked
 * (experiment id and result shape). Node only. `root` defaults to the repository this module lies
 * in (src/experiments or dist/experiments, two levels down).
 */
export function loadResults(id: string, root?: string | URL): ResultsFile {
  const experiment: Experiment = experimentById(id);
  const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs) throw new Error(`loadResults('${id}') needs Node ≥ 20.16 (it reads ${experiment.resultsPath} from disk)`);
  const base =
    root === undefined ? new URL('../../', import.meta.url) : new URL(root.toString().endsWith('/') ? root.toString() : `${root.toString()}/`, 'file:///');
  const url = new URL(experiment.resultsPath, base);
  let text: string;
  try {
    text = fs.readFileSync(url, 'utf8');
  } catch (e) {
    throw new Error(`${id}: cannot read ${url.pathname} (run \`npm run experiments -- ${id}\`): ${(e as Error).message}`);
  }
  const file = JSON.parse(text) as ResultsFile;
  if (file.experiment !== id) throw new Error(`${url.pathname} holds experiment '${String(file.experiment)}', not '${id}'`);
  experiment.validate(file.result);
  return file;
}
