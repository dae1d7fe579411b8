import type { Activation, ActivationSpec, EngineRequirement, FamilyId, FloatArray, KernelGroup, Params } from './types.js';
import { newOutput } from './alloc.js';

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null) return 'null';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}

/**
 * Merges `params` over the defaults and checks every value, so that a typo or an impossible value
 * fails loudly with the parameter's name instead of producing NaN curves.
 */
export function resolveParams<P extends Params>(spec: ActivationSpec<P>, params?: Partial<P>): P {
  if (params === undefined) return spec.defaults;
  if (params === null || typeof params !== 'object') {
    throw new TypeError(`${spec.id}: params must be an object, got ${describe(params)}`);
  }
  const merged: Record<string, unknown> = { ...spec.defaults };
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const info = spec.params.find((p) => p.name === key);
    if (!info) {
      const known = spec.params.map((p) => p.name);
      throw new TypeError(`${spec.id}: unknown parameter '${key}'` + (known.length ? ` (it takes ${known.join(', ')})` : ' (it takes no parameters)'));
    }
    const expected = typeof spec.defaults[key];
    if (typeof value !== expected) {
      throw new TypeError(`${spec.id}: parameter '${key}' must be a ${expected}, got ${describe(value)}`);
    }
    if (typeof value === 'number' && Number.isNaN(value)) {
      throw new RangeError(`${spec.id}: parameter '${key}' is NaN`);
    }
    if (info.choices && !info.choices.includes(value as string)) {
      throw new RangeError(`${spec.id}: parameter '${key}' must be one of ${info.choices.map((c) => `'${c}'`).join(', ')}, got ${describe(value)}`);
    }
    merged[key] = value;
  }
  const p = merged as P;
  spec.validate?.(p);
  return p;
}

/** Throws a RangeError naming `name` unless `value` is a finite number (used by `validate`s). */
export function requireFinite(id: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${id}: parameter '${name}' must be finite, got ${describe(value)}`);
}

/** Checks `xs` and `out` for `map`, and allocates `out` of the same type when none is given. */
export function prepareOutput<A extends FloatArray>(id: string, xs: A, out?: A): A {
  if (!(xs instanceof Float64Array) && !(xs instanceof Float32Array)) {
    throw new TypeError(`${id}.map: xs must be a Float64Array or Float32Array, got ${describe(xs)}`);
  }
  if (out === undefined) return newOutput(xs, xs.length);
  if (out.constructor !== xs.constructor) {
    throw new TypeError(`${id}.map: out must be a ${xs.constructor.name} like xs, got ${describe(out)}`);
  }
  if (out.length !== xs.length) {
    throw new RangeError(`${id}.map: out has length ${out.length}, xs has length ${xs.length}`);
  }
  return out;
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) freezeDeep(v);
    Object.freeze(value);
  }
  return value;
}

/** Every family and kernel group, for the definition-time check (the types only guard TypeScript callers). */
export const FAMILY_IDS: readonly FamilyId[] = ['saturating', 'rectifier', 'exponential', 'smooth-gated', 'hard', 'other'];
export const KERNEL_GROUPS: readonly KernelGroup[] = ['cheap', 'exp', 'gelu', 'vector'];

/**
 * Walks a tfjs/ONNX spec and yields every parameter name it refers to ({ param } and { tensor }),
 * with where it was found, so that a misspelt name fails when the module loads rather than in the bench.
 */
function* paramRefs(value: unknown, where: string): Generator<[name: unknown, where: string]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* paramRefs(v, `${where}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('param' in o) yield [o.param, where];
    if ('tensor' in o) yield [o.tensor, where];
    for (const [k, v] of Object.entries(o)) if (k !== 'requires' && typeof v === 'object') yield* paramRefs(v, `${where}.${k}`);
  }
}

/**
 * Checks a function's tfjs/ONNX specs: every parameter they refer to is one of `paramNames`, and each
 * `requires` has a reason and parameters `checkRequirement` accepts. Throws a TypeError naming the
 * function and the field. (Also used for the vector functions, which take no parameters.)
 */
export function checkEngineSpecs(
  id: string,
  paramNames: readonly string[],
  specs: { readonly tfjs?: object; readonly onnx?: object },
  checkRequirement: (where: string, r: EngineRequirement) => void,
): void {
  for (const key of ['tfjs', 'onnx'] as const) {
    const engine = specs[key] as { requires?: EngineRequirement } | undefined;
    if (engine === undefined) continue;
    for (const [name, where] of paramRefs(engine, key)) {
      if (typeof name !== 'string' || !paramNames.includes(name)) {
        throw new TypeError(
          `${id}: ${where} refers to parameter ${describe(name)}, which ${id} does not take` +
            (paramNames.length ? ` (it takes ${paramNames.join(', ')})` : ' (it takes no parameters)'),
        );
      }
    }
    if (engine.requires !== undefined) {
      if (typeof engine.requires.why !== 'string' || engine.requires.why === '') {
        throw new TypeError(`${id}: ${key}.requires.why must say why the engine needs those parameters`);
      }
      checkRequirement(`${key}.requires.params`, engine.requires);
    }
  }
}

