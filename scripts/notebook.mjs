#!/usr/bin/env node
// `npm run notebook` (after scripts/setup.mjs): opens the notebooks on notebooks/, with the project's
// tslab kernel on JUPYTER_PATH, after building dist/ if it is missing or older than src/ (the
// notebooks import it), in the first of:
//   1. an installed JupyterLab (`import jupyterlab` works in the Python that has Jupyter);
//   2. JupyterLab 4 built from its npm packages (lab/, installed and built on first use), served by
//      Debian's jupyter_server and jupyterlab_server: JupyterLab with no pip at all;
//   3. the classic Jupyter Notebook.
//   npm run notebook -- [extra Jupyter options, e.g. --port=9999 --no-browser]
import { spawn, spawnSync } from 'node:child_process';
import { jupyterEnv } from './lib/env.mjs';
import { LAB_DEBIAN_PACKAGES, LAB_MAIN, LAB_SERVER_MODULES, ensureLab } from './lib/lab.mjs';
import { NOTEBOOKS_DIR, ensureDistBuilt, jupyterPython, requireKernelspec } from './lib/notebooks.mjs';

const log = (msg) => console.log(`[notebook] ${msg}`);

function importable(python, module) {
  const r = spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore', env: jupyterEnv() });
  return r.status === 0 && !r.error;
}

/** How to start each app: the arguments before the user's, and a name for the log. */
async function chooseApp(python) {
  if (importable(python, 'jupyterlab')) return { name: 'JupyterLab', args: ['-m', 'jupyterlab', `--notebook-dir=${NOTEBOOKS_DIR}`] };
  if (LAB_SERVER_MODULES.every((m) => importable(python, m))) {
    log(`JupyterLab is not installed for ${python}: using JupyterLab 4 built from its npm packages (lab/), served by Debian's Jupyter server.`);
    await ensureLab(log);
    return { name: 'JupyterLab 4 (lab/)', args: [LAB_MAIN, `--ServerApp.root_dir=${NOTEBOOKS_DIR}`] };
  }
  if (!importable(python, 'notebook')) {
    throw new Error(`neither JupyterLab nor Jupyter Notebook is importable from ${python}: run \`npm run setup\``);
  }
  log(
    `JupyterLab is not installed, nor Debian's ${LAB_SERVER_MODULES.join(' and ')} that serve JupyterLab 4 from lab/ ` +
      `(sudo apt-get install ${LAB_DEBIAN_PACKAGES.join(' ')}), so this is the classic Notebook; charts are drawn from their embedded HTML.`,
  );
  return { name: 'Jupyter Notebook', args: ['-m', 'notebook', `--notebook-dir=${NOTEBOOKS_DIR}`] };
}

try {
  ensureDistBuilt(log);
  requireKernelspec();
  const python = jupyterPython();
  const app = await chooseApp(python);
  const args = [...app.args];
  // Jupyter refuses to start as root without it (containers, CI machines).
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  args.push(...process.argv.slice(2));
  log(`starting ${app.name} on notebooks/ with the tslab kernel ("TypeScript (tslab)") …`);
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
