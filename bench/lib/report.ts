/**
 * The results of one `npm run bench`: their shape (bench/results.json), the summary (geometric means,
 * the issue's goals) and the tables, as data (for docs/performance.mdx) and as Markdown (for the
 * console and bench/results.md). Pure (tested in test/bench/results.test.ts on synthetic runs).
 */
import type { KernelGroup } from '../../src/types.js';
import { formatNs, formatRatio, formatSize, formatUlps, geomean, markdownTable, ratio } from './stats.js';

export type Dtype = 'float32' | 'float64';

export const ENGINES = ['ours', 'oursOut', 'plain', 'tfjsCpu', 'tfjsWasm', 'ort', 'torch'] as const;
export type EngineId = (typeof ENGINES)[number];

export const ENGINE_LABELS: Readonly<Record<EngineId, string>> = {
  ours: 'ours',
  oursOut: 'ours (out)',
  plain: 'plain loop',
  tfjsCpu: 'tfjs cpu',
  tfjsWasm: 'tfjs wasm',
  ort: 'ORT',
  torch: 'PyTorch',
};

export const ENGINE_DESCRIPTIONS: Readonly<Record<EngineId, string>> = {
  ours: "this module's `map(xs)` from dist/ (allocates its output, like every other engine here); softmax family: `softmax(xs)` etc.",
  oursOut: "this module's `map(xs, undefined, out)` into a preallocated array (softmax family: no out parameter)",
  plain: 'the textbook formula in a plain JavaScript for-loop, output allocated per call (GELU: erf by Abramowitz & Stegun 7.1.26)',
  tfjsCpu: '@tensorflow/tfjs-core with the cpu backend (float32 only), op then dispose',
  tfjsWasm: '@tensorflow/tfjs-backend-wasm, SIMD on, threads off (float32 only), op then dispose',
  ort: 'onnxruntime-node, CPU, a one-node ONNX model per function, intraOpNumThreads = interOpNumThreads = 1',
  torch: 'PyTorch (Debian python3-torch) through /usr/bin/python3, torch.set_num_threads(1), torch.inference_mode(), F.* with the module defaults',
};

/** The JavaScript peers the issue asks us to be ahead of. */
export const JS_PEERS: readonly EngineId[] = ['tfjsCpu', 'tfjsWasm'];

export interface Measurement {
  readonly case: string;
  readonly dtype: Dtype;
  readonly n: number;
  readonly engine: EngineId;
  /** Median ns per element; null when the engine cannot compute this case (see reason). */
  readonly nsPerElement: number | null;
  readonly reason?: string;
  /** Timed samples and calls per sample (how the median was obtained). */
  readonly samples?: number;
  readonly callsPerSample?: number;
}

export interface FloorMeasurement {
  readonly dtype: Dtype;
  readonly n: number;
  /** loop, set: copy into an existing array; alloc: a new array, then set; unzeroed: the module's own allocation (not zeroed first, src/alloc.ts), then set. */
  readonly method: 'loop' | 'set' | 'alloc' | 'unzeroed';
  readonly nsPerElement: number;
}

/**
 * How far one engine's float32 outputs are from the exact values rounded to float32, over the
 * bench's inputs: the largest distance in float32 ulps (maxUlps), or null with the reason.
 */
export interface AccuracyEntry {
  readonly case: string;
  readonly dtype: Dtype;
  readonly n: number;
  readonly engine: EngineId;
  readonly maxUlps: number | null;
  /** A NaN where the exact value is a number, or the reverse (maxUlps is then null). */
  readonly nanMismatch?: boolean;
  readonly reason?: string;
}

export interface CaseInfo {
  readonly key: string;
  readonly id: string;
  readonly kind: 'activation' | 'vector';
  readonly label: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly main: boolean;
}

export interface BenchResults {
  readonly schema: 1;
  readonly command: string;
  readonly date: string;
  readonly durationSeconds: number;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly platform: string;
  };
  readonly versions: Readonly<Record<string, string>>;
  readonly settings: {
    readonly sizes: readonly number[];
    readonly dtypes: readonly Dtype[];
    readonly inputs: string;
    readonly timing: string;
  };
  readonly engines: readonly { readonly id: EngineId; readonly label: string; readonly description: string; readonly status: string }[];
  readonly cases: readonly CaseInfo[];
  readonly measurements: readonly Measurement[];
  readonly floor: readonly FloorMeasurement[];
  /** float32 accuracy per case and engine (absent in runs from before it was measured). */
  readonly accuracy?: readonly AccuracyEntry[];
}

