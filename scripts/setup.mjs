#!/usr/bin/env node
// Installs what the project needs and is missing, then says what it did.
//   node scripts/setup.mjs          for `npm start`: npm packages, Jupyter, the tslab kernelspec
//   node scripts/setup.mjs --lab    for `npm run notebook`: the same, plus Debian's jupyter_server and
//                                   jupyterlab_server, which serve JupyterLab 4 (lab/), when no
//                                   JupyterLab is installed (if it cannot install them, it says how)
//   node scripts/setup.mjs --test   for `npm test`: all of it, plus Chromium for the browser tests
// It uses only Node's standard library until `npm ci` has run: it is what runs `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine, parseOrExit } from './lib/args.mjs';
import { JUPYTER_PATH, KERNEL_NAME, ROOT, jupyterPythonCandidates, loadAtomicWrite } from './lib/env.mjs';
import { LAB_DEBIAN_PACKAGES, LAB_SERVER_MODULES } from './lib/lab.mjs';
import { ensureSelfLink } from './lib/notebooks.mjs';

const USAGE =
  'usage: node scripts/setup.mjs [--lab] [--test]   (--lab: also the Jupyter server for JupyterLab 4; --test: that and Chromium, for the browser tests)';
const { values } = parseOrExit('[setup]', USAGE, (argv) =>
  parseCommandLine(argv, { test: { type: 'boolean' }, lab: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }),
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const forTests = values.test ?? false;
const forLab = forTests || (values.lab ?? false);
const say = (msg) => console.log(`[setup] ${msg}`);
const fail = (msg) => {
  console.error(`[setup] ${msg}`);
  process.exit(1);
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`'${cmd} ${args.join(' ')}' failed with exit code ${r.status}`);
}
function quiet(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: ROOT });
  return r.status === 0 && !r.error ? r.stdout.trim() : null;
}

// 1. Node itself: tslab loads our ES module dist through require(), which needs Node >= 20.19.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: this project needs Node >= 20.19.`);

// 2. npm packages, when node_modules is missing or older than the lockfile.
const stamp = path.join(ROOT, 'node_modules', '.package-lock.json');
const lock = path.join(ROOT, 'package-lock.json');
if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
  say('installing npm packages (npm ci) …');
  run('npm', ['ci', '--no-audit', '--no-fund']);
} else {
  say('npm packages: up to date');
}

// 3. System packages from Debian: Jupyter (notebook, nbclient, nbconvert) and, for tests, Chromium.
function findJupyterPython() {
  for (const py of jupyterPythonCandidates()) {
    if (quiet(py, ['-c', 'import nbclient, nbconvert, notebook, nbformat']) !== null) return py;
  }
  return null;
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
const debianPackages = [];
let python = findJupyterPython();
if (!python) debianPackages.push('jupyter-notebook', 'python3-nbclient', 'python3-nbconvert', 'python3-ipykernel');
// JupyterLab 4 (lab/) is served by Debian's Jupyter server; an installed JupyterLab needs none of it.
const labServerMissing = (py) =>
  !py || (quiet(py, ['-c', 'import jupyterlab']) === null && quiet(py, ['-c', `import ${LAB_SERVER_MODULES.join(', ')}`]) === null);
const labPackages = forLab && labServerMissing(python) ? LAB_DEBIAN_PACKAGES : [];
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (forTests && !existsSync(chromium)) debianPackages.push('chromium', 'fonts-dejavu-core');
// For `npm run notebook` they are optional (it falls back to the classic Notebook); the tests need them.
if (forTests || (isRoot && isDebian)) debianPackages.push(...labPackages);
else if (labPackages.length) {
  say(
    `JupyterLab 4 needs Debian's ${labPackages.join(' and ')} (${isDebian ? 'not running as root' : 'this is not Debian'}, so I did not install them): ` +
      (isDebian ? `sudo apt-get install ${labPackages.join(' ')}` : 'pip install jupyterlab') +
      '. Until then, `npm run notebook` opens the classic Notebook.',
  );
}

if (debianPackages.length) {
  if (isRoot && isDebian) {
    say(`installing Debian packages: ${debianPackages.join(' ')}`);
    run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...debianPackages], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    python = findJupyterPython();
  } else {
    const why = isDebian ? 'not running as root' : 'this is not Debian';
    fail(
      `missing: ${debianPackages.join(', ')} (${why}, so I did not install them). Install them yourself:\n` +
        (isDebian
          ? `  sudo apt-get install ${debianPackages.join(' ')}\n`
          : `  pip install notebook nbclient nbconvert   (or: pip install jupyterlab nbclient nbconvert)\n` +
            `  and a Chromium; set CHROMIUM_PATH to its executable if it is not /usr/bin/chromium\n`) +
        `then run the command again. JUPYTER_PYTHON may name the Python that has Jupyter.`,
    );
  }
}
if (!python) fail('Jupyter (nbclient, nbconvert, notebook) is still not importable from any Python: see the lines above.');
say(`Jupyter: ${python} (nbclient ${quiet(python, ['-c', 'import nbclient; print(nbclient.__version__)'])})`);
if (forTests) say(`Chromium: ${quiet(chromium, ['--version']) ?? chromium}`);
if (forLab && !labServerMissing(python)) {
  const lab = quiet(python, ['-c', 'import jupyterlab; print(jupyterlab.__version__)']);
  say(
    lab
      ? `JupyterLab: ${lab} (installed)`
      : `JupyterLab 4: lab/, served by jupyter_server ${quiet(python, ['-c', 'import jupyter_server; print(jupyter_server.__version__)'])} and jupyterlab_server ${quiet(python, ['-c', 'import jupyterlab_server; print(jupyterlab_server.__version__)'])}`,
  );
} else if (forTests) fail(`${LAB_SERVER_MODULES.join(', ')} are still not importable from ${python}: see the lines above.`);

// 4. The tslab kernelspec, project-local: a git-ignored folder that our scripts put on JUPYTER_PATH.
// The packages are installed now, so the project's atomic write (TypeScript, through tsx) can load.
const { writeFileAtomic } = await loadAtomicWrite();
const tslab = path.join(ROOT, 'node_modules', '.bin', 'tslab');
if (!existsSync(tslab)) fail(`tslab is missing from node_modules (${tslab}); run npm ci`);
const kernel = {
  argv: [tslab, 'kernel', '--config-path', '{connection_file}'],
  display_name: 'TypeScript (tslab)',
  language: 'typescript',
};
const kernelFile = path.join(JUPYTER_PATH, 'kernels', KERNEL_NAME, 'kernel.json');
const text = JSON.stringify(kernel, null, 2) + '\n';
if (!existsSync(kernelFile) || readFileSync(kernelFile, 'utf8') !== text) writeFileAtomic(kernelFile, text);
say(`tslab kernel: ${path.relative(ROOT, kernelFile)} (on JUPYTER_PATH for the project's scripts)`);
// 5. The notebooks import the module by name: a node_modules link to the repository (see ensureSelfLink).
say(
  `notebooks import the module by name: node_modules/${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name} ${ensureSelfLink() ? 'linked' : 'already linked'} to the repository`,
);
writeFileAtomic(path.join(ROOT, '.cache', 'python'), python + '\n');
