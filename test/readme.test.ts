import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { activationIds, vectorFunctionIds } from '../src/index.js';
import { BEGIN, END, latexToText, markdownTable, readmeWithTable, tableRows } from '../scripts/activations-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test("README's activation table is the one the registry gives (run `npx tsx scripts/activations-table.ts --readme`)", () => {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  assert.ok(start >= 0 && end > start, 'README has the table markers');
  assert.equal(readme.slice(start + BEGIN.length, end).trim(), markdownTable());
  assert.equal(readmeWithTable(readme), readme, 'rewriting the table changes nothing');
});

test('the table has one row per function, each with plain-text ranges', () => {
  const rows = tableRows();
  assert.deepEqual(
    rows.map((r) => r.id),
    [...activationIds, ...vectorFunctionIds],
  );
  for (const r of rows) {
    assert.doesNotMatch(r.range, /\\/, `${r.id}: range still has LaTeX: ${r.range}`);
    assert.ok(r.torch.length > 0 && r.name.length > 0, r.id);
  }
});

test('latexToText turns the range forms the registry uses into text', () => {
  assert.equal(latexToText(String.raw`[-0.27846\ldots/\beta, \infty) \text{ for } \beta > 0`), '[-0.27846…/β, ∞) for β > 0');
  assert.equal(latexToText(String.raw`\left[-\tfrac{3}{8}, \infty\right)`), '[-3/8, ∞)');
  assert.equal(latexToText(String.raw`(-\infty, -\lambda) \cup \{0\} \cup (\lambda, \infty)`), '(-∞, -λ) ∪ {0} ∪ (λ, ∞)');
});

test('README shows the two commands and nothing to do by hand first', () => {
  assert.match(readme, /npm start/);
  assert.match(readme, /npm test/);
  assert.match(readme, /\.ci\/run/);
});

test("README's TypeScript examples run against the module", async () => {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 2, 'README has usage examples');
  const dir = mkdtempSync(path.join(tmpdir(), 'readme-'));
  try {
    const entry = pathToFileURL(fileURLToPath(new URL('../src/index.ts', import.meta.url))).href;
    for (const [i, block] of blocks.entries()) {
      assert.match(block, /from 'activation-functions'/, `example ${i + 1} imports the package`);
      const file = path.join(dir, `example-${i}.ts`);
      writeFileSync(file, block.replace(/from 'activation-functions'/g, `from '${entry}'`) + '\nexport {};\n');
      await import(pathToFileURL(file).href);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("README's benchmark summary is the one the committed results give (run `npm run docs:generate`)", async () => {
  const { BENCH_BEGIN, BENCH_END, benchSummary, readmeWithBench } = await import('../bench/lib/readme.js');
  const { readVerifyReport } = await import('../bench/lib/verify-report.js');
  const { benchRegistry, readBenchResults } = await import('../scripts/generate-docs.js');
  const start = readme.indexOf(BENCH_BEGIN);
  const end = readme.indexOf(BENCH_END);
  assert.ok(start >= 0 && end > start, 'README has the bench-summary markers');
  const summary = benchSummary(readBenchResults(), benchRegistry().groups, readVerifyReport());
  assert.equal(readme.slice(start + BENCH_BEGIN.length, end).trim(), summary.trim());
  assert.equal(readmeWithBench(readme, summary), readme, 'rewriting the summary changes nothing');
  assert.throws(() => readmeWithBench('no markers', summary), /no benchmark markers/);
  assert.match(benchSummary(undefined, {}, undefined), /^Not measured yet: `npm run bench`/);
});
