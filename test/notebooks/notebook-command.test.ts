// `npm run notebook` (scripts/notebook.mjs): starts Jupyter on notebooks/ with the tslab kernel
// available and prints the address: an installed JupyterLab if there is one, else JupyterLab 4 from
// lab/ when Debian's Jupyter server is there (the case on the project's Debian set-up), else the
// classic Notebook.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, freePort } from './support.js';

/** Which app scripts/notebook.mjs must choose with the Python the set-up recorded. */
function expectedApp(): 'JupyterLab' | 'JupyterLab 4 (lab/)' | 'Jupyter Notebook' {
  const python = readFileSync(path.join(ROOT, '.cache', 'python'), 'utf8').trim();
  const imports = (m: string) => spawnSync(python, ['-c', `import ${m}`], { stdio: 'ignore' }).status === 0;
  if (imports('jupyterlab')) return 'JupyterLab';
  return imports('jupyter_server') && imports('jupyterlab_server') ? 'JupyterLab 4 (lab/)' : 'Jupyter Notebook';
}

test('npm run notebook serves notebooks/ with the tslab kernel and prints the address', async () => {
  const app = expectedApp();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'activations-notebook-command-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/notebook.mjs', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      JUPYTER_DATA_DIR: path.join(tmp, 'data'),
      JUPYTER_RUNTIME_DIR: path.join(tmp, 'runtime'),
      JUPYTER_CONFIG_DIR: path.join(tmp, 'config'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const started = Date.now();
    while (!/\[notebook\] open http/.test(out)) {
      assert.equal(child.exitCode, null, `scripts/notebook.mjs exited early:\n${out}`);
      // The first run may install and build lab/ (about a minute or two); later runs start at once.
      assert.ok(Date.now() - started < 600_000, `no address printed within 600 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = out.match(/\[notebook\] open (http\S+)/)![1]!;
    assert.match(url, new RegExp(`^http://(127\\.0\\.0\\.1|localhost):${port}/`));
    assert.ok(out.includes(`starting ${app} on notebooks/`), `expected ${app}:\n${out}`);
    if (app === 'JupyterLab 4 (lab/)') {
      // The page of the app built in lab/, with its bundle.
      const page = await (await fetch(`http://127.0.0.1:${port}/lab?token=${new URL(url).searchParams.get('token') ?? ''}`)).text();
      assert.match(page, /<script src="[^"]*\/bundle\.js"><\/script>/);
      assert.match(page, /"appVersion": "4\.\d+\.\d+"/);
    }
    const token = new URL(url).searchParams.get('token') ?? '';
    const specs = (await (await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`)).json()) as {
      kernelspecs: Record<string, { spec: { display_name: string } }>;
    };
    assert.equal(specs.kernelspecs.tslab?.spec.display_name, 'TypeScript (tslab)');
    const contents = (await (await fetch(`http://127.0.0.1:${port}/api/contents?token=${token}`)).json()) as { content: { name: string }[] };
    assert.ok(
      contents.content.some((f) => f.name === '00_activation-functions.ipynb'),
      'the server does not serve notebooks/',
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(tmp, { recursive: true, force: true });
  }
});
