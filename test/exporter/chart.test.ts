import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root, RootContent } from 'mdast';
import { chartElement, chartImport, ChartSpecError, checkChartSpec, jsonLiteral } from '../../src/exporter/chart.js';
import { toMdx } from '../../src/exporter/serialize.js';
import type { ChartSpec } from '../../src/plot/spec.js';
import { renderMdxText } from './support.js';

const activation: ChartSpec = { kind: 'activation', title: 'ReLU', grid: { start: -5, stop: 5, count: 100 }, series: [{ id: 'relu', label: 'ReLU' }] };
const vector: ChartSpec = { kind: 'vector', title: 'Softmax', grid: { start: -5, stop: 5, count: 100 }, fn: 'softmax' };
const data: ChartSpec = {
  kind: 'data',
  title: 'Overflow {naive} </script> `x`',
  xTitle: 'x',
  yTitle: 'y',
  yType: 'log',
  yRange: [1e-300, 1],
  series: [{ name: 'naive', x: [0, 1, 2], y: [1, null as unknown as number, 0.5], mode: 'lines+markers' }],
};

function specError(value: unknown): string {
  try {
    checkChartSpec(value);
  } catch (error) {
    assert.ok(error instanceof ChartSpecError, String(error));
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(value)}`);
}

test('checkChartSpec accepts the three kinds of spec, null gaps in data, and fields it does not know', () => {
  assert.equal(checkChartSpec(activation), activation);
  assert.equal(checkChartSpec(vector), vector);
  assert.equal(checkChartSpec(data), data);
  const extra = { ...activation, height: 300 };
  assert.equal(checkChartSpec(extra), extra);
});

test('checkChartSpec names the field of a spec the site could not draw', () => {
  assert.match(
    specError({ ...activation, series: [{ id: 'reluu' }] }),
    /^chart spec series\[0\]\.id: must be one of "sigmoid", "tanh", "relu", .*, got "reluu"$/,
  );
  assert.equal(specError({ ...vector, fn: 'softplus' }), 'chart spec fn: must be one of "softmax", "logSoftmax", "softmin", got "softplus"');
  assert.equal(specError({ ...activation, grid: { start: 0, stop: 1, count: 1 } }), 'chart spec grid.count: must be an integer of at least 2, got 1');
  assert.equal(specError({ ...activation, grid: { start: null, stop: 1, count: 5 } }), 'chart spec grid.start: must be a finite number, got null');
  assert.equal(specError({ ...activation, series: [] }), 'chart spec series: must be a non-empty list, got []');
  assert.equal(
    specError({ ...activation, series: [{ id: 'elu', params: { alpha: null } }] }),
    'chart spec series[0].params.alpha: must be a finite number or a string, got null',
  );
  assert.equal(specError({ ...data, series: [{ name: 'a', x: [1, 2], y: [1] }] }), 'chart spec series[0]: has 2 x values and 1 y values');
  assert.equal(specError({ ...data, series: [{ name: 'a', x: [1, 'b'], y: [1, 2] }] }), 'chart spec series[0].x[1]: must be a finite number, got "b"');
  assert.equal(specError({ ...data, yRange: [0] }), 'chart spec yRange: must be [min, max], got [0]');
  assert.equal(specError({ ...data, title: 3 }), 'chart spec title: must be a string, got 3');
  assert.equal(specError({ title: 't', kind: 'pie' }), 'chart spec kind: must be "activation", "vector" or "data", got "pie"');
  assert.equal(specError([]), 'chart spec: must be an object, got []');
});

test('jsonLiteral writes short values on one line and escapes braces and line separators in strings', () => {
  assert.equal(jsonLiteral({ a: [1, 2.5, null], b: 'x{y}\u2028' }), '{"a": [1, 2.5, null], "b": "x\\u007by\\u007d\\u2028"}');
  assert.equal(JSON.stringify(eval(`(${jsonLiteral({ b: 'x{y}\u2028' })})`)), JSON.stringify({ b: 'x{y}\u2028' }));
});

test('jsonLiteral lays out long values one key per line, with number lists wrapped at 100 columns', () => {
  const xs = Array.from({ length: 40 }, (_, i) => i * 1000);
  const text = jsonLiteral({ kind: 'data', x: xs });
  const lines = text.split('\n');
  assert.equal(lines[0], '{');
  assert.equal(lines[1], '  "kind": "data",');
  assert.equal(lines[2], '  "x": [');
  assert.ok(
    lines.every((l) => l.length <= 100),
    `a line is longer than 100 columns:\n${text}`,
  );
  assert.deepEqual(eval(`(${text})`), { kind: 'data', x: xs });
});

test('a chart is written as <NotebookChart spec={…} /> with its import', () => {
  const tree: Root = { type: 'root', children: [chartImport() as RootContent, chartElement(activation) as RootContent] };
  assert.equal(
    toMdx(tree),
    "import NotebookChart from '@site/src/components/NotebookChart';\n\n" +
      '<NotebookChart\n  spec={{\n    "kind": "activation",\n    "title": "ReLU",\n    "grid": {"start": -5, "stop": 5, "count": 100},\n    "series": [{"id": "relu", "label": "ReLU"}]\n  }}\n/>\n',
  );
});

test('the spec reaches the component intact when the MDX is compiled and run, whatever its strings hold', async () => {
  const received: unknown[] = [];
  const NotebookChart = (props: { spec: unknown }) => {
    received.push(props.spec);
    return null;
  };
  const mdx = toMdx({ type: 'root', children: [chartElement(data) as RootContent, chartElement(activation) as RootContent] });
  await renderMdxText(mdx, { NotebookChart: NotebookChart as never });
  assert.deepEqual(received, [data, activation]);
});
