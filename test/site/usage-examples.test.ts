/**
 * The usage example on every function page, run for real: each snippet is written to a file inside
 * the repository and run by Node, importing the package by its name ('activation-functions', which
 * resolves to the built dist/ through package.json's exports, as it would for a reader), and what it
 * prints must be exactly the page's "Output" block. The snippets are also type-checked against the
 * published types. Needs `npm run build` (every test run does it first).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ACTIVATION_DOCS, PACKAGE_NAME, ROOT, generate } from '../../scripts/generate-docs.js';
import { activationIds } from '../../src/registry.js';
import { vectorFunctionIds } from '../../src/vector/softmax.js';

const run = promisify(execFile);
const DIR = path.join(ROOT, '.tmp', 'site-usage-examples', String(process.pid));

interface Example {
  readonly id: string;
  readonly code: string;
  readonly output: string;
}

let examples: Example[] = [];

/** The ```ts title="<id>.ts" block and the ```text title="Output" block of a page. */
function extract(mdx: string, page: string): Example {
  const code = /```ts title="([^"]+)\.ts"\n([\s\S]*?)\n```/.exec(mdx);
  const output = /```text title="Output"\n([\s\S]*?)\n```/.exec(mdx);
  assert.ok(code && output, `${page}: no usage example with its output`);
  return { id: code[1]!, code: `${code[2]!}\n`, output: output[1]! };
}

before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist', 'index.js')), 'dist/index.js is missing: run npm run build first');
  const pages = (await generate()).filter((p) => p.file.startsWith(ACTIVATION_DOCS));
  examples = pages.map((p) => extract(p.content, path.relative(ROOT, p.file)));
  mkdirSync(DIR, { recursive: true });
  for (const e of examples) writeFileSync(path.join(DIR, `${e.id}.ts`), e.code);
});

after(() => rmSync(DIR, { recursive: true, force: true }));

test('there is a usage example for each function page, every activation and every softmax-family function', () => {
  assert.deepEqual(
    examples.map((e) => e.id),
    [...activationIds, ...vectorFunctionIds],
    `got examples for: ${examples.map((e) => e.id).join(', ')}`,
  );
});

test('every usage example prints exactly the output shown under it, run against the built package', async () => {
  // Two at a time: each run starts Node with tsx (~0.4 s); the machine has two cores.
  const queue = [...examples];
  const failures: string[] = [];
  async function worker(): Promise<void> {
    for (let e = queue.shift(); e; e = queue.shift()) {
      const file = path.join(DIR, `${e.id}.ts`);
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      if (stdout.trimEnd() !== e.output) {
        failures.push(`${e.id}:\n--- printed ---\n${stdout.trimEnd()}\n--- page shows ---\n${e.output}\n${stderr ? `--- stderr ---\n${stderr}` : ''}`);
      }
    }
  }
  await Promise.all([worker(), worker()]);
  assert.deepEqual(failures, [], failures.join('\n\n'));
});

test(`the usage examples import '${PACKAGE_NAME}' by name and type-check against its published types (strict)`, async () => {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      lib: ['ES2023'],
    },
    include: ['*.ts'],
  };
  writeFileSync(path.join(DIR, 'tsconfig.json'), JSON.stringify(config));
  // No package.json here: the snippets must stay in the repository's package scope (type module,
  // name activation-functions), which is what lets them import the package by its own name.
  try {
    await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(DIR, 'tsconfig.json')], { cwd: ROOT });
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string };
    assert.fail(`the usage examples do not type-check:\n${out.stdout ?? ''}${out.stderr ?? ''}`);
  }
});
