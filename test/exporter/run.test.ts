// The export run over folders (run.ts) and the command line (cli.ts): all or nothing, stale pages,
// errors naming the file and cell.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { exportAll, ExportError, type RunOptions } from '../../src/exporter/run.js';
import { code, FIXTURES, md, notebookJson, ROOT, tempDir } from './support.js';

const NAMES = ['01_tricky-prose', '02_outputs'];

/** A project layout in a temporary folder: source notebooks, their executed copies, empty outputs. */
function project(): RunOptions & { root: string } {
  const root = tempDir('run');
  const options = {
    root,
    notebooksDir: path.join(root, 'notebooks'),
    inDir: path.join(root, 'executed'),
    outDir: path.join(root, 'docs', 'notebooks'),
    staticDir: path.join(root, 'static', 'notebooks'),
  };
  mkdirSync(options.notebooksDir);
  mkdirSync(options.inDir);
  cpSync(path.join(FIXTURES, 'notebooks', 'images'), path.join(options.notebooksDir, 'images'), { recursive: true });
  for (const name of NAMES) {
    copyFileSync(path.join(FIXTURES, 'notebooks', `${name}.ipynb`), path.join(options.notebooksDir, `${name}.ipynb`));
    copyFileSync(path.join(FIXTURES, 'notebooks', `${name}.ipynb`), path.join(options.inDir, `${name}.ipynb`));
  }
  return options;
}

