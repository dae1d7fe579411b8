/**
 * The per-function schema (src/types.ts) is honoured by every function of the registry: family,
 * kernel group, plain-loop baseline, tfjs/ONNX specs and the reference generator's expressions. These
 * are what the bench, the fixture generator and the notebooks read, so a slip here would surface far
 * away (a Python NameError, a bench 'n/a'); this test names the function and the field instead.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { activationIds, activations, vectorFunctionIds, vectorFunctions } from '../src/index.js';
import type { Activation, ActivationSpec, Params } from '../src/index.js';
import { defineActivation } from '../src/define.js';
import { FAMILY_INFO } from '../src/notebook/families.js';

const ALL = activationIds.map((id) => activations[id] as Activation<Params>);

/** Every { param } and { tensor } name in a tfjs/ONNX spec. */
function referencedParams(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedParams);
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = [o.param, o.tensor].filter((v): v is string => typeof v === 'string');
  return [...own, ...Object.entries(o).flatMap(([k, v]) => (k === 'requires' ? [] : referencedParams(v)))];
}

/** Python's names the generator binds for `exact`/`exactDerivative`, and for `torch`; plus builtins and keywords. */
const EXACT_NAMES = new Set([
  'x',
  'p',
  'm',
  'mpf',
  'mpmath',
  'sig',
  'expneg',
  'softplus_core',
  'sech2',
  'npdf',
  'ncdf',
  'gelu_tanh_f',
  'gelu_tanh_df',
  'SELU_SCALE',
  'SELU_ALPHA',
  'abs',
  'min',
  'max',
  'float',
  'if',
  'else',
  'and',
  'or',
  'not',
  'True',
  'False',
  'None',
]);
const TORCH_NAMES = new Set(['x', 'p', 'torch', 'F', 'param_tensor', 'abs', 'min', 'max', 'float', 'if', 'else', 'and', 'or', 'not', 'True', 'False', 'None']);

/** The free names of a Python expression: identifiers not after a '.', not a keyword argument, outside string literals. */
function freeNames(expr: string): string[] {
  const code = expr.replace(/"[^"]*"|'[^']*'/g, '""');
  return [...code.matchAll(/(?<![.\w])([A-Za-z_]\w*)\b(?!\s*=[^=])/g)].map((m) => m[1]!);
}

/** The parameter names a Python expression reads as p["name"]. */
const pKeys = (expr: string): string[] => [...expr.matchAll(/\bp\[\s*["']([^"']+)["']\s*\]/g)].map((m) => m[1]!);

