/**
 * How gradients shrink or grow on their way down a deep plain MLP at initialisation, for every
 * elementwise activation and three initialisations (Glorot & Bengio 2010; He et al. 2015;
 * Klambauer et al. 2017 for SELU with LeCun normal).
 */
import { activationIds } from '../registry.js';
import type { ChartSpec, DataSeries } from '../plot/spec.js';
import { Checker } from './check.js';
import { formatNumber, nameOf, withInterval } from './format.js';
import { createRandom, randomInt, seedFrom } from './random.js';
import { median, medianInterval } from './stats.js';
import { backward, createNetwork, crossEntropy, forward, initIds, type InitId } from './trainer.js';
import type { Experiment, Finding } from './types.js';

/** The configuration of the `gradient-depth` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface GradientDepthConfig {
  /** Hidden layers (each width × width, then the activation). */
  readonly layers: number;
  readonly width: number;
  /** Rows of N(0, 1) inputs with random labels, one batch. */
  readonly batch: number;
  readonly classes: number;
  readonly inits: readonly InitId[];
  readonly seeds: number;
  /** Activations to run; empty means every one in the registry. */
  readonly activations: readonly string[];
}

export interface GradientDepthRow {
  readonly activation: string;
  readonly init: InitId;
  /** Mean |∂loss/∂W| of each hidden layer (input side first), median over the seeds. */
  readonly meanAbsGrad: readonly number[];
  /**
   * Layer 1's mean |∂loss/∂W| over layer `layers`'s, one per seed; null where no gradient reaches the
   * last hidden layer (its activations are all 0, e.g. tanhshrink's shrinking signal).
   */
  readonly ratios: readonly (number | null)[];
  /** Median of the non-null `ratios`, null if there are none. */
  readonly ratio: number | null;
}

/** What the `gradient-depth` experiment returns, as committed in experiments/results/gradient-depth.json. */
export interface GradientDepthResult {
  readonly layers: number;
  readonly rows: readonly GradientDepthRow[];
}

const ID = 'gradient-depth';

function row(r: GradientDepthResult, activation: string, init: InitId): GradientDepthRow {
  const found = r.rows.find((x) => x.activation === activation && x.init === init);
  if (!found) throw new Error(`${ID}: no result for ${activation} with ${init} initialisation`);
  return found;
}

/** The median ratio; NaN (which fails every comparison) where no gradient reached the last layer. */
function ratio(r: GradientDepthResult, activation: string, init: InitId): number {
  return row(r, activation, init).ratio ?? NaN;
}

/** The seeds' ratios, NaN for the undefined ones. */
function ratios(r: GradientDepthResult, activation: string, init: InitId): number[] {
  return row(r, activation, init).ratios.map((x) => x ?? NaN);
}

function spread(xs: readonly number[]): string {
  return `median ${formatNumber(median(xs))}, seeds ${formatNumber(Math.min(...xs))}–${formatNumber(Math.max(...xs))}`;
}

const RECTIFIERS = ['relu', 'leakyRelu', 'prelu'] as const;
const INITS = ['he', 'glorot', 'lecun'] as const satisfies readonly InitId[];

