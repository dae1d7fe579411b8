/**
 * `layer(…)`: the counterpart of `nn.Sigmoid()`, `nn.LeakyReLU(negative_slope=0.1)` … in the
 * walkthrough. It returns a function over vectors and remembers, for each output it made, which
 * module function and parameters made it, so that `plotOutput(data, output, title)` can attach a
 * chart spec that the site redraws from the module. Pure: no tslab here.
 */
import type { Activation, Params } from '../types.js';
import { logSoftmax, softmax, softmin } from '../vector/softmax.js';

/** The softmax-family functions `layer` accepts, by name. */
export type VectorFunctionName = 'softmax' | 'logSoftmax' | 'softmin';

/** Which module function made an output, from which input array. */
export type OutputSource =
  | { readonly kind: 'activation'; readonly input: ArrayLike<number>; readonly id: string; readonly params?: Params }
  | { readonly kind: 'vector'; readonly input: ArrayLike<number>; readonly fn: VectorFunctionName };

const VECTOR_FUNCTIONS: ReadonlyMap<unknown, VectorFunctionName> = new Map<unknown, VectorFunctionName>([
  [softmax, 'softmax'],
  [logSoftmax, 'logSoftmax'],
  [softmin, 'softmin'],
]);

// Keyed by the output array: an output that is garbage-collected takes its record with it.
const sources = new WeakMap<object, OutputSource>();

/** The record `layer` kept for `output`, if a layer made it. */
export function sourceOf(output: unknown): OutputSource | undefined {
  return output !== null && typeof output === 'object' ? sources.get(output) : undefined;
}

/** What a layer takes: a typed array or a plain array of numbers (copied to a Float64Array). */
export type VectorInput = Float64Array | Float32Array | readonly number[];
/** What `layer` returns: a function over a whole vector, like a PyTorch module's forward. */
export type Layer = (input: VectorInput) => Float64Array;

function toFloat64(input: VectorInput, what: string): Float64Array {
  if (input instanceof Float64Array) return input;
  if (input instanceof Float32Array || Array.isArray(input)) return Float64Array.from(input as ArrayLike<number>);
  throw new TypeError(`${what}: input must be a Float64Array, Float32Array or array of numbers, got ${input === null ? 'null' : typeof input}`);
}

function isActivation(value: unknown): value is Activation<Params> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Activation<Params>).id === 'string' &&
    typeof (value as Activation<Params>).map === 'function'
  );
}

/**
 * A layer that applies `fn` to a whole vector: an activation from `activations` (elementwise, with
 * optional parameters, validated now rather than at the first call) or one of `softmax`,
 * `logSoftmax`, `softmin` (over the whole vector, like PyTorch's dim=0).
 */
export function layer(fn: Activation<Params> | ((xs: ArrayLike<number>) => Float64Array), params?: Params): Layer {
  if (isActivation(fn)) {
    fn.resolveParams(params);
    const id = fn.id;
    return (input) => {
      const xs = toFloat64(input, id);
      const out = fn.map(xs, params);
      sources.set(out, { kind: 'activation', input, id, ...(params !== undefined ? { params: { ...params } } : {}) });
      return out;
    };
  }
  const name = VECTOR_FUNCTIONS.get(fn);
  if (name === undefined) {
    throw new TypeError('layer: fn must be an activation from `activations` or one of softmax, logSoftmax, softmin');
  }
  if (params !== undefined) throw new TypeError(`layer: ${name} takes no parameters`);
  return (input) => {
    const out = (fn as (xs: ArrayLike<number>) => Float64Array)(toFloat64(input, name));
    sources.set(out, { kind: 'vector', input, fn: name });
    return out;
  };
}
