#!/usr/bin/env -S node --import tsx
/**
 * `npm run fixtures`: regenerates the reference fixtures under test/fixtures/ (run by hand; the tests
 * need no Python). Two steps:
 *  1. writes test/fixtures/functions.json from the registry (each function file's `reference`:
 *     PyTorch call, exact value and derivative, parameter sets, kinks);
 *  2. runs the one reference generator, test/fixtures/generate.py, with Debian's /usr/bin/python3
 *     (needs python3-torch 1.13 and python3-mpmath), which writes test/fixtures/<file>.json per
 *     function and test/fixtures/softmax.json.
 *
 *   npm run fixtures [-- [--jobs N] [--table-only] [ID ...]]
 *
 * IDs: only these functions (`vectors`: the softmax family); the others' fixtures are left alone
 * (they would come out byte for byte the same: every function's random inputs have their own seed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileIfChanged } from '../src/node/atomic-write.js';
import { UsageError, integerOption, parseCommandLine, parseOrExit } from './lib/args.mjs';
import { activationIds } from '../src/registry.js';
import { referenceTable } from '../test/fixtures/table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test', 'fixtures');
const python = '/usr/bin/python3';
const known = new Set<string>([...activationIds, 'vectors']);
const usage = `usage: npm run fixtures -- [--jobs N] [--table-only] [ID ...]   (IDs: ${[...known].join(', ')})`;

function fail(message: string): never {
  console.error(`fixtures: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseOrExit('fixtures:', usage, (argv) => {
  const { values, positionals } = parseCommandLine(
    argv,
    { jobs: { type: 'string' }, 'table-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    { positionals: true },
  );
  const unknown = positionals.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`unknown ids: ${unknown.join(', ')}`);
  return {
    values: {
      jobs: values.jobs === undefined ? undefined : integerOption('jobs', values.jobs as string),
      tableOnly: values['table-only'] === true,
      help: values.help === true,
    },
    positionals,
  };
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const tablePath = join(fixtures, 'functions.json');
const changed = writeFileIfChanged(tablePath, `${JSON.stringify(referenceTable(), null, 1)}\n`);
console.log(`fixtures: ${relative(root, tablePath)} ${changed ? 'written' : 'unchanged'}`);
if (values.tableOnly) process.exit(0);

if (!existsSync(python)) fail(`${python} not found. Install Debian's python3, python3-torch and python3-mpmath.`);
const probe = spawnSync(python, ['-c', 'import torch, mpmath'], { encoding: 'utf8' });
if (probe.status !== 0) {
  fail(`${python} cannot import torch and mpmath.\nOn Debian: sudo apt-get install python3-torch python3-mpmath\n${probe.stderr.trim()}`);
}

const script = join(fixtures, 'generate.py');
const args = [script, ...(values.jobs ? ['--jobs', String(values.jobs)] : []), ...positionals];
console.log(`fixtures: ${relative(root, script)} ${args.slice(1).join(' ')}`.trimEnd());
const started = performance.now();
const run = spawnSync(python, args, { cwd: root, stdio: 'inherit' });
if (run.status !== 0) fail(`${relative(root, script)} failed (exit ${run.status ?? run.signal})`);
console.log(`fixtures: done in ${((performance.now() - started) / 1000).toFixed(0)} s; review with git diff test/fixtures`);
