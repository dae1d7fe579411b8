// `npm run notebook` (scripts/notebook.mjs): starts Jupyter on notebooks/ with the tslab kernel
// available and prints the address.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './support.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('npm run notebook serves notebooks/ with the tslab kernel and prints the address', async () => {
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
      assert.ok(Date.now() - started < 60_000, `no address printed within 60 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = out.match(/\[notebook\] open (http\S+)/)![1]!;
    assert.match(url, new RegExp(`^http://(127\\.0\\.0\\.1|localhost):${port}/`));
    assert.match(out, /starting (JupyterLab|Jupyter Notebook) on notebooks\//);
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
