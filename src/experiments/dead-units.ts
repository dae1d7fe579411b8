/**
 * "Dying ReLU": units whose derivative is 0 on every input get no gradient from any example. How
 * many there are at initialisation as depth and width change, and after training with a small and
 * a large learning rate; and whether a dead unit can come back (it can, when the layers below it
 * move).
 */
import { activationById, activationIds, activations } from '../registry.js';
import type { ChartSpec, DataSeries } from '../plot/spec.js';
import { Checker } from './check.js';
import { loadDataset, type Dataset } from './data.js';
import { formatNumber, nameOf } from './format.js';
import { createRandom, seedFrom } from './random.js';
import { mean, median } from './stats.js';
import { createNetwork, evaluate, forward, train, type Network } from './trainer.js';
import type { Experiment, Finding } from './types.js';

/** Named in the question; every other activation whose derivative is exactly 0 somewhere in [−10, 10] joins them. */
const NAMED = ['relu', 'relu6', 'leakyRelu', 'prelu', 'elu'];
const NEVER_DEAD = ['leakyRelu', 'prelu', 'elu'];

/** The activations this experiment covers, in registry order (derived, not listed by hand). */
export function deadUnitCandidates(): string[] {
  const probes = Array.from({ length: 401 }, (_, i) => -10 + i * 0.05);
  return activationIds.filter((id) => NAMED.includes(id) || probes.some((x) => activations[id]!.derivative(x) === 0));
}

/** The configuration of the `dead-units` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface DeadUnitsConfig {
  readonly points: number;
  readonly noise: number;
  /** Seeds of the sweeps at initialisation, and of the training runs. */
  readonly seeds: number;
  readonly trainSeeds: number;
  readonly depths: readonly number[];
  /** Width of the depth sweep. */
  readonly depthWidth: number;
  readonly widths: readonly number[];
  /** Depth of the width sweep. */
  readonly widthDepth: number;
  /** Training: hidden layers and width, SGD steps, batch, the two learning rates, checkpoint spacing. */
  readonly trainLayers: number;
  readonly trainWidth: number;
  readonly steps: number;
  readonly batchSize: number;
  readonly learningRates: readonly [small: number, large: number];
  readonly checkpointEvery: number;
  /** Activations to run; empty means `deadUnitCandidates()`. */
  readonly activations: readonly string[];
}

export interface DeadSweepRow {
  readonly activation: string;
  /** Fraction of hidden units dead on every input, mean over seeds, one per depth (or width). */
  readonly fraction: readonly number[];
}

export interface DeadTrainingRow {
  readonly activation: string;
  readonly lr: number;
  /** Per seed, the dead fraction at each checkpoint (the first is at initialisation). */
  readonly fraction: readonly (readonly number[])[];
  /** Per seed, units dead at some checkpoint and active at a later one. */
  readonly revived: readonly number[];
  /** Per seed, final test accuracy. */
  readonly testAccuracy: readonly number[];
  /** Per seed, the final loss on the training set; null when it is not finite. */
  readonly finalLoss: readonly (number | null)[];
}

/** What the `dead-units` experiment returns, as committed in experiments/results/dead-units.json. */
export interface DeadUnitsResult {
  readonly functions: readonly string[];
  readonly depth: { readonly width: number; readonly depths: readonly number[]; readonly rows: readonly DeadSweepRow[] };
  readonly width: { readonly depth: number; readonly widths: readonly number[]; readonly rows: readonly DeadSweepRow[] };
  readonly training: { readonly checkpoints: readonly number[]; readonly rows: readonly DeadTrainingRow[] };
}

const ID = 'dead-units';

/** Per hidden unit (layers concatenated): is its derivative 0 on every row of `data`? Also the playground's measure. */
export function deadMask(net: Network, data: Dataset): boolean[] {
  const pass = forward(net, data.x, data.n);
  const act = activationById(net.spec.activation)!;
  const dead: boolean[] = [];
  for (const z of pass.pre.slice(0, -1)) {
    const width = z.length / data.n;
    const slope = act.mapDerivative(z, net.spec.params);
    for (let j = 0; j < width; j++) {
      let isDead = true;
      for (let r = 0; r < data.n && isDead; r++) if (slope[r * width + j] !== 0) isDead = false;
      dead.push(isDead);
    }
  }
  return dead;
}

