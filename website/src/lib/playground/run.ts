/**
 * One playground run: the experiments' data, network and trainer (src/experiments), driven a step at
 * a time, and what the page shows about it. Pure: the worker runs it in the browser, the tests in
 * Node, and both give the same numbers (same code, same seeds).
 *
 * The measures are the experiments' own: a unit is dead when its derivative is exactly 0 on every
 * point of the data set (dead-units.ts, `deadMask`); a (unit, test point) pair is saturated when
 * |f′(z)| is below the saturation experiment's threshold times the largest |f′| over [−10, 10]
 * (saturation.ts); mean |∂loss/∂W| per layer as in gradient-depth.ts.
 */
import { activationById } from '../../../../src/registry.js';
import { softmax } from '../../../../src/vector/softmax.js';
import { loadDataset, type Dataset, type Split } from '../../../../src/experiments/data.js';
import { deadMask } from '../../../../src/experiments/dead-units.js';
import { createRandom, seedFrom } from '../../../../src/experiments/random.js';
import { maxSlope, saturatedShare, saturation } from '../../../../src/experiments/saturation.js';
import {
  createNetwork,
  createTraining,
  evaluate,
  forward,
  type Network,
  type NetworkSpec,
  type OptimizerSpec,
  type StepInfo,
  type Training,
} from '../../../../src/experiments/trainer.js';
import { POINTS, type ActivationChoice, type Settings } from './settings.js';

/** The data: its own stream, so that the same seed gives the same points whatever the network. */
export function dataSeed(s: Settings): number {
  return seedFrom('playground', 'data', s.seed);
}

/** Initial weights, then batch order, from one stream (as the training experiment draws them): the same for both networks of a comparison. */
export function trainSeed(s: Settings): number {
  return seedFrom('playground', 'train', s.seed);
}

export function loadSplit(s: Settings): Split {
  return loadDataset(s.dataset, { n: POINTS, noise: s.noise, testFraction: s.testFraction }, createRandom(dataSeed(s)));
}

export function networkSpec(s: Settings, choice: ActivationChoice, split: Split): NetworkSpec {
  return {
    sizes: [split.train.dim, ...Array<number>(s.depth).fill(s.width), split.train.classes],
    activation: choice.id,
    params: choice.params,
    init: s.init,
  };
}

export function optimizerSpec(s: Settings): OptimizerSpec {
  return { kind: 'sgd', lr: s.lr, momentum: s.momentum };
}

/** A (unit, example) pair is saturated when |f′(z)| is below this times the function's largest |f′|: the saturation experiment's threshold. */
export const SATURATION_THRESHOLD = saturation.fullConfig.threshold;

/** Training and test loss are evaluated on the whole sets every this many steps, for the curves. */
export const EVAL_EVERY = 10;

export interface LayerStats {
  /** Mean |∂loss/∂W| of the layer's weights on the last step's batch; null before the first step. */
  readonly meanAbsGrad: number | null;
  /** Share of its units dead on every point of the data set. */
  readonly dead: number;
  /** Share of its (unit, test point) pairs saturated. */
  readonly saturated: number;
}

export interface Snapshot {
  readonly step: number;
  /** Mean loss over the whole training set, and over the test set, at this step. */
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** The last step's batch loss (what the trainer's `train` returns per step); null before the first step. */
  readonly batchLoss: number | null;
  /** One per hidden layer, input side first. */
  readonly layers: readonly LayerStats[];
}

/** The plane the decision boundary is drawn over: a square around the (standardised) points. */
export interface Plane {
  readonly min: number;
  readonly max: number;
  /** Cells per side. */
  readonly cells: number;
}

export interface Run {
  readonly split: Split;
  readonly net: Network;
  readonly training: Training;
  /** The curves: steps 0, EVAL_EVERY, 2·EVAL_EVERY, …, with the training and test loss there. */
  readonly curve: { readonly step: number[]; readonly train: number[]; readonly test: number[] };
  /** Trains `count` steps, recording the curve. */
  advance(count: number): void;
  snapshot(): Snapshot;
  /** Class probabilities over the plane, row by row from the bottom (y = min), `classes` per cell. */
  probabilities(plane: Plane): Float32Array;
}

