/**
 * What the benchmark measures and how each engine computes it, all derived from the registry: the
 * functions (`activationIds`, `vectorFunctionIds`), each one's plain-loop `baseline`, its tfjs op
 * (`tfjs`, a TfjsSpec) and its ONNX operator (`onnx`, an OnnxSpec), as its own file states them. No
 * function is named here; a function without a tfjs or ONNX op is reported as 'n/a' with the reason,
 * never skipped. Pure apart from building closures (tested in test/bench/cases.test.ts).
 */
import type * as tfjs from '@tensorflow/tfjs-core';
import type { KernelGroup, LoopKernel, OnnxSpec, ParamInfo, TfjsSpec } from '../../src/types.js';
import { oneNodeModel, type OnnxAttribute, type OnnxDtype, type OnnxInitializer } from './onnx.js';

export type Params = Readonly<Record<string, number | string>>;
export type Dtype = 'float32' | 'float64';
export type FloatArray = Float32Array | Float64Array;
export type { LoopKernel };

/**
 * What the bench reads of a function of the registry: an elementwise `Activation` or a softmax-family
 * `VectorFunction` fits this shape. Structural, so that the bench can hand in the built module
 * (dist/, what it times) and the tests the sources.
 */
export interface BenchFunction {
  readonly id: string;
  readonly kind: 'activation' | 'vector';
  readonly defaults: Params;
  readonly params: readonly ParamInfo[];
  readonly kernelGroup: KernelGroup;
  /** The textbook formula as a plain loop, `params` merged with the defaults. */
  readonly baseline: (params: Params) => LoopKernel;
  readonly tfjs?: TfjsSpec | undefined;
  readonly onnx?: OnnxSpec | undefined;
}

/** The registry as the module exports it (src/index.ts, dist/index.js). */
export interface RegistryLike {
  readonly activationIds: readonly string[];
  readonly activations: { readonly [id: string]: unknown };
  readonly vectorFunctionIds: readonly string[];
  readonly vectorFunctions: { readonly [id: string]: unknown };
}

interface ActivationLike {
  readonly id: string;
  readonly defaults: Params;
  readonly params: readonly ParamInfo[];
  readonly kernelGroup: KernelGroup;
  baseline(params?: Params): LoopKernel;
  readonly tfjs?: TfjsSpec;
  readonly onnx?: OnnxSpec;
}
interface VectorLike {
  readonly id: string;
  readonly kernelGroup: KernelGroup;
  baseline(): LoopKernel;
  readonly tfjs?: TfjsSpec;
  readonly onnx?: OnnxSpec;
}

/** A function without the bench's fields is a module built before they existed, not an n/a. */
function requireBenchFields(id: string, f: { readonly kernelGroup?: unknown; readonly baseline?: unknown }): void {
  if (typeof f.baseline !== 'function' || typeof f.kernelGroup !== 'string') {
    throw new Error(`${id} has no baseline or kernelGroup: is the module (dist/) older than its sources? Run \`npm run build\``);
  }
}

/** Every function of the registry, in its order (elementwise first, then the softmax family). */
export function benchFunctions(registry: RegistryLike): BenchFunction[] {
  const fns: BenchFunction[] = [];
  for (const id of registry.activationIds) {
    const a = registry.activations[id] as ActivationLike | undefined;
    if (!a) throw new Error(`the registry lists ${id} but has no activation for it`);
    requireBenchFields(id, a);
    fns.push({
      id,
      kind: 'activation',
      defaults: a.defaults,
      params: a.params,
      kernelGroup: a.kernelGroup,
      baseline: (p) => a.baseline(p),
      tfjs: a.tfjs,
      onnx: a.onnx,
    });
  }
  for (const id of registry.vectorFunctionIds) {
    const f = registry.vectorFunctions[id] as VectorLike | undefined;
    if (!f) throw new Error(`the registry lists ${id} but has no vector function for it`);
    requireBenchFields(id, f);
    fns.push({ id, kind: 'vector', defaults: {}, params: [], kernelGroup: f.kernelGroup, baseline: () => f.baseline(), tfjs: f.tfjs, onnx: f.onnx });
  }
  return fns;
}

/** One row of the tables: a function with parameters (the module's defaults, or a named variant). */
export interface BenchCase {
  /** Unique key: the function id, or id:variant. */
  readonly key: string;
  readonly id: string;
  readonly kind: 'activation' | 'vector';
  readonly label: string;
  readonly params: Params;
  /** Counted in the geometric means (the variants are shown but not counted twice). */
  readonly main: boolean;
}

/**
 * The rows: each function at its defaults, and for a parameter with `choices` (a mode switch, such as
 * GELU's approximate) one extra row per other choice, key `id:choice`, shown but not counted in the
 * geometric means.
 */
export function benchCases(fns: readonly BenchFunction[]): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const f of fns) {
    cases.push({ key: f.id, id: f.id, kind: f.kind, label: f.id, params: f.defaults, main: true });
    for (const p of f.params) {
      for (const choice of p.choices ?? []) {
        if (choice === f.defaults[p.name]) continue;
        cases.push({
          key: `${f.id}:${choice}`,
          id: f.id,
          kind: f.kind,
          label: `${f.id} (${p.name}=${choice})`,
          params: { ...f.defaults, [p.name]: choice },
          main: false,
        });
      }
    }
  }
  return cases;
}

