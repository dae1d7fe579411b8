import type { Activation, ActivationSpec, FloatArray, Params } from './types.js';

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
      throw new TypeError(
        `${spec.id}: unknown parameter '${key}'` +
          (known.length ? ` (it takes ${known.join(', ')})` : ' (it takes no parameters)'),
      );
    }
    const expected = typeof spec.defaults[key];
    if (typeof value !== expected) {
      throw new TypeError(`${spec.id}: parameter '${key}' must be a ${expected}, got ${describe(value)}`);
    }
    if (typeof value === 'number' && Number.isNaN(value)) {
      throw new RangeError(`${spec.id}: parameter '${key}' is NaN`);
    }
    if (info.choices && !info.choices.includes(value as string)) {
      throw new RangeError(
        `${spec.id}: parameter '${key}' must be one of ${info.choices.map((c) => `'${c}'`).join(', ')}, got ${describe(value)}`,
      );
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
  if (out === undefined) return new (xs.constructor as new (n: number) => A)(xs.length);
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

/** Turns one activation's spec into the public object (see `Activation`). */
export function defineActivation<P extends Params>(spec: ActivationSpec<P>): Activation<P> {
  const { forward, derivative, mapKernel } = spec;
  // The defaults must themselves pass validation: a spec with impossible defaults is a bug.
  spec.validate?.(spec.defaults);
  const activation: Activation<P> = {
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
