#!/usr/bin/env node
// `npm test`: type-check (the module, tests, scripts, bench, and the site's TypeScript), run the whole
// pipeline (build, notebooks, docs, site), then every test file under test/ with Node's test runner
// (TypeScript through tsx). The bench is not run: the tests check its code on synthetic runs.
//   node scripts/test.mjs [--only-unit] [files…]   --only-unit skips the notebook and site steps.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError, parseCommandLine, parseOrExit } from './lib/args.mjs';
import { ROOT } from './lib/env.mjs';
import { FORMAT_CHECK, PIPELINE, TYPECHECK_WEBSITE, runSteps } from './lib/steps.mjs';

const USAGE = 'usage: node scripts/test.mjs [--only-unit] [test files…]   (--only-unit: skip the notebook and site steps)';
const { onlyUnit, named, help } = parseOrExit('[test]', USAGE, (argv) => {
  const { values, positionals } = parseCommandLine(argv, { 'only-unit': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, { positionals: true });
  for (const f of positionals) if (!existsSync(path.resolve(f))) throw new UsageError(`no such test file: ${f}`);
  return { onlyUnit: values['only-unit'] ?? false, named: positionals, help: values.help ?? false };
});
if (help) {
  console.log(USAGE);
  process.exit(0);
}

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : findTests(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

// The module is built first: bench/ type-checks against dist/, the entry users import.
const typecheck = { script: 'typecheck', what: 'type-check everything (tsc --noEmit, strict)' };
const steps = [PIPELINE[0], typecheck, TYPECHECK_WEBSITE, FORMAT_CHECK, ...(onlyUnit ? [] : PIPELINE.slice(1))];
runSteps(steps, 'test');

const files = named.length ? named : findTests(path.join(ROOT, 'test')).sort();
const env = { ...process.env, ...(onlyUnit ? { ACTIVATIONS_ONLY_UNIT: '1' } : {}) };
console.log(`\n[test] running ${files.length} test files`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: ROOT,
  env,
});
process.exit(r.status ?? 1);
