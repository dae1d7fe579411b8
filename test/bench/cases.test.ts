/**
 * What the benchmark measures (bench/lib/cases.ts): a case for every function of the registry, and a
 * plain-loop baseline for each that computes the same function as the module. Nothing is timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLAIN_LOOPS, TFJS_OPS, ONNX_OPS, VARIANTS, benchCases } from '../../bench/lib/cases.js';
import { activationIds, activations } from '../../src/registry.js';
import { vectorFunctionIds, vectorFunctions } from '../../src/vector/softmax.js';

const cases = benchCases(activationIds, (id) => activations[id]!.defaults as Record<string, number | string>, vectorFunctionIds);

test('one main case per registry id and softmax-family function, with the module defaults; keys unique', () => {
  const main = cases.filter((c) => c.main).map((c) => c.key);
  assert.deepEqual(main, [...activationIds, ...vectorFunctionIds]);
  assert.equal(new Set(cases.map((c) => c.key)).size, cases.length);
  for (const c of cases.filter((x) => x.main && x.kind === 'activation')) assert.deepEqual(c.params, activations[c.id]!.defaults);
  for (const v of VARIANTS) assert.ok(activationIds.includes(v.id), `variant of unknown function ${v.id}`);
});

test('the mapping tables name only functions that exist', () => {
  const all = new Set<string>([...activationIds, ...vectorFunctionIds]);
  for (const [name, table] of Object.entries({ PLAIN_LOOPS, TFJS_OPS, ONNX_OPS })) {
    for (const id of Object.keys(table)) assert.ok(all.has(id), `${name} maps ${id}, which is not in the registry`);
  }
});

test('every function has a plain-loop baseline, and it computes what the module computes', () => {
  const xs = Float64Array.from({ length: 401 }, (_, i) => -10 + i * 0.05);
  for (const c of cases) {
    const make = PLAIN_LOOPS[c.id];
    assert.ok(make, `no plain-loop baseline for ${c.id}`);
    for (const Ctor of [Float64Array, Float32Array]) {
      const input = Ctor.from(xs);
      const out = new Ctor(input.length);
      make(c.params)(input, out);
      const want = c.kind === 'vector' ? vectorFunctions[c.id as keyof typeof vectorFunctions].apply(input) : activations[c.id]!.map(input, c.params);
      // Textbook formulas lose digits (log(1 + e^x), A&S erf): compare loosely.
      const tol = Ctor === Float32Array ? 1e-5 : 1e-6;
      for (let i = 0; i < input.length; i++) {
        const err = Math.abs(out[i]! - want[i]!);
        assert.ok(err <= tol * Math.max(1, Math.abs(want[i]!)), `${c.key} ${Ctor.name} at ${input[i]}: plain ${out[i]}, module ${want[i]}`);
      }
    }
  }
});

test('every tfjs mapping computes what the module computes (cpu backend, float32)', async () => {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false; // tfjs-node advertisement
  const xs = [-6, -2.5, -1, -0.3, 0, 0.4, 1, 3, 6.5];
  const x = tf.tensor1d(xs);
  for (const c of cases) {
    const make = TFJS_OPS[c.id];
    if (!make) continue;
    const op = make(tf as unknown as Parameters<typeof make>[0], c.params);
    if (typeof op === 'string') continue;
    const got = Array.from(op(x).dataSync());
    const want = c.kind === 'vector' ? Array.from(vectorFunctions[c.id as keyof typeof vectorFunctions].apply(xs)) : xs.map((v) => activations[c.id]!.forward(v, c.params));
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) <= 2e-6 * Math.max(1, Math.abs(want[i]!)), `${c.key}(${xs[i]}) = ${v}, module ${want[i]}`));
  }
});