const findings: Finding<GradientDepthResult>[] = [
  {
    id: 'sigmoid-vanishes',
    statement:
      "With sigmoid hidden layers, the first layer's gradient is at least 3 orders of magnitude smaller than the last hidden layer's, with He, Glorot and LeCun-normal initialisation alike (median over seeds).",
    holds: (r) => INITS.every((i) => ratio(r, 'sigmoid', i) < 1e-3),
    detail: (r) => `first/last layer gradient ratio for sigmoid: ${INITS.map((i) => `${i} ${formatNumber(ratio(r, 'sigmoid', i))}`).join(', ')}`,
  },
  {
    id: 'tanh-keeps-more-than-sigmoid',
    statement:
      "tanh keeps more of the gradient than sigmoid through the same depth: its first/last layer gradient ratio is at least 100 times sigmoid's for every initialisation.",
    holds: (r) => INITS.every((i) => ratio(r, 'tanh', i) >= 100 * ratio(r, 'sigmoid', i)),
    detail: (r) => INITS.map((i) => `${i}: tanh ${formatNumber(ratio(r, 'tanh', i))} vs sigmoid ${formatNumber(ratio(r, 'sigmoid', i))}`).join('; '),
  },
  {
    id: 'rectifiers-he-preserve',
    statement:
      "With He initialisation, ReLU, Leaky ReLU and PReLU keep the gradient's size through the depth: the first/last layer gradient ratio (median over seeds) lies within [0.1, 10].",
    holds: (r) => RECTIFIERS.every((a) => ratio(r, a, 'he') >= 0.1 && ratio(r, a, 'he') <= 10),
    detail: (r) => RECTIFIERS.map((a) => `${nameOf(a)} ${spread(ratios(r, a, 'he'))}`).join('; '),
  },
  {
    id: 'selu-lecun-preserves',
    statement:
      "SELU with LeCun-normal initialisation keeps the gradient's size through the depth: the first/last layer gradient ratio (median over seeds) lies within [0.1, 10].",
    holds: (r) => ratio(r, 'selu', 'lecun') >= 0.1 && ratio(r, 'selu', 'lecun') <= 10,
    detail: (r) => `SELU with LeCun normal: ${spread(ratios(r, 'selu', 'lecun'))}`,
  },
  {
    id: 'softsign-vs-tanh',
    statement:
      "Softsign's gradient does not decay more than tanh's: with Glorot or LeCun-normal initialisation both keep its size through the depth (first/last layer ratios within [0.5, 5]), and with He initialisation both grow towards the input, tanh's more than softsign's.",
    holds: (r) =>
      (['glorot', 'lecun'] as const).every((i) => [ratio(r, 'softsign', i), ratio(r, 'tanh', i)].every((x) => x >= 0.5 && x <= 5)) &&
      ratio(r, 'tanh', 'he') > ratio(r, 'softsign', 'he') &&
      ratio(r, 'softsign', 'he') > 1,
    detail: (r) => INITS.map((i) => `${i}: softsign ${formatNumber(ratio(r, 'softsign', i))} vs tanh ${formatNumber(ratio(r, 'tanh', i))}`).join('; '),
  },
];

const FULL: GradientDepthConfig = { layers: 50, width: 64, batch: 64, classes: 10, inits: ['he', 'glorot', 'lecun'], seeds: 5, activations: [] };

function idsOf(config: GradientDepthConfig): readonly string[] {
  return config.activations.length ? config.activations : activationIds;
}

