/**
 * CONTRIBUTING.md's recipe, run: in a temporary copy of the repository, a new activation is added
 * the way the recipe says — its file, one registry entry, its generated fixture (and the README
 * table, regenerated) — and then the type checks and every test that runs over the registry pass
 * in the copy, the new function is on every derived list (families, bench cases, fixture table,
 * README, docs page), and no other file had to change.
 *
 * The new function is ReLU under another id, so its fixture is ReLU's with the id changed: the tests
 * need no Python (the reference generator, which needs PyTorch, writes byte for byte that file).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEW_ID = 'reluCopy';
const NEW_FILE = 'relu-copy';
/** What the recipe may change: the function's file, the registry, and generated files. */
const RECIPE_FILES = [
  `src/activations/${NEW_FILE}.ts`,
  'src/registry.ts',
  `test/fixtures/${NEW_FILE}.json`,
  'test/fixtures/functions.json',
  'README.md',
].sort();
/** Every test file that runs over the whole registry (the per-function ones are each function's own). */
const REGISTRY_TESTS = [
  'test/contract.test.ts',
  'test/properties.test.ts',
  'test/schema.test.ts',
  'test/accuracy.test.ts',
  'test/evidence.test.ts',
  'test/readme.test.ts',
  'test/notebooks/helpers.test.ts',
  'test/bench/cases.test.ts',
];

let copy = '';
let tracked: string[] = [];

function run(file: string, args: readonly string[]): string {
  // Without NODE_TEST_CONTEXT, a `node --test` here reports as a run of its own, not into this one.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(file, args, { cwd: copy, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(
    r.status,
    0,
    `${[file, ...args].join(' ')} failed in the copy (exit ${r.status}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`,
  );
  return r.stdout;
}

const tsx = (script: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args]);

before(() => {
  if (!existsSync(path.join(ROOT, '.git'))) throw new Error('test/recipe.test.ts copies the files git tracks (or would): run it in a clone of the repository');
  if (!existsSync(path.join(ROOT, 'dist', 'index.d.ts')))
    throw new Error('test/recipe.test.ts needs the built module (bench/ type-checks against dist/): run npm run build');
  // The notebooks are run from the registry by the pipeline; the tests here do not read them.
  tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && !/^notebooks\//.test(f) && existsSync(path.join(ROOT, f)));
  copy = mkdtempSync(path.join(os.tmpdir(), 'activations-recipe-'));
  for (const f of tracked) cpSync(path.join(ROOT, f), path.join(copy, f), { recursive: false });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  // The built module, for bench/'s types only (it is built from the registry: nothing to add there).
  cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });

  // 1. Its file: ReLU's, under a new id and name.
  const relu = readFileSync(path.join(copy, 'src/activations/relu.ts'), 'utf8');
  const renamed = relu
    .replace(
      /export const relu = defineActivation(<[^>]*>)?\(\{\n  id: 'relu',\n  name: 'ReLU',/,
      `export const ${NEW_ID} = defineActivation$1({\n  id: '${NEW_ID}',\n  name: 'ReLU (copy)',`,
    )
    .replace(/defineActivation<([^,>]+), 'relu'>/, `defineActivation<$1, '${NEW_ID}'>`);
  assert.notEqual(renamed, relu, "could not rename ReLU's file: its opening lines changed, update this test");
  writeFileSync(path.join(copy, `src/activations/${NEW_FILE}.ts`), renamed);

  // 2. Its registry entry: the import and its place in the teaching order.
  const registry = readFileSync(path.join(copy, 'src/registry.ts'), 'utf8');
  const added = registry
    .replace(
      "import { relu } from './activations/relu.js';",
      `import { relu } from './activations/relu.js';\nimport { ${NEW_ID} } from './activations/${NEW_FILE}.js';`,
    )
    .replace(/\n  relu,\n/, `\n  relu,\n  ${NEW_ID},\n`);
  assert.equal(added.split(NEW_ID).length - 1, 2, 'could not add the registry entry: src/registry.ts changed shape, update this test');
  writeFileSync(path.join(copy, 'src/registry.ts'), added);

  // 3. Its generated files: the fixture (ReLU's, see above), the generator's table, README's table.
  const fixture = readFileSync(path.join(copy, 'test/fixtures/relu.json'), 'utf8');
  assert.ok(fixture.includes('"id":"relu"'), "ReLU's fixture names its id");
  writeFileSync(path.join(copy, `test/fixtures/${NEW_FILE}.json`), fixture.replace('"id":"relu"', `"id":"${NEW_ID}"`));
  tsx('scripts/fixtures.ts', '--table-only');
  tsx('scripts/activations-table.ts', '--readme');
});

