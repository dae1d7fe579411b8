/**
 * SELU's constants from first principles: Klambauer et al. (2017) choose α and λ so that the map
 * from a layer's input mean and variance (μ, ν) to its output's has the fixed point (0, 1) when
 * the weights are normalised (Σw = 0, Σw² = 1). We solve the same two equations numerically with the
 * module's ELU, compare with the module's constants, solve them for another target, and follow the
 * map, and an actual random LeCun-normal network, from several starting points.
 */
import { activations } from '../registry.js';
import { SELU_ALPHA, SELU_SCALE } from '../math/constants.js';
import type { ChartSpec, DataSeries } from '../plot/spec.js';
import { Checker } from './check.js';
import { formatNumber } from './format.js';
import { createRandom, seedFrom } from './random.js';
import { median } from './stats.js';
import { createNetwork, forward } from './trainer.js';
import type { Experiment, Finding } from './types.js';
import { cos, exp, hypot } from '../math/libm.js';

/** The configuration of the `selu-fixed-point` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface SeluFixedPointConfig {
  /** Another fixed point to solve α and λ for. */
  readonly otherTarget: readonly [mean: number, variance: number];
  /** (mean, variance) of the inputs the map and the network start from. */
  readonly starts: readonly (readonly [number, number])[];
  readonly layers: number;
  readonly width: number;
  readonly batch: number;
  readonly seeds: number;
  /** "Close to the fixed point": both |μ − μ*| and |ν − ν*| at most this. */
  readonly tolerance: number;
}

export interface Trajectory {
  readonly start: readonly [number, number];
  /** Per layer (0 = the input), mean and variance. */
  readonly mean: readonly number[];
  readonly variance: readonly number[];
  /** First layer whose statistics are within `tolerance` of the fixed point; null if none is. */
  readonly settledAt: number | null;
  /** After `settledAt`, the largest distance max(|μ − μ*|, |ν − ν*|) of any layer (0 if it is the last). */
  readonly driftAfter: number | null;
}

/** What the `selu-fixed-point` experiment returns, as committed in experiments/results/selu-fixed-point.json. */
export interface SeluFixedPointResult {
  readonly solved: { readonly alpha: number; readonly lambda: number; readonly residual: number };
  readonly module: { readonly alpha: number; readonly lambda: number };
  readonly other: {
    readonly target: readonly [number, number];
    readonly alpha: number;
    readonly lambda: number;
    readonly residual: number;
    readonly slope: number;
  };
  readonly tolerance: number;
  /** The mean/variance map with normalised weights (ω = 0, τ = 1), from each start. */
  readonly map: readonly Trajectory[];
  /** A random LeCun-normal SELU network (statistics over all units and examples), per seed and start. */
  readonly network: readonly (readonly Trajectory[])[];
}

const ID = 'selu-fixed-point';

// Gauss–Legendre nodes and weights on [−1, 1] (Newton on the Legendre polynomial).
function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = t;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * t * p1 - (k - 1) * p0) / k];
      dp = (n * (t * p1 - p0)) / (t * t - 1);
      const dt = p1 / dp;
      t -= dt;
      if (Math.abs(dt) < 1e-16) break;
    }
    x[i] = t;
    w[i] = 2 / ((1 - t * t) * dp * dp);
  }
  return { x, w };
}

const GL = gaussLegendre(10);

function integrate(f: (t: number) => number, a: number, b: number, panels: number): number {
  let s = 0;
  const h = (b - a) / panels;
  for (let p = 0; p < panels; p++) {
    const c = a + (p + 0.5) * h;
    for (let i = 0; i < GL.x.length; i++) s += GL.w[i]! * f(c + 0.5 * h * GL.x[i]!);
  }
  return 0.5 * h * s;
}

/** E[g(z)] for z ~ N(m, v), split at the kink z = 0 so that each piece is smooth. */
export function gaussianExpectation(g: (z: number) => number, m: number, v: number): number {
  const sd = Math.sqrt(v);
  const phi = (t: number) => g(m + sd * t) * exp(-0.5 * t * t) * 0.3989422804014327;
  const lo = -14;
  const hi = 14;
  const kink = -m / sd;
  if (kink <= lo || kink >= hi) return integrate(phi, lo, hi, 128);
  return integrate(phi, lo, kink, 64) + integrate(phi, kink, hi, 64);
}

