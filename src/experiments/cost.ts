/**
 * What each activation costs to evaluate: `map` (forward) and `mapDerivative` over the same inputs,
 * every function in one process, interleaved round by round so that drifts in machine speed hit
 * all of them alike. A timing: committed, compared within one run, never asserted in tests.
 */
import { getKernelMode, setKernelMode, type KernelMode } from '../kernels/wasm.js';
import { activationById, activationIds } from '../registry.js';
import type { ChartSpec } from '../plot/spec.js';
import { Checker } from './check.js';
import { formatNumber, nameOf } from './format.js';
import { createRandom, seedFrom } from './random.js';
import { median } from './stats.js';
import type { Experiment, Finding } from './types.js';

/** The configuration of the `cost` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface CostConfig {
  /** Elements per array, uniform in [−8, 8]. */
  readonly n: number;
  readonly rounds: number;
  /** Each measurement repeats the call until this many milliseconds have passed. */
  readonly minMs: number;
  /** 'ts': the TypeScript loops for every function (the same code path); 'auto': what `map` uses by default (WebAssembly kernels where they exist). */
  readonly modes: readonly KernelMode[];
  /** Activations to time; empty means every one. */
  readonly activations: readonly string[];
}

export interface CostRow {
  readonly activation: string;
  /** Medians over the rounds, nanoseconds per element. */
  readonly forwardNs: number;
  readonly derivativeNs: number;
  readonly totalNs: number;
  /** forward + derivative of each round. */
  readonly samplesNs: readonly number[];
  /** The fastest round's forward + derivative: other processes only ever add time, so it is the steadiest estimate on a busy machine. */
  readonly bestNs: number;
}

/** What the `cost` experiment returns, as committed in experiments/results/cost.json. */
export interface CostResult {
  readonly n: number;
  readonly modes: readonly { readonly mode: KernelMode; readonly rows: readonly CostRow[] }[];
}

const ID = 'cost';

function timeNs(fn: () => void, n: number, minMs: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (elapsed * 1e6) / (calls * n);
}

function total(r: CostResult, id: string, mode: KernelMode = 'ts'): number {
  const m = r.modes.find((x) => x.mode === mode);
  const row = m?.rows.find((x) => x.activation === id);
  if (!row) throw new Error(`${ID}: no timing for ${id} in mode ${mode}`);
  return row.bestNs;
}

const ns = (v: number) => `${formatNumber(v)} ns`;
const EXPONENTIAL = ['sigmoid', 'elu', 'gelu', 'mish'];

const findings: Finding<CostResult>[] = [
  {
    id: 'leaky-as-cheap-as-relu',
    statement: "Leaky ReLU costs about what ReLU costs: forward plus derivative within 1.5× of ReLU's per element (TypeScript loops, fastest round).",
    holds: (r) => total(r, 'leakyRelu') <= 1.5 * total(r, 'relu'),
    detail: (r) =>
      `Leaky ReLU ${ns(total(r, 'leakyRelu'))} vs ReLU ${ns(total(r, 'relu'))} per element (${formatNumber(total(r, 'leakyRelu') / total(r, 'relu'))}×)`,
  },
  {
    id: 'exponential-costlier',
    statement:
      'Functions built on exponentials or erf cost more than ReLU per element (forward plus derivative): sigmoid, ELU, GELU and Mish each more than 1.2× ReLU, GELU and Mish more than 2×. ELU exponentiates only its negative inputs.',
    holds: (r) => EXPONENTIAL.every((id) => total(r, id) > 1.2 * total(r, 'relu')) && ['gelu', 'mish'].every((id) => total(r, id) > 2 * total(r, 'relu')),
    detail: (r) =>
      `ReLU ${ns(total(r, 'relu'))}; ${EXPONENTIAL.map((id) => `${nameOf(id)} ${ns(total(r, id))} (${formatNumber(total(r, id) / total(r, 'relu'))}×)`).join(', ')}`,
  },
  {
    id: 'hard-cheaper-than-smooth',
    statement:
      'The piecewise-linear approximations are cheaper than the functions they approximate: hardsigmoid costs less than sigmoid, and hardswish less than SiLU.',
    holds: (r) => total(r, 'hardsigmoid') < total(r, 'sigmoid') && total(r, 'hardswish') < total(r, 'silu'),
    detail: (r) =>
      `hardsigmoid ${ns(total(r, 'hardsigmoid'))} vs sigmoid ${ns(total(r, 'sigmoid'))}; hardswish ${ns(total(r, 'hardswish'))} vs SiLU ${ns(total(r, 'silu'))}`,
  },
];

