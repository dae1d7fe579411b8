import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../../src/notebook/random.js';
import { tableHtml, tableMarkdown, tableText } from '../../src/notebook/table.js';

test('createRandom gives the same sequence for the same seed and another for another seed', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const xs = Array.from({ length: 5 }, () => a.uniform());
  assert.deepEqual(Array.from({ length: 5 }, () => b.uniform()), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, () => c.uniform()), xs);
  for (const x of xs) assert.ok(x >= 0 && x < 1, `uniform() gave ${x}`);
});

test('createRandom normals have mean near 0 and variance near 1, and normals(n, std) scales them', () => {
  const n = 200_000;
  const samples = createRandom(7).normals(n, 3);
  let sum = 0;
  for (const x of samples) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of samples) squares += (x - mean) ** 2;
  const variance = squares / n;
  // Standard error of the mean is 3 / sqrt(n) ≈ 0.0067; of the variance about 9·sqrt(2/n) ≈ 0.028.
  assert.ok(Math.abs(mean) < 0.03, `mean ${mean}, expected about 0`);
  assert.ok(Math.abs(variance - 9) < 0.15, `variance ${variance}, expected about 9`);
});

test('createRandom refuses a seed that is not an integer and a bad count', () => {
  assert.throws(() => createRandom(1.5), /seed must be an integer, got 1\.5/);
  assert.throws(() => createRandom(1).normals(-1), /n must be a non-negative integer, got -1/);
});

const table = { columns: ['Name', 'Value | pipe', 'Flag'], rows: [['<b>&', -0, true], ['x', 1.5, null]] as const };

test('tableHtml escapes cell text and writes booleans as yes/no', () => {
  const html = tableHtml({ columns: table.columns, rows: table.rows.map((r) => [...r]) });
  assert.match(html, /<td style="text-align:left">&#60;b&#62;&#38;<\/td><td style="text-align:left">-0<\/td><td style="text-align:left">yes<\/td>/);
  assert.match(html, /<th style="text-align:left">Value \| pipe<\/th>/);
});

test('tableMarkdown escapes pipes so columns stay aligned', () => {
  const md = tableMarkdown({ columns: table.columns, rows: table.rows.map((r) => [...r]) });
  assert.equal(md, '| Name | Value \\| pipe | Flag |\n|---|---|---|\n| <b>& | -0 | yes |\n| x | 1.5 |  |');
});

test('tableText pads columns and a row of the wrong length is refused', () => {
  const text = tableText({ columns: ['a', 'bb'], rows: [['xyz', 1]] });
  assert.equal(text, 'a    bb\n---  --\nxyz  1');
  assert.throws(() => tableText({ columns: ['a', 'b'], rows: [['only one']] }), /table row 0 has 1 cells, the table has 2 columns/);
});
