import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../../src/notebook/random.js';
import { tableHtml, tableMarkdown, tableText } from '../../src/notebook/table.js';
import { FAMILY_INFO, activationFamilies, familiesOf } from '../../src/notebook/families.js';
import {
  TRADE_OFF_SECTIONS,
  claimMarkdown,
  claimsCiting,
  describedFunction,
  evidenceLabel,
  evidenceMarkdown,
  functionIds,
  shortCitation,
  tradeOffsMarkdown,
} from '../../src/notebook/evidence.js';
import { experiments } from '../../src/experiments/index.js';
import { references } from '../../src/references.js';
import { activationIds, activations } from '../../src/registry.js';

test('createRandom gives the same sequence for the same seed and another for another seed', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const xs = Array.from({ length: 5 }, () => a.uniform());
  assert.deepEqual(
    Array.from({ length: 5 }, () => b.uniform()),
    xs,
  );
  assert.notDeepEqual(
    Array.from({ length: 5 }, () => c.uniform()),
    xs,
  );
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

const table = {
  columns: ['Name', 'Value | pipe', 'Flag'],
  rows: [
    ['<b>&', -0, true],
    ['x', 1.5, null],
  ] as const,
};

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

test("the activation families group the registry by each function's own family: every id once, in registry order", () => {
  const listed = activationFamilies.flatMap((f) => f.ids);
  assert.deepEqual([...listed].sort(), [...activationIds].sort(), 'every id in exactly one family');
  for (const f of activationFamilies) {
    assert.deepEqual(
      f.ids,
      activationIds.filter((id) => activations[id].family === f.id),
      `${f.id}: its members, in registry order`,
    );
  }
  assert.deepEqual(
    activationFamilies.map((f) => f.id),
    Object.keys(FAMILY_INFO),
    'one family per FAMILY_INFO entry, in its order',
  );
  const hard = activationFamilies.find((f) => f.ids.includes('hardswish'))!;
  // Hardswish is piecewise quadratic (its derivative a ramp), not piecewise linear like its neighbours.
  assert.match(hard.title, /quadratic/);
  assert.match(hard.description, /hardswish[^.]*piecewise quadratic/);
  const info = { x: { title: 'X', description: '' }, y: { title: 'Y', description: '' } };
  const members = [
    { id: 'a', family: 'y' },
    { id: 'b', family: 'x' },
    { id: 'c', family: 'y' },
  ];
  assert.deepEqual(
    familiesOf(members, info).map((f) => [f.id, f.ids]),
    [
      ['x', ['b']],
      ['y', ['a', 'c']],
    ],
  );
  assert.throws(() => familiesOf([...members, { id: 'd', family: 'z' }], info), /'d' is in family 'z', which has no title/);
  assert.throws(() => familiesOf([{ id: 'a', family: 'x' }], info), /no activation is in family 'y'/);
});

test('shortCitation names one, two or the first of three or more authors, and the year', () => {
  assert.equal(shortCitation('maas2013rectifier'), 'Maas et al. 2013');
  assert.equal(shortCitation('hendrycks2016gelu'), 'Hendrycks & Gimpel 2016');
  assert.equal(shortCitation('misra2019mish'), 'Misra 2019');
  assert.throws(() => shortCitation('nobody2020'), /unknown reference key 'nobody2020'/);
});

test('evidence reads as "paper: …, where", "measured: experiment …, finding …", "property: …", "conjecture"', () => {
  const relu = describedFunction('relu');
  assert.equal(evidenceLabel({ kind: 'paper', key: 'maas2013rectifier', where: 'Table 1' }), 'paper: Maas et al. 2013, Table 1');
  assert.equal(
    evidenceMarkdown({ kind: 'paper', key: 'maas2013rectifier', where: 'Table 1', shows: 'about equal' }, relu),
    `paper: [Maas et al. 2013](${references['maas2013rectifier']!.URL}), Table 1 (about equal)`,
  );
  assert.equal(evidenceMarkdown({ kind: 'property', property: 'range' }, relu), `property: range $${activations['relu']!.properties.rangeLatex}$`);
  assert.equal(evidenceMarkdown({ kind: 'property', property: 'monotonic' }, relu), 'property: monotonic: yes');
  assert.equal(evidenceMarkdown({ kind: 'property', property: 'kinks' }, relu), "property: kinks at x = 0 (autograd's derivative there: 0)");
  assert.equal(evidenceMarkdown({ kind: 'conjecture' }, relu), 'conjecture');
  assert.equal(evidenceMarkdown({ kind: 'conjecture', key: 'misra2019mish' }, relu), 'conjecture, put forward by Misra 2019');
  const e = experiments[0]!;
  const f = e.findings[0]!;
  const measured = evidenceMarkdown({ kind: 'measured', experiment: e.id, finding: f.id }, relu);
  assert.ok(
    measured.startsWith(`measured: experiment [\`${e.id}\`](05_trade-offs-measured.ipynb), finding \`${f.id}\`: ${f.statement} (committed run: `),
    measured,
  );
  assert.equal(
    evidenceMarkdown({ kind: 'measured', experiment: e.id, finding: f.id }, relu, { measuredDetail: false, linkExperiments: false }),
    `measured: experiment \`${e.id}\`, finding \`${f.id}\`: ${f.statement}`,
  );
  assert.throws(() => evidenceMarkdown({ kind: 'measured', experiment: e.id, finding: 'no-such-finding' }, relu), /has no such finding/);
});

test('tradeOffsMarkdown lists every claim of a function under its section, each with one line per piece of evidence', () => {
  for (const id of functionIds()) {
    const fn = describedFunction(id);
    const md = tradeOffsMarkdown(id);
    assert.ok(md.startsWith(`#### ${fn.name}: the module's claims and their evidence`), id);
    for (const { key, heading } of TRADE_OFF_SECTIONS) {
      const claims = fn.tradeOffs[key] ?? [];
      if (claims.length) assert.ok(md.includes(`**${heading}**`), `${id}: ${heading}`);
      for (const c of claims) assert.ok(md.includes(claimMarkdown(c, fn)), `${id}: ${c.text}`);
    }
  }
  assert.throws(() => describedFunction('nonsense'), /no activation or softmax-family function 'nonsense'/);
});

test('claimsCiting finds every claim that cites an experiment, with the findings it cites', () => {
  for (const e of experiments) {
    for (const c of claimsCiting(e.id)) {
      const claim = describedFunction(c.fn).tradeOffs[c.section]!.find((x) => x === c.claim);
      assert.ok(claim, `${e.id}: ${c.fn}`);
      assert.deepEqual(c.findings, [...new Set(c.claim.evidence.flatMap((x) => (x.kind === 'measured' && x.experiment === e.id ? [x.finding] : [])))]);
    }
  }
  assert.deepEqual(claimsCiting('no-such-experiment'), []);
});