/** Klambauer et al.'s map (Eq. 4–5) with ω = Σw and τ = Σw²: z ~ N(μω, ντ), output mean and variance. */
export function meanVarianceMap(alpha: number, lambda: number, mu: number, nu: number, omega = 0, tau = 1): [number, number] {
  const elu = activations.elu!;
  const f = (z: number) => lambda * elu.forward(z, { alpha });
  const m1 = gaussianExpectation(f, mu * omega, nu * tau);
  const m2 = gaussianExpectation((z) => f(z) ** 2, mu * omega, nu * tau);
  return [m1, m2 - m1 * m1];
}

/** α and λ whose map has (μ*, ν*) as fixed point, by Newton's method with a finite-difference Jacobian. */
export function solveAlphaLambda(target: readonly [number, number]): { alpha: number; lambda: number; residual: number } {
  const [mu, nu] = target;
  const residual = (a: number, l: number): [number, number] => {
    const [m, v] = meanVarianceMap(a, l, mu, nu);
    return [m - mu, v - nu];
  };
  let a = 1.5;
  let l = 1;
  for (let it = 0; it < 50; it++) {
    const [r0, r1] = residual(a, l);
    if (hypot(r0, r1) < 1e-15) break;
    const h = 1e-7;
    const [ra0, ra1] = residual(a + h, l);
    const [rl0, rl1] = residual(a, l + h);
    const j00 = (ra0 - r0) / h;
    const j10 = (ra1 - r1) / h;
    const j01 = (rl0 - r0) / h;
    const j11 = (rl1 - r1) / h;
    const det = j00 * j11 - j01 * j10;
    a -= (j11 * r0 - j01 * r1) / det;
    l -= (-j10 * r0 + j00 * r1) / det;
  }
  const [r0, r1] = residual(a, l);
  return { alpha: a, lambda: l, residual: hypot(r0, r1) };
}

function trajectory(start: readonly [number, number], mean: number[], variance: number[], tol: number): Trajectory {
  const distance = mean.map((m, k) => Math.max(Math.abs(m), Math.abs(variance[k]! - 1)));
  const at = distance.findIndex((d) => d <= tol);
  return {
    start,
    mean,
    variance,
    settledAt: at < 0 ? null : at,
    driftAfter: at < 0 ? null : Math.max(0, ...distance.slice(at + 1)),
  };
}

