#!/usr/bin/env node
// `npm run notebooks:run`: executes the notebooks through the tslab kernel with Jupyter's own
// nbclient (scripts/execute_notebooks.py, run by the Python that has Jupyter) and writes the
// executed copies to .cache/notebooks/executed/<name>.ipynb, where the exporter reads them.
//
//   node scripts/run-notebooks.mjs [--force] [--no-build] [--jobs N] [--timeout SECONDS] [--out-dir DIR] [notebook.ipynb …]
//
// A notebook is executed again only when it, the built module (dist/), the committed experiment
// results (experiments/results/, which notebooks 00 and 05 read) or this runner changed: the hash of
// those inputs is stored beside the output (<name>.ipynb.hash.json), so a rebuild that writes the
// same dist/ runs nothing. dist/ is built first when it is older than src/ (--no-build
// skips that). Only in the executed copy, a first cell records unhandled rejections and uncaught
// exceptions, each code cell records its number, and a last cell fails if anything was recorded:
// tslab itself lets such errors pass, and their messages can land after nbclient stopped listening.
// The copy gets the original cells back. On failure the previous executed copy is left as it was
// and the exit code is 1, after a report naming the notebook, the cell and the cell's stderr.
// --jobs N runs N kernels at a time (default 2).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { integerOption, parseCommandLine, parseOrExit, positiveNumberOption } from './lib/args.mjs';
import { KERNEL_NAME, ROOT, jupyterEnv, loadAtomicWrite } from './lib/env.mjs';
import {
  DIST,
  EXECUTED_DIR,
  acquireLock,
  ensureDistBuilt,
  ensureSelfLink,
  jupyterPython,
  listFiles,
  listNotebooks,
  requireKernelspec,
} from './lib/notebooks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXECUTOR = path.join(HERE, 'execute_notebooks.py');
// Committed experiment results: notebooks read them through the module's loadResults.
const RESULTS = path.join(ROOT, 'experiments', 'results');
const INJECTED = 'activations_runner';
const MARKER = '[notebook runner]';
const CELL_PREFIX = /^\(globalThis as any\)\.activationsNotebookRunner\.cell = \d+; /;

const log = (msg) => console.log(`[notebooks] ${msg}`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// tslab cells: TypeScript 5.0 without strict mode; names starting with "__" break in tslab.
const SETUP_CELL = `// Injected by scripts/run-notebooks.mjs, only in the executed copy: records errors no cell awaited.
{
  const state = (globalThis as any).activationsNotebookRunner ?? { errors: [], cell: 0 };
  if (!(globalThis as any).activationsNotebookRunner) {
    (globalThis as any).activationsNotebookRunner = state;
    const record = (kind: string, error: unknown) => {
      const text = error instanceof Error ? error.stack || String(error) : String(error);
      state.errors.push({ cell: state.cell, kind, text });
    };
    process.on('unhandledRejection', (reason) => record('unhandled promise rejection', reason));
    process.on('uncaughtException', (error) => record('uncaught exception', error));
  }
}`;

const CHECK_CELL = `// Injected by scripts/run-notebooks.mjs, only in the executed copy: fails if any error was left unawaited.
await new Promise((resolve) => setTimeout(resolve, 100));
{
  const errors: { cell: number; kind: string; text: string }[] = (globalThis as any).activationsNotebookRunner.errors;
  if (errors.length > 0) {
    // One JSON line per error, read back by the runner.
    for (const e of errors) process.stderr.write(${JSON.stringify(MARKER)} + ' ' + JSON.stringify(e) + '\\n');
    throw new Error(errors.length + ' error(s) that no cell awaited');
  }
}`;

export const USAGE = 'usage: node scripts/run-notebooks.mjs [--force] [--no-build] [--jobs N] [--timeout SECONDS] [--out-dir DIR] [notebook.ipynb …]';

/**
 * The runner's options from its command line (pure; throws a UsageError, exit code 2): --jobs a whole
 * number ≥ 1, --timeout seconds > 0, --out-dir a folder; positionals are notebooks.
 */
export function parseRunnerArgs(argv, cwd = process.cwd()) {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      force: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'out-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { positionals: true },
  );
  return {
    help: values.help ?? false,
    force: values.force ?? false,
    build: !values['no-build'],
    jobs: values.jobs !== undefined ? integerOption('jobs', values.jobs) : Math.max(1, Math.min(2, availableParallelism())),
    timeout: values.timeout !== undefined ? positiveNumberOption('timeout', values.timeout) : 300,
    outDir: values['out-dir'] !== undefined ? path.resolve(cwd, values['out-dir']) : EXECUTED_DIR,
    files: positionals.map((f) => path.resolve(cwd, f)),
  };
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'missing';
  }
}

