/**
 * Does the hidden activation change what a small network learns, and how fast? A small MLP on four
 * generated 2-D sets and on iris, every elementwise activation in the hidden layers, several seeds;
 * and the softmax family compared as the output layer.
 */
import { activationIds } from '../registry.js';
import type { ChartSpec, DataSeries } from '../plot/spec.js';
import { Checker } from './check.js';
import { datasetIds, loadDataset, type DatasetId, type DatasetOptions } from './data.js';
import { formatNumber, nameOf, withInterval } from './format.js';
import { createRandom, seedFrom } from './random.js';
import { median, medianInterval } from './stats.js';
import { createNetwork, evaluate, outputIds, train, type InitId, type OptimizerSpec, type OutputId } from './trainer.js';
import type { Experiment, Finding } from './types.js';

/** The configuration of the `training` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface TrainingConfig {
  readonly datasets: readonly DatasetId[];
  readonly data: DatasetOptions;
  /** Hidden activations; empty means every one in the registry. */
  readonly activations: readonly string[];
  readonly hidden: readonly number[];
  readonly init: InitId;
  readonly optimizer: OptimizerSpec;
  readonly steps: number;
  readonly batchSize: number;
  readonly seeds: number;
  /** The training loss "steps to reach" refers to, checked on the whole training set every `evalEvery` steps. */
  readonly targetLoss: number;
  readonly evalEvery: number;
  /** Hidden activations with which the three softmax-family outputs are compared. */
  readonly outputActivations: readonly string[];
}

export interface TrainingRow {
  readonly dataset: DatasetId;
  readonly activation: string;
  readonly output: OutputId;
  /** Per seed. */
  readonly testLoss: readonly number[];
  readonly testAccuracy: readonly number[];
  /** Per seed, the first evaluation step at which the training loss was ≤ targetLoss; null if never. */
  readonly stepsToTarget: readonly (number | null)[];
  /** Per seed, training loss on the whole training set at each evaluation step. */
  readonly trainLoss: readonly (readonly number[])[];
  /** Per seed, wall-clock milliseconds per training step (a timing). */
  readonly msPerStep: readonly number[];
}

/** What the `training` experiment returns, as committed in experiments/results/training.json. */
export interface TrainingResult {
  readonly datasets: readonly DatasetId[];
  readonly activations: readonly string[];
  readonly seeds: number;
  readonly targetLoss: number;
  readonly evalSteps: readonly number[];
  readonly rows: readonly TrainingRow[];
}

const ID = 'training';

function rowOf(r: TrainingResult, dataset: DatasetId, activation: string, output: OutputId = 'logSoftmax'): TrainingRow {
  const found = r.rows.find((x) => x.dataset === dataset && x.activation === activation && x.output === output);
  if (!found) throw new Error(`${ID}: no run of ${activation} on ${dataset} with output ${output}`);
  return found;
}

/** Median steps to the target, Infinity when most seeds never reach it. */
function medianSteps(row: TrainingRow): number {
  return median(row.stepsToTarget.map((s) => s ?? Infinity));
}

function inside(v: number, xs: readonly number[]): boolean {
  const ci = medianInterval(xs);
  return v >= ci.lo && v <= ci.hi;
}

/** Data sets where `a`'s median test accuracy lies outside ReLU's 95% interval of the median. */
function differsFromRelu(r: TrainingResult, a: string): DatasetId[] {
  return r.datasets.filter((d) => !inside(median(rowOf(r, d, a).testAccuracy), rowOf(r, d, 'relu').testAccuracy));
}

const acc = (row: TrainingRow) => {
  const ci = medianInterval(row.testAccuracy);
  return withInterval(median(row.testAccuracy), ci.lo, ci.hi);
};
const steps = (v: number) => (Number.isFinite(v) ? String(v) : 'not reached');
const SMOOTH = ['gelu', 'silu', 'mish'];
const SHRINK = ['tanhshrink', 'softshrink', 'hardshrink'];

// Statements set from the measurement (what the committed result shows); holds() re-checks each.
const SMOOTH_EXPECTED: Readonly<Record<string, readonly DatasetId[]>> = { gelu: [], silu: [], mish: [] };
const SMOOTH_STATEMENT =
  "GELU, SiLU and Mish reach a median test accuracy within ReLU's 95% interval on every data set: at this scale, no difference beyond the seed-to-seed spread.";
