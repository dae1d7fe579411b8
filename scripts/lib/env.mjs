// Paths and environment shared by the project's scripts (setup, notebooks, site, tests).
// Plain Node (no dependencies): it runs before `npm ci` has installed anything.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored folder for everything generated locally (kernelspec, executed notebooks, caches). */
export const CACHE = path.join(ROOT, '.cache');
/** Put on JUPYTER_PATH: holds kernels/tslab/kernel.json. */
export const JUPYTER_PATH = path.join(CACHE, 'jupyter');
export const KERNEL_NAME = 'tslab';

/**
 * The Python that has Jupyter. Debian's Jupyter lives in /usr/bin/python3, while `python3` on PATH
 * may be another interpreter (pyenv) without it; JUPYTER_PYTHON overrides both.
 */
export function jupyterPythonCandidates() {
  const list = [];
  if (process.env.JUPYTER_PYTHON) list.push(process.env.JUPYTER_PYTHON);
  list.push('/usr/bin/python3', 'python3');
  return list;
}

/** Environment for any process that talks to Jupyter: finds our kernelspec, keeps state local. */
export function jupyterEnv(extra = {}) {
  const sep = process.platform === 'win32' ? ';' : ':';
  const existing = process.env.JUPYTER_PATH ? sep + process.env.JUPYTER_PATH : '';
  return {
    ...process.env,
    JUPYTER_PATH: JUPYTER_PATH + existing,
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    ...extra,
  };
}

/**
 * The project's one atomic write, src/node/atomic-write.ts ({ writeFileAtomic, writeFileIfChanged }),
 * loaded through tsx because plain Node 20 cannot import TypeScript. tsx is a devDependency: call
 * this only once `npm ci` has run (scripts/setup.mjs calls it after installing).
 */
export async function loadAtomicWrite() {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../../src/node/atomic-write.ts', import.meta.url);
}

export function exists(p) {
  return existsSync(p);
}