/** Everything besides the notebook itself that changes what an executed notebook contains. */
function sharedInputs() {
  const dist = createHash('sha256');
  for (const f of listFiles(DIST).sort()) dist.update(path.relative(DIST, f)).update('\0').update(readFileSync(f)).update('\0');
  const results = createHash('sha256');
  for (const f of listFiles(RESULTS).sort()) results.update(path.relative(RESULTS, f)).update('\0').update(readFileSync(f)).update('\0');
  return {
    dist: dist.digest('hex'),
    results: results.digest('hex'),
    runner: sha256(readFileSync(fileURLToPath(import.meta.url)) + '\0' + readFileSync(EXECUTOR)),
    tslab: versionOf('tslab'),
    plotly: versionOf('plotly.js-basic-dist-min'),
    node: process.version,
  };
}

const rel = (p) => {
  const r = path.relative(ROOT, p);
  return r.startsWith('..') ? p : r;
};

function sourceText(cell) {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
}

function cellStderr(cell) {
  const parts = [];
  for (const out of cell.outputs ?? []) {
    if (out.output_type === 'stream' && out.name === 'stderr') parts.push(Array.isArray(out.text) ? out.text.join('') : out.text);
    if (out.output_type === 'error') parts.push(`${out.ename}: ${out.evalue}\n${(out.traceback ?? []).join('\n')}`);
  }
  return stripVTControlCharacters(parts.join('')).trimEnd();
}

const injectedCell = (source, role) => ({
  cell_type: 'code',
  execution_count: null,
  metadata: { [INJECTED]: role },
  outputs: [],
  source,
});

/**
 * Describes a failed run: which cell (1-based, as in the notebook without the injected cells), its
 * first source line and its stderr. An unawaited error is attributed to the cell whose stderr got
 * the recorder's message, i.e. the cell that was running when it happened.
 */
function describeFailure(file, executed, result) {
  const cells = executed.cells;
  const last = cells.length - 1;
  const where = (i) => {
    const cell = cells[i];
    const first =
      sourceText(cell)
        .replace(CELL_PREFIX, '')
        .split('\n')
        .find((l) => l.trim() && !l.trim().startsWith('//')) ?? '';
    return `cell ${i} of ${last - 1} (${cell.cell_type}${cell.execution_count ? `, In [${cell.execution_count - 1}]` : ''}): ${first.trim().slice(0, 100)}`;
  };
  const lines = [`FAILED ${rel(file)}`];
  const index = result.cell_index;
  if (index === last) {
    const recorded = cellStderr(cells[last])
      .split('\n')
      .filter((l) => l.startsWith(MARKER + ' '))
      .map((l) => JSON.parse(l.slice(MARKER.length + 1)));
    if (recorded.length === 0) lines.push(indent(cellStderr(cells[last]) || result.error));
    for (const e of recorded) {
      lines.push(
        e.cell > 0 && e.cell < last
          ? `  ${where(e.cell)}\n  left an error that nothing awaited (${e.kind}), raised while it was the running cell:`
          : `  an error that nothing awaited (${e.kind}), raised before the first cell:`,
        indent(e.text),
      );
      const stderr = e.cell > 0 && e.cell < last ? cellStderr(cells[e.cell]) : '';
      if (stderr) lines.push("  the cell's stderr:", indent(stderr));
    }
  } else if (index === 0) {
    lines.push("  the runner's injected setup cell failed:", indent(cellStderr(cells[0]) || result.error));
  } else if (Number.isInteger(index)) {
    const stderr = cellStderr(cells[index]);
    lines.push(`  ${where(index)}`, `  ${result.error_type}; the cell's stderr:`, indent(stderr || '(empty)'));
    if (!stderr) lines.push(indent(result.error));
  } else {
    lines.push(`  ${result.error_type} before any cell ran:`, indent(result.error));
  }
  return lines.join('\n');
}

const indent = (text) =>
  String(text)
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