const SIGMOID_STATEMENT =
  'Sigmoid hidden layers are among the slowest to train: on every data set at most two other activations need more steps (median) to reach the target training loss, and sigmoid needs at least twice as many as ReLU (or never gets there).';
function SIGMOID_HOLDS(r: TrainingResult): boolean {
  return r.datasets.every((d) => {
    const s = medianSteps(rowOf(r, d, 'sigmoid'));
    const slower = r.activations.filter((a) => medianSteps(rowOf(r, d, a)) > s).length;
    return slower <= 2 && s >= 2 * medianSteps(rowOf(r, d, 'relu'));
  });
}
const SHRINK_EXPECTED: Readonly<Record<string, readonly DatasetId[]>> = {
  tanhshrink: ['spirals'],
  softshrink: ['spirals'],
  hardshrink: ['spirals', 'circles', 'xor'],
};
const SHRINK_STATEMENT =
  "As hidden activations, tanhshrink, softshrink and hardshrink reach a median test accuracy below ReLU's 95% interval on spirals, hardshrink also on circles and XOR; on the other data sets they are within ReLU's interval.";
function SHRINK_HOLDS(r: TrainingResult): boolean {
  return SHRINK.every((a) => {
    const below = r.datasets.filter((d) => median(rowOf(r, d, a).testAccuracy) < medianInterval(rowOf(r, d, 'relu').testAccuracy).lo);
    return below.join() === (SHRINK_EXPECTED[a] ?? []).join() && differsFromRelu(r, a).join() === below.join();
  });
}

const findings: Finding<TrainingResult>[] = [
  {
    id: 'leaky-matches-relu',
    statement: "Leaky ReLU's median test accuracy and test loss lie within ReLU's 95% intervals on every data set.",
    holds: (r) =>
      r.datasets.every((d) => {
        const l = rowOf(r, d, 'leakyRelu');
        const u = rowOf(r, d, 'relu');
        return inside(median(l.testAccuracy), u.testAccuracy) && inside(median(l.testLoss), u.testLoss);
      }),
    detail: (r) =>
      r.datasets.map((d) => `${d}: Leaky ReLU ${acc(rowOf(r, d, 'leakyRelu'))} vs ReLU ${acc(rowOf(r, d, 'relu'))}`).join('; ') +
      ' (test accuracy, median [95% interval])',
  },
  {
    id: 'smooth-gated-vs-relu',
    statement: SMOOTH_STATEMENT,
    holds: (r) => SMOOTH.every((a) => differsFromRelu(r, a).join() === (SMOOTH_EXPECTED[a] ?? []).join()),
    detail: (r) =>
      SMOOTH.map(
        (a) =>
          `${nameOf(a)}: ${
            differsFromRelu(r, a)
              .map((d) => `${d} ${acc(rowOf(r, d, a))} vs ReLU ${acc(rowOf(r, d, 'relu'))}`)
              .join(', ') || 'no data set'
          }`,
      ).join('; '),
  },
  {
    id: 'sigmoid-slowest',
    statement: SIGMOID_STATEMENT,
    holds: (r) => SIGMOID_HOLDS(r),
    detail: (r) =>
      r.datasets
        .map((d) => {
          const ranked = r.activations.map((a) => ({ a, s: medianSteps(rowOf(r, d, a)) })).sort((x, y) => (x.s === y.s ? 0 : y.s > x.s ? 1 : -1));
          return `${d}: sigmoid ${steps(medianSteps(rowOf(r, d, 'sigmoid')))}; slowest ${ranked
            .slice(0, 4)
            .map((x) => `${nameOf(x.a)} ${steps(x.s)}`)
            .join(', ')}`;
        })
        .join('; '),
  },
  {
    id: 'tanh-faster-than-sigmoid',
    statement:
      'tanh hidden layers reach the target training loss in fewer steps than sigmoid on every data set where either reaches it (median over seeds), as LeCun et al. (1998, §4.4) argue for zero-centred activations.',
    holds: (r) =>
      r.datasets.every((d) => {
        const t = medianSteps(rowOf(r, d, 'tanh'));
        const s = medianSteps(rowOf(r, d, 'sigmoid'));
        return (!Number.isFinite(t) && !Number.isFinite(s)) || t < s;
      }) && r.datasets.some((d) => Number.isFinite(medianSteps(rowOf(r, d, 'tanh')))),
    detail: (r) =>
      r.datasets.map((d) => `${d}: tanh ${steps(medianSteps(rowOf(r, d, 'tanh')))} vs sigmoid ${steps(medianSteps(rowOf(r, d, 'sigmoid')))}`).join('; ') +
      ' steps',
  },
  {
    id: 'shrink-functions-vs-relu',
    statement: SHRINK_STATEMENT,
    holds: (r) => SHRINK_HOLDS(r),
    detail: (r) =>
      SHRINK.map((a) => `${nameOf(a)}: ${r.datasets.map((d) => `${d} ${formatNumber(median(rowOf(r, d, a).testAccuracy))}`).join(', ')}`).join('; ') +
      `; ReLU: ${r.datasets.map((d) => `${d} ${formatNumber(median(rowOf(r, d, 'relu').testAccuracy))}`).join(', ')} (median test accuracy)`,
  },
  {
    id: 'softmax-outputs-equivalent',
    statement:
      'Softmax followed by the log, log-softmax with NLL, and softmin on the negated scores train identically: on every data set and seed the three runs end with the same test accuracy and test losses equal to 1e-9 relative, and their training losses agree to 1e-9 relative at every evaluation.',
    holds: (r) => outputGap(r).loss <= 1e-9 && outputGap(r).accuracy === 0 && outputGap(r).curve <= 1e-9,
    detail: (r) => {
      const g = outputGap(r);
      return `largest relative difference between the three outputs: final test loss ${formatNumber(g.loss)}, training loss along the way ${formatNumber(g.curve)}; largest test-accuracy difference ${formatNumber(g.accuracy)} (hidden ${[...new Set(r.rows.filter((x) => x.output !== 'logSoftmax').map((x) => nameOf(x.activation)))].join(', ')})`;
    },
  },
];

