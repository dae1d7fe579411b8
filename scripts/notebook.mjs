#!/usr/bin/env node
// `npm run notebook` (after scripts/setup.mjs): opens the notebooks in JupyterLab when it is
// installed, else in the classic Jupyter Notebook, on notebooks/, with the project's tslab kernel on
// JUPYTER_PATH, after building dist/ if it is missing or older than src/ (the notebooks import it).
//   npm run notebook -- [extra Jupyter options, e.g. --port=9999 --no-browser]
import { spawn, spawnSync } from 'node:child_process';
import { jupyterEnv } from './lib/env.mjs';
import { NOTEBOOKS_DIR, ensureDistBuilt, jupyterPython, requireKernelspec } from './lib/notebooks.mjs';

const log = (msg) => console.log(`[notebook] ${msg}`);

function importable(python, module) {
  const r = spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore', env: jupyterEnv() });
  return r.status === 0 && !r.error;
}

try {
  ensureDistBuilt(log);
  requireKernelspec();
  const python = jupyterPython();
  const app = importable(python, 'jupyterlab') ? { module: 'jupyterlab', name: 'JupyterLab' } : { module: 'notebook', name: 'Jupyter Notebook' };
  if (app.module === 'notebook' && !importable(python, 'notebook')) {
    throw new Error(`neither JupyterLab nor Jupyter Notebook is importable from ${python}: run \`npm run setup\``);
  }
  const args = ['-m', app.module, `--notebook-dir=${NOTEBOOKS_DIR}`];
  // Jupyter refuses to start as root without it (containers, CI machines).
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  args.push(...process.argv.slice(2));
  log(`starting ${app.name} on notebooks/ with the tslab kernel ("TypeScript (tslab)") …`);
  if (app.module === 'notebook') {
    log('JupyterLab is not installed, so this is the classic Notebook; charts are drawn from their embedded HTML.');
  }
  const child = spawn(python, args, { env: jupyterEnv(), stdio: ['inherit', 'inherit', 'pipe'] });
  let printed = false;
  let buffer = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    buffer += chunk;
    if (printed) return;
    // Jupyter logs its address (with the login token) to stderr; repeat the first one plainly.
    const m = buffer.match(/https?:\/\/(?:127\.0\.0\.1|localhost)[^\s]*/);
    if (m) {
      printed = true;
      log(`open ${m[0]}`);
      log('run every cell: Kernel > Restart & Run All (Notebook), Run > Run All Cells (JupyterLab). Ctrl+C (twice, or y) stops the server.');
    }
  });
  // Ctrl+C reaches Jupyter directly (same process group), which asks to confirm; stay alive until it exits.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
} catch (error) {
  console.error(`[notebook] ${error.message}`);
  process.exit(1);
}
