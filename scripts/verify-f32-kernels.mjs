#!/usr/bin/env node
// Exhaustive check of the float32 WebAssembly kernels that are not bit-exact (asm/fast32.ts, the
// float32 kernels of the exponential family): for every one of the 2^32 float32 bit patterns x,
// map(Float32Array) must lie within 1 float32 ulp of the exact value, measured against the
// reference Math.fround(forward(x)) (forward computed in float64, accurate to a few float64 ulps,
// so its rounding is the exact value's rounding except in ties, which are counted). NaN must give
// NaN, and ±∞, ±0 inputs and every result where the reference is ±0, ±∞ must match it exactly
// (sign of zero included). Reports, per function, the maximum distance in ulps (bit-pattern
// distance), how many results differ from the reference, and how many reference values were exact
// float64 midpoints between two float32 values (ties).
//
// Usage: see USAGE below (`npm run verify:f32 -- --help`). --stride=s checks every s-th bit pattern
// (a dense sample of 2^32/s inputs) plus, always, every special value; --params sets parameters over
// the defaults. Which rule a function is held to comes from the kernel its float32 map runs with
// those parameters (float32KernelOf in src/kernels/wasm.ts): a kernel marked within1Ulp in
// src/kernels/kernel-names.generated.ts (it calls asm/fast32.ts; scripts/build-wasm.mjs derives the
// mark) is held to the 1-ulp rule; any other, and the TypeScript loop, must equal fround(forward)
// exactly ("(exact)" in the output). Not part of npm test (it takes minutes per function);
// test/kernels.test.ts runs its argument checks and a sparse sample. Exit codes: 0 all ok, 1 a check
// failed, 2 a wrong command line.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, integerOption, parseCommandLine, parseOrExit } from './lib/args.mjs';

const CHUNK = 1 << 20;
const MAX_WORKERS = 64;

export const USAGE = `usage: node scripts/verify-f32-kernels.mjs [options]   (npm run verify:f32 -- [options])
  --fns=a,b,…     activations to check, registry ids (default: each function whose float32 map
                  runs a kernel within 1 ulp rather than exact, at its defaults or at another of its
                  reference's parameter sets; each such kernel once)
  --stride=s      check every s-th float32 bit pattern, 1 ≤ s ≤ 2^32 (default 1: all 2^32 of them)
  --workers=w     worker threads, 1 ≤ w ≤ ${MAX_WORKERS} (default 2)
  --params=JSON   parameters over the defaults, e.g. '{"lambda":0.1}' (of every function checked)
  --out=FILE      also write the report to FILE (a Markdown page; bench/verify-f32.md is the committed
                  one, from a whole run: no --fns, --params or --stride)
  --help          this text`;

/**
 * The command line, without the registry: { help } or { fns (names, unchecked; undefined: the
 * default list, see `defaultFunctions`), stride, workers, params }. Pure (no I/O); throws a UsageError for an unknown option, a stray argument, a missing
 * value or a value that is not a number in range, or --params that is not a JSON object.
 */