function runExecutor(python, jobs, parallel, onResult) {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [EXECUTOR, '--jobs', String(parallel)], {
      cwd: ROOT,
      env: jupyterEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) onResult(JSON.parse(line));
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(EXECUTOR)} exited with code ${code}:\n${stderr.trim()}`));
    });
    child.stdin.end(JSON.stringify(jobs));
  });
}

async function main() {
  const opts = parseOrExit('[notebooks]', USAGE, (argv) => parseRunnerArgs(argv));
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const started = Date.now();
  const defaultSet = opts.files.length === 0;
  const files = defaultSet ? listNotebooks() : opts.files;
  for (const f of files) if (!existsSync(f)) throw new Error(`no such notebook: ${f}`);
  if (files.length === 0) {
    log('no notebooks found in notebooks/');
    return 0;
  }
  if (opts.build) ensureDistBuilt(log);
  const python = jupyterPython();
  requireKernelspec();
  if (ensureSelfLink()) log("linked node_modules to the repository, for the notebooks' imports by name");
  mkdirSync(opts.outDir, { recursive: true });
  const release = await acquireLock(opts.outDir, log);
  try {
    return await runAll(files, opts, python, defaultSet, started);
  } finally {
    release();
  }
}

async function runAll(files, opts, python, defaultSet, started) {
  const { writeFileAtomic } = await loadAtomicWrite();
  const shared = sharedInputs();
  const tmpDir = path.join(opts.outDir, '.tmp');
  mkdirSync(tmpDir, { recursive: true });

  if (defaultSet && opts.outDir === EXECUTED_DIR) {
    // An executed copy of a notebook that no longer exists would still be exported.
    const names = new Set(files.map((f) => path.basename(f)));
    for (const f of listFiles(opts.outDir, new Set(['.tmp']))) {
      const base = path.basename(f);
      const nb = base.endsWith('.ipynb') ? base : base.endsWith('.ipynb.hash.json') ? base.slice(0, -'.hash.json'.length) : null;
      if (nb && !names.has(nb)) {
        rmSync(f);
        log(`removed ${rel(f)} (its notebook is gone)`);
      }
    }
  }

  const jobs = [];
  for (const file of files) {
    const name = path.basename(file);
    const out = path.join(opts.outDir, name);
    const hashFile = `${out}.hash.json`;
    const raw = readFileSync(file, 'utf8');
    const inputs = { notebook: sha256(raw), ...shared };
    const hash = sha256(JSON.stringify(inputs));
    let previous = null;
    try {
      previous = JSON.parse(readFileSync(hashFile, 'utf8')).hash;
    } catch {
      // never executed
    }
    if (!opts.force && previous === hash && existsSync(out)) {
      log(`skipped ${rel(file)} (unchanged since its last run)`);
      continue;
    }
    let nb;
    try {
      nb = JSON.parse(raw);
    } catch (e) {
      throw new Error(`${rel(file)} is not valid JSON: ${e.message}`);
    }
    if (!Array.isArray(nb?.cells)) throw new Error(`${rel(file)} is not a notebook (no cells array)`);
    // Each code cell first records its number, on its own first line so line numbers in
    // compiler errors stay right; the executed copy gets the original sources back.
    const cells = nb.cells.map((cell, i) =>
      cell.cell_type === 'code' ? { ...cell, source: `(globalThis as any).activationsNotebookRunner.cell = ${i + 1}; ` + sourceText(cell) } : cell,
    );
    nb.cells = [injectedCell(SETUP_CELL, 'setup'), ...cells, injectedCell(CHECK_CELL, 'check')];
    const id = `${name}`;
    const input = path.join(tmpDir, `${process.pid}-in-${name}`);
    const output = path.join(tmpDir, `${process.pid}-out-${name}`);
    writeFileAtomic(input, JSON.stringify(nb, null, 1) + '\n');
    jobs.push({ id, file, out, hashFile, hash, inputs, input, output, cwd: path.dirname(file), kernel: KERNEL_NAME, timeout: opts.timeout });
  }

  let failures = 0;
  if (jobs.length) {
    const parallel = Math.min(opts.jobs, jobs.length);
    log(`executing ${jobs.length} notebook(s) with nbclient and the tslab kernel (${parallel} at a time) …`);
    const byId = new Map(jobs.map((j) => [j.id, j]));
    await runExecutor(
      python,
      jobs.map(({ id, input, output, cwd, kernel, timeout }) => ({ id, input, output, cwd, kernel, timeout })),
      parallel,
      (result) => {
        const job = byId.get(result.id);
        const time = secs(result.seconds * 1000);
        try {
          const executed = JSON.parse(readFileSync(job.output, 'utf8'));
          if (!result.ok) {
            failures++;
            console.error(`[notebooks] ${describeFailure(job.file, executed, result)}`);
            console.error(`[notebooks] ${rel(job.file)} failed after ${time}; the previous executed copy (if any) is unchanged`);
            return;
          }
          executed.cells = executed.cells.filter((c) => !(c.metadata && c.metadata[INJECTED]));
          const original = JSON.parse(readFileSync(job.file, 'utf8')).cells;
          executed.cells.forEach((c, i) => (c.source = original[i].source));
          for (const c of executed.cells) {
            if (c.cell_type === 'code' && Number.isInteger(c.execution_count)) c.execution_count -= 1;
            for (const o of c.outputs ?? []) if (Number.isInteger(o.execution_count)) o.execution_count -= 1;
          }
          writeFileAtomic(job.out, JSON.stringify(executed, null, 1) + '\n');
          writeFileAtomic(job.hashFile, JSON.stringify({ hash: job.hash, inputs: job.inputs, seconds: result.seconds }, null, 2) + '\n');
          log(`ran ${rel(job.file)} in ${time} → ${rel(job.out)}`);
        } finally {
          rmSync(job.input, { force: true });
          rmSync(job.output, { force: true });
        }
      },
    );
  }
  rmSync(tmpDir, { recursive: true, force: true });
  const ran = jobs.length - failures;
  log(`${ran} ran, ${files.length - jobs.length} skipped, ${failures} failed, in ${secs(Date.now() - started)}`);
  return failures ? 1 : 0;
}

// Only when run, not when a test imports parseRunnerArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[notebooks] ${error.message}`);
      process.exit(1);
    },
  );
}
