/**
 * The activations grouped for teaching (saturating → rectifiers → exponential → smooth gated → hard
 * approximations → the rest). Notebooks draw one chart per family instead of every curve at once.
 *
 * Which family a function belongs to is its own `family` field (src/activations/<id>.ts); only the
 * families' titles and descriptions live here. Each family lists its members in registry order, so a
 * function added to the registry lands in its family without a second list to keep in step.
 */
import { activationIds, activations } from '../registry.js';
import type { FamilyId } from '../types.js';

/** A family of activations as the notebooks list them: its title, what the members share, and their ids. */
export interface ActivationFamily {
  readonly id: FamilyId;
  readonly title: string;
  /** What the family's members share, in a sentence (and where one differs). */
  readonly description: string;
  readonly ids: readonly string[];
}

/** A family's title and description, without its members (see `FAMILY_INFO`). */
export interface FamilyInfo {
  readonly title: string;
  readonly description: string;
}

/** Every family, in the order the notebooks show them (the key order of this object). */
export const FAMILY_INFO: Readonly<Record<FamilyId, FamilyInfo>> = {
  saturating: { title: 'Saturating functions', description: 'Smooth S-shaped curves with bounded outputs whose slope falls towards 0 far from the origin.' },
  rectifier: {
    title: 'ReLU and its variants',
    description:
      'Piecewise linear rectifiers: slope 1 above a cut-off (0 for most), and below it 0, a small fixed, learned or (in training) random slope, or a constant (ReLU6 is flat again above 6).',
  },
  exponential: {
    title: 'Exponential linear units',
    description: 'The identity for positive inputs and a scaled exponential that saturates for negative ones.',
  },
  'smooth-gated': { title: 'Smooth gated functions', description: 'Smooth curves that behave like ReLU far from 0.' },
  hard: {
    title: 'Hard approximations (piecewise linear and quadratic)',
    description:
      'Cheap stand-ins for tanh, sigmoid and Swish. Hardtanh and hardsigmoid are piecewise linear, so their derivatives are steps; hardswish, x · hardsigmoid(x), is piecewise quadratic between -3 and 3, so its derivative is a ramp there.',
  },
  other: { title: 'Softsign, log-sigmoid and the shrink functions', description: 'The rest of what PyTorch offers elementwise.' },
};

/**
 * Groups `members` (id and family, in registry order) by family, in the order of `info`'s keys.
 * Throws a RangeError naming a member whose family `info` does not describe, or a family with no
 * member (the notebooks give each family a section of its own: an empty one is a mistake).
 */
export function familiesOf(
  members: readonly { readonly id: string; readonly family: string }[],
  info: Readonly<Record<string, FamilyInfo>> = FAMILY_INFO,
): ActivationFamily[] {
  for (const m of members) {
    if (!Object.prototype.hasOwnProperty.call(info, m.family)) {
      throw new RangeError(`activation families: '${m.id}' is in family '${m.family}', which has no title (known: ${Object.keys(info).join(', ')})`);
    }
  }
  return Object.entries(info).map(([id, f]) => {
    const ids = members.filter((m) => m.family === id).map((m) => m.id);
    if (ids.length === 0) throw new RangeError(`activation families: no activation is in family '${id}' ('${f.title}')`);
    return { id: id as FamilyId, title: f.title, description: f.description, ids };
  });
}

/** Every elementwise activation grouped by family, families in `FAMILY_INFO`'s order, members in teaching order. */
export const activationFamilies: readonly ActivationFamily[] = Object.freeze(
  familiesOf(activationIds.map((id) => ({ id, family: activations[id].family }))).map((f) => Object.freeze({ ...f, ids: Object.freeze([...f.ids]) })),
);