after(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('the recipe changes only the function file, the registry and generated files', () => {
  const changed = [...tracked, `src/activations/${NEW_FILE}.ts`, `test/fixtures/${NEW_FILE}.json`]
    .filter((f) => !existsSync(path.join(ROOT, f)) || !readFileSync(path.join(ROOT, f)).equals(readFileSync(path.join(copy, f))))
    .sort();
  assert.deepEqual(changed, RECIPE_FILES);
});

test('the copy type-checks, the new entry of the typed registry included', () => {
  // A probe that compiles only if `activations.reluCopy` is typed as its own entry.
  const probe = path.join(copy, 'test', 'types', 'recipe-probe.types.ts');
  writeFileSync(probe, `import { activations } from '../../src/registry.js';\nconst y: number = activations.${NEW_ID}.forward(-1);\nvoid y;\n`);
  try {
    run(process.execPath, [path.join(copy, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
  } finally {
    rmSync(probe);
  }
});

test('every test that runs over the registry passes in the copy, the new function included', () => {
  const out = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...REGISTRY_TESTS]);
  assert.match(out, new RegExp(`\\b${NEW_ID}\\b`), 'the tests never named the new function');
});

test('the new function is on every derived list: families, bench cases, fixture table, README, its docs page', () => {
  const probe = path.join(copy, 'recipe-probe.ts');
  writeFileSync(
    probe,
    `import { activationFamilies } from './src/notebook/families.js';
import { activationById } from './src/registry.js';
import * as registry from './src/index.js';
import { benchCases, benchFunctions } from './bench/lib/cases.js';
import { activationPage, activationSnippet, evidenceContext, readExperimentResults } from './scripts/generate-docs.js';
const a = activationById('${NEW_ID}')!;
const entries = readExperimentResults();
console.log(JSON.stringify({
  family: activationFamilies.find((f) => f.ids.includes('${NEW_ID}'))?.id ?? null,
  bench: benchCases(benchFunctions(registry)).some((c) => c.id === '${NEW_ID}'),
  page: activationPage(a, 99, '', activationSnippet(a), { entries, context: evidenceContext(entries) }).includes('ReLU (copy)'),
}));
`,
  );
  let derived: { family: string | null; bench: boolean; page: boolean };
  try {
    derived = JSON.parse(tsx(probe).trim().split('\n').pop()!) as typeof derived;
  } finally {
    rmSync(probe);
  }
  assert.equal(derived.family, 'rectifier', "in ReLU's family");
  assert.equal(derived.bench, true, 'a bench case');
  assert.equal(derived.page, true, 'a docs page');
  const table = JSON.parse(readFileSync(path.join(copy, 'test/fixtures/functions.json'), 'utf8')) as { functions?: { id: string }[] } | { id: string }[];
  const ids = (Array.isArray(table) ? table : (table.functions ?? [])).map((f) => f.id);
  assert.ok(ids.includes(NEW_ID), "in the reference generator's table");
  assert.match(readFileSync(path.join(copy, 'README.md'), 'utf8'), /ReLU \(copy\)/, "in README's table");
});