function outputGap(r: TrainingResult): { loss: number; accuracy: number; curve: number } {
  let loss = 0;
  let accuracy = 0;
  let curve = 0;
  const others = r.rows.filter((x) => x.output !== 'logSoftmax');
  if (!others.length) return { loss: NaN, accuracy: NaN, curve: NaN };
  for (const o of others) {
    const base = rowOf(r, o.dataset, o.activation, 'logSoftmax');
    o.testLoss.forEach((v, k) => (loss = Math.max(loss, Math.abs(v - base.testLoss[k]!) / base.testLoss[k]!)));
    o.testAccuracy.forEach((v, k) => (accuracy = Math.max(accuracy, Math.abs(v - base.testAccuracy[k]!))));
    o.trainLoss.forEach((c, k) => c.forEach((v, j) => (curve = Math.max(curve, Math.abs(v - base.trainLoss[k]![j]!) / base.trainLoss[k]![j]!))));
  }
  return { loss, accuracy, curve };
}

const FULL: TrainingConfig = {
  datasets: [...datasetIds],
  data: { n: 300, noise: 0.1, testFraction: 0.3 },
  activations: [],
  hidden: [16, 16],
  init: 'glorot',
  optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 },
  steps: 1500,
  batchSize: 32,
  seeds: 6,
  targetLoss: 0.2,
  evalEvery: 50,
  outputActivations: ['relu', 'tanh'],
};

