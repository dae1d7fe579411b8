/**
 * Type-level test of the typed registry, checked by `npm run typecheck` (tsc -p tsconfig.json, part
 * of `npm test`); nothing here runs. Each `@ts-expect-error` line must fail to compile: if one ever
 * compiles, tsc reports the unused directive and the type check fails.
 */
import { activationById, activationIds, activations, isActivationId } from '../../src/index.js';
import type { Activation, ActivationId, ParamsOf, Params } from '../../src/index.js';

/** Compile-time equality of two types (true only when each is assignable to the other). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

// Each entry is there (no `| undefined` under noUncheckedIndexedAccess) and takes its own parameters.
export const y1: number = activations.gelu.forward(1, { approximate: 'tanh' });
export const y2: number = activations.leakyRelu.derivative(-1, { negativeSlope: 0.2 });
export const y3: number = activations.softplus.forward(1, { beta: 2 });
export const y4: Float32Array = activations.hardtanh.map(new Float32Array(2), { minVal: -2, maxVal: 2 });
export const y5: number = activations.relu.forward(1);
export const name: string = activations.sigmoid.name;
export const geluDefault: 'none' | 'tanh' = activations.gelu.defaults.approximate;
export const slope: number = activations.prelu.resolveParams({ weight: 0.5 }).weight;

// @ts-expect-error a misspelt parameter name does not compile
activations.gelu.forward(1, { aproximate: 'tanh' });
// @ts-expect-error nor does a value the parameter does not take
activations.gelu.forward(1, { approximate: 'tanhh' });
// @ts-expect-error nor another function's parameter
activations.elu.forward(1, { negativeSlope: 0.1 });
// @ts-expect-error nor a string for a number
activations.swish.forward(1, { beta: '1' });
// @ts-expect-error an unknown id does not compile
export const nope = activations.nope;
// @ts-expect-error nor a string index: ids read at run time go through activationById / isActivationId
export const byString = activations[('ge' + 'lu') as string];

// The ids are the literal ids, and each entry's id is its own literal.
assertType<Equal<(typeof activationIds)[number], ActivationId>>();
assertType<Equal<typeof activations.gelu.id, 'gelu'>>();
assertType<Equal<keyof ParamsOf<'leakyRelu'>, 'negativeSlope'>>();
assertType<Equal<ParamsOf<'gelu'>['approximate'], 'none' | 'tanh'>>();
assertType<Equal<'gelu' extends ActivationId ? true : false, true>>();
assertType<Equal<'nope' extends ActivationId ? true : false, false>>();

// Every entry is also a loosely typed Activation, for code that handles any of them.
export const loose: readonly Activation<Params>[] = activationIds.map((id) => activations[id]);
export const found: Activation<Params> | undefined = activationById('gelu');
export function byName(id: string): string | undefined {
  return isActivationId(id) ? activations[id].name : undefined;
}

// Each entry is assignable to the loosely typed Activation one by one too (what notebooks' layer() takes).
export const oneByOne: Activation<Params>[] = [activations.leakyRelu, activations.gelu, activations.hardtanh, activations.relu];