export function parseVerifyArgs(argv) {
  const { values } = parseCommandLine(argv, {
    fns: { type: 'string' },
    stride: { type: 'string' },
    workers: { type: 'string' },
    params: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) return { help: true };
  const fns = values.fns === undefined ? undefined : [...new Set(values.fns.split(',').map((s) => s.trim()))];
  const stride = values.stride === undefined ? 1 : integerOption('stride', values.stride, 1);
  if (stride > 2 ** 32) throw new UsageError(`--stride must be at most 2^32 = ${2 ** 32}, got ${values.stride}`);
  const workers = values.workers === undefined ? 2 : integerOption('workers', values.workers, 1);
  if (workers > MAX_WORKERS) throw new UsageError(`--workers must be at most ${MAX_WORKERS}, got ${values.workers}`);
  let params = {};
  if (values.params !== undefined) {
    try {
      params = JSON.parse(values.params);
    } catch {
      throw new UsageError(`--params must be a JSON object, got ${JSON.stringify(values.params)}`);
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      throw new UsageError(`--params must be a JSON object, got ${JSON.stringify(values.params)}`);
    }
  }
  return { help: false, fns, stride, workers, params, out: values.out };
}

/**
 * Checks the names and parameters against the registry (`byId(id)`: the activation or undefined);
 * throws a UsageError for an unknown function or a parameter one of them does not have.
 */
export function checkAgainstRegistry({ fns, params }, ids, byId) {
  for (const id of fns) {
    if (byId(id) === undefined) throw new UsageError(`--fns: unknown function ${JSON.stringify(id)} (one of: ${ids.join(', ')})`);
  }
  for (const key of Object.keys(params)) {
    const without = fns.filter((id) => !Object.hasOwn(byId(id).defaults, key));
    if (without.length > 0) throw new UsageError(`--params: ${without.join(', ')} has no parameter ${JSON.stringify(key)}`);
  }
}

/**
 * What is checked when --fns is not given: in registry order, each function and parameter set (its
 * defaults, then its reference's other sets) whose float32 map runs a within-1-ulp kernel, skipping
 * one whose kernel an earlier entry already runs (swish at β = 1 runs silu's kernel), so that every
 * such kernel is checked once. `kernelOf(id, params)`: float32KernelOf for id with those parameters;
 * `paramSetsOf(id)`: the other parameter sets. Returns [{ id, params }].
 */
export function defaultFunctions(ids, kernelOf, paramSetsOf = () => []) {
  const seen = new Set();
  const out = [];
  for (const id of ids) {
    for (const params of [{}, ...paramSetsOf(id)]) {
      const { kernel, within1Ulp } = kernelOf(id, params);
      if (!within1Ulp || seen.has(kernel)) continue;
      seen.add(kernel);
      out.push({ id, params });
    }
  }
  return out;
}

/**
 * Runs id over bit patterns [from, to) with the given stride; returns its statistics. `exact`: any
 * difference from fround(forward) fails, not only one over 1 ulp.
 */
async function check(id, from, to, stride, params, exact) {
  const { activations } = await import('../src/registry.ts');
  const { setKernelMode } = await import('../src/kernels/wasm.ts');
  setKernelMode('wasm');
  const act = activations[id];
  const p = { ...act.defaults, ...params };
  const bits = new Uint32Array(CHUNK);
  const xs = new Float32Array(bits.buffer);
  const out = new Float32Array(CHUNK);
  const outBits = new Uint32Array(out.buffer);
  const ref = new Float32Array(CHUNK);
  const refBits = new Uint32Array(ref.buffer);
  const r64 = new Float64Array(1);
  const r64w = new Uint32Array(r64.buffer);
  const st = { id, checked: 0, differ: 0, maxUlp: 0, over1: 0, strict: 0, ties: 0, examples: [] };
  const ord = (b) => (b & 0x80000000 ? -(b & 0x7fffffff) : b);
  for (let start = from; start < to; start += CHUNK * stride) {
    let n = 0;
    for (let b = start; b < to && n < CHUNK; b += stride) bits[n++] = b >>> 0;
    const x = n === CHUNK ? xs : xs.subarray(0, n);
    const y = n === CHUNK ? out : out.subarray(0, n);
    act.map(x, p, y);
    for (let i = 0; i < n; i++) {
      const v = act.forward(xs[i], p);
      ref[i] = v;
      const rb = refBits[i];
      const ob = outBits[i];
      if (rb === ob) continue;
      const xv = xs[i];
      const refNaN = v !== v;
      const outNaN = out[i] !== out[i];
      if (refNaN && outNaN) continue;
      st.differ++;
      // ties: v exactly halfway between two float32 (normal range: the low 29 mantissa bits are 1000…0)
      r64[0] = v;
      if ((r64w[0] & 0x1fffffff) === 0x10000000) st.ties++;
      let bad = false;
      if (refNaN || outNaN || xv !== xv || xv === 0 || !Number.isFinite(xv) || ref[i] === 0 || !Number.isFinite(ref[i])) {
        st.strict++;
        bad = true;
      }
      if (exact) bad = true;
      const d = Math.abs(ord(rb) - ord(ob));
      if (d > st.maxUlp) st.maxUlp = d;
      if (d > 1) {
        st.over1++;
        bad = true;
      }
      if (bad && st.examples.length < 10) st.examples.push(`x=${xv} (0x${bits[i].toString(16)}): kernel ${out[i]}, ref ${ref[i]}`);
    }
    st.checked += n;
  }
  return st;
}

/**
 * Writes the report to `file` (atomically: a failed run leaves the old one), headed by how it was
 * made: the command, the machine's Node, the date, and whether every check passed.
 */
async function writeReport(file, lines, stride, workers, failed) {
  const { loadAtomicWrite } = await import('./lib/env.mjs');
  const { writeFileAtomic } = await loadAtomicWrite();
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--out'));
  const text = [
    '# Float32 kernels within 1 ulp: the exhaustive check',
    '',
    `Generated by \`npm run verify:f32${args.length ? ` -- ${args.join(' ')}` : ''}\` (scripts/verify-f32-kernels.mjs) on ${new Date().toISOString()}, Node ${process.version}, ${workers} worker${workers === 1 ? '' : 's'}; do not edit.`,
    '',
    `Every float32 bit pattern${stride === 1 ? '' : ` (every ${stride}th, and the special values)`} through each WebAssembly kernel marked within 1 ulp, against the float32 rounding of \`forward\` (float64). ${failed ? '**A check failed.**' : 'Every check passed.'}`,
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n');
  writeFileAtomic(file, text);
}

/**
 * src/ is TypeScript: loads it through tsx (a devDependency), here and in each worker, with both of
 * its hooks: src/kernels/wasm.ts reads the module's bytes in Node through `require`, which tsx's ESM
 * hook alone does not cover. Without them the kernels would load later, asynchronously, and the first
 * calls (the check of which kernel runs, whole chunks) would run the TypeScript loops: this script
 * would pass while checking no WebAssembly at all. So it stops unless the kernels are loaded.
 */
async function loadSources() {
  (await import('tsx/esm/api')).register();
  (await import('tsx/cjs/api')).register();
  const { wasmKernelsReady } = await import('../src/kernels/wasm.ts');
  if (!wasmKernelsReady()) {
    console.error(
      'verify-f32-kernels: the WebAssembly kernels did not load (WebAssembly SIMD missing, or src/kernels/wasm-bytes.generated.ts unreadable): nothing to verify',
    );
    process.exit(1);
  }
}

const entry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMainThread && entry) {
  const options = parseOrExit('verify-f32-kernels:', USAGE, parseVerifyArgs);
  if (options.help) {
    console.log(USAGE);
    process.exit(0);
  }
  await loadSources();
  const { activationById, activationIds } = await import('../src/registry.ts');
  const { float32KernelOf } = await import('../src/kernels/wasm.ts');
  const kernelOf = (id, params) => {
    const act = activationById(id);
    const p = { ...act.defaults, ...params };
    return float32KernelOf((xs) => act.map(xs, p));
  };
  if (options.fns !== undefined) {
    parseOrExit('verify-f32-kernels:', USAGE, () => checkAgainstRegistry(options, activationIds, activationById));
  }
  const jobs =
    options.fns?.map((id) => ({ id, params: options.params })) ??
    defaultFunctions(activationIds, kernelOf, (id) => activationById(id).reference.paramSets ?? []).map((j) => ({
      id: j.id,
      params: { ...j.params, ...options.params },
    }));
  const { workers, stride } = options;
  const total = 2 ** 32;
  let failed = false;
  const report = [];
  for (const { id, params } of jobs) {
    const t0 = Date.now();
    const exact = !kernelOf(id, params).within1Ulp;
    const span = Math.ceil(total / workers / (CHUNK * stride)) * CHUNK * stride;
    const parts = [];
    for (let w = 0; w < workers; w++) {
      const from = w * span;
      const to = Math.min(total, from + span);
      if (from >= to) break;
      parts.push(
        new Promise((resolve, reject) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { verifyF32: true, id, from, to, stride, params, exact } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
      );
    }
    // Special values always, whatever the stride: ±0, ±∞, NaNs, the subnormal edges, ±FLT_MAX.
    const specials = [
      0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 1, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff,
      0xff7fffff,
    ];
    const res = await Promise.all(parts);
    const sp = await Promise.all(specials.map((b) => check(id, b, b + 1, 1, params, exact)));
    const all = [...res, ...sp];
    const sum = (k) => all.reduce((a, r) => a + r[k], 0);
    const maxUlp = Math.max(...all.map((r) => r.maxUlp));
    const ok = sum('over1') === 0 && sum('strict') === 0 && (!exact || sum('differ') === 0);
    failed ||= !ok;
    const lines = [
      `${id.padEnd(11)} ${ok ? 'ok  ' : 'FAIL'}${exact ? ' (exact)' : ''}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''} checked ${sum('checked')} (stride ${stride}), max ${maxUlp} ulp, ` +
        `${sum('differ')} differ from fround(forward) (${sum('ties')} ties), ${sum('over1')} > 1 ulp, ` +
        `${sum('strict')} special-value mismatches, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      ...all
        .flatMap((r) => r.examples)
        .slice(0, 10)
        .map((e) => `    ${e}`),
    ];
    for (const line of lines) console.log(line);
    report.push(...lines);
  }
  if (options.out !== undefined) await writeReport(options.out, report, stride, workers, failed);
  process.exit(failed ? 1 : 0);
} else if (!isMainThread && workerData?.verifyF32) {
  await loadSources();
  const { id, from, to, stride, params, exact } = workerData;
  parentPort.postMessage(await check(id, from, to, stride, params, exact));
}
