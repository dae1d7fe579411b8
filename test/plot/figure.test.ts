import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLOTLY_MIME, chartMimeBundle } from '../../src/plot/bundle.js';
import { NEUTRAL, THEMED_LAYOUT_PATHS, THEMES, chartFromSpec, figureFromSpec, lineFigure } from '../../src/plot/figure.js';
import { linspace } from '../../src/plot/grid.js';
import { CHART_SPEC_MIME, type ChartSpec } from '../../src/plot/spec.js';
import { activations } from '../../src/registry.js';
import { softmax } from '../../src/vector/softmax.js';

const grid = { start: -5, stop: 5, count: 100 };

test('chartFromSpec computes an activation series with the module, parameters included', () => {
  const chart = chartFromSpec({
    kind: 'activation',
    title: 'Leaky ReLU',
    grid,
    series: [{ id: 'leakyRelu', params: { negativeSlope: 0.1 }, label: 'Leaky ReLU' }],
  });
  const xs = linspace(grid);
  const line = chart.lines[0]!;
  assert.equal(line.name, 'Leaky ReLU');
  assert.deepEqual(Array.from(line.x), Array.from(xs));
  for (let i = 0; i < xs.length; i++) {
    const expected = activations.leakyRelu!.forward(xs[i]!, { negativeSlope: 0.1 });
    assert.equal(line.y[i], expected, `x = ${xs[i]}: got ${line.y[i]}, expected ${expected}`);
  }
  assert.equal(line.y[0], -0.5, 'leakyRelu(-5) with slope 0.1');
  assert.deepEqual([chart.xTitle, chart.yTitle], ['Input', 'Output']);
});

test('chartFromSpec draws derivatives when asked, names them, and titles the y axis "Derivative"', () => {
  const chart = chartFromSpec({
    kind: 'activation',
    title: 'd',
    grid: { start: -1, stop: 1, count: 3 },
    series: [
      { id: 'relu', derivative: true },
      { id: 'sigmoid', derivative: true },
    ],
  });
  assert.equal(chart.yTitle, 'Derivative');
  assert.deepEqual(Array.from(chart.lines[0]!.y), [0, 0, 1], "relu' at -1, 0 (autograd's 0), 1");
  assert.equal(chart.lines[1]!.y[1], 0.25, "sigmoid'(0) = 1/4");
  assert.equal(chart.lines[0]!.name, `${activations.relu!.name} derivative`);
});

test('chartFromSpec applies a vector function to the whole grid', () => {
  const chart = chartFromSpec({ kind: 'vector', title: 'Softmax', grid, fn: 'softmax' });
  const y = Array.from(chart.lines[0]!.y);
  assert.deepEqual(y, Array.from(softmax(linspace(grid))));
  const sum = y.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-14, `softmax over the grid sums to ${sum}`);
  assert.equal(chart.lines[0]!.name, 'Softmax');
});

test('chartFromSpec passes data charts through', () => {
  const spec: ChartSpec = { kind: 'data', title: 't', xTitle: 'a', yTitle: 'b', yType: 'log', series: [{ name: 's', x: [1, 2], y: [3, 4], mode: 'markers' }] };
  assert.deepEqual(chartFromSpec(spec), { title: 't', xTitle: 'a', yTitle: 'b', yType: 'log', lines: [{ name: 's', x: [1, 2], y: [3, 4], mode: 'markers' }] });
});