/** Each function's kernel group, by id (bench/lib/report.ts splits the distance to PyTorch by it). */
export function kernelGroupIndex(fns: readonly BenchFunction[]): Record<string, KernelGroup> {
  return Object.fromEntries(fns.map((f) => [f.id, f.kernelGroup]));
}

const num = (p: Params, name: string): number => {
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`parameter ${name} is ${JSON.stringify(v)}, expected a number`);
  return v;
};

/** A `{ param }` reference's value; a name the function does not take is an error, not undefined. */
const paramValue = (p: Params, name: string): number | string => {
  const v = p[name];
  if (v === undefined) throw new TypeError(`the spec refers to parameter ${name}, which is not among ${JSON.stringify(p)}`);
  return v;
};

/** The reason an engine cannot run these parameters (its `requires`), or null when it can. */
function unmet(requires: { readonly params: Params; readonly why: string } | undefined, p: Params): string | null {
  if (!requires) return null;
  return Object.entries(requires.params).every(([k, v]) => p[k] === v) ? null : requires.why;
}

// ---------------------------------------------------------------------------------------------
// The plain-loop baseline: the textbook formula in a plain for-loop (each function's `baseline`).

/** The baseline kernel of a function at `params`. */
export function baselineFor(f: BenchFunction, params: Params): LoopKernel {
  return f.baseline(params);
}

// ---------------------------------------------------------------------------------------------
// tfjs (float32 only): the op each function's `tfjs` names, where tfjs has one.

export type TfOp = (x: tfjs.Tensor1D) => tfjs.Tensor;
/** What is used of tfjs-core besides the op itself (looked up by name): the module namespace fits. */
export interface TfjsLike {
  readonly keep: typeof tfjs.keep;
  readonly tensor1d: typeof tfjs.tensor1d;
}

/**
 * Builds the tfjs call of a function's TfjsSpec: `tf[op](x, ...args)`, parameters bound, parameter
 * tensors created once (and kept); or the reason there is none (no op, or `requires` unmet).
 */
export function tfjsOpFor(tf: TfjsLike, f: BenchFunction, params: Params): TfOp | string {
  const spec = f.tfjs;
  if (!spec) return `no tfjs op for ${f.id}`;
  const why = unmet(spec.requires, params);
  if (why) return why;
  const op = (tf as unknown as Record<string, unknown>)[spec.op];
  if (typeof op !== 'function') throw new TypeError(`${f.id}: tfjs-core has no op ${spec.op}`);
  const args = (spec.args ?? []).map((a) =>
    typeof a === 'number' ? a : 'tensor' in a ? tf.keep(tf.tensor1d([num(params, a.tensor)])) : paramValue(params, a.param),
  );
  const call = op as (x: tfjs.Tensor1D, ...rest: unknown[]) => tfjs.Tensor;
  return (x) => call(x, ...args);
}

// ---------------------------------------------------------------------------------------------
// onnxruntime: a one-node ONNX model per function, where ONNX has the op.

export interface OnnxOp {
  readonly opType: string;
  readonly attributes?: Readonly<Record<string, OnnxAttribute>>;
  readonly initializers?: readonly OnnxInitializer[];
  readonly opset: number;
}

/**
 * Resolves a function's OnnxSpec at `params`: `{ param }` references become the parameter's value (a
 * number is a FLOAT attribute or initializer value, a string a STRING attribute); or the reason there
 * is none (no operator, or `requires` unmet).
 */
export function onnxOpFor(f: BenchFunction, params: Params): OnnxOp | string {
  const spec = f.onnx;
  if (!spec) return `no single ONNX operator for ${f.id}`;
  const why = unmet(spec.requires, params);
  if (why) return why;
  const attributes: Record<string, OnnxAttribute> = {};
  for (const [name, a] of Object.entries(spec.attributes ?? {})) {
    attributes[name] = typeof a === 'object' && 'param' in a ? paramValue(params, a.param) : a;
  }
  const initializers: OnnxInitializer[] = (spec.initializers ?? []).map((init) => ({
    name: init.name,
    values: init.values.map((v) => (typeof v === 'number' ? v : num(params, v.param))),
    ...(init.dims ? { dims: init.dims } : {}),
  }));
  return {
    opType: spec.opType,
    opset: spec.opset,
    ...(Object.keys(attributes).length ? { attributes } : {}),
    ...(initializers.length ? { initializers } : {}),
  };
}

/** The encoded one-node model for a function at `params`, or the reason there is none. */
export function onnxModelFor(f: BenchFunction, params: Params, dtype: OnnxDtype): { model: Uint8Array; op: OnnxOp } | string {
  const op = onnxOpFor(f, params);
  if (typeof op === 'string') return op;
  return { model: oneNodeModel(op.opType, dtype, { attributes: op.attributes ?? {}, initializers: op.initializers ?? [], opset: op.opset }), op };
}