// ---------------------------------------------------------------------------------------------
// Look-ups

export function lookup(r: Pick<BenchResults, 'measurements'>): (caseKey: string, engine: EngineId, dtype: Dtype, n: number) => Measurement | undefined {
  const map = new Map<string, Measurement>();
  for (const m of r.measurements) map.set(`${m.case}|${m.engine}|${m.dtype}|${m.n}`, m);
  return (c, e, d, n) => map.get(`${c}|${e}|${d}|${n}`);
}

/** Engines that measured anything in this dtype (tfjs has no float64). */
export function enginesFor(r: Pick<BenchResults, 'measurements'>, dtype: Dtype): EngineId[] {
  return ENGINES.filter((e) => r.measurements.some((m) => m.engine === e && m.dtype === dtype && m.nsPerElement != null));
}

// ---------------------------------------------------------------------------------------------
// Summary

export interface GeomeanRow {
  readonly engine: EngineId;
  /** The main functions every engine of this row (ours, this engine, PyTorch) measured. */
  readonly functions: readonly string[];
  readonly ours: number;
  readonly engineValue: number;
  readonly torch: number;
  readonly oursOverTorch: number;
  readonly engineOverTorch: number;
  readonly oursOverEngine: number;
}

/** Geometric means at one dtype and size: one row per engine, over the functions ours, it and PyTorch all have. */
export function geomeans(r: BenchResults, dtype: Dtype, n: number): GeomeanRow[] {
  const get = lookup(r);
  const value = (c: string, e: EngineId) => get(c, e, dtype, n)?.nsPerElement ?? null;
  const rows: GeomeanRow[] = [];
  for (const engine of ENGINES) {
    const functions = r.cases
      .filter((c) => c.main)
      .map((c) => c.key)
      .filter((c) => value(c, 'ours') != null && value(c, engine) != null && value(c, 'torch') != null);
    if (functions.length === 0) continue;
    const g = (e: EngineId) => geomean(functions.map((c) => value(c, e)!));
    const ours = g('ours');
    const engineValue = g(engine);
    const torch = g('torch');
    rows.push({
      engine,
      functions,
      ours,
      engineValue,
      torch,
      oursOverTorch: ours / torch,
      engineOverTorch: engineValue / torch,
      oursOverEngine: ours / engineValue,
    });
  }
  return rows;
}

export function floorOf(r: BenchResults, dtype: Dtype, n: number): { prealloc: number | null; alloc: number | null } {
  const f = r.floor.filter((x) => x.dtype === dtype && x.n === n);
  const pre = f.filter((x) => x.method === 'loop' || x.method === 'set').map((x) => x.nsPerElement);
  const alloc = f.find((x) => x.method === 'alloc')?.nsPerElement ?? null;
  return { prealloc: pre.length ? Math.min(...pre) : null, alloc };
}

export interface Goal {
  readonly goal: string;
  readonly dtype: Dtype;
  readonly n: number;
  readonly value: number | null;
  readonly target: string;
  readonly met: boolean;
}

