/** Text helpers shared by the experiments' details and tables. */
import { activationById } from '../registry.js';
import { formatNumber } from '../plot/text.js';

export { formatNumber };

/** An activation's display name ("Leaky ReLU"), or the id itself for anything else. */
export function nameOf(id: string): string {
  return activationById(id)?.name ?? id;
}

/** "0.42 [0.40, 0.45]". */
export function withInterval(mid: number, lo: number, hi: number): string {
  return `${formatNumber(mid)} [${formatNumber(lo)}, ${formatNumber(hi)}]`;
}

/** Numbers as a chart can hold them: non-finite values become null (drawn as gaps). */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