function concat(a: Dataset, b: Dataset): Dataset {
  const x = new Float64Array(a.x.length + b.x.length);
  x.set(a.x);
  x.set(b.x, a.x.length);
  const y = new Int32Array(a.n + b.n);
  y.set(a.y);
  y.set(b.y, a.n);
  return { n: a.n + b.n, dim: a.dim, classes: a.classes, x, y };
}

export function createRun(s: Settings, choice: ActivationChoice, split: Split = loadSplit(s)): Run {
  const rng = createRandom(trainSeed(s));
  const net = createNetwork(networkSpec(s, choice, split), rng);
  const training = createTraining({ net, train: split.train, batchSize: s.batchSize, optimizer: optimizerSpec(s), rng });
  const everything = concat(split.train, split.test);
  const act = activationById(choice.id)!;
  const limit = SATURATION_THRESHOLD * maxSlope(choice.id, choice.params);
  const curve = { step: [] as number[], train: [] as number[], test: [] as number[] };
  let last: StepInfo | null = null;
  const record = () => {
    curve.step.push(training.steps);
    curve.train.push(evaluate(net, split.train).loss);
    curve.test.push(evaluate(net, split.test).loss);
  };
  record();
  return {
    split,
    net,
    training,
    curve,
    advance(count) {
      for (let i = 0; i < count; i++) {
        last = training.step();
        if (training.steps % EVAL_EVERY === 0) record();
      }
    },
    snapshot() {
      const train = evaluate(net, split.train);
      const test = evaluate(net, split.test);
      const dead = deadMask(net, everything);
      const testPass = forward(net, split.test.x, split.test.n);
      const layers = net.weights.slice(0, -1).map((w, l): LayerStats => {
        const width = w.length / net.spec.sizes[l]!;
        const offset = net.spec.sizes.slice(1, l + 1).reduce((a, b) => a + b, 0);
        const g = last?.grads.weights[l];
        let sum = 0;
        if (g) for (let i = 0; i < g.length; i++) sum += Math.abs(g[i]!);
        return {
          meanAbsGrad: g ? sum / g.length : null,
          dead: dead.slice(offset, offset + width).filter(Boolean).length / width,
          saturated: saturatedShare(act.mapDerivative(testPass.pre[l]!, choice.params), limit),
        };
      });
      return {
        step: training.steps,
        trainLoss: train.loss,
        testLoss: test.loss,
        trainAccuracy: train.accuracy,
        testAccuracy: test.accuracy,
        batchLoss: last?.loss ?? null,
        layers,
      };
    },
    probabilities({ min, max, cells }) {
      const x = new Float64Array(cells * cells * 2);
      const at = (i: number) => min + ((i + 0.5) * (max - min)) / cells;
      for (let r = 0; r < cells; r++) {
        for (let c = 0; c < cells; c++) {
          x[2 * (r * cells + c)] = at(c);
          x[2 * (r * cells + c) + 1] = at(r);
        }
      }
      const { logits } = forward(net, x, cells * cells);
      const k = split.train.classes;
      const out = new Float32Array(cells * cells * k);
      for (let i = 0; i < cells * cells; i++) out.set(softmax(logits.subarray(i * k, (i + 1) * k)), i * k);
      return out;
    },
  };
}

/**
 * The first network whose activation's parameters the function itself rejects (each may be within
 * its slider's range and the combination impossible, as hardtanh's minVal above maxVal), with the
 * function's message; null when both are fine. The page cannot tell without the module's code.
 */
export function impossibleChoice(s: Settings): { target: 'activation' | 'compare'; message: string } | null {
  for (const target of ['activation', 'compare'] as const) {
    const choice = s[target];
    if (!choice) continue;
    try {
      const a = activationById(choice.id);
      if (!a) throw new RangeError(`'${choice.id}' is not an activation of the module`);
      a.resolveParams(choice.params);
    } catch (e) {
      return { target, message: e instanceof Error ? e.message : String(e) };
    }
  }
  return null;
}

/** A square holding every point of both sets with a margin, symmetric about 0 (the data are standardised). */
export function planeOf(split: Split, cells: number): Plane {
  let m = 0;
  for (const d of [split.train, split.test]) for (let i = 0; i < d.x.length; i++) m = Math.max(m, Math.abs(d.x[i]!));
  const half = Math.ceil((m + 0.25) * 2) / 2;
  return { min: -half, max: half, cells };
}