const fractionOf = (mask: readonly boolean[]) => mask.filter(Boolean).length / mask.length;

function sweepRow(r: DeadUnitsResult, part: 'depth' | 'width', activation: string): DeadSweepRow {
  const found = r[part].rows.find((x) => x.activation === activation);
  if (!found) throw new Error(`${ID}: no ${part} sweep for ${activation}`);
  return found;
}

function trainingRow(r: DeadUnitsResult, activation: string, which: 'small' | 'large'): DeadTrainingRow {
  const lrs = [...new Set(r.training.rows.map((x) => x.lr))].sort((a, b) => a - b);
  const lr = which === 'small' ? lrs[0] : lrs[lrs.length - 1];
  const found = r.training.rows.find((x) => x.activation === activation && x.lr === lr);
  if (!found) throw new Error(`${ID}: no training run for ${activation} at the ${which} learning rate`);
  return found;
}

/** A run diverged when its final training loss is not finite or above 10 (chance level is ln 2 ≈ 0.69). */
const DIVERGED_LOSS = 10;
const diverged = (row: DeadTrainingRow, k: number) => row.finalLoss[k] === null || row.finalLoss[k]! > DIVERGED_LOSS;
/** The dead shares (per checkpoint) of the runs that did not diverge. */
const trained = (row: DeadTrainingRow) => row.fraction.filter((_, k) => !diverged(row, k));
const divergedCount = (row: DeadTrainingRow) => row.fraction.length - trained(row).length;
/** Units revived, summed over the runs that did not diverge. */
const revivals = (row: DeadTrainingRow) => row.revived.reduce((s, n, k) => s + (diverged(row, k) ? 0 : n), 0);
const finalFractions = (row: DeadTrainingRow) => trained(row).map((f) => f[f.length - 1]!);
const pct = (v: number) => `${formatNumber(100 * v)}%`;

const findings: Finding<DeadUnitsResult>[] = [
  {
    id: 'relu-dead-grows-with-depth',
    statement:
      'At initialisation (He normal, biases 0), the share of ReLU units dead on every input grows with depth: the deepest network has the largest share, and more than the shallowest.',
    holds: (r) => {
      const f = sweepRow(r, 'depth', 'relu').fraction;
      return f[f.length - 1]! > f[0]! && f[f.length - 1]! === Math.max(...f);
    },
    detail: (r) => r.depth.depths.map((d, i) => `${d} layers ${pct(sweepRow(r, 'depth', 'relu').fraction[i]!)}`).join(', ') + ` (width ${r.depth.width})`,
  },
  {
    id: 'relu-dead-shrinks-with-width',
    statement: 'At initialisation, the share of dead ReLU units shrinks with width: the widest network has the smallest share, and less than the narrowest.',
    holds: (r) => {
      const f = sweepRow(r, 'width', 'relu').fraction;
      return f[f.length - 1]! < f[0]! && f[f.length - 1]! === Math.min(...f);
    },
    detail: (r) => r.width.widths.map((w, i) => `width ${w} ${pct(sweepRow(r, 'width', 'relu').fraction[i]!)}`).join(', ') + ` (${r.width.depth} layers)`,
  },
  {
    id: 'high-lr-kills-relu-units',
    statement:
      'Training with the large learning rate leaves more ReLU units dead than training with the small one (median over seeds of the final share), and more than at initialisation.',
    holds: (r) => {
      const small = trainingRow(r, 'relu', 'small');
      const large = trainingRow(r, 'relu', 'large');
      const init = median(large.fraction.map((f) => f[0]!));
      return (
        finalFractions(large).length > 0 &&
        finalFractions(small).length > 0 &&
        median(finalFractions(large)) > median(finalFractions(small)) &&
        median(finalFractions(large)) > init
      );
    },
    detail: (r) => {
      const small = trainingRow(r, 'relu', 'small');
      const large = trainingRow(r, 'relu', 'large');
      return `ReLU dead after training: lr ${small.lr} ${pct(median(finalFractions(small)))}, lr ${large.lr} ${pct(median(finalFractions(large)))} (at initialisation ${pct(median(large.fraction.map((f) => f[0]!)))}; medians over seeds; diverged runs: ${divergedCount(small)} and ${divergedCount(large)})`;
    },
  },
  {
    id: 'leaky-never-dead',
    statement:
      'Leaky ReLU, PReLU and ELU have no dead units: none at any depth or width at initialisation, and none at any checkpoint of any training run that did not diverge. Diverged runs (at the large learning rate, PReLU and ELU runs can diverge) are left out; the detail says how many.',
    holds: (r) =>
      NEVER_DEAD.every((a) => {
        const rows = r.training.rows.filter((x) => x.activation === a);
        return (
          sweepRow(r, 'depth', a).fraction.every((f) => f === 0) &&
          sweepRow(r, 'width', a).fraction.every((f) => f === 0) &&
          rows.length > 0 &&
          trainingRow(r, a, 'small').fraction.every((_, k) => !diverged(trainingRow(r, a, 'small'), k)) &&
          rows.every((x) => trained(x).every((f) => f.every((v) => v === 0)))
        );
      }) && trained(trainingRow(r, 'leakyRelu', 'large')).length > 0,
    detail: (r) =>
      NEVER_DEAD.map((a) => {
        const rows = r.training.rows.filter((x) => x.activation === a);
        const all = [...sweepRow(r, 'depth', a).fraction, ...sweepRow(r, 'width', a).fraction, ...rows.flatMap((x) => trained(x).flat())];
        return `${nameOf(a)}: largest dead share ${pct(Math.max(...all))}, diverged runs ${rows.map((x) => `lr ${x.lr} ${divergedCount(x)} of ${x.fraction.length}`).join(', ')}`;
      }).join('; '),
  },
  {
    id: 'dead-units-revive',
    statement: 'Dead ReLU units are not always dead for good: some units dead at one checkpoint are active again at a later one.',
    holds: (r) => r.training.rows.filter((x) => x.activation === 'relu').some((x) => revivals(x) > 0),
    detail: (r) =>
      r.training.rows
        .filter((x) => x.activation === 'relu')
        .map((x) => `lr ${x.lr}: ${revivals(x)} revivals over ${trained(x).length} runs`)
        .join('; '),
  },
];

