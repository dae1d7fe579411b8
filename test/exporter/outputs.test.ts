import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { NotebookError } from '../../src/exporter/errors.js';
import type { Output } from '../../src/exporter/notebook.js';
import { mergeStreams, outputToMdast, terminalText } from '../../src/exporter/outputs.js';
import { toMdx } from '../../src/exporter/serialize.js';
import { CHART_SPEC_MIME } from '../../src/plot/spec.js';

const context = { where: { file: 'notebooks/x.ipynb', cell: 2, output: 0 }, notebooks: new Set(['x']) };

function render(output: Output): [string, string[], number] {
  const converted = outputToMdast(output, context);
  return [toMdx({ type: 'root', children: converted.nodes } as Root), converted.warnings, converted.charts];
}

const display = (data: Record<string, unknown>): Output => ({ outputType: 'display_data', data, metadata: {} });

test('stdout is an output block, stderr a block titled stderr', () => {
  assert.deepEqual(render({ outputType: 'stream', name: 'stdout', text: 'x = 1\n' }), ['```text title="Output"\nx = 1\n```\n', [], 0]);
  assert.deepEqual(render({ outputType: 'stream', name: 'stderr', text: 'careful\n' }), ['```text title="stderr"\ncareful\n```\n', [], 0]);
  assert.deepEqual(render({ outputType: 'stream', name: 'stdout', text: '\n' }), ['', [], 0]);
});

test('output text holding a code fence gets a longer fence', () => {
  assert.equal(render({ outputType: 'stream', name: 'stdout', text: '```\n{x} <y>\n' })[0], '````text title="Output"\n```\n{x} <y>\n````\n');
});

test('an error is shown as text, without terminal colours', () => {
  const error: Output = {
    outputType: 'error',
    ename: 'TypeError',
    evalue: 'x is not a function',
    traceback: ['\u001b[31mTypeError\u001b[0m: x is not a function', '    at <cell>:1'],
  };
  assert.deepEqual(render(error), ['```text title="Error"\nTypeError: x is not a function\n    at <cell>:1\n```\n', [], 0]);
  assert.equal(render({ outputType: 'error', ename: 'E', evalue: 'v', traceback: [] })[0], '```text title="Error"\nE: v\n```\n');
});

test('terminalText lets a carriage return overwrite its line from the start, as Jupyter does', () => {
  assert.equal(terminalText('10%\r50%\r100%\ndone\r\n'), '100%\ndone');
  assert.equal(terminalText('abcdef\rxy'), 'xycdef');
  assert.equal(terminalText('\u001b[1;32mgreen\u001b[0m  \n\n'), 'green');
});

test('a chart output becomes the chart component, whatever else it carries', () => {
  const spec = { kind: 'vector', title: 'Softmax', grid: { start: -1, stop: 1, count: 3 }, fn: 'softmax' };
  const [mdx, warnings, charts] = render(
    display({ [CHART_SPEC_MIME]: spec, 'application/vnd.plotly.v1+json': {}, 'text/html': '<div>plot</div>', 'text/plain': 'Chart' }),
  );
  // Longer than 98 columns on one line, so one key per line.
  assert.equal(
    mdx,
    '<NotebookChart\n  spec={{\n    "kind": "vector",\n    "title": "Softmax",\n    "grid": {"start": -1, "stop": 1, "count": 3},\n    "fn": "softmax"\n  }}\n/>\n',
  );
  assert.deepEqual([warnings, charts], [[], 1]);
});

test('an invalid chart spec fails naming the cell and the output', () => {
  assert.throws(
    () => render(display({ [CHART_SPEC_MIME]: { kind: 'vector', title: 'S', grid: { start: 0, stop: 1, count: 3 }, fn: 'max' } })),
    (error: unknown) =>
      error instanceof NotebookError &&
      error.message === 'notebooks/x.ipynb: cell 2, output 0: chart spec fn: must be one of "softmax", "logSoftmax", "softmin", got "max"',
  );
});

test('HTML is never used: text/plain is shown instead', () => {
  const [mdx] = render(display({ 'text/html': '<script>alert(1)</script><b>x</b>', 'text/plain': 'x' }));
  assert.equal(mdx, '```text title="Output"\nx\n```\n');
});

test('an output with only HTML is left out, with a warning and an MDX comment', () => {
  assert.deepEqual(render(display({ 'text/html': '<div id="widget"></div>' })), [
    '{/* output not shown: no representation the site can show (text/html) */}\n',
    ['output not shown: no representation the site can show (text/html)'],
    0,
  ]);
});

test('markdown output goes through the markdown processors (a table stays a table, HTML is dropped)', () => {
  const [mdx, warnings] = render(display({ 'text/markdown': '| a | b |\n|---|---|\n| $x$ | <i>1</i> |', 'text/html': '<table></table>', 'text/plain': 'a b' }));
  assert.equal(mdx, '| a   | b |\n| --- | - |\n| $x$ | 1 |\n');
  assert.equal(warnings.length, 2);
});

test('images become data URIs: PNG as given, SVG encoded; the alt text is the plain text unless it is a repr', () => {
  assert.equal(render(display({ 'image/png': 'iVBO\nRw0=\n', 'text/plain': 'A plot' }))[0], '![A plot](data\\:image/png;base64,iVBORw0=)\n');
  assert.equal(
    render(display({ 'image/png': 'AA==', 'text/plain': '<Figure size 640x480 with 1 Axes>' }))[0],
    '![Output image](data\\:image/png;base64,AA==)\n',
  );
  assert.equal(render(display({ 'image/svg+xml': '<svg/>' }))[0], `![Output image](data\\:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')})\n`);
});

test('LaTeX output holding one formula is a math block; other LaTeX falls back to text', () => {
  assert.equal(render(display({ 'text/latex': '$$\\alpha$$', 'text/plain': 'alpha' }))[0], '$$\n\\alpha\n$$\n');
  assert.equal(render(display({ 'text/latex': 'a $x$ b', 'text/plain': 'a x b' }))[0], '```text title="Output"\na x b\n```\n');
});

test('JSON output is a json block', () => {
  assert.equal(render(display({ 'application/json': { a: [1, 2] } }))[0], '```json title="Output"\n{\n  "a": [\n    1,\n    2\n  ]\n}\n```\n');
});

test('mergeStreams joins consecutive writes to the same stream and keeps the first index', () => {
  const outputs: Output[] = [
    { outputType: 'stream', name: 'stdout', text: 'a' },
    { outputType: 'stream', name: 'stdout', text: 'b' },
    { outputType: 'stream', name: 'stderr', text: 'c' },
    { outputType: 'stream', name: 'stdout', text: 'd' },
  ];
  assert.deepEqual(mergeStreams(outputs), [
    [{ outputType: 'stream', name: 'stdout', text: 'ab' }, 0],
    [{ outputType: 'stream', name: 'stderr', text: 'c' }, 2],
    [{ outputType: 'stream', name: 'stdout', text: 'd' }, 3],
  ]);
  assert.deepEqual(outputs[0], { outputType: 'stream', name: 'stdout', text: 'a' });
});
