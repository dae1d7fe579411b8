#!/usr/bin/env node
// Regenerates every reference-value fixture under test/fixtures/ (run by hand; tests need no Python).
// Runs test/fixtures/generate.py and each test/fixtures/<group>/generate.py with Debian's
// /usr/bin/python3, which needs python3-torch (PyTorch 1.13) and python3-mpmath.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test', 'fixtures');
const python = '/usr/bin/python3';

if (!existsSync(python)) {
  console.error(`fixtures: ${python} not found. Install Debian's python3, python3-torch and python3-mpmath.`);
  process.exit(1);
}
const probe = spawnSync(python, ['-c', 'import torch, mpmath'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.error(`fixtures: ${python} cannot import torch and mpmath.\n` +
    'On Debian: sudo apt-get install python3-torch python3-mpmath\n' + probe.stderr.trim());
  process.exit(1);
}

const scripts = [join(fixtures, 'generate.py')];
for (const entry of readdirSync(fixtures, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
  const script = join(fixtures, entry.name, 'generate.py');
  if (entry.isDirectory() && existsSync(script)) scripts.push(script);
}
for (const script of scripts) {
  console.log(`fixtures: ${relative(root, script)}`);
  const run = spawnSync(python, [script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`fixtures: ${relative(root, script)} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}
console.log(`fixtures: ${scripts.length} generators done; review with git diff test/fixtures`);
