/**
 * Saturation during training: the share of hidden units whose slope is nearly 0, layer by layer,
 * for the bounded activations Glorot & Bengio (2010) studied (sigmoid, tanh, softsign) and hardtanh,
 * with their "standard" initialisation U[−1/√n, 1/√n].
 */
import { activationById, activationIds } from '../registry.js';
import type { ChartSpec, DataSeries } from '../plot/spec.js';
import type { Params } from '../types.js';
import { Checker } from './check.js';
import { loadDataset } from './data.js';
import { formatNumber, nameOf } from './format.js';
import { createRandom, seedFrom } from './random.js';
import { mean, median } from './stats.js';
import { createNetwork, evaluate, forward, train, type InitId, type Network } from './trainer.js';
import type { Experiment, Finding } from './types.js';

/** The configuration of the `saturation` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface SaturationConfig {
  readonly activations: readonly string[];
  readonly layers: number;
  readonly width: number;
  readonly init: InitId;
  readonly points: number;
  readonly noise: number;
  readonly steps: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly checkpointEvery: number;
  readonly seeds: number;
  /** A unit is saturated on an example when |f′(z)| < threshold × the largest |f′|. */
  readonly threshold: number;
}

export interface SaturationRow {
  readonly activation: string;
  /** The largest |f′| over [−10, 10], the scale of the threshold. */
  readonly maxSlope: number;
  /** [layer][checkpoint]: share of (unit, test example) pairs saturated, median over seeds. */
  readonly saturated: readonly (readonly number[])[];
  /** [layer][checkpoint]: mean activation over units and test examples, median over seeds. */
  readonly meanActivation: readonly (readonly number[])[];
  /** Over the training batches at checkpoints: saturated (unit, example) pairs, and how many of them got a non-zero gradient. */
  readonly saturatedSeen: number;
  readonly saturatedWithGradient: number;
  readonly testAccuracy: readonly number[];
}

/** What the `saturation` experiment returns, as committed in experiments/results/saturation.json. */
export interface SaturationResult {
  readonly checkpoints: readonly number[];
  readonly threshold: number;
  readonly rows: readonly SaturationRow[];
}

const ID = 'saturation';

/** The largest |f′| over [−10, 10], the scale of the saturation threshold (the playground's too). */
export function maxSlope(id: string, params?: Params): number {
  const a = activationById(id);
  if (!a) throw new RangeError(`${ID}: unknown activation '${id}'`);
  let m = 0;
  for (let i = 0; i <= 20000; i++) m = Math.max(m, Math.abs(a.derivative(-10 + i * 0.001, params)));
  return m;
}

/** The share of `slopes` (one per unit and example) below `limit` in absolute value: the saturated pairs. */
export function saturatedShare(slopes: ArrayLike<number>, limit: number): number {
  let count = 0;
  for (let i = 0; i < slopes.length; i++) if (Math.abs(slopes[i]!) < limit) count++;
  return count / slopes.length;
}

function rowOf(r: SaturationResult, id: string): SaturationRow {
  const found = r.rows.find((x) => x.activation === id);
  if (!found) throw new Error(`${ID}: no result for ${id}`);
  return found;
}

/** Mean over checkpoints and layers of the saturated share. */
function overall(row: SaturationRow): number {
  return mean(row.saturated.map((l) => mean([...l])));
}

const pct = (v: number) => `${formatNumber(100 * v)}%`;

/** The checkpoint (index) where the top hidden layer's saturated share is largest (the first such). */
function topPeak(row: SaturationRow): number {
  const top = row.saturated[row.saturated.length - 1]!;
  let index = 0;
  for (let k = 1; k < top.length; k++) if (top[k]! > top[index]!) index = k;
  return index;
}

const FULL: SaturationConfig = {
  activations: ['sigmoid', 'tanh', 'softsign', 'hardtanh'],
  layers: 4,
  width: 32,
  init: 'standard',
  points: 400,
  noise: 0.1,
  steps: 3000,
  batchSize: 10,
  lr: 1,
  checkpointEvery: 100,
  seeds: 5,
  threshold: 0.1,
};

