/**
 * What the benchmark measures (bench/lib/cases.ts), derived from the registry: a case for every
 * function, a variant for each other choice of a mode switch, each function's plain-loop baseline,
 * and the tfjs and ONNX calls built from its `tfjs` / `onnx` data. The derived calls are checked
 * against the hand-written tables the bench had before (kept below as the record of what they were),
 * and against the module (real tfjs, cpu backend). Nothing is timed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  benchCases,
  benchFunctions,
  kernelGroupIndex,
  onnxOpFor,
  tfjsOpFor,
  type BenchFunction,
  type OnnxOp,
  type Params,
  type TfjsLike,
} from '../../bench/lib/cases.js';
import { KERNEL_GROUPS } from '../../bench/lib/report.js';
import * as registry from '../../src/index.js';
import { activationById, activationIds } from '../../src/registry.js';
import { vectorFunctionIds, vectorFunctions } from '../../src/vector/softmax.js';

const fns = benchFunctions(registry);
const byId = new Map(fns.map((f) => [f.id, f]));
const fn = (id: string): BenchFunction => byId.get(id)!;
const cases = benchCases(fns);
const allIds = [...activationIds, ...vectorFunctionIds] as string[];

/** The module's output for a case: the activation's map, or the softmax-family function. */
function moduleOutput(id: string, kind: 'activation' | 'vector', xs: Float64Array | Float32Array, params: Params): ArrayLike<number> {
  return kind === 'vector' ? vectorFunctions[id as keyof typeof vectorFunctions].apply(xs) : activationById(id)!.map(xs, params);
}

/** The parameter sets worth checking a mapping at: the defaults and the reference generator's sets. */
function paramSets(f: BenchFunction): Params[] {
  const a = activationById(f.id);
  return [f.defaults, ...(a?.reference.paramSets ?? []).map((s) => ({ ...f.defaults, ...s }))];
}

test('one function per registry id, in order, each with a baseline and a known kernel group', () => {
  assert.deepEqual(
    fns.map((f) => f.id),
    allIds,
  );
  for (const f of fns) {
    assert.equal(typeof f.baseline, 'function', f.id);
    assert.ok(Object.hasOwn(KERNEL_GROUPS, f.kernelGroup), `${f.id}: kernel group ${f.kernelGroup} has no label and reason in bench/lib/report.ts`);
    assert.equal(f.kind === 'vector', f.kernelGroup === 'vector', `${f.id}: only the softmax family is in the vector group`);
  }
  assert.throws(() => benchFunctions({ ...registry, activationIds: [...activationIds, 'nope'] }), /lists nope but has no activation/);
});

test('one main case per function with the module defaults; a variant per other choice of a mode switch; keys unique', () => {
  const main = cases.filter((c) => c.main);
  assert.deepEqual(
    main.map((c) => c.key),
    allIds,
  );
  for (const c of main.filter((x) => x.kind === 'activation')) assert.deepEqual(c.params, activationById(c.id)!.defaults);
  assert.equal(new Set(cases.map((c) => c.key)).size, cases.length);
  // The variants follow the parameters with choices: what VARIANTS listed by hand before (gelu's tanh mode).
  const variants = cases.filter((c) => !c.main);
  const expected = fns.flatMap((f) => f.params.flatMap((p) => (p.choices ?? []).filter((ch) => ch !== f.defaults[p.name]).map((ch) => `${f.id}:${ch}`)));
  assert.deepEqual(
    variants.map((c) => c.key),
    expected,
  );
  const tanh = variants.find((c) => c.key === 'gelu:tanh');
  assert.deepEqual(tanh, { key: 'gelu:tanh', id: 'gelu', kind: 'activation', label: 'gelu (approximate=tanh)', params: { approximate: 'tanh' }, main: false });
  // A made-up function with a three-way switch gets two variants, labelled by parameter.
  const made: BenchFunction = {
    ...fn('relu'),
    id: 'made',
    defaults: { mode: 'a', k: 1 },
    params: [
      { name: 'k', torchName: 'k', symbol: 'k', description: '' },
      { name: 'mode', torchName: 'mode', symbol: 'm', description: '', choices: ['a', 'b', 'c'] },
    ],
  };
  assert.deepEqual(
    benchCases([made]).map((c) => [c.key, c.label, c.params]),
    [
      ['made', 'made', { mode: 'a', k: 1 }],
      ['made:b', 'made (mode=b)', { mode: 'b', k: 1 }],
      ['made:c', 'made (mode=c)', { mode: 'c', k: 1 }],
    ],
  );
});

