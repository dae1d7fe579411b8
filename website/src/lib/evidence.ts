/**
 * How a trade-off claim's evidence is shown, shared by the generator (scripts/generate-docs.ts, which
 * writes the marks into the function pages as markdown links) and the components (ComparisonTable,
 * which draws the same marks in the browser): one place decides each mark's label, target and
 * anchor, so the two cannot disagree and every link lands on an anchor that exists.
 *
 * Pure data in, data out: the labels that need the bibliography or the experiments (author and
 * year, experiment titles, finding numbers) come in an `EvidenceContext` the generator computes,
 * so the browser never loads the references or the experiments' code.
 */
import type { Evidence, Properties } from '../../../src/types.js';

/** What the marks need to know about the papers and experiments, computed by the generator. */
export interface EvidenceContext {
  /** Cite key → "Maas et al. 2013" (shortCitation). */
  readonly papers: Readonly<Record<string, string>>;
  /** Experiment id → its title and its findings (id → number from 1, in the experiment's order, and statement). */
  readonly experiments: Readonly<
    Record<string, { readonly title: string; readonly findings: Readonly<Record<string, { readonly number: number; readonly statement: string }>> }>
  >;
}

/** Where a mark links to: a page of the site and an anchor on it. */
export type EvidenceTarget =
  | { readonly page: 'bibliography'; readonly anchor: string }
  | { readonly page: 'experiments'; readonly anchor: string }
  /** The Properties section of the function the claim belongs to. */
  | { readonly page: 'function'; readonly anchor: 'properties' };

export interface EvidenceMark {
  readonly kind: Evidence['kind'];
  /** The word shown in front of the link: paper, measured, property, conjecture. */
  readonly label: string;
  /** The link's text (empty for a conjecture no paper puts forward: the label says it all). */
  readonly text: string;
  readonly target: EvidenceTarget | null;
  /** Shown on hover: what the passage shows, the finding's statement. */
  readonly title?: string;
}

/** Names of the properties as the function pages' Properties table shows them. */
export const PROPERTY_LABELS: Readonly<Record<keyof Properties, string>> = {
  range: 'range',
  rangeLatex: 'range',
  monotonic: 'monotonic',
  continuity: 'smoothness',
  zeroCentered: 'zero-centred',
  f0: 'f(0)',
  df0: 'f′(0)',
  identityNearZero: 'f(x) ≈ x near 0',
  kinks: 'kinks',
};

/** Lower case, runs of anything but letters and digits as one dash: "Section 4.2, Table 2" → "section-4-2-table-2". */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) throw new RangeError(`cannot make an anchor from ${JSON.stringify(text)}: it has no letters or digits`);
  return s;
}

/** The anchor of a cited passage on the bibliography page, under its paper's entry. */
export function passageAnchor(key: string, where: string): string {
  return `${key}--${slug(where)}`;
}

/** The anchor of an experiment's finding on the experiments page (the experiment's own anchor is its id). */
export function findingAnchor(experiment: string, finding: string): string {
  return `${experiment}--${finding}`;
}

function paperLabel(ctx: EvidenceContext, key: string): string {
  const label = ctx.papers[key];
  if (label === undefined) throw new RangeError(`evidence cites the paper '${key}', which is not in the bibliography (src/references.ts)`);
  return label;
}

/** The mark of one piece of evidence. Throws a RangeError naming an unknown paper, experiment or finding. */
export function evidenceMark(e: Evidence, ctx: EvidenceContext): EvidenceMark {
  switch (e.kind) {
    case 'paper':
      return {
        kind: 'paper',
        label: 'paper',
        text: `${paperLabel(ctx, e.key)}, ${e.where}`,
        target: { page: 'bibliography', anchor: passageAnchor(e.key, e.where) },
        ...(e.shows ? { title: e.shows } : {}),
      };
    case 'measured': {
      const experiment = ctx.experiments[e.experiment];
      if (!experiment)
        throw new RangeError(
          `evidence cites the experiment '${e.experiment}', which is not in src/experiments (known: ${Object.keys(ctx.experiments).join(', ')})`,
        );
      const finding = experiment.findings[e.finding];
      if (!finding) {
        throw new RangeError(
          `evidence cites the finding '${e.finding}' of '${e.experiment}', which has no such finding (known: ${Object.keys(experiment.findings).join(', ')})`,
        );
      }
      return {
        kind: 'measured',
        label: 'measured',
        text: `${experiment.title}, finding ${finding.number}`,
        target: { page: 'experiments', anchor: findingAnchor(e.experiment, e.finding) },
        title: finding.statement,
      };
    }
    case 'property':
      return {
        kind: 'property',
        label: 'property',
        text: PROPERTY_LABELS[e.property] ?? e.property,
        target: { page: 'function', anchor: 'properties' },
      };
    case 'conjecture':
      return e.key
        ? { kind: 'conjecture', label: 'conjecture', text: `suggested by ${paperLabel(ctx, e.key)}`, target: { page: 'bibliography', anchor: e.key } }
        : { kind: 'conjecture', label: 'conjecture', text: '', target: null };
    default:
      throw new RangeError(`unknown evidence kind '${String((e as { kind?: unknown }).kind)}' (known: paper, measured, property, conjecture)`);
  }
}
