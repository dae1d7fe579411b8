/**
 * docs/performance.mdx as scripts/generate-docs.ts writes it from a bench run — here made-up runs
 * (test/bench/synthetic.ts), never the committed file: the banner, the command, the machine, the
 * date, the tables, valid MDX (compiled with the site's math and GFM plugins); a function the run
 * does not have is marked not measured yet, and without any run the page says so. Neither fails.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { BANNER_MARK, ROOT, benchRegistry, performancePage, readBenchResults } from '../../scripts/generate-docs.js';
import { KERNEL_GROUPS, accuracyTable, gapTables, geomeanTables } from '../../bench/lib/report.js';
import { rehypeKatexErrors } from '../../website/plugins/rehype-katex-errors.js';
import { registryFunctions, syntheticRun } from './synthetic.js';

const bodyOf = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
const compileMdx = (mdx: string) => compile(bodyOf(mdx), { remarkPlugins: [remarkMath, remarkGfm], rehypePlugins: [rehypeKatex, rehypeKatexErrors] });
const rowOf = (mdx: string, label: string) => new RegExp(`^\\|\\s*${label.replace(/[()†=]/g, '.')}\\s*\\|`, 'm').test(mdx);
const NOT_MEASURED = /\*\*Not measured yet\*\* — run `npm run bench`/;

test('bench/results.json: read when there, undefined when missing (the page then says so), an error for another schema', () => {
  assert.equal(readBenchResults(path.join(ROOT, 'bench', 'no-such-results.json')), undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
  try {
    const file = path.join(dir, 'results.json');
    writeFileSync(file, JSON.stringify({ ...syntheticRun(), schema: 2 }));
    assert.throws(() => readBenchResults(file), /schema 2, expected 1: run `npm run bench` again/);
    writeFileSync(file, JSON.stringify(syntheticRun()));
    assert.equal(readBenchResults(file)?.schema, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the performance page of a run of every function: banner, command, machine, date, every function, geometric means; compiles as MDX', async () => {
  const registry = benchRegistry();
  const results = syntheticRun();
  const mdx = performancePage(results, registry);
  const body = bodyOf(mdx);
  assert.ok(body.trimStart().startsWith(`{/* ${BANNER_MARK} from bench/results.json`), body.slice(0, 120));
  assert.match(mdx, /^---\ntitle: "Performance"/);
  assert.ok(mdx.includes('`npm run bench`'));
  assert.ok(mdx.includes(results.machine.cpu));
  assert.ok(mdx.includes(results.date.slice(0, 10)), 'the date of the run');
  assert.match(mdx, /same run/);
  assert.doesNotMatch(mdx, NOT_MEASURED);
  for (const id of registry.ids) assert.ok(rowOf(mdx, id), `no row for ${id}`);
  for (const t of geomeanTables(results)) for (const row of t.rows) assert.ok(mdx.includes(row[5]!), `geomean ${row[5]} missing`);
  // where the distance to PyTorch comes from: every group's row with its share, and why
  assert.match(mdx, /## Where the distance to PyTorch comes from/);
  for (const t of gapTables(results, registry.groups))
    for (const row of t.rows) assert.ok(mdx.includes(`| ${row[0]}`) && mdx.includes(row[4]!), `gap row ${row.join(' ')} missing`);
  for (const g of Object.values(KERNEL_GROUPS))
    assert.ok(mdx.includes(g.why.slice(0, 40).replace(/`/g, '')) || mdx.includes(g.why.slice(0, 40)), `why of ${g.label} missing`);
  // the float32 accuracy of every engine
  assert.match(mdx, /## Accuracy/);
  for (const row of accuracyTable(results)!.rows) assert.ok(rowOf(mdx, row[0]!), `accuracy row ${row[0]} missing`);
  await compileMdx(mdx);
});

test('a function the run does not have is marked "not measured yet — run `npm run bench`", and the page still compiles', async () => {
  const registry = benchRegistry();
  const fns = registryFunctions();
  const missing = [fns[2]!.id, fns[fns.length - 1]!.id];
  const older = syntheticRun({ functions: fns.filter((f) => !missing.includes(f.id)) });
  const mdx = performancePage(older, registry);
  assert.match(mdx, NOT_MEASURED);
  const notice = mdx.split('\n').find((l) => NOT_MEASURED.test(l))!;
  for (const id of missing) assert.ok(notice.includes(`\`${id}\``), `${id} not named in: ${notice}`);
  // Its row in every per-function table says so; the measured functions keep their numbers.
  for (const id of missing) {
    const rows = mdx.split('\n').filter((l) => new RegExp(`^\\|\\s*${id}\\s*\\|`).test(l));
    assert.ok(rows.length >= older.settings.dtypes.length * older.settings.sizes.length, `${id}: ${rows.length} rows`);
    for (const r of rows) assert.match(r, /\|\s*not measured yet\s*\|/);
  }
  await compileMdx(mdx);
});

test('without any run the page says nothing is measured yet, and compiles', async () => {
  const mdx = performancePage(undefined, benchRegistry());
  assert.match(mdx, /^---\ntitle: "Performance"/);
  assert.ok(bodyOf(mdx).trimStart().startsWith(`{/* ${BANNER_MARK} from bench/results.json`));
  assert.match(mdx, NOT_MEASURED);
  assert.doesNotMatch(mdx, /## Goals/);
  await compileMdx(mdx);
});
