import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellsToMdast, codeLanguage } from '../../src/exporter/cells.js';
import { parseNotebook } from '../../src/exporter/notebook.js';
import { toMdx } from '../../src/exporter/serialize.js';
import { code, md, notebookJson } from './support.js';

const stdout = (text: string) => ({ output_type: 'stream', name: 'stdout', text });

function convert(cells: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  const notebook = parseNotebook(notebookJson(cells, extra), 'notebooks/x.ipynb');
  const converted = cellsToMdast(notebook, { notebooks: new Set(['x']) });
  return { mdx: toMdx({ type: 'root', children: converted.children }), warnings: converted.warnings, charts: converted.charts };
}

test('markdown cells and code cells with their outputs come in notebook order', () => {
  const { mdx, warnings, charts } = convert([md('# Title\n\nSome *text*.'), code('const x = 1;\nconsole.log(x);\n\n', [stdout('1\n')]), md('End.')]);
  assert.equal(mdx, '# Title\n\nSome _text_.\n\n```ts\nconst x = 1;\nconsole.log(x);\n```\n\n```text title="Output"\n1\n```\n\nEnd.\n');
  assert.deepEqual([warnings, charts], [[], 0]);
});

test('empty code cells are left out, and the code block language follows the kernel', () => {
  assert.equal(convert([code('  \n', []), md('x')]).mdx, 'x\n');
  assert.equal(convert([code('print(1)')], { language_info: { name: 'python' } }).mdx, '```python\nprint(1)\n```\n');
  assert.equal(codeLanguage('typescript'), 'ts');
  assert.equal(codeLanguage('javascript'), 'js');
  assert.equal(codeLanguage('r'), 'r');
});

test('the tags remove-cell, remove-input and remove-output leave out the cell, its code or its outputs', () => {
  const tags = (t: string) => ({ metadata: { tags: [t] } });
  const { mdx } = convert([
    code('gone()', [stdout('gone\n')], tags('remove-cell')),
    code('hidden()', [stdout('shown\n')], tags('remove-input')),
    code('shown()', [stdout('hidden\n')], tags('remove-output')),
    md('not here', tags('remove-cell')),
  ]);
  assert.equal(mdx, '```text title="Output"\nshown\n```\n\n```ts\nshown()\n```\n');
});

test('raw cells are left out with a warning naming the cell', () => {
  const { mdx, warnings } = convert([md('a'), { cell_type: 'raw', metadata: {}, source: '\\newpage' }]);
  assert.equal(mdx, 'a\n');
  assert.deepEqual(warnings, ['notebooks/x.ipynb: cell 1: raw cell not shown']);
});

test('warnings from markdown and outputs name the cell and the output', () => {
  const { warnings } = convert([md('<div>x</div>'), code('w()', [stdout('a'), { output_type: 'display_data', metadata: {}, data: { 'text/html': '<b>' } }])]);
  assert.deepEqual(warnings, [
    'notebooks/x.ipynb: cell 0: raw HTML not shown: <div>x</div>',
    'notebooks/x.ipynb: cell 1, output 1: output not shown: no representation the site can show (text/html)',
  ]);
});

test('charts are counted', () => {
  const spec = { kind: 'activation', title: 'ReLU', grid: { start: -1, stop: 1, count: 5 }, series: [{ id: 'relu' }] };
  const chart = { output_type: 'display_data', metadata: {}, data: { 'application/vnd.activations.chart+json': spec, 'text/plain': 'Chart' } };
  assert.equal(convert([code('a()', [chart]), code('b()', [chart, chart])]).charts, 3);
});