/** Every file under a folder with its content, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

async function failure(options: RunOptions): Promise<ExportError> {
  try {
    await exportAll(options);
  } catch (error) {
    assert.ok(error instanceof ExportError, String(error));
    return error;
  }
  assert.fail('the export succeeded');
}

test('a run writes one page per notebook and a copy of each executed notebook, equal to the golden pages', async () => {
  const options = project();
  const lines: string[] = [];
  const report = await exportAll({ ...options, log: (l) => lines.push(l) });
  for (const name of NAMES) {
    assert.equal(readFileSync(path.join(options.outDir, `${name}.mdx`), 'utf8'), readFileSync(path.join(FIXTURES, 'expected', `${name}.mdx`), 'utf8'));
    assert.equal(readFileSync(path.join(options.staticDir, `${name}.ipynb`), 'utf8'), readFileSync(path.join(options.inDir, `${name}.ipynb`), 'utf8'));
  }
  assert.equal(lines.length, 2);
  assert.deepEqual(
    report.pages.map((p) => [p.name, p.cells, p.charts]),
    [
      ['01_tricky-prose', 6, 0],
      ['02_outputs', 14, 2],
    ],
  );
  assert.equal(report.write.written.length, 4);
  assert.equal(report.warnings.length, 10);
  const again = await exportAll(options);
  assert.deepEqual([again.write.written.length, again.write.unchanged.length], [0, 4]);
});

test('generated pages and notebook copies whose notebook is gone are removed; hand-written pages stay', async () => {
  const options = project();
  await exportAll(options);
  const gone = readFileSync(path.join(options.outDir, '02_outputs.mdx'), 'utf8').replaceAll('02_outputs', '99_gone');
  writeFileSync(path.join(options.outDir, '99_gone.mdx'), gone);
  writeFileSync(path.join(options.outDir, 'hand-written.mdx'), '# Mine\n\nNot generated.\n');
  writeFileSync(path.join(options.staticDir, '99_gone.ipynb'), '{}');
  const report = await exportAll(options);
  assert.deepEqual(report.write.removed.map((f) => path.relative(options.root, f)).sort(), ['docs/notebooks/99_gone.mdx', 'static/notebooks/99_gone.ipynb']);
  assert.deepEqual(readdirSync(options.outDir).sort(), ['01_tricky-prose.mdx', '02_outputs.mdx', 'hand-written.mdx']);
});

for (const [label, broken, message] of [
  ['bad JSON', '{"cells": [', /^.*executed\/02_outputs\.ipynb: not valid JSON \(/],
  ['no cells', JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {} }), /^.*executed\/02_outputs\.ipynb: "cells" must be a list, got nothing$/],
  [
    'a cell without source',
    notebookJson([md('# Outputs'), { cell_type: 'code', id: 'nosource', metadata: {}, outputs: [] }]),
    /^.*executed\/02_outputs\.ipynb: cell 1 \(id "nosource"\): "source" is missing$/,
  ],
] as const) {
  test(`a malformed executed notebook (${label}) fails naming the file and cell, and leaves the previous output intact`, async () => {
    const options = project();
    await exportAll(options);
    const before = { out: snapshot(options.outDir), static: snapshot(options.staticDir) };
    // The other notebook changed too: its new page must not be written either.
    const prose = path.join(options.inDir, '01_tricky-prose.ipynb');
    const changed = readFileSync(prose, 'utf8').replace('Every line of this notebook', 'EVERY line of this notebook');
    writeFileSync(prose, changed);
    writeFileSync(path.join(options.notebooksDir, '01_tricky-prose.ipynb'), changed);
    writeFileSync(path.join(options.inDir, '02_outputs.ipynb'), broken);
    const error = await failure(options);
    assert.equal(error.errors.length, 1);
    assert.match(error.errors[0]!, message);
    assert.match(error.message, /^1 error; nothing was written:\n {2}/);
    assert.deepEqual({ out: snapshot(options.outDir), static: snapshot(options.staticDir) }, before);
  });
}

test('every failing notebook is reported in one run', async () => {
  const options = project();
  writeFileSync(path.join(options.inDir, '01_tricky-prose.ipynb'), '[]');
  writeFileSync(
    path.join(options.inDir, '02_outputs.ipynb'),
    notebookJson([
      md('# Outputs'),
      code('x', [{ output_type: 'display_data', data: { 'application/vnd.activations.chart+json': { kind: 'pie', title: 't' } } }]),
    ]),
  );
  writeFileSync(path.join(options.notebooksDir, '02_outputs.ipynb'), notebookJson([md('# Outputs'), code('x')]));
  const error = await failure(options);
  assert.equal(error.errors.length, 2);
  assert.match(error.errors[0]!, /01_tricky-prose\.ipynb: a notebook must be a JSON object, got a list$/);
  assert.match(error.errors[1]!, /02_outputs\.ipynb: cell 1, output 0: chart spec kind: must be "activation", "vector" or "data", got "pie"$/);
  assert.equal(existsSync(options.outDir), false);
});

test('an executed copy that is missing or older than its notebook is an error', async () => {
  const options = project();
  const source = path.join(options.notebooksDir, '02_outputs.ipynb');
  writeFileSync(source, readFileSync(source, 'utf8').replace('Every kind of output', 'Each kind of output'));
  const stale = await failure(options);
  assert.match(stale.errors[0]!, /executed\/02_outputs\.ipynb: out of date with .*notebooks\/02_outputs\.ipynb \(cell 0 differs\); run npm run notebooks:run$/);
  writeFileSync(path.join(options.notebooksDir, '03_new.ipynb'), notebookJson([md('# New')]));
  const missing = await failure(options);
  assert.match(missing.errors[1]!, /executed\/03_new\.ipynb: missing: .*notebooks\/03_new\.ipynb has not been executed \(run npm run notebooks:run\)$/);
});

test('a hand-written file where a page would go is not overwritten', async () => {
  const options = project();
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(path.join(options.outDir, '02_outputs.mdx'), '# My own page\n');
  const error = await failure(options);
  assert.match(error.errors[0]!, /docs\/notebooks\/02_outputs\.mdx: exists and was not generated by the exporter \(no banner\); move it away or delete it$/);
  assert.equal(readFileSync(path.join(options.outDir, '02_outputs.mdx'), 'utf8'), '# My own page\n');
  assert.deepEqual(readdirSync(options.outDir), ['02_outputs.mdx']);
});

test('an empty or missing notebooks folder is an error', async () => {
  const options = project();
  assert.match(
    (await failure({ ...options, notebooksDir: path.join(options.root, 'nowhere') })).errors[0]!,
    /nowhere: no such folder \(the source notebooks\)$/,
  );
  mkdirSync(path.join(options.root, 'empty'));
  assert.match((await failure({ ...options, notebooksDir: path.join(options.root, 'empty') })).errors[0]!, /empty: no notebooks \(\*\.ipynb\) in it$/);
});

const CLI = path.join(ROOT, 'src', 'exporter', 'cli.ts');
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

test('the command line prints progress and a summary and exits 0', () => {
  const options = project();
  const run = cli(['--in', options.inDir, '--out', options.outDir, '--static', options.staticDir, '--notebooks', options.notebooksDir]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.ok(
    lines.every((l) => l.startsWith('[docs:export] ')),
    run.stdout,
  );
  assert.ok(
    lines.some((l) => /02_outputs: 14 cells, 2 charts → /.test(l)),
    run.stdout,
  );
  assert.ok(
    lines.some((l) => l.includes('warning: ') && l.includes('raw cell not shown')),
    run.stdout,
  );
  assert.match(lines[lines.length - 1]!, /^\[docs:export\] 2 notebooks exported: 4 file\(s\) written, 0 unchanged, 0 removed, in \d+\.\d s$/);
});

test('the command line exits 1 with the errors when a notebook fails, and 2 for a wrong argument', () => {
  const options = project();
  writeFileSync(path.join(options.inDir, '01_tricky-prose.ipynb'), 'not json');
  const run = cli(['--in', options.inDir, '--out', options.outDir, '--static', options.staticDir, '--notebooks', options.notebooksDir]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^\[docs:export\] FAILED: 1 error; nothing was written:\n {2}.*01_tricky-prose\.ipynb: not valid JSON/);
  assert.equal(existsSync(options.outDir), false);
  const wrong = cli(['--output', 'x']);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /unknown argument "--output"\nusage: tsx src\/exporter\/cli\.ts/);
});