function balanced(expr: string): boolean {
  let depth = 0;
  for (const ch of expr.replace(/"[^"]*"|'[^']*'/g, '""')) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

const grid = Array.from({ length: 161 }, (_, i) => -10 + i / 8);

describe('every activation fills the per-function schema', () => {
  for (const a of ALL) {
    const names = a.params.map((p) => p.name);
    const sets = [a.defaults, ...(a.reference.paramSets ?? [])];

    test(`${a.id}: family and kernel group`, () => {
      assert.ok(Object.keys(FAMILY_INFO).includes(a.family), `${a.id}: family '${a.family}' has no title in src/notebook/families.ts`);
      assert.ok(['cheap', 'exp', 'gelu'].includes(a.kernelGroup), `${a.id}: kernelGroup '${a.kernelGroup}'`);
    });

    test(`${a.id}: the baseline is the function (within 1e-6) at every reference parameter set`, () => {
      for (const p of sets) {
        const xs = Float64Array.from(grid);
        const out = new Float64Array(xs.length);
        a.baseline(p)(xs, out);
        xs.forEach((x, i) => {
          const want = a.forward(x, p);
          assert.ok(Math.abs(out[i]! - want) <= 1e-6 * Math.max(1, Math.abs(want)), `${a.id}${JSON.stringify(p)} baseline at ${x}: ${out[i]} vs ${want}`);
        });
      }
    });

    test(`${a.id}: tfjs and ONNX specs refer only to its parameters, and their requirements are valid parameters`, () => {
      for (const spec of [a.tfjs, a.onnx]) {
        if (spec === undefined) continue;
        for (const n of referencedParams(spec))
          assert.ok(names.includes(n), `${a.id}: engine spec refers to '${n}'; it takes ${names.join(', ') || 'nothing'}`);
        if (spec.requires) {
          assert.ok(spec.requires.why.length > 0);
          assert.doesNotThrow(() => a.resolveParams(spec.requires!.params));
        }
      }
      if (a.onnx) assert.ok(Number.isInteger(a.onnx.opset) && a.onnx.opset >= 1 && /^[A-Z]\w*$/.test(a.onnx.opType), `${a.id}: onnx opType/opset`);
      if (a.tfjs) assert.match(a.tfjs.op, /^[a-z]\w*$/, `${a.id}: tfjs op`);
    });

    test(`${a.id}: the reference expressions use only the names the generator binds, and only its parameters`, () => {
      for (const [field, expr, allowed] of [
        ['torch', a.reference.torch, TORCH_NAMES],
        ['exact', a.reference.exact, EXACT_NAMES],
        ['exactDerivative', a.reference.exactDerivative, EXACT_NAMES],
      ] as const) {
        assert.ok(expr.trim().length > 0, `${a.id}.reference.${field} is empty`);
        assert.ok(balanced(expr), `${a.id}.reference.${field}: unbalanced brackets in ${expr}`);
        for (const n of freeNames(expr)) assert.ok(allowed.has(n), `${a.id}.reference.${field}: '${n}' is not bound (${expr})`);
        for (const k of pKeys(expr)) assert.ok(names.includes(k), `${a.id}.reference.${field} reads p["${k}"]; it takes ${names.join(', ') || 'nothing'}`);
      }
      // A function with parameters passes them to PyTorch (else the fixture compares PyTorch at its defaults).
      for (const n of names) assert.ok(pKeys(a.reference.torch).includes(n), `${a.id}.reference.torch ignores parameter '${n}'`);
    });

    test(`${a.id}: reference parameter sets are valid, distinct and not the defaults; kinks are finite`, () => {
      const seen = new Set<string>();
      for (const p of sets) {
        const resolved = a.resolveParams(p);
        // -0 is a parameter value of its own (threshold's value = -0): JSON would print it as 0.
        const key = JSON.stringify(Object.fromEntries(Object.entries(resolved).sort()), (_, v: unknown) => (Object.is(v, -0) ? '-0' : v));
        assert.ok(!seen.has(key), `${a.id}: parameter set ${key} twice (the defaults always come first: do not list them)`);
        seen.add(key);
        const kinks = a.reference.kinks?.(resolved) ?? [];
        assert.ok(kinks.every(Number.isFinite), `${a.id}${key}: kinks ${JSON.stringify(kinks)}`);
      }
      // Every kink the properties list (at the defaults) is one the fixtures sample around.
      const sampled = [0, ...(a.reference.kinks?.(a.defaults) ?? [])];
      for (const k of a.properties.kinks) assert.ok(sampled.includes(k.x), `${a.id}: kink at ${k.x} is not in reference.kinks`);
    });
  }
});

describe('every vector function fills its part of the schema', () => {
  for (const id of vectorFunctionIds) {
    const v = vectorFunctions[id];
    test(`${id}: kernel group 'vector', a baseline that agrees with apply, parameter-free engine specs`, () => {
      assert.equal(v.kernelGroup, 'vector');
      const xs = Float64Array.from([-3, -1, 0, 0.5, 2, 7]);
      const out = new Float64Array(xs.length);
      v.baseline()(xs, out);
      const want = v.apply(xs);
      xs.forEach((_, i) => assert.ok(Math.abs(out[i]! - want[i]!) <= 1e-12 * Math.max(1, Math.abs(want[i]!)), `${id} baseline [${i}]`));
      for (const spec of [v.tfjs, v.onnx]) if (spec) assert.deepEqual(referencedParams(spec), []);
    });
  }
});

describe('defineActivation rejects a spec that breaks the schema, naming the function and the field', () => {
  const base = activations.leakyRelu as unknown as ActivationSpec<Params>;
  const define = (patch: Record<string, unknown>) => () => defineActivation({ ...base, ...patch } as ActivationSpec<Params>);

  test('the unpatched spec is accepted (the detector itself)', () => {
    assert.doesNotThrow(define({}));
  });
  test('a tfjs or ONNX reference to a parameter it does not take', () => {
    assert.throws(
      define({ tfjs: { op: 'leakyRelu', args: [{ param: 'negativeSlop' }] } }),
      /leakyRelu: tfjs\.args\[0\] refers to parameter "negativeSlop".*takes negativeSlope/,
    );
    assert.throws(
      define({ onnx: { opType: 'LeakyRelu', opset: 18, attributes: { alpha: { param: 'alpha' } } } }),
      /onnx\.attributes\.alpha refers to parameter "alpha"/,
    );
    assert.throws(
      define({ onnx: { opType: 'PRelu', opset: 18, initializers: [{ name: 's', values: [{ param: 'w' }] }] } }),
      /onnx\.initializers\[0\]\.values\[0\]/,
    );
    assert.throws(define({ tfjs: { op: 'prelu', args: [{ tensor: 'weight' }] } }), /tfjs\.args\[0\] refers to parameter "weight"/);
  });
  test('an engine requirement on a parameter it does not take, or without a reason', () => {
    assert.throws(
      define({ tfjs: { op: 'leakyRelu', requires: { params: { alpha: 1 }, why: 'x' } } }),
      /leakyRelu: tfjs\.requires\.params: .*unknown parameter 'alpha'/,
    );
    assert.throws(define({ tfjs: { op: 'leakyRelu', requires: { params: { negativeSlope: 0.01 }, why: '' } } }), /tfjs\.requires\.why/);
  });
  test('a family or kernel group that does not exist', () => {
    assert.throws(define({ family: 'rectifiers' }), /leakyRelu: family "rectifiers"/);
    assert.throws(define({ kernelGroup: 'vector' }), /leakyRelu: kernelGroup "vector"/);
  });
  test('a reference parameter set the function refuses, a missing expression, non-finite kinks', () => {
    assert.throws(define({ reference: { ...base.reference, paramSets: [{ negativeSlope: NaN }] } }), /leakyRelu: reference\.paramSets\[0\]: .*NaN/);
    assert.throws(define({ reference: { ...base.reference, paramSets: [{ slope: 1 }] } }), /reference\.paramSets\[0\]: .*unknown parameter 'slope'/);
    assert.throws(
      define({ reference: { ...base.reference, torch: 'F.leaky_relu(x, p["slope"])' } }),
      /leakyRelu: reference\.torch reads p\["slope"\], which leakyRelu does not take/,
    );
    assert.throws(define({ reference: { ...base.reference, exact: ' ' } }), /leakyRelu: reference\.exact must be a Python expression/);
    assert.throws(define({ reference: undefined }), /leakyRelu: reference is missing/);
    assert.throws(define({ reference: { ...base.reference, kinks: () => [NaN] } }), /leakyRelu: reference\.kinks/);
  });
});