function checkSpec<P extends Params>(spec: ActivationSpec<P, string>): void {
  const id = spec.id;
  if (!FAMILY_IDS.includes(spec.family)) {
    throw new TypeError(`${id}: family ${describe(spec.family)} is not one of ${FAMILY_IDS.join(', ')}`);
  }
  if (!KERNEL_GROUPS.includes(spec.kernelGroup) || spec.kernelGroup === ('vector' as string)) {
    throw new TypeError(`${id}: kernelGroup ${describe(spec.kernelGroup)} is not one of cheap, exp, gelu`);
  }
  if (typeof spec.baseline !== 'function') throw new TypeError(`${id}: baseline must be a function`);
  const names = spec.params.map((p) => p.name);
  const defaultNames = Object.keys(spec.defaults);
  if (names.length !== defaultNames.length || !names.every((n) => defaultNames.includes(n))) {
    throw new TypeError(`${id}: params (${names.join(', ')}) and defaults (${defaultNames.join(', ')}) name different parameters`);
  }
  // Runs a check and prefixes its error with the field it was checking.
  const at = <T>(where: string, run: () => T): T => {
    try {
      return run();
    } catch (e) {
      if (e instanceof Error) e.message = `${where}: ${e.message}`;
      throw e;
    }
  };
  checkEngineSpecs(id, names, spec, (where, r) => at(`${id}: ${where}`, () => resolveParams(spec, r.params as Partial<P>)));
  const ref = spec.reference as ActivationSpec<P>['reference'] | undefined;
  if (ref === undefined || typeof ref !== 'object') throw new TypeError(`${id}: reference is missing`);
  for (const key of ['torch', 'exact', 'exactDerivative'] as const) {
    if (typeof ref[key] !== 'string' || ref[key].trim() === '') throw new TypeError(`${id}: reference.${key} must be a Python expression`);
    // The generator binds p to our parameters by name: a misspelt p["…"] would be a KeyError in Python.
    for (const [, name] of ref[key].matchAll(/\bp\[\s*["']([^"']*)["']\s*\]/g)) {
      if (!names.includes(name!)) {
        throw new TypeError(
          `${id}: reference.${key} reads p[${JSON.stringify(name)}], which ${id} does not take` +
            (names.length ? ` (it takes ${names.join(', ')})` : ' (it takes no parameters)'),
        );
      }
    }
  }
  const sets = [spec.defaults, ...(ref.paramSets ?? []).map((s, i) => at(`${id}: reference.paramSets[${i}]`, () => resolveParams(spec, s as Partial<P>)))];
  if (ref.kinks) {
    for (const p of sets) {
      const kinks = ref.kinks(p);
      if (!kinks.every((k) => typeof k === 'number' && Number.isFinite(k))) {
        throw new RangeError(`${id}: reference.kinks(${JSON.stringify(p)}) must be finite numbers, got ${JSON.stringify(kinks)}`);
      }
    }
  }
}

/** Turns one activation's spec into the public object (see `Activation`). */
export function defineActivation<P extends Params, Id extends string = string>(spec: ActivationSpec<P, Id>): Activation<P, Id> {
  const { forward, derivative, mapKernel } = spec;
  // The defaults must themselves pass validation: a spec with impossible defaults is a bug.
  spec.validate?.(spec.defaults);
  checkSpec(spec);
  const activation: Activation<P, Id> = {
    id: spec.id,
    name: spec.name,
    summary: spec.summary,
    torchFunction: spec.torchFunction,
    torchModule: spec.torchModule,
    defaults: spec.defaults,
    params: spec.params,
    latex: spec.latex,
    ...(spec.kinkConvention !== undefined ? { kinkConvention: spec.kinkConvention } : {}),
    properties: spec.properties,
    papers: spec.papers,
    tradeOffs: spec.tradeOffs,
    examples: spec.examples,
    seeAlso: spec.seeAlso,
    family: spec.family,
    kernelGroup: spec.kernelGroup,
    baseline: (params) => spec.baseline(resolveParams(spec, params)),
    ...(spec.tfjs !== undefined ? { tfjs: spec.tfjs } : {}),
    ...(spec.onnx !== undefined ? { onnx: spec.onnx } : {}),
    reference: spec.reference,
    resolveParams: (params) => resolveParams(spec, params),
    forward: (x, params) => forward(x, resolveParams(spec, params)),
    derivative: (x, params) => derivative(x, resolveParams(spec, params)),
    map(xs, params, out) {
      const p = resolveParams(spec, params);
      const result = prepareOutput(spec.id, xs, out);
      if (mapKernel) mapKernel(xs, result, p);
      else for (let i = 0; i < xs.length; i++) result[i] = forward(xs[i]!, p);
      return result;
    },
    mapDerivative(xs, params, out) {
      const p = resolveParams(spec, params);
      const result = prepareOutput(spec.id, xs, out);
      for (let i = 0; i < xs.length; i++) result[i] = derivative(xs[i]!, p);
      return result;
    },
  };
  return freezeDeep(activation);
}
