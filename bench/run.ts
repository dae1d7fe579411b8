/**
 * `npm run bench` (= `npm run build && tsx bench/run.ts`): measures, in one run, `map` of every
 * activation in the registry and the softmax family, at n = 1e4 and 1e6, float32 and float64, next to
 * a plain-loop baseline, tfjs (cpu, wasm), onnxruntime-node (CPU) and PyTorch (bench/torch_bench.py
 * through /usr/bin/python3, single thread), on the same deterministic inputs; and the memory floor.
 * Prints the tables and writes bench/results.json and bench/results.md atomically.
 *
 *   tsx bench/run.ts [--quick] [--out DIR] [--render-only]      (options: bench/lib/cli.ts, --help)
 *
 * --quick: fewer and shorter samples, for trying the harness; it writes to .tmp/bench-quick/ unless
 * --out is given, so the committed results only ever come from a full run. --render-only measures
 * nothing: it rewrites results.md from results.json (after a change to bench/lib/report.ts).
 * What is measured comes from the registry: each function's baseline, tfjs and onnx (bench/lib/cases.ts).
 * BENCH_PYTHON names another Python with torch (default /usr/bin/python3).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { writeFileAtomic } from '../src/node/atomic-write.js';
import { parseOrExit } from '../scripts/lib/args.mjs';
import {
  baselineFor,
  benchCases,
  benchFunctions,
  kernelGroupIndex,
  onnxModelFor,
  tfjsOpFor,
  type BenchCase,
  type BenchFunction,
  type FloatArray,
} from './lib/cases.js';
import { BENCH_USAGE, parseBenchArgs } from './lib/cli.js';
import { uniformInputs } from './lib/prng.js';
import { maxUlps32 } from './lib/stats.js';
import {
  ENGINES,
  ENGINE_DESCRIPTIONS,
  ENGINE_LABELS,
  coverageProblems,
  renderMarkdown,
  type AccuracyEntry,
  type BenchResults,
  type Dtype,
  type EngineId,
  type FloorMeasurement,
  type Measurement,
} from './lib/report.js';
import { timeAsync, timeSync, type Timing, type TimingOptions } from './lib/timer.js';
import { cpuModel } from './lib/machine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// The command line first: a wrong one exits with code 2 before anything is loaded or written.
const args = process.argv.slice(2);
const options = parseOrExit('[bench]', BENCH_USAGE, (argv) => parseBenchArgs(argv, ROOT), args);
if (options.help) {
  console.log(BENCH_USAGE);
  process.exit(0);
}
const { quick, outDir: OUT_DIR } = options;
// The built module (dist/), the entry users import; loaded after the command line is checked.
const mod = await import('../dist/index.js');
// The module's own allocation of `map`'s output (src/alloc.ts), for the memory floor.
const { newArray } = await import('../dist/alloc.js');

if (options.renderOnly) {
  // After a change to the report code: the same run, rendered again; nothing is measured.
  const file = path.join(OUT_DIR, 'results.json');
  if (!existsSync(file)) {
    console.error(`[bench] ${path.relative(ROOT, file) || file} is missing: nothing to render (run \`npm run bench\`)`);
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  writeFileAtomic(path.join(OUT_DIR, 'results.md'), renderMarkdown(results, kernelGroupIndex(benchFunctions(mod))));
  console.log(`[bench] rendered ${path.relative(ROOT, path.join(OUT_DIR, 'results.md'))} from ${path.relative(ROOT, file)}`);
  process.exit(0);
}

const SIZES = [1e4, 1e6];
const DTYPES: Dtype[] = ['float32', 'float64'];
const SEED = 20240601;
const RANGE: [number, number] = [-8, 8];
const TIMING: TimingOptions = quick ? { warmupMs: 5, minSampleMs: 2, samples: 3 } : { warmupMs: 30, minSampleMs: 20, samples: 9 };
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

const log = (msg: string) => console.log(`[bench] ${msg}`);
const started = Date.now();

// A full GC between measurements, so that one measurement's garbage is not collected during the next.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------
// Inputs and cases

const base = uniformInputs(Math.max(...SIZES), SEED, RANGE[0], RANGE[1]);
const inputs = new Map<string, FloatArray>();
for (const dtype of DTYPES) for (const n of SIZES) inputs.set(`${dtype}|${n}`, dtype === 'float32' ? Float32Array.from(base.subarray(0, n)) : base.slice(0, n));
const input = (dtype: Dtype, n: number): FloatArray => inputs.get(`${dtype}|${n}`)!;
const Ctor = (dtype: Dtype) => (dtype === 'float32' ? Float32Array : Float64Array);

// Every function of the registry, with what its own file says about baselines, tfjs and ONNX.
const functions = benchFunctions(mod);
const functionOf = new Map(functions.map((f) => [f.id, f]));
const fn = (c: BenchCase): BenchFunction => functionOf.get(c.id)!;
const cases: BenchCase[] = benchCases(functions);
const measurements: Measurement[] = [];

const record = (c: BenchCase, engine: EngineId, dtype: Dtype, n: number, t: Timing | string) =>
  measurements.push(
    typeof t === 'string'
      ? { case: c.key, dtype, n, engine, nsPerElement: null, reason: t }
      : { case: c.key, dtype, n, engine, nsPerElement: (t.msPerCall * 1e6) / n, samples: t.samples, callsPerSample: t.callsPerSample },
  );

// ---------------------------------------------------------------------------------------------
// Accuracy: one more call per engine and function, float32 at the largest n, outside the timing.

const ACC_N = Math.max(...SIZES);
const accuracy: AccuracyEntry[] = [];
/** Whether the accuracy is checked at this type and size. */
const checksAccuracy = (dtype: Dtype, n: number) => dtype === 'float32' && n === ACC_N;

