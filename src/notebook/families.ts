/**
 * The activations grouped for teaching, in the registry's order (saturating → rectifiers →
 * exponential → smooth gated → hard approximations → the rest). Notebooks draw one chart per family
 * instead of 22 curves at once.
 *
 * Each family is named by its first id only and takes every registry id up to the next family's
 * first: the families cover the registry once, in order, by construction, and a function added to
 * the registry lands in the family it is placed in, without a second list to keep in step.
 */
import { activationIds } from '../registry.js';

export interface ActivationFamily {
  readonly title: string;
  /** What the family's members share, in a sentence (and where one differs). */
  readonly description: string;
  readonly ids: readonly string[];
}

interface FamilyStart {
  readonly title: string;
  readonly description: string;
  /** The family's first id in registry order. */
  readonly first: string;
}

const STARTS: readonly FamilyStart[] = [
  { first: 'sigmoid', title: 'Saturating functions', description: 'Smooth S-shaped curves with bounded outputs whose slope falls towards 0 far from the origin.' },
  { first: 'relu', title: 'ReLU and its variants', description: 'Piecewise linear rectifiers: slope 1 for positive inputs, 0 or a small slope for negative ones (and ReLU6 flat again above 6).' },
  { first: 'elu', title: 'Exponential linear units', description: 'The identity for positive inputs and a scaled exponential that saturates for negative ones.' },
  { first: 'softplus', title: 'Smooth gated functions', description: 'Smooth curves that behave like ReLU far from 0.' },
  {
    first: 'hardtanh',
    title: 'Hard approximations (piecewise linear and quadratic)',
    description:
      'Cheap stand-ins for tanh, sigmoid and Swish. Hardtanh and hardsigmoid are piecewise linear, so their derivatives are steps; hardswish, x · hardsigmoid(x), is piecewise quadratic between -3 and 3, so its derivative is a ramp there.',
  },
  { first: 'softsign', title: 'Softsign, log-sigmoid and the shrink functions', description: 'The rest of what PyTorch offers elementwise.' },
];

/** Splits `ids` at each family's first id; throws naming a first id that is missing or out of order. */
export function familiesOf(ids: readonly string[], starts: readonly FamilyStart[] = STARTS): ActivationFamily[] {
  const at = starts.map((s) => {
    const i = ids.indexOf(s.first);
    if (i < 0) throw new RangeError(`activation families: '${s.first}' (first of '${s.title}') is not in the registry`);
    return i;
  });
  if (at[0] !== 0) throw new RangeError(`activation families: the first family must start at the registry's first id '${ids[0]}', not '${starts[0]?.first}'`);
  at.forEach((i, k) => {
    if (k > 0 && i <= at[k - 1]!) throw new RangeError(`activation families: '${starts[k]!.first}' comes before '${starts[k - 1]!.first}' in the registry`);
  });
  return starts.map((s, k) => ({ title: s.title, description: s.description, ids: ids.slice(at[k], at[k + 1] ?? ids.length) }));
}

export const activationFamilies: readonly ActivationFamily[] = Object.freeze(
  familiesOf(activationIds).map((f) => Object.freeze({ ...f, ids: Object.freeze([...f.ids]) })),
);
