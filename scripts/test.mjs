#!/usr/bin/env node
// `npm test`: type-check, run the whole pipeline (build, notebooks, docs, site), then every test file
// under test/ with Node's test runner (TypeScript through tsx).
//   node scripts/test.mjs [--only-unit] [files…]   --only-unit skips the notebook and site steps.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/env.mjs';
import { PIPELINE, runSteps } from './lib/steps.mjs';

const args = process.argv.slice(2);
const onlyUnit = args.includes('--only-unit');
const named = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : findTests(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

// The module is built first: bench/ type-checks against dist/, the entry users import.
const typecheck = { script: 'typecheck', what: 'type-check everything (tsc --noEmit, strict)' };
const steps = [PIPELINE[0], typecheck, ...(onlyUnit ? [] : PIPELINE.slice(1))];
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