export const gradientDepth: Experiment<GradientDepthConfig, GradientDepthResult> = {
  id: ID,
  title: `Gradients through a ${FULL.layers}-layer network at initialisation`,
  question: 'How much of the gradient reaches the first layer of a deep network at initialisation, for each activation and initialisation?',
  method: `A plain MLP with ${FULL.layers} hidden layers of ${FULL.width} units, the activation after each, a linear output layer and cross-entropy on random labels (${FULL.classes} classes); one batch of ${FULL.batch} standard-normal inputs. Weights drawn He normal (2/fan_in), Glorot normal (2/(fan_in+fan_out)) or LeCun normal (1/fan_in), biases 0; PReLU keeps its default weight 0.25. One backward pass; we record the mean |∂loss/∂W| of every hidden layer and the ratio of the first layer's to the last hidden layer's, median over ${FULL.seeds} seeds (the same inputs and weight draws for every activation).`,
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: FULL,
  tinyConfig: {
    layers: 50,
    width: 8,
    batch: 8,
    classes: 3,
    inits: ['he', 'glorot', 'lecun'],
    seeds: 2,
    activations: ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'prelu', 'selu', 'softsign'],
  },
  run(config, progress) {
    const ids = idsOf(config);
    const total = ids.length * config.inits.length * config.seeds;
    const grads = new Map<string, number[][]>(); // key → per seed, per layer
    let done = 0;
    for (let seed = 0; seed < config.seeds; seed++) {
      const draw = createRandom(seedFrom(ID, 'data', seed));
      const x = draw.normals(config.batch * config.width);
      const y = Int32Array.from({ length: config.batch }, () => randomInt(draw, config.classes));
      for (const init of config.inits) {
        for (const activation of ids) {
          progress?.(done++, total, `${activation} ${init} seed ${seed}`);
          // Same weight draws for every activation: the comparison is paired.
          const rng = createRandom(seedFrom(ID, init, seed));
          const sizes = [config.width, ...Array<number>(config.layers).fill(config.width), config.classes];
          const net = createNetwork({ sizes, activation, init }, rng);
          const pass = forward(net, x, config.batch);
          const loss = crossEntropy(pass.logits, y, config.batch, config.classes);
          const g = backward(net, pass, loss.dLogits);
          const perLayer = g.weights.slice(0, config.layers).map((w) => {
            let s = 0;
            for (let i = 0; i < w.length; i++) s += Math.abs(w[i]!);
            return s / w.length;
          });
          const key = `${activation}|${init}`;
          grads.set(key, [...(grads.get(key) ?? []), perLayer]);
        }
      }
    }
    progress?.(total, total, 'done');
    const rows: GradientDepthRow[] = [];
    for (const activation of ids) {
      for (const init of config.inits) {
        const seeds = grads.get(`${activation}|${init}`)!;
        const meanAbsGrad = Array.from({ length: config.layers }, (_, l) => median(seeds.map((s) => s[l]!)));
        const ratios = seeds.map((s) => (s[config.layers - 1]! > 0 ? s[0]! / s[config.layers - 1]! : null));
        const defined = ratios.filter((x): x is number => x !== null);
        rows.push({ activation, init, meanAbsGrad, ratios, ratio: defined.length ? median(defined) : null });
      }
    }
    return { layers: config.layers, rows };
  },
  validate(result): asserts result is GradientDepthResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    const layers = c.number(r.layers, 'result.layers', 1);
    c.array(r.rows, 'result.rows').forEach((x, i) => {
      const p = `result.rows[${i}]`;
      const o = c.record(x, p);
      c.string(o.activation, `${p}.activation`, activationIds);
      c.string(o.init, `${p}.init`, initIds);
      c.numbers(o.meanAbsGrad, `${p}.meanAbsGrad`, layers, 0);
      const ratios = c.array(o.ratios, `${p}.ratios`).map((v, k) => c.numberOrNull(v, `${p}.ratios[${k}]`, 0));
      if (ratios.length === 0) c.fail(`${p}.ratios`, 'non-empty', ratios);
      const defined = ratios.filter((v): v is number => v !== null);
      const ratio = c.numberOrNull(o.ratio, `${p}.ratio`, 0);
      if (ratio !== (defined.length ? median(defined) : null)) c.fail(`${p}.ratio`, 'the median of the defined ratios', ratio);
    });
  },
  findings,
  functions: (r) => [...new Set(r.rows.map((x) => x.activation))],
  charts(r, fn) {
    const layerAxis = Array.from({ length: r.layers }, (_, l) => l + 1);
    const series = (rows: readonly GradientDepthRow[], label: (x: GradientDepthRow) => string): DataSeries[] =>
      rows.map((x) => ({ name: label(x), x: layerAxis, y: x.meanAbsGrad.map((v) => (v > 0 ? v : NaN)) }));
    const common = { xTitle: 'Hidden layer (1 = nearest the input)', yTitle: 'Mean |∂loss/∂W| (median over seeds)', yType: 'log' as const };
    if (fn !== undefined) {
      const rows = r.rows.filter((x) => x.activation === fn);
      if (!rows.length) return [];
      return [
        { kind: 'data', title: `${nameOf(fn)}: gradient per layer at initialisation, ${r.layers} layers`, ...common, series: series(rows, (x) => x.init) },
      ];
    }
    const inits = [...new Set(r.rows.map((x) => x.init))];
    return inits.map((init): ChartSpec => ({
      kind: 'data',
      title: `Gradient per layer at initialisation, ${r.layers} layers, ${init} initialisation`,
      ...common,
      series: series(
        r.rows.filter((x) => x.init === init),
        (x) => nameOf(x.activation),
      ),
    }));
  },
  table(r, fn) {
    const rows = r.rows.filter((x) => fn === undefined || x.activation === fn);
    return [
      ['Activation', 'Initialisation', `Layer 1 / layer ${r.layers} gradient, median [95% interval of the median]`],
      ...rows.map((x) => {
        const defined = x.ratios.filter((v): v is number => v !== null);
        if (x.ratio === null || defined.length < x.ratios.length) {
          return [
            nameOf(x.activation),
            x.init,
            `${x.ratio === null ? 'undefined' : formatNumber(x.ratio)} (no gradient at layer ${r.layers} on ${x.ratios.length - defined.length} of ${x.ratios.length} seeds)`,
          ];
        }
        const ci = medianInterval(defined);
        return [nameOf(x.activation), x.init, withInterval(x.ratio, ci.lo, ci.hi)];
      }),
    ];
  },
};