test("every function's plain-loop baseline computes what the module computes", () => {
  const xs = Float64Array.from({ length: 401 }, (_, i) => -10 + i * 0.05);
  for (const c of cases) {
    for (const Ctor of [Float64Array, Float32Array]) {
      const input = Ctor.from(xs);
      const out = new Ctor(input.length);
      fn(c.id).baseline(c.params)(input, out);
      const want = moduleOutput(c.id, c.kind, input, c.params);
      // Textbook formulas lose digits (log(1 + e^x), A&S erf): compare loosely.
      const tol = Ctor === Float32Array ? 1e-5 : 1e-6;
      for (let i = 0; i < input.length; i++) {
        const err = Math.abs(out[i]! - want[i]!);
        assert.ok(err <= tol * Math.max(1, Math.abs(want[i]!)), `${c.key} ${Ctor.name} at ${input[i]}: plain ${out[i]}, module ${want[i]}`);
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// tfjs

/** The hand-written tfjs table the bench had (bench/lib/cases.ts TFJS_OPS), as [op, args] or the reason. */
const TFJS_BEFORE: Readonly<Record<string, (p: Params) => [string, unknown[]] | string>> = {
  relu: () => ['relu', []],
  relu6: () => ['relu6', []],
  leakyRelu: (p) => ['leakyRelu', [p.negativeSlope]],
  prelu: (p) => ['prelu', [{ tensor: [p.weight] }]],
  elu: (p) => (p.alpha === 1 ? ['elu', []] : 'tf.elu has no alpha (fixed at 1)'),
  selu: () => ['selu', []],
  sigmoid: () => ['sigmoid', []],
  tanh: () => ['tanh', []],
  softplus: (p) => (p.beta === 1 ? ['softplus', []] : 'tf.softplus has no beta'),
  logSigmoid: () => ['logSigmoid', []],
  hardtanh: (p) => ['clipByValue', [p.minVal, p.maxVal]],
  softmax: () => ['softmax', []],
  logSoftmax: () => ['logSoftmax', []],
};

/** A stand-in for tfjs-core that records the call an op makes (tensors as { tensor: values }, kept or not). */
function recordingTf(): { tf: TfjsLike; calls: [string, unknown[]][]; kept: unknown[] } {
  const calls: [string, unknown[]][] = [];
  const kept: unknown[] = [];
  const target = {
    keep: (t: unknown) => (kept.push(t), t),
    tensor1d: (values: number[]) => ({ tensor: [...values] }),
  };
  const tf = new Proxy(target, {
    get: (t, name: string) => (name in t ? t[name as keyof typeof t] : (_x: unknown, ...args: unknown[]) => (calls.push([name, args]), 'result')),
  });
  return { tf: tf as unknown as TfjsLike, calls, kept };
}

test('the tfjs calls built from each function’s `tfjs` data are the ones the bench made before', () => {
  for (const [id, before] of Object.entries(TFJS_BEFORE)) {
    const f = fn(id);
    assert.ok(f, `${id} is gone from the registry`);
    for (const p of paramSets(f)) {
      const { tf, calls, kept } = recordingTf();
      const op = tfjsOpFor(tf, f, p);
      const want = before(p);
      if (typeof want === 'string') {
        assert.equal(op, want, `${id} at ${JSON.stringify(p)}`);
        continue;
      }
      assert.equal(typeof op, 'function', `${id} at ${JSON.stringify(p)}: ${String(op)}`);
      (op as (x: unknown) => unknown)('x');
      assert.deepEqual(calls, [want], `${id} at ${JSON.stringify(p)}`);
      // A parameter tensor is created once and kept (tfjs would otherwise dispose it between calls).
      assert.equal(kept.length, want[1].filter((a) => typeof a === 'object').length, `${id}: kept tensors`);
    }
  }
  // The functions without a tfjs op say so; an op tfjs-core does not have is an error, not an n/a.
  for (const f of fns.filter((x) => !x.tfjs)) assert.equal(tfjsOpFor(recordingTf().tf, f, f.defaults), `no tfjs op for ${f.id}`);
  assert.throws(
    () => tfjsOpFor({ keep: (t: unknown) => t, tensor1d: () => null } as unknown as TfjsLike, { ...fn('relu'), tfjs: { op: 'rleu' } }, {}),
    /relu: tfjs-core has no op rleu/,
  );
});

test('leakyRelu calls tf.leakyRelu with the slope; elu with alpha 2 has the reason instead', () => {
  const { tf, calls } = recordingTf();
  const op = tfjsOpFor(tf, fn('leakyRelu'), { negativeSlope: 0.2 });
  assert.equal(typeof op, 'function');
  (op as (x: unknown) => unknown)('x');
  assert.deepEqual(calls, [['leakyRelu', [0.2]]]);
  assert.equal(tfjsOpFor(tf, fn('elu'), { alpha: 2 }), 'tf.elu has no alpha (fixed at 1)');
});

test('every tfjs op computes what the module computes (cpu backend, float32)', async () => {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false; // tfjs-node advertisement
  const xs = [-6, -2.5, -1, -0.3, 0, 0.4, 1, 3, 6.5];
  const x = tf.tensor1d(xs);
  let checked = 0;
  for (const c of cases) {
    const op = tfjsOpFor(tf, fn(c.id), c.params);
    if (typeof op === 'string') continue;
    const got = Array.from(op(x).dataSync());
    const want = Array.from(moduleOutput(c.id, c.kind, Float64Array.from(xs), c.params));
    got.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) <= 2e-6 * Math.max(1, Math.abs(want[i]!)), `${c.key}(${xs[i]}) = ${v}, module ${want[i]}`));
    checked++;
  }
  assert.ok(checked >= Object.keys(TFJS_BEFORE).length, `only ${checked} tfjs ops ran`);
});

// ---------------------------------------------------------------------------------------------
// ONNX (the models themselves run in onnxruntime-node in test/bench/onnx.test.ts)

const OPSET = 18;
/** The hand-written ONNX table the bench had (bench/lib/cases.ts ONNX_OPS). */
const ONNX_BEFORE: Readonly<Record<string, (p: Params) => OnnxOp | string>> = {
  relu: () => ({ opType: 'Relu', opset: OPSET }),
  leakyRelu: (p) => ({ opType: 'LeakyRelu', attributes: { alpha: p.negativeSlope! }, opset: OPSET }),
  prelu: (p) => ({ opType: 'PRelu', initializers: [{ name: 'slope', values: [p.weight as number], dims: [1] }], opset: OPSET }),
  relu6: () => ({
    opType: 'Clip',
    initializers: [
      { name: 'min', values: [0] },
      { name: 'max', values: [6] },
    ],
    opset: OPSET,
  }),
  hardtanh: (p) => ({
    opType: 'Clip',
    initializers: [
      { name: 'min', values: [p.minVal as number] },
      { name: 'max', values: [p.maxVal as number] },
    ],
    opset: OPSET,
  }),
  elu: (p) => ({ opType: 'Elu', attributes: { alpha: p.alpha! }, opset: OPSET }),
  selu: () => ({ opType: 'Selu', opset: OPSET }),
  celu: (p) => ({ opType: 'Celu', attributes: { alpha: p.alpha! }, opset: OPSET }),
  sigmoid: () => ({ opType: 'Sigmoid', opset: OPSET }),
  tanh: () => ({ opType: 'Tanh', opset: OPSET }),
  softplus: (p) => (p.beta === 1 ? { opType: 'Softplus', opset: OPSET } : 'ONNX Softplus has no beta'),
  softsign: () => ({ opType: 'Softsign', opset: OPSET }),
  hardsigmoid: () => ({ opType: 'HardSigmoid', attributes: { alpha: 1 / 6, beta: 0.5 }, opset: OPSET }),
  hardswish: () => ({ opType: 'HardSwish', opset: OPSET }),
  mish: () => ({ opType: 'Mish', opset: 18 }),
  gelu: (p) => ({ opType: 'Gelu', attributes: { approximate: String(p.approximate ?? 'none') }, opset: 20 }),
  softshrink: (p) => ({ opType: 'Shrink', attributes: { bias: p.lambda!, lambd: p.lambda! }, opset: OPSET }),
  hardshrink: (p) => ({ opType: 'Shrink', attributes: { bias: 0, lambd: p.lambda! }, opset: OPSET }),
  softmax: () => ({ opType: 'Softmax', attributes: { axis: { int: -1 } }, opset: OPSET }),
  logSoftmax: () => ({ opType: 'LogSoftmax', attributes: { axis: { int: -1 } }, opset: OPSET }),
};

test('the ONNX operators resolved from each function’s `onnx` data are the ones the bench built before', () => {
  const normal = (op: OnnxOp | string) => (typeof op === 'string' ? op : { attributes: {}, initializers: [], ...op });
  for (const [id, before] of Object.entries(ONNX_BEFORE)) {
    const f = fn(id);
    assert.ok(f, `${id} is gone from the registry`);
    for (const p of [...paramSets(f), ...cases.filter((c) => c.id === id && !c.main).map((c) => c.params)]) {
      assert.deepEqual(normal(onnxOpFor(f, p)), normal(before(p)), `${id} at ${JSON.stringify(p)}`);
    }
  }
  for (const f of fns.filter((x) => !x.onnx)) assert.equal(onnxOpFor(f, f.defaults), `no single ONNX operator for ${f.id}`);
  assert.equal(onnxOpFor(fn('softplus'), { beta: 2, threshold: 20 }), 'ONNX Softplus has no beta');
});

test('each function’s kernel group is the one report.ts listed for it before', () => {
  const before: Record<string, readonly string[]> = {
    cheap: ['relu', 'leakyRelu', 'prelu', 'relu6', 'hardtanh', 'hardsigmoid', 'hardswish', 'softshrink', 'hardshrink', 'softsign'],
    exp: ['sigmoid', 'tanh', 'elu', 'selu', 'celu', 'softplus', 'mish', 'silu', 'swish', 'logSigmoid', 'tanhshrink'],
    gelu: ['gelu'],
    vector: ['softmax', 'logSoftmax', 'softmin'],
  };
  const index = kernelGroupIndex(fns);
  for (const [group, ids] of Object.entries(before)) for (const id of ids) assert.equal(index[id], group, id);
  assert.deepEqual(Object.keys(index), allIds);
});
