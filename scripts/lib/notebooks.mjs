// Shared by scripts/run-notebooks.mjs and scripts/notebook.mjs: the built module, the Jupyter
// Python, the kernelspec, and a lock for folders that several processes may write.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { JUPYTER_PATH, KERNEL_NAME, ROOT } from './env.mjs';

export const NOTEBOOKS_DIR = path.join(ROOT, 'notebooks');
/** Executed copies; the exporter reads them from here. */
export const EXECUTED_DIR = path.join(ROOT, '.cache', 'notebooks', 'executed');
export const DIST = path.join(ROOT, 'dist');
/** What the notebooks import, and the CommonJS entries the build's last step writes beside them (build-cjs.mjs). */
export const DIST_ENTRIES = ['index.js', 'index.cjs', 'notebook/index.js', 'notebook/index.cjs'].map((f) => path.join(DIST, ...f.split('/')));

/**
 * Makes `node_modules/<package name>` a link to the repository, so that the notebooks' imports by
 * name (`activation-functions`, `activation-functions/notebook`) resolve to the local build in tslab
 * too. Node alone would find them (a package may import itself by name through its `exports`), but
 * tslab type-checks cells with TypeScript's node10 resolution, which knows no self-reference and
 * looks only in node_modules. `npm ci` removes the link; scripts/setup.mjs and the notebook runner
 * make it again. Returns whether it had to (re)create it.
 */
export function ensureSelfLink() {
  const { name } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const link = path.join(ROOT, 'node_modules', name);
  const target = path.relative(path.dirname(link), ROOT);
  let current = null;
  try {
    current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : '(not a link)';
  } catch {
    // missing
  }
  if (current === target) return false;
  if (current !== null && current !== '(not a link)') rmSync(link);
  else if (current !== null) throw new Error(`${path.relative(ROOT, link)} exists and is not a link to the repository: remove it and run \`npm run setup\``);
  mkdirSync(path.dirname(link), { recursive: true });
  // Created under another name and renamed: a reader never sees a half-made link.
  const tmp = `${link}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp, 'dir');
  renameSync(tmp, link);
  return true;
}

/** Files below `dir` (recursively), skipping `skip` folder names. */
export function listFiles(dir, skip = new Set()) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skip.has(e.name) ? [] : listFiles(p, skip);
    return e.isFile() ? [p] : [];
  });
}

/** The notebooks in reading order (their numbered names). */
export function listNotebooks() {
  if (!existsSync(NOTEBOOKS_DIR)) return [];
  return readdirSync(NOTEBOOKS_DIR)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(NOTEBOOKS_DIR, f));
}

/**
 * Why dist/ needs a build, or null when it is up to date: missing entries, or a source file
 * (src/, tsconfig, package.json) newer than the oldest entry.
 */
export function distStaleReason() {
  const missing = DIST_ENTRIES.filter((f) => !existsSync(f));
  if (missing.length) return `${missing.map((f) => path.relative(ROOT, f)).join(', ')} missing`;
  const built = Math.min(...DIST_ENTRIES.map((f) => statSync(f).mtimeMs));
  const sources = [
    ...listFiles(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts')),
    path.join(ROOT, 'tsconfig.json'),
    path.join(ROOT, 'tsconfig.build.json'),
    path.join(ROOT, 'package.json'),
    path.join(ROOT, 'scripts', 'build-cjs.mjs'),
  ].filter((f) => existsSync(f));
  const newer = sources.filter((f) => statSync(f).mtimeMs > built);
  if (newer.length === 0) return null;
  const shown = newer
    .slice(0, 3)
    .map((f) => path.relative(ROOT, f))
    .join(', ');
  return `${shown}${newer.length > 3 ? ` and ${newer.length - 3} more` : ''} changed since the last build`;
}

/** Builds dist/ with `npm run build` when it is missing or older than the sources. */
export function ensureDistBuilt(log) {
  const reason = distStaleReason();
  if (!reason) return false;
  log(`building the module first (${reason}): npm run build`);
  const started = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`npm run build failed (exit code ${r.status}); the notebooks import dist/, so they cannot run`);
  log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** The Python that has Jupyter, as recorded by scripts/setup.mjs. */
export function jupyterPython() {
  const file = path.join(ROOT, '.cache', 'python');
  if (!existsSync(file)) throw new Error('Jupyter is not set up: run `npm run setup` (it records the Python that has Jupyter in .cache/python)');
  const python = readFileSync(file, 'utf8').trim();
  if (!python) throw new Error('.cache/python is empty: run `npm run setup` again');
  return python;
}

/** Fails with the fix when scripts/setup.mjs has not written the tslab kernelspec. */
export function requireKernelspec() {
  const file = path.join(JUPYTER_PATH, 'kernels', KERNEL_NAME, 'kernel.json');
  if (!existsSync(file)) throw new Error(`the tslab kernelspec is missing (${path.relative(ROOT, file)}): run \`npm run setup\``);
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  if (!existsSync(spec.argv[0])) throw new Error(`the tslab kernelspec points to ${spec.argv[0]}, which does not exist: run \`npm run setup\``);
  return file;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes `<dir>/.lock` (waits while another live process holds it; takes over a lock whose process
 * is gone). Returns the release function. `doing` says what the holder is doing, for the log.
 */
export async function acquireLock(dir, log, timeoutMs = 15 * 60 * 1000, doing = 'executing notebooks into') {
  const file = path.join(dir, '.lock');
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (!told) {
      log(`waiting for process ${holder}, which is ${doing} ${path.relative(ROOT, dir) || dir}`);
      told = true;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting for ${file} (held by process ${holder})`);
    await sleep(250);
  }
}
