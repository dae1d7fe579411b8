/**
 * The ONNX encoder (bench/lib/onnx.ts): protobuf primitives byte for byte, and the models it writes
 * load in onnxruntime-node and compute what the operators define (Relu, LeakyRelu, PRelu, Clip, Gelu,
 * Softmax) — the models the benchmark times. Nothing here is timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { benchCases, benchFunctions, onnxModelFor } from '../../bench/lib/cases.js';
import { ProtoWriter, encodeModel, oneNodeModel } from '../../bench/lib/onnx.js';
import * as registry from '../../src/index.js';
import { activationById, activations } from '../../src/registry.js';
import { vectorFunctions } from '../../src/vector/softmax.js';

test('protobuf varints, tags, floats and nested messages', () => {
  const w = new ProtoWriter();
  w.varint(1);
  w.varint(300);
  w.varint(-1);
  assert.deepEqual([...w.finish()], [0x01, 0xac, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  const m = new ProtoWriter();
  m.int(1, 150);
  m.string(2, 'hi');
  m.float(3, 1);
  m.message(4, (inner) => inner.int(1, 2));
  assert.deepEqual([...m.finish()], [0x08, 0x96, 0x01, 0x12, 0x02, 0x68, 0x69, 0x1d, 0x00, 0x00, 0x80, 0x3f, 0x22, 0x02, 0x08, 0x02]);
});

test('a model starts with its ir_version and names its opset', () => {
  const bytes = encodeModel({ nodes: [{ opType: 'Relu', inputs: ['x'], outputs: ['y'] }], inputs: ['x'], outputs: ['y'], dtype: 'float32', opset: 18 });
  assert.deepEqual([...bytes.slice(0, 2)], [0x08, 9]);
  assert.ok(Buffer.from(bytes).includes(Buffer.from('Relu')));
});

async function run(model: Uint8Array, xs: number[], dtype: 'float32' | 'float64' = 'float32'): Promise<number[]> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const data = dtype === 'float32' ? new Float32Array(xs) : new Float64Array(xs);
    const out = await session.run({ x: new ort.Tensor(dtype, data, [xs.length]) });
    return Array.from(out.y!.data as Float32Array);
  } finally {
    await session.release();
  }
}

const XS = [-3, -1, -0.25, 0, 0.5, 2, 7];

test('one-node Relu loads in onnxruntime-node and computes max(x, 0), float32 and float64, any length', async () => {
  assert.deepEqual(await run(oneNodeModel('Relu', 'float32'), XS), [0, 0, 0, 0, 0.5, 2, 7]);
  assert.deepEqual(await run(oneNodeModel('Relu', 'float64'), XS, 'float64'), [0, 0, 0, 0, 0.5, 2, 7]);
  assert.deepEqual(await run(oneNodeModel('Relu', 'float32'), [-1, 1]), [0, 1]);
});

test('attributes (float, int, string) and initializers reach the operator', async () => {
  const leaky = await run(oneNodeModel('LeakyRelu', 'float32', { attributes: { alpha: 0.5 } }), XS);
  assert.deepEqual(leaky, [-1.5, -0.5, -0.125, 0, 0.5, 2, 7]);
  const prelu = await run(oneNodeModel('PRelu', 'float32', { initializers: [{ name: 'slope', values: [0.25], dims: [1] }] }), XS);
  assert.deepEqual(prelu, [-0.75, -0.25, -0.0625, 0, 0.5, 2, 7]);
  const clip = await run(
    oneNodeModel('Clip', 'float64', {
      initializers: [
        { name: 'lo', values: [-1] },
        { name: 'hi', values: [1] },
      ],
    }),
    XS,
    'float64',
  );
  assert.deepEqual(clip, [-1, -1, -0.25, 0, 0.5, 1, 1]);
  const softmax = await run(oneNodeModel('Softmax', 'float64', { attributes: { axis: { int: -1 } } }), [1, 2, 3], 'float64');
  const e = [1, 2, 3].map((x) => Math.exp(x - 3));
  const s = e.reduce((a, b) => a + b, 0);
  softmax.forEach((v, i) => assert.ok(Math.abs(v - e[i]! / s) < 1e-15));
  const geluTanh = await run(oneNodeModel('Gelu', 'float32', { attributes: { approximate: 'tanh' }, opset: 20 }), [1]);
  assert.ok(Math.abs(geluTanh[0]! - activations.gelu.forward(1, { approximate: 'tanh' })) < 1e-6);
});

test("every function's ONNX operator builds a model, at every case's parameters, that agrees with the module in float32", async () => {
  const fns = new Map(benchFunctions(registry).map((f) => [f.id, f]));
  const xs = [-6, -2.5, -1, -0.3, 0, 0.4, 1, 3, 6.5];
  let ran = 0;
  for (const c of benchCases([...fns.values()])) {
    const f = fns.get(c.id)!;
    const built = onnxModelFor(f, c.params, 'float32');
    if (typeof built === 'string') {
      // No operator, or one that cannot take these parameters: the reason is what the tables show.
      assert.ok(built.length > 0 && (!f.onnx || f.onnx.requires?.why === built), `${c.key}: ${built}`);
      continue;
    }
    const got = await run(built.model, xs);
    const want =
      c.kind === 'vector'
        ? Array.from(vectorFunctions[c.id as keyof typeof vectorFunctions].apply(xs))
        : xs.map((x) => activationById(c.id)!.forward(x, c.params));
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) <= 2e-6 * Math.max(1, Math.abs(want[i]!)), `${c.key}(${xs[i]}) = ${v}, module ${want[i]}`));
    ran++;
  }
  assert.ok(ran > 0);
});