export const deadUnits: Experiment<DeadUnitsConfig, DeadUnitsResult> = {
  id: ID,
  title: 'Dead units at initialisation and after training',
  question: 'How many units are dead (zero derivative on every input) at initialisation and after training, and what makes it worse?',
  method:
    "Spirals (two arms, standardised). A hidden unit is dead when the activation's derivative is exactly 0 on every point of the data set. At initialisation (He normal, biases 0) we count dead units in MLPs of growing depth at a fixed width, and of growing width at a fixed depth, mean over seeds. Then we train with plain SGD at a small and a large learning rate and record the dead share at regular checkpoints, and how many units dead at one checkpoint are active at a later one. A run whose final training loss is not finite or above 10 diverged; its dead shares are left out of the summaries. Covered: ReLU, ReLU6, Leaky ReLU, PReLU (weight fixed at 0.25), ELU, and every other activation whose derivative is exactly 0 somewhere in [−10, 10].",
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: {
    points: 400,
    noise: 0.1,
    seeds: 10,
    trainSeeds: 5,
    depths: [2, 4, 8, 16, 32, 64],
    depthWidth: 8,
    widths: [2, 4, 8, 16, 32, 64],
    widthDepth: 16,
    trainLayers: 4,
    trainWidth: 16,
    steps: 1000,
    batchSize: 32,
    learningRates: [0.1, 1],
    checkpointEvery: 100,
    activations: [],
  },
  tinyConfig: {
    points: 60,
    noise: 0.1,
    seeds: 2,
    trainSeeds: 2,
    depths: [2, 8],
    depthWidth: 4,
    widths: [2, 16],
    widthDepth: 8,
    trainLayers: 2,
    trainWidth: 8,
    steps: 60,
    batchSize: 16,
    learningRates: [0.1, 1],
    checkpointEvery: 20,
    activations: ['relu', 'leakyRelu', 'prelu', 'elu'],
  },
  run(config, progress) {
    const ids = config.activations.length ? config.activations : deadUnitCandidates();
    const sweeps = (config.depths.length + config.widths.length) * config.seeds;
    const total = ids.length * (sweeps + config.learningRates.length * config.trainSeeds);
    let done = 0;
    const data = (seed: number) =>
      loadDataset('spirals', { n: config.points, noise: config.noise, testFraction: 0.25 }, createRandom(seedFrom(ID, 'data', seed)));
    const all = (s: { train: Dataset; test: Dataset }): Dataset => ({
      n: s.train.n + s.test.n,
      dim: s.train.dim,
      classes: s.train.classes,
      x: Float64Array.of(...s.train.x, ...s.test.x),
      y: Int32Array.of(...s.train.y, ...s.test.y),
    });
    const atInit = (activation: string, depth: number, width: number, seed: number, label: string): number => {
      progress?.(done++, total, `${activation} ${label}`);
      const split = data(seed);
      const net = createNetwork(
        { sizes: [2, ...Array<number>(depth).fill(width), 2], activation, init: 'he' },
        createRandom(seedFrom(ID, 'init', depth, width, seed)),
      );
      return fractionOf(deadMask(net, all(split)));
    };
    const seeds = Array.from({ length: config.seeds }, (_, s) => s);
    const depthRows = ids.map((activation) => ({
      activation,
      fraction: config.depths.map((d) => mean(seeds.map((s) => atInit(activation, d, config.depthWidth, s, `depth ${d} seed ${s}`)))),
    }));
    const widthRows = ids.map((activation) => ({
      activation,
      fraction: config.widths.map((w) => mean(seeds.map((s) => atInit(activation, config.widthDepth, w, s, `width ${w} seed ${s}`)))),
    }));
    const checkpoints: number[] = [];
    for (let s = 0; s <= config.steps; s += config.checkpointEvery) checkpoints.push(s);
    const trainingRows: DeadTrainingRow[] = [];
    for (const activation of ids) {
      for (const lr of config.learningRates) {
        const fraction: number[][] = [];
        const revived: number[] = [];
        const testAccuracy: number[] = [];
        const finalLoss: (number | null)[] = [];
        for (let seed = 0; seed < config.trainSeeds; seed++) {
          progress?.(done++, total, `${activation} training lr ${lr} seed ${seed}`);
          const split = data(seed);
          const everything = all(split);
          const rng = createRandom(seedFrom(ID, 'train', seed));
          const net = createNetwork({ sizes: [2, ...Array<number>(config.trainLayers).fill(config.trainWidth), 2], activation, init: 'he' }, rng);
          const masks: boolean[][] = [deadMask(net, everything)];
          train({
            net,
            train: split.train,
            steps: config.steps,
            batchSize: config.batchSize,
            optimizer: { kind: 'sgd', lr },
            rng,
            // Checkpoint s counts the state after s updates; onStep runs before update `step`.
            onStep: ({ step }) => {
              if (step > 0 && step % config.checkpointEvery === 0) masks.push(deadMask(net, everything));
            },
          });
          masks.push(deadMask(net, everything));
          fraction.push(masks.map(fractionOf));
          let count = 0;
          for (let j = 0; j < masks[0]!.length; j++) {
            const first = masks.findIndex((m) => m[j]);
            if (first >= 0 && masks.slice(first + 1).some((m) => !m[j])) count++;
          }
          revived.push(count);
          testAccuracy.push(evaluate(net, split.test).accuracy);
          const loss = evaluate(net, split.train).loss;
          finalLoss.push(Number.isFinite(loss) ? loss : null);
        }
        trainingRows.push({ activation, lr, fraction, revived, testAccuracy, finalLoss });
      }
    }
    progress?.(total, total, 'done');
    return {
      functions: ids,
      depth: { width: config.depthWidth, depths: config.depths, rows: depthRows },
      width: { depth: config.widthDepth, widths: config.widths, rows: widthRows },
      training: { checkpoints, rows: trainingRows },
    };
  },
  validate(result): asserts result is DeadUnitsResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    const functions = c.array(r.functions, 'result.functions').map((v, i) => c.string(v, `result.functions[${i}]`, activationIds));
    for (const part of ['depth', 'width'] as const) {
      const p = c.record(r[part], `result.${part}`);
      const xs = c.numbers(p[part === 'depth' ? 'depths' : 'widths'], `result.${part}.${part}s`, undefined, 1);
      c.number(p[part === 'depth' ? 'width' : 'depth'], `result.${part}.${part === 'depth' ? 'width' : 'depth'}`, 1);
      const rows = c.array(p.rows, `result.${part}.rows`);
      rows.forEach((x, i) => {
        const o = c.record(x, `result.${part}.rows[${i}]`);
        c.string(o.activation, `result.${part}.rows[${i}].activation`, functions);
        c.numbers(o.fraction, `result.${part}.rows[${i}].fraction`, xs.length, 0, 1);
      });
      c.covers(rows, 'activation', functions, `result.${part}.rows`);
    }
    const t = c.record(r.training, 'result.training');
    const checkpoints = c.numbers(t.checkpoints, 'result.training.checkpoints', undefined, 0);
    const rows = c.array(t.rows, 'result.training.rows');
    rows.forEach((x, i) => {
      const p = `result.training.rows[${i}]`;
      const o = c.record(x, p);
      c.string(o.activation, `${p}.activation`, functions);
      c.number(o.lr, `${p}.lr`, 0);
      const seeds = c.array(o.fraction, `${p}.fraction`);
      seeds.forEach((f, k) => c.numbers(f, `${p}.fraction[${k}]`, checkpoints.length, 0, 1));
      c.numbers(o.revived, `${p}.revived`, seeds.length, 0);
      c.numbers(o.testAccuracy, `${p}.testAccuracy`, seeds.length, 0, 1);
      c.array(o.finalLoss, `${p}.finalLoss`, seeds.length).forEach((v, k) => c.numberOrNull(v, `${p}.finalLoss[${k}]`, 0));
    });
    c.covers(rows, 'activation', functions, 'result.training.rows');
  },
  findings,
  functions: (r) => r.functions,
  charts(r, fn) {
    const ids = fn === undefined ? r.functions : r.functions.filter((a) => a === fn);
    if (!ids.length) return [];
    const sweep = (part: 'depth' | 'width'): ChartSpec => ({
      kind: 'data',
      title:
        part === 'depth' ? `Dead units at initialisation vs depth (width ${r.depth.width})` : `Dead units at initialisation vs width (${r.width.depth} layers)`,
      xTitle: part === 'depth' ? 'Hidden layers' : 'Units per hidden layer',
      yTitle: 'Share of hidden units dead on every input',
      yRange: [0, 1],
      series: r[part].rows
        .filter((x) => ids.includes(x.activation))
        .map((x): DataSeries => ({
          name: nameOf(x.activation),
          x: [...(part === 'depth' ? r.depth.depths : r.width.widths)],
          y: [...x.fraction],
          mode: 'lines+markers',
        })),
    });
    const training: ChartSpec = {
      kind: 'data',
      title: 'Dead units during training on spirals (median over the runs that did not diverge)',
      xTitle: 'SGD step',
      yTitle: 'Share of hidden units dead on every input',
      yRange: [0, 1],
      series: r.training.rows
        .filter((x) => ids.includes(x.activation))
        .map((x): DataSeries => ({
          name: `${nameOf(x.activation)}, lr ${x.lr}`,
          x: [...r.training.checkpoints],
          y: r.training.checkpoints.map((_, k) => (trained(x).length ? median(trained(x).map((f) => f[k]!)) : NaN)),
        })),
    };
    return [sweep('depth'), sweep('width'), training];
  },
  table(r, fn) {
    const ids = fn === undefined ? r.functions : r.functions.filter((a) => a === fn);
    const lrs = [...new Set(r.training.rows.map((x) => x.lr))].sort((a, b) => a - b);
    return [
      [
        'Activation',
        `Dead at init, ${r.depth.depths[r.depth.depths.length - 1]} layers × ${r.depth.width}`,
        `Dead at init, ${r.width.depth} layers × ${r.width.widths[0]}`,
        ...lrs.map((lr) => `Dead after training, lr ${lr} (median)`),
        'Units revived (runs that did not diverge)',
      ],
      ...ids.map((a) => {
        const d = sweepRow(r, 'depth', a).fraction;
        const w = sweepRow(r, 'width', a).fraction;
        const rows = r.training.rows.filter((x) => x.activation === a);
        return [
          nameOf(a),
          pct(d[d.length - 1]!),
          pct(w[0]!),
          ...lrs.map((lr) => {
            const row = rows.find((x) => x.lr === lr);
            if (!row) return '–';
            const f = finalFractions(row);
            return `${f.length ? pct(median(f)) : '–'}${divergedCount(row) ? ` (${divergedCount(row)} of ${row.fraction.length} diverged)` : ''}`;
          }),
          String(rows.reduce((s, x) => s + revivals(x), 0)),
        ];
      }),
    ];
  },
};