test('chartFromSpec fails clearly on an unknown activation, function or kind, and on an empty series', () => {
  assert.throws(() => chartFromSpec({ kind: 'activation', title: 't', grid, series: [{ id: 'nope' }] }), /unknown activation id 'nope' \(known: sigmoid, tanh/);
  assert.throws(() => chartFromSpec({ kind: 'vector', title: 't', grid, fn: 'argmax' as 'softmax' }), /unknown vector function 'argmax'/);
  assert.throws(() => chartFromSpec({ kind: 'pie' } as unknown as ChartSpec), /unknown chart kind 'pie'/);
  assert.throws(() => chartFromSpec({ kind: 'activation', title: 'empty', grid, series: [] }), /spec 'empty': series must be a non-empty array/);
  assert.throws(
    () => chartFromSpec({ kind: 'activation', title: 't', grid, series: [{ id: 'elu', params: { alpha: 'x' as unknown as number } }] }),
    /elu: parameter 'alpha' must be a number/,
  );
});

test("a single curve is drawn like the walkthrough's plot_output: green, labelled, Input/Output, legend upper left, grid", () => {
  const figure = lineFigure({
    title: 'ReLU',
    xTitle: 'Input',
    yTitle: 'Output',
    lines: [{ name: 'ReLU', x: new Float64Array([-1, 1]), y: new Float32Array([0, 1]) }],
  });
  const trace = figure.data[0]!;
  assert.equal(trace.line.color, '#008000');
  assert.equal(trace.name, 'ReLU');
  assert.ok(Array.isArray(trace.x) && Array.isArray(trace.y), 'typed arrays become plain arrays');
  assert.deepEqual(trace.y, [0, 1]);
  const layout = figure.layout as Record<string, any>;
  assert.equal(layout.title.text, 'ReLU');
  assert.equal(layout.xaxis.title.text, 'Input');
  assert.equal(layout.yaxis.title.text, 'Output');
  assert.equal(layout.xaxis.showgrid, true);
  assert.equal(layout.yaxis.showgrid, true);
  assert.equal(layout.showlegend, true, 'Plotly hides the legend of a single trace unless told');
  assert.deepEqual([layout.legend.x, layout.legend.y, layout.legend.xanchor, layout.legend.yanchor], [0.01, 0.99, 'left', 'top']);
});

test('several curves get distinct colours, then dashes once the colours run out', () => {
  const lines = Array.from({ length: 22 }, (_, i) => ({ name: `f${i}`, x: [0], y: [i] }));
  const figure = lineFigure({ title: 'all', xTitle: 'x', yTitle: 'y', lines });
  const styles = new Set(figure.data.map((t) => `${t.line.color} ${t.line.dash}`));
  assert.equal(styles.size, 22, 'every curve has its own colour and dash');
  assert.equal(figure.data[0]!.line.dash, 'solid');
  assert.equal(figure.data[10]!.line.dash, 'dash');
});

test('the dark theme changes the colours and nothing else', () => {
  const spec: ChartSpec = { kind: 'activation', title: 'Tanh', grid, series: [{ id: 'tanh' }] };
  const light = figureFromSpec(spec);
  const dark = figureFromSpec(spec, { theme: 'dark' }) as any;
  assert.equal(dark.layout.paper_bgcolor, THEMES.dark.paper);
  assert.equal(dark.data[0].line.color, THEMES.dark.single);
  assert.notEqual(dark.layout.paper_bgcolor, (light.layout as any).paper_bgcolor);
  assert.deepEqual(dark.data[0].y, light.data[0]!.y);
  assert.throws(() => figureFromSpec(spec, { theme: 'blue' as 'dark' }), /theme must be 'light', 'dark' or 'neutral', got blue/);
});

test("the neutral theme (jupyterlab-plotly's JSON) has transparent backgrounds and the light theme's lines", () => {
  const spec: ChartSpec = { kind: 'activation', title: 'Tanh', grid, series: [{ id: 'tanh' }, { id: 'relu' }] };
  const light = figureFromSpec(spec) as any;
  const neutral = figureFromSpec(spec, { theme: 'neutral' }) as any;
  assert.equal(neutral.layout.paper_bgcolor, 'rgba(0,0,0,0)');
  assert.equal(neutral.layout.plot_bgcolor, 'rgba(0,0,0,0)');
  assert.equal(neutral.layout.legend.bgcolor, 'rgba(0,0,0,0)');
  assert.equal(neutral.layout.font.color, NEUTRAL.font);
  assert.deepEqual(
    neutral.data.map((t: any) => t.line.color),
    light.data.map((t: any) => t.line.color),
  );
  // Only the themed attributes differ: the HTML re-colours this figure into either theme.
  const withoutThemed = (figure: unknown) => {
    const copy = JSON.parse(JSON.stringify(figure));
    for (const p of THEMED_LAYOUT_PATHS) {
      const keys = p.split('.');
      let object = copy.layout;
      for (const k of keys.slice(0, -1)) object = object[k];
      delete object[keys[keys.length - 1]!];
    }
    return copy;
  };
  assert.deepEqual(withoutThemed(neutral), withoutThemed(light));
  assert.notDeepEqual(neutral, light);
});

test('lineFigure refuses lines whose x and y lengths differ', () => {
  assert.throws(
    () => lineFigure({ title: 't', xTitle: 'x', yTitle: 'y', lines: [{ name: 'bad', x: [1, 2], y: [1] }] }),
    /line 'bad' has 2 x values and 1 y values/,
  );
});

test('chartMimeBundle carries the four representations, all describing the same chart', () => {
  const spec: ChartSpec = { kind: 'activation', title: 'GELU', grid, series: [{ id: 'gelu', label: 'GELU' }] };
  const bundle = chartMimeBundle(spec);
  assert.deepEqual(Object.keys(bundle).sort(), [CHART_SPEC_MIME, PLOTLY_MIME, 'text/html', 'text/plain'].sort());
  assert.deepEqual(bundle[CHART_SPEC_MIME], JSON.parse(JSON.stringify(spec)));
  // The figure of the spec in the neutral colours, with a fixed height (jupyterlab-plotly needs both).
  const figure = figureFromSpec(spec, { theme: 'neutral' });
  const fixed = { ...figure, layout: { ...figure.layout, height: 420 }, config: { ...figure.config, responsive: false } };
  assert.deepEqual(bundle[PLOTLY_MIME], JSON.parse(JSON.stringify(fixed)));
  assert.equal(figure.layout.height, undefined, 'a chart of a few lines leaves its height to the page');
  assert.equal(chartMimeBundle(spec, { height: 300 })[PLOTLY_MIME].layout.height, 300);
  assert.match(bundle['text/plain'], /^Chart "GELU": Output against Input, 1 series\n  GELU: 100 points, x from -5 to 5/);
  const json = bundle['text/html'].match(/var figure = (.*);\n/)?.[1];
  assert.deepEqual(JSON.parse(json!), bundle[PLOTLY_MIME]);
  // JSON-safe: what a notebook stores is what it shows.
  assert.deepEqual(JSON.parse(JSON.stringify(bundle)), bundle);
});

test('a fixed y range is kept, in log10 units on a log axis, and a reversed one is refused', () => {
  const base = { title: 'r', xTitle: 'x', yTitle: 'y', lines: [{ name: 'a', x: [0.5, 1.5], y: [0.66, 0.66] }] };
  assert.deepEqual((lineFigure({ ...base, yRange: [0, 1] }).layout as any).yaxis.range, [0, 1]);
  assert.deepEqual((lineFigure({ ...base, yType: 'log', yRange: [1e-3, 10] }).layout as any).yaxis.range, [-3, 1]);
  assert.equal((lineFigure(base).layout as any).yaxis.range, undefined, 'Plotly fits the data by default');
  assert.throws(() => lineFigure({ ...base, yRange: [1, 0] }), /chart 'r': yRange must be two finite numbers in increasing order, got \[1, 0\]/);
  const spec: ChartSpec = { kind: 'data', title: 'd', xTitle: 'x', yTitle: 'y', yRange: [0, 1], series: [{ name: 's', x: [0.5], y: [0.5] }] };
  assert.deepEqual((figureFromSpec(spec).layout as any).yaxis.range, [0, 1]);
});

test('a few integer x values get integer ticks; a grid does not', () => {
  const classes = lineFigure({ title: 'c', xTitle: 'Class', yTitle: 'p', lines: [{ name: 'a', x: [1, 2, 3], y: [0.2, 0.3, 0.5] }] });
  assert.equal((classes.layout as any).xaxis.dtick, 1);
  const onGrid = figureFromSpec({ kind: 'activation', title: 'g', grid, series: [{ id: 'relu' }] });
  assert.equal((onGrid.layout as any).xaxis.dtick, undefined);
  // A few integer steps over a long span (training checkpoints) would otherwise get one tick per integer.
  const steps = lineFigure({ title: 's', xTitle: 'Step', yTitle: 'dead', lines: [{ name: 'a', x: [0, 100, 500, 1000], y: [0.1, 0.2, 0.3, 0.3] }] });
  assert.equal((steps.layout as any).xaxis.dtick, undefined);
});

test('a long legend moves to the right of the plot and the chart grows to hold it', () => {
  const lines = Array.from({ length: 22 }, (_, i) => ({ name: `f${i}`, x: [0, 1], y: [i, i] }));
  const layout = lineFigure({ title: 'all', xTitle: 'x', yTitle: 'y', lines }).layout as any;
  assert.ok(layout.legend.x > 1, `legend x ${layout.legend.x}`);
  assert.ok(layout.height >= 22 * 20, `height ${layout.height}`);
  const few = lineFigure({ title: 'few', xTitle: 'x', yTitle: 'y', lines: lines.slice(0, 4) }).layout as any;
  assert.equal(few.legend.x, 0.01);
  assert.equal(few.height, undefined);
});

test('axes use powers of ten, not SI prefixes, for very large or small numbers', () => {
  const layout = lineFigure({ title: 't', xTitle: 'x', yTitle: 'y', yType: 'log', lines: [{ name: 'a', x: [0, 1], y: [1, 1e-30] }] }).layout as any;
  assert.equal(layout.yaxis.exponentformat, 'power');
  assert.equal(layout.xaxis.exponentformat, 'power');
});
