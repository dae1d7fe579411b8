/**
 * The one list every other list derives from: README table, notebooks, docs pages, tests.
 * The order is the teaching order (classic saturating → rectifiers → exponential family → smooth
 * gated → hard approximations → shrinkage), used everywhere a list is shown.
 */
import type { Activation, Params } from './types.js';
import { sigmoid } from './activations/sigmoid.js';
import { tanh } from './activations/tanh.js';
import { relu } from './activations/relu.js';
import { leakyRelu } from './activations/leaky-relu.js';
import { prelu } from './activations/prelu.js';
import { relu6 } from './activations/relu6.js';
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
  relu6,
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

export type ActivationId = (typeof ordered)[number]['id'];

/** Every elementwise activation, keyed by id, in teaching order (object key order is kept). */
export const activations: Readonly<Record<string, Activation<Params>>> = Object.freeze(
  Object.fromEntries(ordered.map((a) => [a.id, a as unknown as Activation<Params>])),
);

/** The ids in teaching order. */
export const activationIds: readonly string[] = Object.freeze(ordered.map((a) => a.id));
