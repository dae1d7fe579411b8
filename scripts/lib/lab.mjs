// The JupyterLab 4 app in lab/ (JupyterLab's npm packages bundled by rspack, served by Debian's
// jupyter_server and jupyterlab_server): installed and built on demand, each step cached by a hash
// of what it is made from, so the tests and `npm run notebook` install and build it once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, loadAtomicWrite } from './env.mjs';
import { acquireLock } from './notebooks.mjs';

export const LAB_DIR = path.join(ROOT, 'lab');
export const LAB_BUILD = path.join(LAB_DIR, 'build');
/** The server: a LabServerApp, run with the Python that has Debian's Jupyter. */
export const LAB_MAIN = path.join(LAB_DIR, 'main.py');
/** The Python modules the server needs (Debian: python3-jupyter-server, python3-jupyterlab-server). */
export const LAB_SERVER_MODULES = ['jupyter_server', 'jupyterlab_server'];
export const LAB_DEBIAN_PACKAGES = ['python3-jupyter-server', 'python3-jupyterlab-server'];

const INSTALL_INPUTS = ['package.json', 'package-lock.json', '.npmrc'];
const BUILD_INPUTS = [...INSTALL_INPUTS, 'index.js', 'rspack.config.cjs', 'build.cjs'];
const INSTALL_STAMP = path.join(LAB_DIR, 'node_modules', '.activations-install-hash');
const BUILD_STAMP = path.join(LAB_BUILD, '.activations-build-hash');

/** sha256 over the names and contents of `files` (relative to lab/); a missing file counts too. */
export function hashOf(files) {
  const hash = createHash('sha256');
  for (const f of files) {
    const p = path.join(LAB_DIR, f);
    hash.update(`${f}\0${existsSync(p) ? readFileSync(p, 'utf8') : '(missing)'}\0`);
  }
  return hash.digest('hex');
}

const stamp = (file) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : null);

/** Why the app needs installing or building, or null when lab/build is current. */
export function labStaleReason() {
  if (stamp(INSTALL_STAMP) !== hashOf(INSTALL_INPUTS)) return "lab/'s npm packages are missing or not those of its lockfile";
  if (!existsSync(path.join(LAB_BUILD, 'bundle.js'))) return 'lab/build is missing';
  if (stamp(BUILD_STAMP) !== hashOf(BUILD_INPUTS)) return 'lab/ changed since its last build';
  return null;
}

function run(cmd, args, opts, what) {
  const r = spawnSync(cmd, args, { cwd: LAB_DIR, stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${what}: could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} failed (exit code ${r.status}): ${cmd} ${args.join(' ')} in lab/`);
}

/**
 * Installs lab/'s npm packages (npm ci) when its lockfile changed, and builds the app into lab/build
 * when any of its inputs changed. The build goes to a temporary folder renamed into place, so
 * lab/build is either the previous build or a complete new one. Returns whether it did anything.
 */
export async function ensureLab(log) {
  if (!labStaleReason()) return false;
  const release = await acquireLock(LAB_DIR, log, 15 * 60 * 1000, 'installing or building JupyterLab in');
  try {
    const { writeFileAtomic } = await loadAtomicWrite();
    const installHash = hashOf(INSTALL_INPUTS);
    if (stamp(INSTALL_STAMP) !== installHash) {
      log("installing JupyterLab's npm packages into lab/node_modules (npm ci, once per lockfile) …");
      const started = Date.now();
      run('npm', ['ci', '--no-audit', '--no-fund'], {}, "installing lab/'s npm packages");
      writeFileAtomic(INSTALL_STAMP, installHash + '\n');
      log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const buildHash = hashOf(BUILD_INPUTS);
    if (stamp(BUILD_STAMP) !== buildHash || !existsSync(path.join(LAB_BUILD, 'bundle.js'))) {
      log('building JupyterLab into lab/build (rspack, once per change of lab/) …');
      const started = Date.now();
      const temp = path.join(LAB_DIR, `.build-${process.pid}`);
      rmSync(temp, { recursive: true, force: true });
      try {
        run(process.execPath, ['build.cjs'], { env: { ...process.env, ACTIVATIONS_LAB_OUT: temp } }, 'building JupyterLab');
        writeFileAtomic(path.join(temp, path.basename(BUILD_STAMP)), buildHash + '\n');
        const old = path.join(LAB_DIR, `.build-old-${process.pid}`);
        if (existsSync(LAB_BUILD)) renameSync(LAB_BUILD, old);
        renameSync(temp, LAB_BUILD);
        rmSync(old, { recursive: true, force: true });
      } finally {
        rmSync(temp, { recursive: true, force: true });
      }
      log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return true;
  } finally {
    release();
  }
}