export const training: Experiment<TrainingConfig, TrainingResult> = {
  id: ID,
  title: 'Training small networks with each activation',
  question: 'Does the hidden activation change how well and how fast a small network learns, and do the softmax-family outputs differ?',
  method: `An MLP with hidden layers of ${FULL.hidden.join(' and ')} units (Glorot-normal weights, biases 0, the same activation in every hidden layer, PReLU's weight fixed at 0.25), SGD with momentum ${FULL.optimizer.kind === 'sgd' ? FULL.optimizer.momentum : ''} and learning rate ${FULL.optimizer.lr}, minibatches of ${FULL.batchSize}, ${FULL.steps} steps, cross-entropy (log-softmax + NLL). Data: spirals, circles, XOR and blobs (${FULL.data.n} points, noise ${FULL.data.noise}) and iris (150 flowers), ${100 * FULL.data.testFraction}% held out, standardised with the training set's statistics. ${FULL.seeds} seeds per activation and data set (the same data, initial weight draws and batch order for every activation): median and the distribution-free 95% interval of the median (with ${FULL.seeds} seeds, the range), steps until the whole training set's loss is ≤ ${FULL.targetLoss} (checked every ${FULL.evalEvery} steps), time per step. With ReLU and tanh hidden layers, the output layer is also trained as softmax + log, and as softmin of the negated scores.`,
  reproduces: [
    {
      key: 'maas2013rectifier',
      where: 'Abstract and results table (read through summaries; the PDF itself was not read)',
      theirs:
        'On 300-hour Switchboard speech recognition, deep networks with rectifier units lower the word error rate by about 2% absolute against their tanh counterparts, and the leaky rectifier performs about the same as the plain rectifier.',
      finding: 'leaky-matches-relu',
    },
  ],
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: FULL,
  tinyConfig: {
    ...FULL,
    datasets: ['xor', 'iris'],
    data: { n: 60, noise: 0.1, testFraction: 0.3 },
    activations: ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'gelu', 'silu', 'mish', 'tanhshrink', 'softshrink', 'hardshrink'],
    hidden: [4],
    steps: 40,
    seeds: 2,
    evalEvery: 10,
    outputActivations: ['relu'],
  },
  timings: ['msPerStep'],
  run(config, progress) {
    const ids = config.activations.length ? config.activations : activationIds;
    const jobs: { dataset: DatasetId; activation: string; output: OutputId }[] = [];
    for (const dataset of config.datasets) {
      for (const activation of ids) jobs.push({ dataset, activation, output: 'logSoftmax' });
      for (const activation of config.outputActivations)
        for (const output of outputIds) if (output !== 'logSoftmax') jobs.push({ dataset, activation, output });
    }
    const total = jobs.length * config.seeds;
    const evalSteps: number[] = [];
    for (let s = 0; s < config.steps; s += config.evalEvery) evalSteps.push(s);
    evalSteps.push(config.steps);
    let done = 0;
    const rows = jobs.map(({ dataset, activation, output }): TrainingRow => {
      const testLoss: number[] = [];
      const testAccuracy: number[] = [];
      const stepsToTarget: (number | null)[] = [];
      const trainLoss: number[][] = [];
      const msPerStep: number[] = [];
      for (let seed = 0; seed < config.seeds; seed++) {
        progress?.(done++, total, `${dataset} ${activation}${output === 'logSoftmax' ? '' : ` (${output} output)`} seed ${seed}`);
        const split = loadDataset(dataset, config.data, createRandom(seedFrom(ID, dataset, seed)));
        const rng = createRandom(seedFrom(ID, 'init', dataset, seed));
        const net = createNetwork({ sizes: [split.train.dim, ...config.hidden, split.train.classes], activation, init: config.init }, rng);
        const curve: number[] = [];
        let evalMs = 0;
        const started = performance.now();
        train({
          net,
          train: split.train,
          steps: config.steps,
          batchSize: config.batchSize,
          optimizer: config.optimizer,
          output,
          rng,
          onStep: ({ step }) => {
            if (step % config.evalEvery !== 0) return;
            const t = performance.now();
            curve.push(evaluate(net, split.train, output).loss);
            evalMs += performance.now() - t;
          },
        });
        curve.push(evaluate(net, split.train, output).loss);
        msPerStep.push((performance.now() - started - evalMs) / config.steps);
        const final = evaluate(net, split.test, output);
        testLoss.push(final.loss);
        testAccuracy.push(final.accuracy);
        const reached = curve.findIndex((l) => l <= config.targetLoss);
        stepsToTarget.push(reached < 0 ? null : evalSteps[reached]!);
        trainLoss.push(curve);
      }
      return { dataset, activation, output, testLoss, testAccuracy, stepsToTarget, trainLoss, msPerStep };
    });
    progress?.(total, total, 'done');
    return { datasets: config.datasets, activations: ids, seeds: config.seeds, targetLoss: config.targetLoss, evalSteps, rows };
  },
  validate(result): asserts result is TrainingResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    const datasets = c.array(r.datasets, 'result.datasets').map((v, i) => c.string(v, `result.datasets[${i}]`, datasetIds));
    const ids = c.array(r.activations, 'result.activations').map((v, i) => c.string(v, `result.activations[${i}]`, activationIds));
    const seeds = c.number(r.seeds, 'result.seeds', 1);
    c.number(r.targetLoss, 'result.targetLoss', 0);
    const evalSteps = c.numbers(r.evalSteps, 'result.evalSteps', undefined, 0);
    const rows = c.array(r.rows, 'result.rows');
    rows.forEach((x, i) => {
      const p = `result.rows[${i}]`;
      const o = c.record(x, p);
      c.string(o.dataset, `${p}.dataset`, datasets);
      c.string(o.activation, `${p}.activation`, ids);
      c.string(o.output, `${p}.output`, outputIds);
      c.numbers(o.testLoss, `${p}.testLoss`, seeds, 0);
      c.numbers(o.testAccuracy, `${p}.testAccuracy`, seeds, 0, 1);
      c.array(o.stepsToTarget, `${p}.stepsToTarget`, seeds).forEach((s, k) => c.numberOrNull(s, `${p}.stepsToTarget[${k}]`, 0));
      c.array(o.trainLoss, `${p}.trainLoss`, seeds).forEach((l, k) => c.numbers(l, `${p}.trainLoss[${k}]`, evalSteps.length, 0));
      c.numbers(o.msPerStep, `${p}.msPerStep`, seeds, 0);
    });
    for (const d of datasets)
      c.covers(
        rows.filter((x) => (x as TrainingRow).dataset === d && (x as TrainingRow).output === 'logSoftmax'),
        'activation',
        ids,
        `result.rows of ${d}`,
      );
  },
  findings,
  functions: (r) => [...r.activations, ...new Set(r.rows.map((x) => x.output))],
  charts(r, fn) {
    const isOutput = fn !== undefined && (outputIds as readonly string[]).includes(fn);
    const show = (x: TrainingRow) =>
      fn === undefined
        ? x.output === 'logSoftmax'
        : isOutput
          ? r.rows.some((o) => o.output !== 'logSoftmax' && o.activation === x.activation)
          : x.output === 'logSoftmax' && (x.activation === fn || x.activation === 'relu');
    if (fn !== undefined && !isOutput && !r.activations.includes(fn)) return [];
    const charts: ChartSpec[] = r.datasets.map((d) => ({
      kind: 'data',
      title: `${d}: training loss (median over ${r.seeds} seeds)`,
      xTitle: 'SGD step',
      yTitle: 'Cross-entropy on the training set',
      yType: 'log',
      series: r.rows
        .filter((x) => x.dataset === d && show(x))
        .map((x): DataSeries => ({
          name: `${nameOf(x.activation)}${x.output === 'logSoftmax' ? '' : ` (${x.output} output)`}`,
          x: [...r.evalSteps],
          y: r.evalSteps.map((_, k) => median(x.trainLoss.map((c) => c[k]!))),
        })),
    }));
    if (fn === undefined || !isOutput) {
      charts.push({
        kind: 'data',
        title: 'Median test accuracy per data set',
        xTitle: 'Data set (1 = ' + r.datasets[0] + ')',
        yTitle: 'Test accuracy',
        yRange: [0, 1],
        series: r.activations
          .filter((a) => fn === undefined || a === fn || a === 'relu')
          .map((a): DataSeries => ({
            name: nameOf(a),
            x: r.datasets.map((_, i) => i + 1),
            y: r.datasets.map((d) => median(rowOf(r, d, a).testAccuracy)),
            mode: 'markers',
          })),
      });
    }
    return charts;
  },
  table(r, fn) {
    const rows = r.rows.filter((x) => fn === undefined || x.activation === fn || x.output === fn);
    return [
      [
        'Data set',
        'Hidden activation',
        'Output',
        'Test accuracy, median [95% interval]',
        'Test loss, median [95% interval]',
        `Steps to training loss ≤ ${r.targetLoss} (median)`,
        'ms per step (median)',
      ],
      ...rows.map((x) => {
        const ci = medianInterval(x.testLoss);
        return [
          x.dataset,
          nameOf(x.activation),
          x.output,
          acc(x),
          withInterval(median(x.testLoss), ci.lo, ci.hi),
          steps(medianSteps(x)),
          formatNumber(median(x.msPerStep)),
        ];
      }),
    ];
  },
};