/** The issue's goals, at every dtype and size measured. */
export function goals(r: BenchResults): Goal[] {
  const get = lookup(r);
  const out: Goal[] = [];
  for (const dtype of r.settings.dtypes) {
    for (const n of r.settings.sizes) {
      const rows = geomeans(r, dtype, n);
      const vsTorch = rows.find((x) => x.engine === 'ours');
      const all = r.cases.filter((c) => c.main).length;
      out.push({
        goal: `ours/PyTorch, geometric mean over ${vsTorch ? vsTorch.functions.length : 0} of ${all} functions`,
        dtype,
        n,
        value: vsTorch?.oursOverTorch ?? null,
        target: '≤ 2.00×',
        met: vsTorch != null && vsTorch.functions.length === all && vsTorch.oursOverTorch <= 2,
      });
      for (const peer of ['plain' as EngineId, ...JS_PEERS]) {
        const row = rows.find((x) => x.engine === peer);
        if (!row) continue;
        out.push({
          goal: `ours/${ENGINE_LABELS[peer]}, geometric mean over their ${row.functions.length} common functions`,
          dtype,
          n,
          value: row.oursOverEngine,
          target: '< 1.00× (ahead)',
          met: row.oursOverEngine < 1,
        });
      }
      const floor = floorOf(r, dtype, n);
      for (const id of ['relu', 'leakyRelu']) {
        const withOut = ratio(get(id, 'oursOut', dtype, n)?.nsPerElement, floor.prealloc);
        out.push({
          goal: `${id}: ours (out) / memory floor (copy into an existing array)`,
          dtype,
          n,
          value: withOut,
          target: '≤ 2.00×',
          met: withOut != null && withOut <= 2,
        });
        const alloc = ratio(get(id, 'ours', dtype, n)?.nsPerElement, floor.alloc);
        out.push({
          goal: `${id}: ours / memory floor with allocation (new array + set)`,
          dtype,
          n,
          value: alloc,
          target: '≤ 2.00×',
          met: alloc != null && alloc <= 2,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where the distance to PyTorch comes from

/**
 * The kinds of kernel, each with what makes it slower than PyTorch's (the design choices behind the
 * numbers, stated once here and shown under the measured table). Which functions belong to which is
 * each function's own `kernelGroup` (src/activations/<id>.ts, src/vector/softmax.ts), handed in as a
 * KernelGroupIndex; a case of none is counted under 'other'.
 */
export const KERNEL_GROUPS: Readonly<Record<KernelGroup, { readonly label: string; readonly why: string }>> = {
  cheap: {
    label: 'piecewise linear and cheap arithmetic',
    why: "PyTorch runs these at the speed of a copy into memory its allocator reuses. `map(xs)` returns a new array (in Node from memory not zeroed first, which still comes as fresh pages on many calls at n = 1e6), and the WebAssembly kernel needs the data copied into its memory and back (JavaScript has no SIMD over a JavaScript array). float32 hardsigmoid, hardswish, softsign and leakyRelu's default slope 0.01 compute in float64 lanes: their results must be float32 roundings of the float64 formula.",
  },
  exp: {
    label: 'exponential family',
    why: "float64: fdlibm's exp (the module's, src/math/exp.ts, and Node 20's Math.exp) transcribed bit for bit, one division per exponential, in WebAssembly SIMD's 2 float64 lanes. float32: computed in float64 lanes with short approximations, so every result is within 1 float32 ulp of the exact value: 2 lanes where PyTorch's float32 kernels use 8 (AVX2).",
  },
  gelu: {
    label: 'GELU (exact, erf)',
    why: 'float64: erf/erfc transcribed from fdlibm (s_erf.c), bit for bit the scalar function; each element takes one of nine rational approximations plus an exponential, in 2 float64 lanes. float32: within 1 ulp, Φ from one fitted polynomial (degree 11) times the short exponential, still in 2 float64 lanes.',
  },
  vector: {
    label: 'softmax family',
    why: "a Float64Array out for any input (PyTorch's float32 softmax writes float32: half the bytes), x − max with its rounding error kept, compensated sums and fdlibm's exp: a few ulps where the usual formula loses hundreds (see the accuracy tests); three passes over the data (maximum, exponentials and sum, quotient).",
  },
};

/** The groups in the order the tables show them. */
export const KERNEL_GROUP_ORDER = Object.keys(KERNEL_GROUPS) as readonly KernelGroup[];

/** Each function's kernel group, by function id (bench/lib/cases.ts's kernelGroupIndex builds it from the registry). */
export type KernelGroupIndex = Readonly<Record<string, KernelGroup>>;

export interface GapRow {
  readonly key: string;
  readonly label: string;
  readonly functions: readonly string[];
  /** Geometric means over the group of ours/PyTorch and ours (out)/PyTorch (null: no out form). */
  readonly oursOverTorch: number;
  readonly outOverTorch: number | null;
  /** The group's factor in the overall geometric mean: its own mean to the power (its functions / all). */
  readonly share: number;
}

/**
 * The overall ours/PyTorch geometric mean split by kernel group: the product of the groups' shares is
 * the overall mean (a geometric mean over the union of groups factors exactly this way).
 */
export function gapRows(r: BenchResults, dtype: Dtype, n: number, groups: KernelGroupIndex): GapRow[] {
  const get = lookup(r);
  const v = (c: string, e: EngineId) => get(c, e, dtype, n)?.nsPerElement ?? null;
  const counted = r.cases.filter((c) => c.main && v(c.key, 'ours') != null && v(c.key, 'torch') != null);
  const known = (id: string) => Object.hasOwn(groups, id) && Object.hasOwn(KERNEL_GROUPS, groups[id]!);
  const all = [...KERNEL_GROUP_ORDER.map((key) => ({ key, label: KERNEL_GROUPS[key].label })), { key: 'other', label: 'other' }];
  const rows: GapRow[] = [];
  for (const g of all) {
    const members = counted.filter((c) => (g.key === 'other' ? !known(c.id) : known(c.id) && groups[c.id] === g.key));
    if (members.length === 0) continue;
    const ratios = members.map((c) => v(c.key, 'ours')! / v(c.key, 'torch')!);
    const outs = members.map((c) => ratio(v(c.key, 'oursOut'), v(c.key, 'torch')));
    const mean = geomean(ratios);
    rows.push({
      key: g.key,
      label: g.label,
      functions: members.map((c) => c.key),
      oursOverTorch: mean,
      outOverTorch: outs.every((x) => x != null) ? geomean(outs as number[]) : null,
      share: mean ** (members.length / counted.length),
    });
  }
  return rows;
}

/** Per dtype and size: the gap table, and under it the costs every call pays (the reasons per group: `gapReasons`). */
export function gapTables(r: BenchResults, groups: KernelGroupIndex): TableData[] {
  const get = lookup(r);
  const tables: TableData[] = [];
  for (const dtype of r.settings.dtypes) {
    for (const n of r.settings.sizes) {
      const rows = gapRows(r, dtype, n, groups);
      if (rows.length === 0) continue;
      const total = rows.reduce((a, x) => a * x.share, 1);
      const count = rows.reduce((a, x) => a + x.functions.length, 0);
      const header = ['kernels', 'functions', 'ours/PT', 'ours (out)/PT', 'share of the overall mean', 'overall mean with this group at 1×'];
      const body = rows.map((x) => [
        x.label,
        String(x.functions.length),
        formatRatio(x.oursOverTorch),
        formatRatio(x.outOverTorch),
        formatRatio(x.share),
        formatRatio(total / x.share),
      ]);
      body.push(['all', String(count), formatRatio(total), '', formatRatio(total), '']);
      const floor = floorOf(r, dtype, n);
      const set = r.floor.find((x) => x.dtype === dtype && x.n === n && x.method === 'set')?.nsPerElement ?? null;
      const unzeroed = r.floor.find((x) => x.dtype === dtype && x.n === n && x.method === 'unzeroed')?.nsPerElement ?? null;
      const reluTorch = get('relu', 'torch', dtype, n)?.nsPerElement ?? null;
      const reluOut = get('relu', 'oursOut', dtype, n)?.nsPerElement ?? null;
      const notes: string[] = [];
      if (floor.alloc != null && set != null && reluTorch != null) {
        notes.push(
          `Allocation: a new array filled with \`.set\` costs ${formatNs(floor.alloc)} ns per element${unzeroed != null ? ` (${formatNs(unzeroed)} with the memory not zeroed first, as \`map(xs)\` allocates)` : ''} against ${formatNs(set)} for \`.set\` into an existing one; that alone is ${formatRatio(floor.alloc / reluTorch)} PyTorch's whole relu (${formatNs(reluTorch)} ns per element).`,
        );
      }
      if (reluOut != null && floor.prealloc != null) {
        notes.push(
          `The copy into WebAssembly memory and back: relu into an existing array takes ${formatNs(reluOut)} ns per element, ${formatRatio(reluOut / floor.prealloc)} the fastest copy (${formatNs(floor.prealloc)}).`,
        );
      }
      tables.push({
        title: `${dtype}, n = ${formatSize(n)}: ours/PyTorch by kind of kernel (geometric means; the shares multiply to the overall mean)`,
        heading: `${dtype}, n = ${formatSize(n)}`,
        header,
        rows: body,
        numeric: header.map((_, i) => i > 0),
        notes,
      });
    }
  }
  return tables;
}

/**
 * What makes each kind of kernel slower than PyTorch's, one line per group that has functions in the
 * run (those functions named, in the run's order).
 */
export function gapReasons(r: Pick<BenchResults, 'cases'>, groups: KernelGroupIndex): string[] {
  const ids = [...new Set(r.cases.map((c) => c.id))];
  return KERNEL_GROUP_ORDER.flatMap((key) => {
    const members = ids.filter((id) => Object.hasOwn(groups, id) && groups[id] === key);
    return members.length ? [`${KERNEL_GROUPS[key].label} (${members.join(', ')}): ${KERNEL_GROUPS[key].why}`] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Tables as data

export interface TableData {
  readonly title: string;
  /** A short heading for the table where there are several of a kind (e.g. 'float32, n = 1e4'). */
  readonly heading?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Which columns are numbers (right-aligned in text). */
  readonly numeric: readonly boolean[];
  readonly notes: readonly string[];
}

/** Per dtype and size: ns/element per engine, then each engine's ratio to PyTorch. */
export function functionTables(r: BenchResults): TableData[] {
  const get = lookup(r);
  const tables: TableData[] = [];
  for (const dtype of r.settings.dtypes) {
    const engines = enginesFor(r, dtype);
    const ratioEngines = engines.filter((e) => e !== 'torch');
    for (const n of r.settings.sizes) {
      const header = [
        'function',
        ...engines.map((e) => ENGINE_LABELS[e]),
        ...(engines.includes('torch') ? ratioEngines.map((e) => `${ENGINE_LABELS[e]}/PT`) : []),
      ];
      const rows = r.cases.map((c) => {
        const v = (e: EngineId) => get(c.key, e, dtype, n)?.nsPerElement ?? null;
        return [
          c.main ? c.label : `${c.label} †`,
          ...engines.map((e) => formatNs(v(e))),
          ...(engines.includes('torch') ? ratioEngines.map((e) => formatRatio(ratio(v(e), v('torch')))) : []),
        ];
      });
      tables.push({
        title: `${dtype}, n = ${formatSize(n)}: ns per element (median), and ratio to PyTorch (PT)`,
        heading: `${dtype}, n = ${formatSize(n)}`,
        header,
        rows,
        numeric: header.map((_, i) => i > 0),
        notes: r.cases.some((c) => !c.main) ? ['† a second mode of a function, shown but not counted in the geometric means'] : [],
      });
    }
  }
  return tables;
}

export function geomeanTables(r: BenchResults): TableData[] {
  const tables: TableData[] = [];
  const mainCount = r.cases.filter((c) => c.main).length;
  for (const dtype of r.settings.dtypes) {
    for (const n of r.settings.sizes) {
      const rows = geomeans(r, dtype, n);
      const notes = rows
        .filter((x) => x.functions.length < mainCount)
        .map((x) => {
          const missing = r.cases.filter((c) => c.main && !x.functions.includes(c.key)).map((c) => c.key);
          return `${ENGINE_LABELS[x.engine]}: over ${x.functions.length} functions (all but ${missing.join(', ')})`;
        });
      const header = ['engine', 'functions', 'ours', 'engine', 'PyTorch', 'ours/PT', 'engine/PT', 'ours/engine'];
      tables.push({
        title: `${dtype}, n = ${formatSize(n)}: geometric means (ns per element) over the functions ours, the engine and PyTorch all have`,
        heading: `${dtype}, n = ${formatSize(n)}`,
        header,
        rows: rows.map((x) => [
          ENGINE_LABELS[x.engine],
          x.functions.length === mainCount ? `all ${mainCount}` : String(x.functions.length),
          formatNs(x.ours),
          formatNs(x.engineValue),
          formatNs(x.torch),
          formatRatio(x.oursOverTorch),
          formatRatio(x.engineOverTorch),
          formatRatio(x.oursOverEngine),
        ]),
        numeric: header.map((_, i) => i > 1),
        notes,
      });
    }
  }
  return tables;
}

export function floorTable(r: BenchResults): TableData {
  const get = lookup(r);
  const header = [
    'dtype',
    'n',
    'copy (loop)',
    'copy (.set)',
    'new + set',
    'unzeroed + set',
    'relu (out)',
    'leakyRelu (out)',
    'relu',
    'leakyRelu',
    'relu (out)/floor',
    'leakyRelu (out)/floor',
    'relu/(new + set)',
    'leakyRelu/(new + set)',
  ];
  const rows: string[][] = [];
  for (const dtype of r.settings.dtypes) {
    for (const n of r.settings.sizes) {
      const f = (m: string) => r.floor.find((x) => x.dtype === dtype && x.n === n && x.method === m)?.nsPerElement ?? null;
      const floor = floorOf(r, dtype, n);
      const v = (id: string, e: EngineId) => get(id, e, dtype, n)?.nsPerElement ?? null;
      rows.push([
        dtype,
        formatSize(n),
        formatNs(f('loop')),
        formatNs(f('set')),
        formatNs(f('alloc')),
        formatNs(f('unzeroed')),
        formatNs(v('relu', 'oursOut')),
        formatNs(v('leakyRelu', 'oursOut')),
        formatNs(v('relu', 'ours')),
        formatNs(v('leakyRelu', 'ours')),
        formatRatio(ratio(v('relu', 'oursOut'), floor.prealloc)),
        formatRatio(ratio(v('leakyRelu', 'oursOut'), floor.prealloc)),
        formatRatio(ratio(v('relu', 'ours'), floor.alloc)),
        formatRatio(ratio(v('leakyRelu', 'ours'), floor.alloc)),
      ]);
    }
  }
  return {
    title:
      'Memory floor (ns per element): copying the input; floor = the faster of the two copies into an existing array; new + set = the floor when the output is allocated; unzeroed + set = the same with the allocation `map(xs)` uses (memory not zeroed first, where Node allows it)',
    header,
    rows,
    numeric: header.map((_, i) => i > 1),
    notes: [],
  };
}

/** float32 accuracy: per function, each engine's largest distance from the exact value in ulps. */
export function accuracyTable(r: BenchResults): TableData | null {
  const acc = r.accuracy ?? [];
  if (acc.length === 0) return null;
  const engines = ENGINES.filter((e) => acc.some((a) => a.engine === e));
  const get = (c: string, e: EngineId) => acc.find((a) => a.case === c && a.engine === e);
  const n = acc[0]!.n;
  const header = ['function', ...engines.map((e) => ENGINE_LABELS[e])];
  const cell = (a: AccuracyEntry | undefined) => (a?.nanMismatch ? 'NaN' : formatUlps(a?.maxUlps));
  const rows = r.cases.map((c) => [c.main ? c.label : `${c.label} †`, ...engines.map((e) => cell(get(c.key, e)))]);
  const within = engines.map((e) => {
    const known = r.cases.filter((c) => get(c.key, e)?.maxUlps != null || get(c.key, e)?.nanMismatch);
    const ok = known.filter((c) => get(c.key, e)!.maxUlps != null && get(c.key, e)!.maxUlps! <= 1).length;
    return `${ENGINE_LABELS[e]}: ${ok} of ${known.length} within 1 ulp`;
  });
  return {
    title: `float32, n = ${formatSize(n)}: the largest distance from the exact value rounded to float32, in float32 ulps (0: always the correctly rounded value; NaN: a NaN where the value is a number, or the reverse)`,
    heading: `float32, n = ${formatSize(n)}`,
    header,
    rows,
    numeric: header.map((_, i) => i > 0),
    notes: [
      `Exact values: this module's float64 functions on the same float32 inputs (accurate to a few float64 ulps), rounded to float32; softmax family: the float64 output of \`softmax(xs)\` rounded to float32, as for a float32 user.`,
      within.join('; '),
      'n/a: the engine has no such operator (the reasons are under "Not measured").',
      ...(r.cases.some((c) => !c.main) ? ['† a second mode of a function'] : []),
    ],
  };
}

/** A goal with nothing measured (its engine was skipped, e.g. no PyTorch on the host) is not a goal missed. */
export function metCell(g: Goal): string {
  return g.value == null ? 'not measured' : g.met ? 'yes' : 'NO';
}

export function goalTable(r: BenchResults): TableData {
  const header = ['goal', 'dtype', 'n', 'measured', 'target', 'met'];
  return {
    title: "The issue's goals",
    header,
    rows: goals(r).map((g) => [g.goal, g.dtype, formatSize(g.n), formatRatio(g.value), g.target, metCell(g)]),
    numeric: [false, false, true, true, false, false],
    notes: [],
  };
}

/** Why an engine has no number for a case: one line per distinct (engine, reason), naming the cases. */
export function naReasons(r: BenchResults): string[] {
  const groups = new Map<string, Set<string>>();
  for (const m of r.measurements) {
    if (m.nsPerElement != null) continue;
    const key = `${ENGINE_LABELS[m.engine]}: ${m.reason ?? 'no reason recorded'}`;
    if (!groups.has(key)) groups.set(key, new Set());
    groups.get(key)!.add(`${m.case} ${m.dtype}`);
  }
  return [...groups].map(([k, cases]) => {
    const list = [...cases];
    const dtypes = new Set(list.map((x) => x.split(' ')[1]));
    const names = [...new Set(list.map((x) => x.split(' ')[0]))];
    return `${k} (${names.join(', ')}${dtypes.size === 1 ? `; ${[...dtypes][0]}` : ''})`;
  });
}

// ---------------------------------------------------------------------------------------------
// Markdown

function renderTable(t: TableData): string {
  return [`### ${t.title}`, '', markdownTable(t.header, t.rows, t.numeric), ...(t.notes.length ? ['', ...t.notes.map((x) => `- ${x}`)] : [])].join('\n');
}

/** bench/results.md, also what the run prints; `groups` is each function's kernel group (from the registry). */
export function renderMarkdown(r: BenchResults, groups: KernelGroupIndex): string {
  const versions = Object.entries(r.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    '# Benchmark results',
    '',
    `Generated by \`${r.command}\` on ${r.date} (took ${r.durationSeconds.toFixed(0)} s). Ratios from this one run are the figures to quote.`,
    '',
    `- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.platform}`,
    `- Versions: ${versions}`,
    `- Inputs: ${r.settings.inputs}`,
    `- Timing: ${r.settings.timing}`,
    '- Engines:',
    ...r.engines.map((e) => `  - ${e.label}: ${e.description}${e.status === 'ok' ? '' : ` — ${e.status}`}`),
    '',
    '## Goals',
    '',
    renderTable(goalTable(r)),
    '',
    '## Where the distance to PyTorch comes from',
    '',
    ...gapTables(r, groups).flatMap((t) => [renderTable(t), '']),
    '### What makes each kind slower',
    '',
    ...gapReasons(r, groups).map((x) => `- ${x}`),
    '',
    '## Geometric means',
    '',
    ...geomeanTables(r).flatMap((t) => [renderTable(t), '']),
    '## Memory floor',
    '',
    renderTable(floorTable(r)),
    '',
    '## Per function',
    '',
    ...functionTables(r).flatMap((t) => [renderTable(t), '']),
    ...(accuracyTable(r) ? ['## Accuracy', '', renderTable(accuracyTable(r)!), ''] : []),
    '## Not measured (n/a)',
    '',
    ...naReasons(r).map((x) => `- ${x}`),
    '',
  ].join('\n');
}

/** Every registry id must have a row, and every engine an entry (number or reason) for it: nothing skipped silently. */
export function coverageProblems(r: BenchResults, ids: readonly string[]): string[] {
  const problems: string[] = [];
  const get = lookup(r);
  for (const id of ids) {
    if (!r.cases.some((c) => c.key === id)) {
      problems.push(`no case for ${id}`);
      continue;
    }
    for (const dtype of r.settings.dtypes) {
      for (const n of r.settings.sizes) {
        for (const e of ENGINES) {
          const m = get(id, e, dtype, n);
          if (!m) problems.push(`${id} ${dtype} n=${n}: no entry for ${e}`);
          else if (m.nsPerElement == null && !m.reason) problems.push(`${id} ${dtype} n=${n}: ${e} has neither a number nor a reason`);
          else if (m.nsPerElement != null && !(m.nsPerElement > 0)) problems.push(`${id} ${dtype} n=${n}: ${e} has ${m.nsPerElement} ns`);
        }
        if (get(id, 'ours', dtype, n)?.nsPerElement == null) problems.push(`${id} ${dtype} n=${n}: ours was not measured`);
      }
    }
  }
  return problems;
}

/**
 * The functions of `ids` (the registry's) that the run has no case for: added since it ran, they are
 * shown as not measured yet until the next `npm run bench`, never an error of the page or the tests.
 */
export function unmeasuredFunctions(r: Pick<BenchResults, 'cases'>, ids: readonly string[]): string[] {
  const measured = new Set(r.cases.filter((c) => c.main).map((c) => c.id));
  return ids.filter((id) => !measured.has(id));
}