function meanVar(xs: Float64Array): [number, number] {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  const m = s / xs.length;
  let q = 0;
  for (let i = 0; i < xs.length; i++) q += (xs[i]! - m) ** 2;
  return [m, q / xs.length];
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const maxSettled = (ts: readonly Trajectory[]) => (ts.some((t) => t.settledAt === null) ? Infinity : Math.max(...ts.map((t) => t.settledAt!)));

const FULL: SeluFixedPointConfig = {
  otherTarget: [0, 2],
  starts: [
    [0, 0.1],
    [0, 0.5],
    [0, 3],
    [1, 1],
    [-1, 2],
    [2, 5],
  ],
  layers: 50,
  width: 128,
  batch: 256,
  seeds: 3,
  tolerance: 0.05,
};

const findings: Finding<SeluFixedPointResult>[] = [
  {
    id: 'constants-recovered',
    statement: "Solving the mean/variance map's fixed-point equations for (0, 1) numerically gives SELU's α and λ to at least 9 significant digits.",
    holds: (r) => rel(r.solved.alpha, r.module.alpha) < 1e-9 && rel(r.solved.lambda, r.module.lambda) < 1e-9 && r.solved.residual < 1e-12,
    detail: (r) =>
      `solved α = ${r.solved.alpha.toPrecision(12)}, λ = ${r.solved.lambda.toPrecision(12)}; the module's α = ${r.module.alpha.toPrecision(12)}, λ = ${r.module.lambda.toPrecision(12)} (relative differences ${formatNumber(rel(r.solved.alpha, r.module.alpha))}, ${formatNumber(rel(r.solved.lambda, r.module.lambda))})`,
  },
  {
    id: 'other-target-solved',
    statement:
      'The same equations solve for another fixed point: the solved α and λ map the target (mean, variance) onto itself, and the fixed point attracts (|∂ν̃/∂ν| < 1).',
    holds: (r) => r.other.residual < 1e-12 && Math.abs(r.other.slope) < 1 && r.other.alpha > 0 && r.other.lambda > 0,
    detail: (r) =>
      `target (${r.other.target.join(', ')}): α = ${r.other.alpha.toPrecision(8)}, λ = ${r.other.lambda.toPrecision(8)}, residual ${formatNumber(r.other.residual)}, ∂ν̃/∂ν = ${formatNumber(r.other.slope)}`,
  },
  {
    id: 'converges-within-layers',
    statement:
      'From every start tried, the mean and variance come within 0.05 of (0, 1) within 20 layers through the normalised-weight map, and within 30 layers in random LeCun-normal SELU networks, which then stay near the fixed point up to finite-width fluctuations.',
    holds: (r) => maxSettled(r.map) <= 20 && r.network.every((ts) => maxSettled(ts) <= 30),
    detail: (r) => {
      const drift = Math.max(...r.network.flat().map((t) => t.driftAfter ?? Infinity));
      return `map: ${r.map.map((t) => `(${t.start.join(', ')}) → layer ${t.settledAt ?? 'never'}`).join(', ')}; networks (worst start per seed): ${r.network.map((ts) => String(maxSettled(ts))).join(', ')} layers, largest later distance from (0, 1) ${formatNumber(drift)}`;
    },
  },
];

export const seluFixedPoint: Experiment<SeluFixedPointConfig, SeluFixedPointResult> = {
  id: ID,
  title: "SELU's constants from its fixed point",
  question: "Do SELU's α ≈ 1.6733 and λ ≈ 1.0507 follow from asking for a fixed point at mean 0 and variance 1, and how fast do activations get there?",
  method: `The mean/variance map of Klambauer et al. (Eq. 4–5) with normalised weights (ω = 0, τ = 1): for z ~ N(0, ν), the next layer's mean is E[λ·ELU(z; α)] and its variance E[(λ·ELU(z; α))²] − mean², each computed by Gauss–Legendre quadrature split at the kink, with the module's ELU. Newton's method solves map(μ*, ν*) = (μ*, ν*) for α and λ, for (0, 1) and for (${FULL.otherTarget.join(', ')}). Then the map is iterated for ${FULL.layers} layers from several starting (mean, variance), and so is an actual SELU network (${FULL.width} units a layer, LeCun-normal weights, ${FULL.batch} inputs drawn i.i.d. from N(mean, variance), statistics over all units and inputs, ${FULL.seeds} seeds). Settled: the first layer within ${FULL.tolerance} of (0, 1) in both mean and variance; we also record how far later layers drift.`,
  reproduces: [
    {
      key: 'klambauer2017selu',
      where: 'Section 3, Eq. (4)–(5) and Theorem 1',
      theirs: 'The fixed point (μ, ν) = (0, 1) gives α₀₁ ≈ 1.6733 and λ₀₁ ≈ 1.0507; Theorem 1 shows the map is a contraction towards it near (0, 1).',
      finding: 'constants-recovered',
    },
  ],
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: FULL,
  tinyConfig: {
    ...FULL,
    starts: [
      [0, 0.5],
      [1, 2],
    ],
    layers: 20,
    width: 16,
    batch: 16,
    seeds: 1,
  },
  run(config, progress) {
    const total = 3 + config.seeds * config.starts.length;
    progress?.(0, total, 'solving for (0, 1)');
    const solved = solveAlphaLambda([0, 1]);
    progress?.(1, total, `solving for (${config.otherTarget.join(', ')})`);
    const o = solveAlphaLambda(config.otherTarget);
    const h = 1e-6;
    const [, vPlus] = meanVarianceMap(o.alpha, o.lambda, config.otherTarget[0], config.otherTarget[1] + h);
    const [, vMinus] = meanVarianceMap(o.alpha, o.lambda, config.otherTarget[0], config.otherTarget[1] - h);
    const other = { target: config.otherTarget, ...o, slope: (vPlus - vMinus) / (2 * h) };
    progress?.(2, total, 'iterating the map');
    const map = config.starts.map((start): Trajectory => {
      const mean = [start[0]];
      const variance = [start[1]];
      for (let k = 0; k < config.layers; k++) {
        const [m, v] = meanVarianceMap(SELU_ALPHA, SELU_SCALE, mean[k]!, variance[k]!);
        mean.push(m);
        variance.push(v);
      }
      return trajectory(start, mean, variance, config.tolerance);
    });
    let done = 3;
    const network = Array.from({ length: config.seeds }, (_, seed) =>
      config.starts.map((start, s): Trajectory => {
        progress?.(done++, total, `network seed ${seed} start ${s}`);
        const rng = createRandom(seedFrom(ID, seed, s));
        const x = rng.normals(config.batch * config.width, Math.sqrt(start[1])).map((v) => v + start[0]);
        const net = createNetwork({ sizes: Array<number>(config.layers + 2).fill(config.width), activation: 'selu', init: 'lecun' }, rng);
        const pass = forward(net, x, config.batch);
        const stats = [meanVar(x), ...pass.post.map(meanVar)];
        const mean = stats.map((p) => p[0]);
        const variance = stats.map((p) => p[1]);
        return trajectory(start, mean, variance, config.tolerance);
      }),
    );
    progress?.(total, total, 'done');
    return { solved, module: { alpha: SELU_ALPHA, lambda: SELU_SCALE }, other, tolerance: config.tolerance, map, network };
  },
  validate(result): asserts result is SeluFixedPointResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    const s = c.record(r.solved, 'result.solved');
    c.number(s.alpha, 'result.solved.alpha', 0);
    c.number(s.lambda, 'result.solved.lambda', 0);
    c.number(s.residual, 'result.solved.residual', 0);
    const m = c.record(r.module, 'result.module');
    c.number(m.alpha, 'result.module.alpha', 0);
    c.number(m.lambda, 'result.module.lambda', 0);
    const o = c.record(r.other, 'result.other');
    c.numbers(o.target, 'result.other.target', 2);
    for (const k of ['alpha', 'lambda', 'residual', 'slope']) c.number(o[k], `result.other.${k}`);
    c.number(r.tolerance, 'result.tolerance', 0);
    const trajectory = (t: unknown, p: string) => {
      const x = c.record(t, p);
      c.numbers(x.start, `${p}.start`, 2);
      const mean = c.numbers(x.mean, `${p}.mean`);
      c.numbers(x.variance, `${p}.variance`, mean.length);
      c.numberOrNull(x.settledAt, `${p}.settledAt`, 0, mean.length - 1);
      c.numberOrNull(x.driftAfter, `${p}.driftAfter`, 0);
    };
    c.array(r.map, 'result.map').forEach((t, i) => trajectory(t, `result.map[${i}]`));
    c.array(r.network, 'result.network').forEach((ts, i) => c.array(ts, `result.network[${i}]`).forEach((t, k) => trajectory(t, `result.network[${i}][${k}]`)));
  },
  findings,
  functions: () => ['selu'],
  charts(r, fn) {
    if (fn !== undefined && fn !== 'selu' && fn !== 'elu') return [];
    const label = (t: Trajectory) => `start (${t.start.join(', ')})`;
    const layers = (t: Trajectory) => t.mean.map((_, k) => k);
    const seed0 = r.network[0] ?? [];
    const chart = (what: 'mean' | 'variance'): ChartSpec => ({
      kind: 'data',
      title: `SELU: ${what} through the layers (map: lines; random network, seed 0: markers)`,
      xTitle: 'Layer',
      yTitle: what === 'mean' ? 'Mean of the activations' : 'Variance of the activations',
      series: [
        ...r.map.map((t): DataSeries => ({ name: `map, ${label(t)}`, x: layers(t), y: [...t[what]] })),
        ...seed0.map((t): DataSeries => ({ name: `network, ${label(t)}`, x: layers(t), y: [...t[what]], mode: 'markers' })),
      ],
    });
    return [chart('mean'), chart('variance')];
  },
  table(r, fn) {
    if (fn !== undefined && fn !== 'selu' && fn !== 'elu') return [['Quantity', 'Value']];
    return [
      ['Quantity', 'Value'],
      ['α solved for (0, 1)', r.solved.alpha.toPrecision(12)],
      ['α in the module', r.module.alpha.toPrecision(12)],
      ['λ solved for (0, 1)', r.solved.lambda.toPrecision(12)],
      ['λ in the module', r.module.lambda.toPrecision(12)],
      [`α, λ for (${r.other.target.join(', ')})`, `${r.other.alpha.toPrecision(8)}, ${r.other.lambda.toPrecision(8)}`],
      ...r.map.map((t) => [
        `Layers to settle from (${t.start.join(', ')}): map; networks (median)`,
        `${t.settledAt ?? 'never'}; ${formatNumber(median(r.network.map((ts) => ts.find((x) => x.start === t.start || x.start.join() === t.start.join())?.settledAt ?? Infinity)))}`,
      ]),
    ];
  },
};
