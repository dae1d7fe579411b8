/**
 * docs/performance.mdx as scripts/generate-docs.ts writes it from bench/results.json: the banner, the
 * command, the machine, the date, the tables, valid MDX (compiled with the site's math and GFM
 * plugins), and a clear error when bench/results.json is missing.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { BANNER_MARK, ROOT, performancePage, readBenchResults } from '../../scripts/generate-docs.js';
import { KERNEL_GROUPS, accuracyTable, gapTables, geomeanTables } from '../../bench/lib/report.js';
import { activationIds } from '../../src/registry.js';
import { rehypeKatexErrors } from '../../website/plugins/rehype-katex-errors.js';

test('a missing bench/results.json fails with what to run', () => {
  assert.throws(() => readBenchResults(path.join(ROOT, 'bench', 'no-such-results.json')), /missing.*npm run bench/s);
});

test('the performance page: banner, command, machine, date, every function, geometric means; compiles as MDX', async () => {
  const results = readBenchResults();
  const mdx = performancePage(results);
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  assert.ok(body.trimStart().startsWith(`{/* ${BANNER_MARK} from bench/results.json`), body.slice(0, 120));
  assert.match(mdx, /^---\ntitle: "Performance"/);
  assert.ok(mdx.includes('`npm run bench`'));
  assert.ok(mdx.includes(results.machine.cpu));
  assert.ok(mdx.includes(results.date.slice(0, 10)), 'the date of the run');
  assert.match(mdx, /same run/);
  for (const id of activationIds) assert.ok(mdx.includes(`| ${id} `) || mdx.includes(`| ${id}\n`) || new RegExp(`\\|\\s*${id}\\s*\\|`).test(mdx), `no row for ${id}`);
  for (const t of geomeanTables(results)) for (const row of t.rows) assert.ok(mdx.includes(row[5]!), `geomean ${row[5]} missing`);
  // where the distance to PyTorch comes from: every group's row with its share, and why
  assert.match(mdx, /## Where the distance to PyTorch comes from/);
  for (const t of gapTables(results)) for (const row of t.rows) assert.ok(mdx.includes(`| ${row[0]}`) && mdx.includes(row[4]!), `gap row ${row.join(' ')} missing`);
  // the float32 accuracy of every engine
  assert.match(mdx, /## Accuracy/);
  for (const row of accuracyTable(results)!.rows) assert.ok(new RegExp(`\\|\\s*${row[0]!.replace(/[()†=]/g, '.')}\\s*\\|`).test(mdx), `accuracy row ${row[0]} missing`);
  for (const g of KERNEL_GROUPS) assert.ok(mdx.includes(g.why.slice(0, 40).replace(/`/g, '')) || mdx.includes(g.why.slice(0, 40)), `why of ${g.key} missing`);
  await compile(body, { remarkPlugins: [remarkMath, remarkGfm], rehypePlugins: [rehypeKatex, rehypeKatexErrors] });
});
