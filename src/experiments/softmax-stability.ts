/**
 * Why softmax subtracts the maximum: the textbook e^x / Σe^x overflows (∞/∞ = NaN) once a score
 * passes ln(MAX_VALUE) ≈ 709.78 and underflows (0/0 = NaN) once every score is below ≈ −745.13,
 * while the max-subtracted form (the module's) gives the same probabilities at every shift.
 */
import type { ChartSpec } from '../plot/spec.js';
import { vectorFunctionIds, vectorFunctions, type VectorFunctionId } from '../vector/softmax.js';
import { Checker } from './check.js';
import { formatNumber } from './format.js';
import type { Experiment, Finding } from './types.js';
import { exp, log } from '../math/libm.js';

/** The configuration of the `softmax-stability` experiment (its `fullConfig` and `tinyConfig` are two of them). */
export interface SoftmaxStabilityConfig {
  /** The scores are `offsets + c` for c from `from` to `to` in steps of `step` (integers keep the shifts exact). */
  readonly offsets: readonly number[];
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

/** What the `softmax-stability` experiment returns, as committed in experiments/results/softmax-stability.json. */
export interface SoftmaxStabilityResult {
  readonly offsets: readonly number[];
  readonly shifts: readonly number[];
  /** Largest probability from e^x / Σe^x, null where it is NaN. */
  readonly naive: readonly (number | null)[];
  /** Largest probability from the module's softmax. */
  readonly module: readonly number[];
  /** Largest relative error of the naive probabilities against the module's for the unshifted scores (null: NaN). */
  readonly naiveError: readonly (number | null)[];
  /** Per module function, the largest ulp distance over all shifts from its own result for the unshifted scores. */
  readonly moduleUlps: Readonly<Record<VectorFunctionId, number>>;
  /** Bisected: the smallest shift at which the naive softmax is NaN (overflow). */
  readonly overflowAt: number;
  /** Bisected: the largest shift at which the naive softmax is NaN (underflow). */
  readonly underflowAt: number;
  /** ln(Number.MAX_VALUE), and ln of half the smallest subnormal (below it e^x rounds to 0). */
  readonly logMax: number;
  readonly logUnderflow: number;
}

const ID = 'softmax-stability';

function naiveSoftmax(xs: readonly number[]): number[] {
  const e = xs.map((x) => exp(x));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

const view = new DataView(new ArrayBuffer(8));
function bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigInt64(0);
}

/** Distance in units in the last place between two finite doubles of the same sign. */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

const maxOf = (xs: ArrayLike<number>) => Math.max(...Array.from(xs));

function bisect(isNaNAt: (c: number) => boolean, nanSide: number, okSide: number): number {
  let bad = nanSide;
  let good = okSide;
  for (let i = 0; i < 200 && Math.abs(bad - good) > 0; i++) {
    const mid = (bad + good) / 2;
    if (mid === bad || mid === good) break;
    if (isNaNAt(mid)) bad = mid;
    else good = mid;
  }
  return bad;
}

const findings: Finding<SoftmaxStabilityResult>[] = [
  {
    id: 'naive-overflows',
    statement:
      "The naive e^x / Σe^x returns NaN as soon as the largest score exceeds ln(MAX_VALUE) ≈ 709.78 in float64 (e^x overflows to ∞ and ∞/∞ is NaN), while the module's max-subtracted softmax returns the same probabilities, to the last bit, at every shift tried.",
    holds: (r) =>
      Math.abs(r.overflowAt + maxOf(r.offsets) - r.logMax) < 1e-9 &&
      r.shifts.every((c, i) => c + maxOf(r.offsets) > r.logMax === (r.naive[i] === null) || c < 0) &&
      vectorFunctionIds.every((id) => r.moduleUlps[id] === 0),
    detail: (r) =>
      `naive NaN from a largest score of ${(r.overflowAt + maxOf(r.offsets)).toPrecision(12)} (ln(MAX_VALUE) = ${r.logMax}); module: largest distance from the unshifted result ${vectorFunctionIds.map((id) => `${id} ${r.moduleUlps[id]} ulps`).join(', ')}`,
  },
  {
    id: 'naive-underflows',
    statement:
      "When every score is below ≈ −745.13 (ln of half the smallest subnormal), each e^x rounds to 0 and the naive softmax is 0/0 = NaN; just above that, where the exponentials are subnormal, it already loses digits (relative errors above 1e-6). The module's softmax is unaffected.",
    holds: (r) =>
      Math.abs(r.underflowAt + maxOf(r.offsets) - r.logUnderflow) < 1e-6 &&
      r.shifts.every((c, i) => c + maxOf(r.offsets) < r.logUnderflow === (r.naive[i] === null) || c > 0) &&
      r.naiveError.some((u) => u !== null && u > 1e-6) &&
      vectorFunctionIds.every((id) => r.moduleUlps[id] === 0),
    detail: (r) => {
      const worst = Math.max(...r.naiveError.map((u) => u ?? 0));
      return `naive NaN once the largest score is below ${(r.underflowAt + maxOf(r.offsets)).toPrecision(12)} (ln(MIN_VALUE/2) = ${r.logUnderflow.toPrecision(12)}); its worst finite result has relative error ${formatNumber(worst)}; module ${vectorFunctionIds.map((id) => `${id} ${r.moduleUlps[id]} ulps`).join(', ')}`;
    },
  },
];

export const softmaxStability: Experiment<SoftmaxStabilityConfig, SoftmaxStabilityResult> = {
  id: ID,
  title: 'Naive vs max-subtracted softmax on growing scores',
  question: 'Where does the textbook softmax formula break down in float64, and does subtracting the maximum fix it?',
  method:
    "Three scores a fixed distance apart, shifted together by c from far below to far above 0 (integer shifts, so the module's x − max is exact). For each shift: the largest probability by the naive e^x / Σe^x and by the module's softmax, the naive result's relative error and the module's distance in ulps from each one's result for the unshifted scores. The shifts where the naive formula starts returning NaN are found by bisection; softmin is run on the negated scores and log-softmax is checked the same way.",
  resultsPath: `experiments/results/${ID}.json`,
  fullConfig: { offsets: [-2, -1, 0], from: -800, to: 800, step: 1 },
  tinyConfig: { offsets: [-2, -1, 0], from: -800, to: 800, step: 20 },
  run(config, progress) {
    const shifts: number[] = [];
    for (let c = config.from; c <= config.to; c += config.step) shifts.push(c);
    const offsets = [...config.offsets];
    const base = offsets.map((o) => o);
    const reference = vectorFunctions.softmax.apply(base);
    const top = reference.indexOf(Math.max(...reference));
    const refs = {
      softmax: reference,
      logSoftmax: vectorFunctions.logSoftmax.apply(base),
      softmin: vectorFunctions.softmin.apply(base.map((x) => -x)),
    };
    const moduleUlps: Record<VectorFunctionId, number> = { softmax: 0, logSoftmax: 0, softmin: 0 };
    const naive: (number | null)[] = [];
    const mod: number[] = [];
    const naiveError: (number | null)[] = [];
    shifts.forEach((c, i) => {
      if (i % 100 === 0) progress?.(i, shifts.length, `shift ${c}`);
      const xs = offsets.map((o) => o + c);
      const p = naiveSoftmax(xs);
      const ok = p.every((v) => !Number.isNaN(v));
      naive.push(ok ? p[top]! : null);
      naiveError.push(ok ? Math.max(...p.map((v, k) => Math.abs(v - reference[k]!) / reference[k]!)) : null);
      const outs = {
        softmax: vectorFunctions.softmax.apply(xs),
        logSoftmax: vectorFunctions.logSoftmax.apply(xs),
        softmin: vectorFunctions.softmin.apply(xs.map((x) => -x)),
      };
      mod.push(outs.softmax[top]!);
      for (const id of vectorFunctionIds) {
        const d = Math.max(...Array.from(outs[id], (v, k) => ulpDistance(v, refs[id][k]!)));
        moduleUlps[id] = Math.max(moduleUlps[id], Number.isNaN(d) ? Infinity : d);
      }
    });
    const naiveNaN = (c: number) => naiveSoftmax(offsets.map((o) => o + c)).some((v) => Number.isNaN(v));
    const overflowAt = bisect(naiveNaN, 2000, 0);
    const underflowAt = bisect(naiveNaN, -2000, 0);
    progress?.(shifts.length, shifts.length, 'done');
    return {
      offsets,
      shifts,
      naive,
      module: mod,
      naiveError,
      moduleUlps,
      overflowAt,
      underflowAt,
      logMax: log(Number.MAX_VALUE),
      logUnderflow: log(Number.MIN_VALUE) - Math.LN2,
    };
  },
  validate(result): asserts result is SoftmaxStabilityResult {
    const c = new Checker(ID);
    const r = c.record(result, 'result');
    c.numbers(r.offsets, 'result.offsets');
    const shifts = c.numbers(r.shifts, 'result.shifts');
    c.numbersOrNull(r.naive, 'result.naive', shifts.length);
    c.numbers(r.module, 'result.module', shifts.length, 0, 1);
    c.numbersOrNull(r.naiveError, 'result.naiveError', shifts.length);
    const m = c.record(r.moduleUlps, 'result.moduleUlps');
    for (const id of vectorFunctionIds) c.number(m[id], `result.moduleUlps.${id}`, 0);
    for (const k of ['overflowAt', 'underflowAt', 'logMax', 'logUnderflow']) c.number(r[k], `result.${k}`);
  },
  findings,
  functions: () => [...vectorFunctionIds],
  charts(r, fn) {
    if (fn !== undefined && !(vectorFunctionIds as readonly string[]).includes(fn)) return [];
    const x = r.shifts.map((c) => c + maxOf(r.offsets));
    return [
      {
        kind: 'data',
        title: `Largest probability of softmax(${r.offsets.join(', ')} shifted): naive vs max-subtracted`,
        xTitle: 'Largest score',
        yTitle: 'Largest probability (gap: NaN)',
        series: [
          { name: 'naive e^x / Σe^x', x, y: r.naive.map((v) => v ?? NaN) },
          { name: 'module softmax (max subtracted)', x, y: [...r.module] },
        ],
      },
      {
        kind: 'data',
        title: 'Relative error of the naive softmax (gap: NaN or exact)',
        xTitle: 'Largest score',
        yTitle: 'Largest relative error of the probabilities',
        yType: 'log',
        series: [{ name: 'naive e^x / Σe^x', x, y: r.naiveError.map((v) => (v === null || v === 0 ? NaN : v)), mode: 'markers' }],
      },
    ] satisfies ChartSpec[];
  },
  table(r) {
    return [
      ['Quantity', 'Value'],
      ['Naive softmax NaN above (largest score)', (r.overflowAt + maxOf(r.offsets)).toPrecision(12)],
      ['ln(MAX_VALUE)', String(r.logMax)],
      ['Naive softmax NaN below (largest score)', (r.underflowAt + maxOf(r.offsets)).toPrecision(12)],
      ['ln(MIN_VALUE / 2)', String(r.logUnderflow)],
      ['Worst finite naive result (relative error)', formatNumber(Math.max(...r.naiveError.map((u) => u ?? 0)))],
      ...vectorFunctionIds.map((id) => [`Module ${id}: largest change over all shifts (ulps)`, String(r.moduleUlps[id])]),
    ];
  },
};