/**
 * The exact values rounded to float32: the module's float64 results on the float32 inputs, rounded.
 * Computed again each time, not kept: 26 arrays of 4 MB held through the timings would change how
 * often the garbage collector runs, and so the times of everything allocating.
 */
function reference(c: BenchCase): Float32Array {
  const x64 = Float64Array.from(input('float32', ACC_N));
  const y = c.kind === 'vector' ? vectorFn(c.id)(x64) : mod.activationById(c.id)!.map(x64, c.params);
  return Float32Array.from(y);
}

/**
 * Records how far `got` (an engine's output for the float32 inputs of size ACC_N) is from the
 * reference; NaNs that disagree are stored as nanMismatch (JSON has no Infinity).
 */
function recordAccuracy(c: BenchCase, engine: EngineId, got: ArrayLike<number> | string): void {
  const at = { case: c.key, dtype: 'float32' as const, n: ACC_N, engine };
  if (typeof got === 'string') {
    accuracy.push({ ...at, maxUlps: null, reason: got });
    return;
  }
  const d = maxUlps32(Float32Array.from(got), reference(c));
  accuracy.push(d === Infinity ? { ...at, maxUlps: null, nanMismatch: true } : { ...at, maxUlps: d });
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim().slice(0, 200);

function measureSync(fn: () => unknown): Timing | string {
  try {
    gc();
    return timeSync(fn, TIMING);
  } catch (e) {
    return `failed: ${firstLine(e)}`;
  }
}

async function measureAsync(fn: () => Promise<unknown>): Promise<Timing | string> {
  try {
    gc();
    return await timeAsync(fn, TIMING);
  } catch (e) {
    return `failed: ${firstLine(e)}`;
  }
}

const engineStatus = new Map<EngineId, string>();

async function engine(id: EngineId, body: () => Promise<void> | void): Promise<void> {
  const t0 = Date.now();
  const before = measurements.length;
  await body();
  const mine = measurements.slice(before);
  const na = mine.filter((m) => m.nsPerElement == null).length;
  log(`${ENGINE_LABELS[id]}: ${mine.length - na} measured, ${na} n/a, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!engineStatus.has(id)) engineStatus.set(id, 'ok');
}

// ---------------------------------------------------------------------------------------------
// This module

type VectorFn = (xs: ArrayLike<number>) => ArrayLike<number>;
function vectorFn(id: string): VectorFn {
  const exported = (mod as unknown as Record<string, unknown>)[id];
  if (typeof exported === 'function') return exported as VectorFn;
  return (xs) => mod.vectorFunctions[id as keyof typeof mod.vectorFunctions].apply(xs);
}

function oursFn(c: BenchCase, dtype: Dtype, n: number, withOut: boolean): (() => unknown) | string {
  const xs = input(dtype, n);
  if (c.kind === 'vector') {
    if (withOut) return `${c.id} takes no out array`;
    const f = vectorFn(c.id);
    return () => f(xs);
  }
  const a = mod.activationById(c.id)!;
  const params = c.main ? undefined : c.params; // defaults through the default path
  if (!withOut) return () => a.map(xs, params);
  const out = new (Ctor(dtype))(n);
  return () => a.map(xs, params, out);
}

async function runOurs(): Promise<void> {
  for (const id of ['ours', 'oursOut'] as const) {
    await engine(id, () => {
      for (const dtype of DTYPES)
        for (const n of SIZES)
          for (const c of cases) {
            const fn = oursFn(c, dtype, n, id === 'oursOut');
            record(c, id, dtype, n, typeof fn === 'string' ? fn : measureSync(fn));
            if (id === 'ours' && checksAccuracy(dtype, n) && typeof fn !== 'string') recordAccuracy(c, id, fn() as ArrayLike<number>);
          }
    });
  }
}

async function runPlain(): Promise<void> {
  await engine('plain', () => {
    for (const dtype of DTYPES)
      for (const n of SIZES)
        for (const c of cases) {
          const kernel = baselineFor(fn(c), c.params);
          const xs = input(dtype, n);
          const C = Ctor(dtype);
          record(
            c,
            'plain',
            dtype,
            n,
            measureSync(() => {
              const out = new C(n);
              kernel(xs, out);
              return out;
            }),
          );
          if (checksAccuracy(dtype, n)) {
            const out = new C(n);
            kernel(xs, out);
            recordAccuracy(c, 'plain', out);
          }
        }
  });
}

// ---------------------------------------------------------------------------------------------
// Memory floor

const floor: FloorMeasurement[] = [];
function copyLoop32(s: FloatArray, d: FloatArray): FloatArray {
  for (let i = 0; i < s.length; i++) d[i] = s[i]!;
  return d;
}
function copyLoop64(s: FloatArray, d: FloatArray): FloatArray {
  for (let i = 0; i < s.length; i++) d[i] = s[i]!;
  return d;
}

function runFloor(): void {
  const t0 = Date.now();
  for (const dtype of DTYPES)
    for (const n of SIZES) {
      const src = input(dtype, n);
      const dst = new (Ctor(dtype))(n);
      // One loop function per array type, so each stays monomorphic.
      const loop = dtype === 'float32' ? copyLoop32 : copyLoop64;
      const C = Ctor(dtype);
      const methods: [FloorMeasurement['method'], () => unknown][] = [
        ['loop', () => loop(src, dst)],
        ['set', () => dst.set(src)],
        [
          'alloc',
          () => {
            const d = new C(n);
            d.set(src);
            return d;
          },
        ],
        [
          'unzeroed',
          () => {
            const d: FloatArray = dtype === 'float32' ? newArray(Float32Array, n) : newArray(Float64Array, n);
            d.set(src);
            return d;
          },
        ],
      ];
      for (const [method, fn] of methods) {
        const t = measureSync(fn);
        if (typeof t === 'string') throw new Error(`memory floor ${method} ${dtype} n=${n}: ${t}`);
        floor.push({ dtype, n, method, nsPerElement: (t.msPerCall * 1e6) / n });
      }
    }
  log(`memory floor: ${floor.length} measured in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// tfjs

const versionOf = (pkg: string): string => {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
  } catch {
    return 'missing';
  }
};

async function runTfjs(): Promise<void> {
  let tf: typeof import('@tensorflow/tfjs-core');
  try {
    tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
  } catch (e) {
    for (const id of ['tfjsCpu', 'tfjsWasm'] as const) {
      engineStatus.set(id, `skipped (${firstLine(e)})`);
      for (const dtype of DTYPES) for (const n of SIZES) for (const c of cases) record(c, id, dtype, n, `tfjs not available: ${firstLine(e)}`);
    }
    return;
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  for (const [id, backend] of [
    ['tfjsCpu', 'cpu'],
    ['tfjsWasm', 'wasm'],
  ] as const) {
    await engine(id, async () => {
      let ready = false;
      let why = '';
      const warn = console.warn;
      const logFn = console.log;
      try {
        // tfjs prints an advertisement for tfjs-node when the cpu backend starts in Node.
        console.warn = console.log = () => {};
        ready = await tf.setBackend(backend);
        await tf.ready();
        // The same advertisement again on the cpu backend's first write (it checks this flag).
        (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
      } catch (e) {
        why = firstLine(e);
      } finally {
        console.warn = warn;
        console.log = logFn;
      }
      if (!ready || tf.getBackend() !== backend) {
        engineStatus.set(id, `skipped (backend ${backend} did not start${why ? `: ${why}` : ''})`);
        for (const dtype of DTYPES)
          for (const n of SIZES) for (const c of cases) record(c, id, dtype, n, `tfjs ${backend} backend did not start${why ? `: ${why}` : ''}`);
        return;
      }
      if (backend === 'wasm') {
        const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
        const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
        engineStatus.set(id, `ok (SIMD ${simd ? 'on' : 'OFF'}, threads ${threads ? 'ON' : 'off'})`);
      }
      for (const dtype of DTYPES)
        for (const n of SIZES) {
          const x = dtype === 'float32' ? tf.tensor1d(input(dtype, n) as Float32Array) : null;
          for (const c of cases) {
            if (!x) {
              record(c, id, dtype, n, 'tfjs has no float64 tensors');
              continue;
            }
            const op = tfjsOpFor(tf, fn(c), c.params);
            if (typeof op === 'string') {
              record(c, id, dtype, n, op);
              if (checksAccuracy(dtype, n)) recordAccuracy(c, id, op);
              continue;
            }
            record(
              c,
              id,
              dtype,
              n,
              measureSync(() => op(x).dispose()),
            );
            if (checksAccuracy(dtype, n)) {
              const t = op(x);
              recordAccuracy(c, id, t.dataSync() as Float32Array);
              t.dispose();
            }
          }
          x?.dispose();
        }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// onnxruntime-node

async function runOrt(): Promise<void> {
  let ort: typeof import('onnxruntime-node');
  try {
    ort = await import('onnxruntime-node');
  } catch (e) {
    engineStatus.set('ort', `skipped (${firstLine(e)})`);
    for (const dtype of DTYPES) for (const n of SIZES) for (const c of cases) record(c, 'ort', dtype, n, `onnxruntime-node not available: ${firstLine(e)}`);
    return;
  }
  await engine('ort', async () => {
    for (const dtype of DTYPES)
      for (const c of cases) {
        const built = onnxModelFor(fn(c), c.params, dtype);
        let session: import('onnxruntime-node').InferenceSession | string;
        if (typeof built === 'string') session = built;
        else {
          try {
            session = await ort.InferenceSession.create(built.model, {
              intraOpNumThreads: 1,
              interOpNumThreads: 1,
              executionMode: 'sequential',
              graphOptimizationLevel: 'all',
            });
          } catch (e) {
            session = `ORT cannot run ${built.op.opType} in ${dtype}: ${firstLine(e)}`;
          }
        }
        for (const n of SIZES) {
          if (typeof session === 'string') {
            record(c, 'ort', dtype, n, session);
            if (checksAccuracy(dtype, n)) recordAccuracy(c, 'ort', session);
            continue;
          }
          const s = session;
          const feeds = { x: new ort.Tensor(dtype, input(dtype, n), [n]) };
          record(c, 'ort', dtype, n, await measureAsync(async () => (await s.run(feeds)).y));
          if (checksAccuracy(dtype, n)) recordAccuracy(c, 'ort', (await s.run(feeds)).y!.data as Float32Array);
        }
        if (typeof session !== 'string') await session.release();
      }
  });
}

// ---------------------------------------------------------------------------------------------
// PyTorch

const versions: Record<string, string> = {};

async function runTorch(): Promise<void> {
  const t0 = Date.now();
  const skip = (why: string) => {
    console.log(`PyTorch: skipped (${why})`);
    engineStatus.set('torch', `skipped (${why})`);
    for (const dtype of DTYPES) for (const n of SIZES) for (const c of cases) record(c, 'torch', dtype, n, `PyTorch skipped: ${why}`);
  };
  if (!existsSync(PYTHON)) return skip(`${PYTHON} not found; set BENCH_PYTHON to a Python with torch`);
  const tmp = mkdtemp();
  try {
    const inputFile = path.join(tmp, 'inputs.f64');
    writeFileSync(inputFile, new Uint8Array(base.buffer, base.byteOffset, base.byteLength)); // little-endian on every platform Node runs on here
    // The exact values for the float32 accuracy check, one file per case (float32, little-endian).
    const refs: Record<string, string> = {};
    for (const c of cases) {
      const ref = reference(c);
      refs[c.key] = path.join(tmp, `ref-${c.key.replace(/[^A-Za-z0-9]/g, '_')}.f32`);
      writeFileSync(refs[c.key]!, new Uint8Array(ref.buffer, ref.byteOffset, ref.byteLength));
    }
    const jobFile = path.join(tmp, 'job.json');
    writeFileSync(
      jobFile,
      JSON.stringify({
        input: inputFile,
        sizes: SIZES,
        dtypes: DTYPES,
        cases: cases.map((c) => ({ key: c.key, id: c.id, params: c.params })),
        timing: { warmup_ms: TIMING.warmupMs, min_sample_ms: TIMING.minSampleMs, samples: TIMING.samples },
        accuracy: { n: ACC_N, refs },
      }),
    );
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(PYTHON, [path.join(ROOT, 'bench', 'torch_bench.py'), jobFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stdout: out }));
    });
    const last = stdout.trim().split('\n').pop() ?? '';
    let parsed: {
      error?: string;
      versions?: Record<string, string>;
      measurements?: Measurement[];
      threads?: number;
      cpuCapability?: string | null;
      accuracy?: AccuracyEntry[];
    };
    try {
      parsed = JSON.parse(last);
    } catch {
      return skip(`bench/torch_bench.py exited with code ${code} and printed no result`);
    }
    if (parsed.error) return skip(parsed.error);
    for (const [k, v] of Object.entries(parsed.versions ?? {})) versions[k] = v;
    for (const m of parsed.measurements ?? []) measurements.push(m);
    for (const a of parsed.accuracy ?? []) accuracy.push(a);
    engineStatus.set('torch', `ok (${parsed.threads} thread${parsed.cpuCapability ? `, ${parsed.cpuCapability} kernels` : ''})`);
    const mine = parsed.measurements ?? [];
    log(
      `PyTorch: ${mine.filter((m) => m.nsPerElement != null).length} measured, ${mine.filter((m) => m.nsPerElement == null).length} n/a, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    skip(firstLine(e));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function mkdtemp(): string {
  const dir = path.join(os.tmpdir(), `activation-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  log(
    `${cases.length} cases (${mod.activationIds.length} activations, ${cases.filter((c) => !c.main).length} variant, ${mod.vectorFunctionIds.length} softmax family) × n ${SIZES.join(', ')} × ${DTYPES.join(', ')}${quick ? ' (quick mode)' : ''}`,
  );
  runFloor();
  await runOurs();
  await runPlain();
  await runTfjs();
  await runOrt();
  await runTorch();

  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const results: BenchResults = {
    schema: 1,
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: new Date().toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    machine: {
      cpu: cpuModel(),
      cores: os.availableParallelism(),
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
    },
    versions: {
      'activation-functions': pkg.version,
      node: process.version,
      v8: process.versions.v8,
      '@tensorflow/tfjs-core': versionOf('@tensorflow/tfjs-core'),
      '@tensorflow/tfjs-backend-wasm': versionOf('@tensorflow/tfjs-backend-wasm'),
      'onnxruntime-node': versionOf('onnxruntime-node'),
      ...versions,
    },
    settings: {
      sizes: SIZES,
      dtypes: DTYPES,
      inputs: `uniform in [${RANGE.join(', ')}), mulberry32 seed ${SEED}, generated in float64 (float32: rounded); n = 1e4 is the first 1e4 of the 1e6; the same samples for every engine (PyTorch reads them from a binary file)`,
      timing: `per measurement: a full GC, warm-up ≥ ${TIMING.warmupMs} ms, then the median of ${TIMING.samples} samples of k calls each, k chosen so a sample lasts ≥ ${TIMING.minSampleMs} ms; ns per element = time per call / n; every engine allocates its output per call except "ours (out)" and the copies into an existing array`,
    },
    engines: ENGINES.map((id) => ({ id, label: ENGINE_LABELS[id], description: ENGINE_DESCRIPTIONS[id], status: engineStatus.get(id) ?? 'not run' })),
    cases: cases.map((c) => ({ key: c.key, id: c.id, kind: c.kind, label: c.label, params: c.params, main: c.main })),
    measurements,
    floor,
    accuracy,
  };
  const problems = coverageProblems(results, [...mod.activationIds, ...mod.vectorFunctionIds]);
  const markdown = renderMarkdown(results, kernelGroupIndex(functions));
  writeFileAtomic(path.join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileAtomic(path.join(OUT_DIR, 'results.md'), markdown);
  console.log(`\n${markdown}`);
  log(`wrote ${path.relative(ROOT, path.join(OUT_DIR, 'results.json'))} and results.md; the run took ${results.durationSeconds.toFixed(0)} s`);
  if (problems.length) {
    console.error(`[bench] INCOMPLETE: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(`[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