export const cost: Experiment<CostConfig, CostResult> = {
  id: ID,
  title: 'Cost of forward and derivative per element',
  question: 'How much does each activation cost to evaluate, forward and derivative, relative to ReLU?',
  method:
    'The same Float64Array of uniform inputs in [−8, 8] for every function; per round and function, `map` (forward) and `mapDerivative` each repeated for at least a few milliseconds; rounds interleave the functions; medians over rounds, in nanoseconds per element; the findings compare the fastest round of each function, which other processes on the machine can only slow down. Measured with the TypeScript loops for every function (the same code path), and with the default kernels (WebAssembly SIMD for `map` where it exists). Timings depend on the machine; the ratios between functions are the point.',
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: { n: 100_000, rounds: 11, minMs: 15, modes: ['ts', 'auto'], activations: [] },
  tinyConfig: {
    n: 1_000,
    rounds: 2,
    minMs: 1,
    modes: ['ts'],
    activations: ['relu', 'leakyRelu', 'sigmoid', 'elu', 'gelu', 'mish', 'hardsigmoid', 'hardswish', 'silu'],
  },
  timings: ['forwardNs', 'derivativeNs', 'totalNs', 'samplesNs', 'bestNs'],
  run(config, progress) {
    const ids = config.activations.length ? config.activations : activationIds;
    const rng = createRandom(seedFrom(ID));
    const xs = new Float64Array(config.n);
    for (let i = 0; i < xs.length; i++) xs[i] = -8 + 16 * rng.uniform();
    const out = new Float64Array(config.n);
    const previous = getKernelMode();
    const totalWork = config.modes.length * config.rounds * ids.length;
    let done = 0;
    try {
      const modes = config.modes.map((mode) => {
        setKernelMode(mode);
        const fwd = new Map<string, number[]>();
        const der = new Map<string, number[]>();
        for (let round = 0; round < config.rounds; round++) {
          for (const id of ids) {
            progress?.(done++, totalWork, `${mode} round ${round} ${id}`);
            const a = activationById(id);
            if (!a) throw new RangeError(`${ID}: unknown activation '${id}'`);
            fwd.set(id, [...(fwd.get(id) ?? []), timeNs(() => a.map(xs, undefined, out), config.n, config.minMs)]);
            der.set(id, [...(der.get(id) ?? []), timeNs(() => a.mapDerivative(xs, undefined, out), config.n, config.minMs)]);
          }
        }
        const rows = ids.map((activation): CostRow => {
          const f = fwd.get(activation)!;
          const d = der.get(activation)!;
          const samplesNs = f.map((v, k) => v + d[k]!);
          return { activation, forwardNs: median(f), derivativeNs: median(d), totalNs: median(samplesNs), samplesNs, bestNs: Math.min(...samplesNs) };
        });
        return { mode, rows };
      });
      progress?.(totalWork, totalWork, 'done');
      return { n: config.n, modes };
    } finally {
      setKernelMode(previous);
    }
  },
  validate(result): asserts result is CostResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    c.number(r.n, 'result.n', 1);
    c.array(r.modes, 'result.modes').forEach((m, i) => {
      const o = c.record(m, `result.modes[${i}]`);
      c.string(o.mode, `result.modes[${i}].mode`, ['auto', 'wasm', 'ts']);
      c.array(o.rows, `result.modes[${i}].rows`).forEach((x, k) => {
        const p = `result.modes[${i}].rows[${k}]`;
        const row = c.record(x, p);
        c.string(row.activation, `${p}.activation`, activationIds);
        for (const key of ['forwardNs', 'derivativeNs', 'totalNs', 'bestNs']) c.number(row[key], `${p}.${key}`, 0);
        c.numbers(row.samplesNs, `${p}.samplesNs`, undefined, 0);
      });
    });
    if (!(r.modes as { mode: string }[]).some((m) => m.mode === 'ts')) c.fail('result.modes', "to include mode 'ts'", r.modes);
  },
  findings,
  functions: (r) => [...new Set(r.modes.flatMap((m) => m.rows.map((x) => x.activation)))],
  charts(r, fn) {
    return r.modes.map((m): ChartSpec => {
      const relu = m.rows.find((x) => x.activation === 'relu')?.bestNs ?? NaN;
      const rows = m.rows.filter((x) => fn === undefined || x.activation === fn || x.activation === 'relu');
      return {
        kind: 'data',
        title: `Cost per element relative to ReLU (forward + derivative, fastest round, ${m.mode === 'ts' ? 'TypeScript loops' : 'default kernels'})`,
        xTitle: 'Activation (position in the registry)',
        yTitle: "Time per element / ReLU's",
        series: rows.map((x) => ({
          name: nameOf(x.activation),
          x: [(activationIds as readonly string[]).indexOf(x.activation) + 1],
          y: [x.bestNs / relu],
          mode: 'markers' as const,
        })),
      };
    });
  },
  table(r, fn) {
    const ts = r.modes.find((m) => m.mode === 'ts');
    const others = r.modes.filter((m) => m !== ts);
    const ids = (ts ?? r.modes[0])?.rows.map((x) => x.activation).filter((id) => fn === undefined || id === fn) ?? [];
    const relu = ts?.rows.find((x) => x.activation === 'relu')?.bestNs ?? NaN;
    return [
      [
        'Activation',
        'Forward (ns/element, median)',
        'Derivative (ns/element, median)',
        "Fastest round / ReLU's",
        ...others.map((m) => `Total, ${m.mode} kernels (ns/element)`),
      ],
      ...ids.map((id) => {
        const row = ts?.rows.find((x) => x.activation === id);
        return [
          nameOf(id),
          row ? formatNumber(row.forwardNs) : '–',
          row ? formatNumber(row.derivativeNs) : '–',
          row ? `${formatNumber(row.bestNs / relu)}×` : '–',
          ...others.map((m) => {
            const x = m.rows.find((y) => y.activation === id);
            return x ? formatNumber(x.totalNs) : '–';
          }),
        ];
      }),
    ];
  },
};
