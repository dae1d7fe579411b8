import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gridOf, plotOutputSpec } from '../../src/notebook/charts.js';
import { displayBundle } from '../../src/notebook/display.js';
import { layer, sourceOf } from '../../src/notebook/layer.js';
import { activations } from '../../src/registry.js';
import { linspace } from '../../src/plot/grid.js';
import { logSoftmax, softmax } from '../../src/vector/softmax.js';

const data = linspace(-5, 5, 100);

test('layer applies an activation with its parameters and remembers which made the output', () => {
  const leaky = layer(activations.leakyRelu!, { negativeSlope: 0.1 });
  const out = leaky(data);
  assert.equal(out[0], -0.5);
  assert.deepEqual(sourceOf(out), { kind: 'activation', input: data, id: 'leakyRelu', params: { negativeSlope: 0.1 } });
  assert.equal(sourceOf(new Float64Array(3)), undefined);
});

test('layer checks parameters when it is made, not at the first call', () => {
  assert.throws(() => layer(activations.elu!, { alfa: 1 }), /elu: unknown parameter 'alfa' \(it takes alpha\)/);
});

test('layer applies a softmax-family function to the whole vector', () => {
  const out = layer(softmax)(data);
  assert.deepEqual(Array.from(out), Array.from(softmax(data)));
  assert.equal(sourceOf(out)?.kind, 'vector');
  assert.equal((sourceOf(layer(logSoftmax)([1, 2])) as { fn: string }).fn, 'logSoftmax');
  assert.throws(() => layer(softmax, { dim: 0 }), /layer: softmax takes no parameters/);
  assert.throws(() => layer(((xs: ArrayLike<number>) => Float64Array.from(xs)) as never), /layer: fn must be an activation/);
});

test('gridOf recognises a linspace grid exactly, and nothing else', () => {
  assert.deepEqual(gridOf(data), { start: -5, stop: 5, count: 100 });
  const shifted = Float64Array.from(data);
  shifted[50] = shifted[50]! + 1e-12;
  assert.equal(gridOf(shifted), undefined);
  assert.equal(gridOf([1]), undefined);
  assert.equal(gridOf(Float32Array.from(data)), undefined, 'float32 inputs are not the float64 grid');
});

test('plotOutputSpec names the module function for a layer output on a grid', () => {
  const out = layer(activations.swish!, { beta: 0.1 })(data);
  assert.deepEqual(plotOutputSpec(data, out, 'Swish'), {
    kind: 'activation',
    title: 'Swish',
    grid: { start: -5, stop: 5, count: 100 },
    series: [{ id: 'swish', params: { beta: 0.1 }, label: 'Swish' }],
  });
  const sm = layer(softmax)(data);
  assert.deepEqual(plotOutputSpec(data, sm, 'Softmax'), {
    kind: 'vector',
    title: 'Softmax',
    grid: { start: -5, stop: 5, count: 100 },
    fn: 'softmax',
    label: 'Softmax',
  });
});

test('plotOutputSpec falls back to the numbers when the output cannot be recomputed from the module', () => {
  const changed = layer(activations.tanh!)(data);
  changed[3] = 42; // changed after the layer made it
  const spec = plotOutputSpec(data, changed, 'Edited');
  assert.equal(spec.kind, 'data');
  assert.equal((spec as unknown as { series: { y: number[] }[] }).series[0]!.y[3], 42);
  const otherInput = linspace(-5, 5, 100);
  const out = layer(activations.tanh!)(otherInput);
  assert.equal(plotOutputSpec(data, out, 'Other input').kind, 'activation', 'equal grids are the same inputs');
  assert.equal(plotOutputSpec([0, 1, 3], [0, 1, 3], 'Not a grid').kind, 'data');
  assert.equal(plotOutputSpec(data, activations.tanh!.map(data), 'Not from a layer').kind, 'data');
});

test('outside a kernel the display layer prints the text summary', () => {
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(...args);
  try {
    assert.equal(displayBundle({ 'text/html': '<b>chart</b>', 'text/plain': 'Chart "x": summary' }), 'stdout');
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, ['Chart "x": summary']);
});