const findings: Finding<SaturationResult>[] = [
  {
    id: 'sigmoid-top-layer-saturates',
    statement:
      "With sigmoid units, the top hidden layer saturates at 0: at its peak at least half of its (unit, example) pairs are saturated with a mean activation below 0.1, while every lower layer stays below 10%, the picture of Glorot & Bengio's Figure 2.",
    holds: (r) => {
      const row = rowOf(r, 'sigmoid');
      const k = topPeak(row);
      const layers = row.saturated.length;
      return row.saturated[layers - 1]![k]! >= 0.5 && row.meanActivation[layers - 1]![k]! < 0.1 && row.saturated.slice(0, -1).every((l) => l[k]! < 0.1);
    },
    detail: (r) => {
      const row = rowOf(r, 'sigmoid');
      const k = topPeak(row);
      const layers = row.saturated.length;
      const last = r.checkpoints.length - 1;
      return `at step ${r.checkpoints[k]}: saturated share by layer ${row.saturated.map((l, i) => `${i + 1}: ${pct(l[k]!)}`).join(', ')}, top layer mean activation ${formatNumber(row.meanActivation[layers - 1]![k]!)}; after ${r.checkpoints[last]} steps the top layer is ${pct(row.saturated[layers - 1]![last]!)} saturated; median test accuracy ${formatNumber(median(row.testAccuracy))}`;
    },
  },
  {
    id: 'tanh-saturates-less-than-sigmoid',
    statement: 'Over training, a smaller share of tanh units is saturated than of sigmoid units (mean over layers and checkpoints).',
    holds: (r) => overall(rowOf(r, 'tanh')) < overall(rowOf(r, 'sigmoid')),
    detail: (r) => `tanh ${pct(overall(rowOf(r, 'tanh')))} vs sigmoid ${pct(overall(rowOf(r, 'sigmoid')))}`,
  },
  {
    id: 'softsign-saturates-less-than-tanh',
    statement: 'Softsign units saturate less than tanh units (mean over layers and checkpoints), as Glorot & Bengio observed.',
    holds: (r) => overall(rowOf(r, 'softsign')) < overall(rowOf(r, 'tanh')),
    detail: (r) => `softsign ${pct(overall(rowOf(r, 'softsign')))} vs tanh ${pct(overall(rowOf(r, 'tanh')))}`,
  },
  {
    id: 'hardtanh-saturation-zero-gradient',
    statement:
      'A saturated hardtanh unit (|z| > 1) gets exactly 0 gradient: none of the saturated (unit, example) pairs seen during training passed any gradient back, while saturated sigmoid units still pass a small one.',
    holds: (r) => {
      const h = rowOf(r, 'hardtanh');
      const s = rowOf(r, 'sigmoid');
      return h.saturatedSeen > 0 && h.saturatedWithGradient === 0 && s.saturatedWithGradient > 0;
    },
    detail: (r) => {
      const h = rowOf(r, 'hardtanh');
      const s = rowOf(r, 'sigmoid');
      return `hardtanh: ${h.saturatedWithGradient} of ${h.saturatedSeen} saturated pairs had a non-zero gradient; sigmoid: ${s.saturatedWithGradient} of ${s.saturatedSeen}`;
    },
  },
];

