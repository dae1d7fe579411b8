import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartSummary, formatNumber } from '../../src/plot/text.js';

test('formatNumber keeps 4 significant digits and drops trailing zeros', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [1, '1'],
    [-5, '-5'],
    [0.5, '0.5'],
    [0.0066928509242848554, '0.006693'],
    [0.9933071490757153, '0.9933'],
    [123456.7, '1.235e+5'],
    [1e-7, '1e-7'],
    [2.5e300, '2.5e+300'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ];
  for (const [x, expected] of cases) assert.equal(formatNumber(x), expected, `formatNumber(${x})`);
});

test('chartSummary names the chart, the axes and each series with its point count and ranges', () => {
  const text = chartSummary({
    title: 'Sigmoid Activation',
    xTitle: 'Input',
    yTitle: 'Output',
    lines: [{ name: 'Sigmoid Activation', x: [-5, 0, 5], y: [0.0066928509242848554, 0.5, 0.9933071490757153] }],
  });
  assert.equal(
    text,
    'Chart "Sigmoid Activation": Output against Input, 1 series\n' + '  Sigmoid Activation: 3 points, x from -5 to 5, y from 0.006693 to 0.9933',
  );
});

test('chartSummary counts values that are not finite, which the chart shows as gaps', () => {
  const text = chartSummary({
    title: 'Naive softmax',
    xTitle: 'shift',
    yTitle: 'p',
    yType: 'log',
    lines: [{ name: 'naive', x: [0, 1, 2], y: [0.5, NaN, NaN] }],
  });
  assert.match(text, /\(log scale\)/);
  assert.match(text, /3 points, x from 0 to 2, y from 0\.5 to 0\.5 \(2 not finite, drawn as gaps\)/);
});
