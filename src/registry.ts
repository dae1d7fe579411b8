/**
 * The one list every other list derives from: README table, notebooks and their families, docs pages,
 * bench, fixture table, tests. The order is the teaching order (classic saturating → rectifiers →
 * exponential family → smooth gated → hard approximations → shrinkage), used everywhere a list is shown.
 *
 * Adding a function: its file src/activations/<id>.ts (a `defineActivation` with every field of
 * `ActivationSpec`), then here its import and its place in `ordered` — nothing else lists functions.
 */
import type { Activation, Params } from './types.js';
import { sigmoid } from './activations/sigmoid.js';
import { tanh } from './activations/tanh.js';
import { relu } from './activations/relu.js';
import { leakyRelu } from './activations/leaky-relu.js';
import { prelu } from './activations/prelu.js';
import { rrelu } from './activations/rrelu.js';
import { relu6 } from './activations/relu6.js';
import { threshold } from './activations/threshold.js';
import { elu } from './activations/elu.js';
import { selu } from './activations/selu.js';
import { celu } from './activations/celu.js';
import { softplus } from './activations/softplus.js';
import { mish } from './activations/mish.js';
import { gelu } from './activations/gelu.js';
import { silu } from './activations/silu.js';
import { swish } from './activations/swish.js';
import { hardtanh } from './activations/hardtanh.js';
import { hardsigmoid } from './activations/hardsigmoid.js';
import { hardswish } from './activations/hardswish.js';
import { softsign } from './activations/softsign.js';
import { logSigmoid } from './activations/log-sigmoid.js';
import { tanhshrink } from './activations/tanhshrink.js';
import { softshrink } from './activations/softshrink.js';
import { hardshrink } from './activations/hardshrink.js';

const ordered = [
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  prelu,
  rrelu,
  relu6,
  threshold,
  elu,
  selu,
  celu,
  softplus,
  mish,
  gelu,
  silu,
  swish,
  hardtanh,
  hardsigmoid,
  hardswish,
  softsign,
  logSigmoid,
  tanhshrink,
  softshrink,
  hardshrink,
] as const;

/** The literal ids, e.g. 'gelu' | 'relu' | …, in teaching order. */
export type ActivationId = (typeof ordered)[number]['id'];

/**
 * Compile-time guard: an entry typed with `id: string` (defineActivation<P> with explicit type
 * arguments but no id, `defineActivation<P, 'id'>`) would widen ActivationId to string and silently
 * drop every check of the typed registry. If this line fails to compile, that is what happened.
 */
const REGISTRY_IDS_ARE_LITERAL: string extends ActivationId ? never : true = true;
void REGISTRY_IDS_ARE_LITERAL;

/** Each id's own entry, typed with its own parameters (`activations.gelu.forward(1, { approximate: 'tanh' })`). */
export type Activations = { readonly [A in (typeof ordered)[number] as A['id']]: A };

/** The parameters of one activation, by id, e.g. `ParamsOf<'gelu'>` is `{ approximate: 'none' | 'tanh' }`. */
export type ParamsOf<Id extends ActivationId> = Activations[Id]['defaults'];

// Two files defining the same id would silently shadow each other in the record below.
for (const [i, a] of ordered.entries()) {
  if (ordered.findIndex((b) => b.id === a.id) !== i) throw new Error(`registry: id '${a.id}' is defined twice`);
}

/** Every elementwise activation, keyed by id, in teaching order (object key order is kept). */
export const activations: Activations = Object.freeze(Object.fromEntries(ordered.map((a) => [a.id, a]))) as Activations;

/** The ids in teaching order. */
export const activationIds: readonly ActivationId[] = Object.freeze(ordered.map((a) => a.id));

/** Whether `id` names an activation of the registry (an own key, so 'toString' is not one). */
export function isActivationId(id: string): id is ActivationId {
  return Object.prototype.hasOwnProperty.call(activations, id);
}

/**
 * The activation with this id, typed loosely (any parameters object), or undefined: for ids read at
 * run time (a URL, a config file, a notebook cell). Code that knows the id writes `activations.gelu`.
 */
export function activationById(id: string): Activation<Params> | undefined {
  return isActivationId(id) ? activations[id] : undefined;
}