export const saturation: Experiment<SaturationConfig, SaturationResult> = {
  id: ID,
  title: 'Saturation of bounded activations during training',
  question: 'Which layers saturate during training, and do tanh, softsign and hardtanh saturate less than sigmoid?',
  method: `An MLP with ${FULL.layers} hidden layers of ${FULL.width} units, Glorot & Bengio's "standard" initialisation U[−1/√fan_in, 1/√fan_in], biases 0, plain SGD (learning rate ${FULL.lr}, minibatches of ${FULL.batchSize}, ${FULL.steps} steps) on spirals (standardised), ${FULL.seeds} seeds. Every ${FULL.checkpointEvery} steps we measure, on the test points, the share of (unit, example) pairs whose slope |f′(z)| is below ${100 * FULL.threshold}% of the function's largest slope, layer by layer, and the mean activation; medians over seeds. At the same checkpoints we count, on the training batch, saturated pairs that still passed a non-zero gradient back.`,
  reproduces: [
    {
      key: 'glorot2010understanding',
      where: 'Figure 2',
      theirs:
        'With sigmoid units and standard initialisation, the top hidden layer quickly saturates at 0, which slows learning, and only slowly desaturates later in training.',
      finding: 'sigmoid-top-layer-saturates',
    },
    {
      key: 'glorot2010understanding',
      where: 'Figures 3 and 4',
      theirs:
        'Tanh layers saturate one after the other, starting with the first; softsign layers saturate less and together, with many activations in the non-linear but not saturated region.',
      finding: 'softsign-saturates-less-than-tanh',
    },
  ],
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: FULL,
  tinyConfig: {
    activations: ['sigmoid', 'tanh', 'softsign', 'hardtanh'],
    layers: 4,
    width: 8,
    init: 'standard',
    points: 60,
    noise: 0.1,
    steps: 80,
    batchSize: 10,
    lr: 1,
    checkpointEvery: 20,
    seeds: 2,
    threshold: 0.1,
  },
  run(config, progress) {
    const checkpoints: number[] = [];
    for (let s = 0; s <= config.steps; s += config.checkpointEvery) checkpoints.push(s);
    const total = config.activations.length * config.seeds;
    let done = 0;
    const rows: SaturationRow[] = [];
    for (const activation of config.activations) {
      const act = activationById(activation);
      if (!act) throw new RangeError(`${ID}: unknown activation '${activation}'`);
      const slopeMax = maxSlope(activation);
      const limit = config.threshold * slopeMax;
      const sat: number[][][] = []; // seed → layer → checkpoint
      const meanAct: number[][][] = [];
      const accuracy: number[] = [];
      let seen = 0;
      let withGradient = 0;
      for (let seed = 0; seed < config.seeds; seed++) {
        progress?.(done++, total, `${activation} seed ${seed}`);
        const split = loadDataset('spirals', { n: config.points, noise: config.noise, testFraction: 0.25 }, createRandom(seedFrom(ID, 'data', seed)));
        const rng = createRandom(seedFrom(ID, 'train', seed));
        const net = createNetwork({ sizes: [2, ...Array<number>(config.layers).fill(config.width), 2], activation, init: config.init }, rng);
        const s: number[][] = Array.from({ length: config.layers }, () => []);
        const m: number[][] = Array.from({ length: config.layers }, () => []);
        const measure = (n: Network) => {
          const pass = forward(n, split.test.x, split.test.n);
          for (let l = 0; l < config.layers; l++) {
            s[l]!.push(saturatedShare(act.mapDerivative(pass.pre[l]!), limit));
            m[l]!.push(mean([...pass.post[l]!]));
          }
        };
        measure(net);
        train({
          net,
          train: split.train,
          steps: config.steps,
          batchSize: config.batchSize,
          optimizer: { kind: 'sgd', lr: config.lr },
          rng,
          onStep: ({ step, pass, grads }) => {
            if (step % config.checkpointEvery !== 0) return;
            if (step > 0) measure(net);
            for (let l = 0; l < config.layers; l++) {
              const slope = act.mapDerivative(pass.pre[l]!);
              const delta = grads.delta[l]!;
              for (let i = 0; i < slope.length; i++) {
                if (Math.abs(slope[i]!) < limit) {
                  seen++;
                  if (delta[i] !== 0) withGradient++;
                }
              }
            }
          },
        });
        measure(net);
        sat.push(s);
        meanAct.push(m);
        accuracy.push(evaluate(net, split.test).accuracy);
      }
      const med = (xs: number[][][]) => Array.from({ length: config.layers }, (_, l) => checkpoints.map((_, k) => median(xs.map((x) => x[l]![k]!))));
      rows.push({
        activation,
        maxSlope: slopeMax,
        saturated: med(sat),
        meanActivation: med(meanAct),
        saturatedSeen: seen,
        saturatedWithGradient: withGradient,
        testAccuracy: accuracy,
      });
    }
    progress?.(total, total, 'done');
    return { checkpoints, threshold: config.threshold, rows };
  },
  validate(result): asserts result is SaturationResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    const checkpoints = c.numbers(r.checkpoints, 'result.checkpoints', undefined, 0);
    c.number(r.threshold, 'result.threshold', 0, 1);
    c.array(r.rows, 'result.rows').forEach((x, i) => {
      const p = `result.rows[${i}]`;
      const o = c.record(x, p);
      c.string(o.activation, `${p}.activation`, activationIds);
      c.number(o.maxSlope, `${p}.maxSlope`, 0);
      const layers = c.array(o.saturated, `${p}.saturated`);
      layers.forEach((l, k) => c.numbers(l, `${p}.saturated[${k}]`, checkpoints.length, 0, 1));
      c.array(o.meanActivation, `${p}.meanActivation`, layers.length).forEach((l, k) => c.numbers(l, `${p}.meanActivation[${k}]`, checkpoints.length));
      const seen = c.number(o.saturatedSeen, `${p}.saturatedSeen`, 0);
      c.number(o.saturatedWithGradient, `${p}.saturatedWithGradient`, 0, seen);
      c.numbers(o.testAccuracy, `${p}.testAccuracy`, undefined, 0, 1);
    });
  },
  findings,
  functions: (r) => r.rows.map((x) => x.activation),
  charts(r, fn) {
    const rows = r.rows.filter((x) => fn === undefined || x.activation === fn);
    return rows.map((row): ChartSpec => ({
      kind: 'data',
      title: `${nameOf(row.activation)}: saturated units per hidden layer during training`,
      xTitle: 'SGD step',
      yTitle: `Share with |f′| < ${formatNumber(r.threshold)} × max |f′|`,
      yRange: [0, 1],
      series: row.saturated.map((l, i): DataSeries => ({
        name: `Layer ${i + 1}${i === row.saturated.length - 1 ? ' (top)' : ''}`,
        x: [...r.checkpoints],
        y: [...l],
      })),
    }));
  },
  table(r, fn) {
    const rows = r.rows.filter((x) => fn === undefined || x.activation === fn);
    const layers = r.rows[0]?.saturated.length ?? 0;
    return [
      [
        'Activation',
        ...Array.from({ length: layers }, (_, l) => `Layer ${l + 1} saturated (mean over training)`),
        'Saturated pairs passing gradient',
        'Test accuracy (median)',
      ],
      ...rows.map((row) => [
        nameOf(row.activation),
        ...row.saturated.map((l) => pct(mean([...l]))),
        `${row.saturatedWithGradient} of ${row.saturatedSeen}`,
        formatNumber(median(row.testAccuracy)),
      ]),
    ];
  },
};
