/**
 * The module's trade-off claims with their evidence, as notebook Markdown: each claim, then where it
 * comes from ("paper: Maas et al. 2013, Table 1", "measured: experiment dead-units, finding …",
 * "property: range", "conjecture"). Notebook 00 shows them under the walkthrough's own trade-off
 * lists, notebook 05 next to the experiments the claims cite. Pure builders plus `showTradeOffs`.
 */
import { experimentById, loadResults } from '../experiments/index.js';
import type { Experiment } from '../experiments/types.js';
import { references, shortCitation } from '../references.js';

export { shortCitation };
import { activationById, activations } from '../registry.js';
import type { Claim, Evidence, Properties, TradeOffs } from '../types.js';
import { vectorFunctions } from '../vector/softmax.js';
import { showMarkdown } from './markdown.js';

/** The sections of `TradeOffs`, in the order pages show them, with their headings. */
export const TRADE_OFF_SECTIONS = [
  { key: 'advantages', heading: 'Advantages' },
  { key: 'disadvantages', heading: 'Disadvantages' },
  { key: 'whenToUse', heading: 'When to use' },
  { key: 'corrections', heading: 'Corrections' },
] as const;

/** A section of `TradeOffs`: `'advantages'`, `'disadvantages'`, `'whenToUse'` or `'corrections'`. */
export type TradeOffSection = (typeof TRADE_OFF_SECTIONS)[number]['key'];

interface Described {
  readonly id: string;
  readonly name: string;
  readonly tradeOffs: TradeOffs;
  /** Only elementwise activations have (tested) properties. */
  readonly properties?: Properties;
}

/** An activation or a softmax-family function, by id; throws a RangeError naming an unknown id. */
export function describedFunction(id: string): Described {
  const a = activationById(id);
  if (a) return a;
  const v = (vectorFunctions as Readonly<Record<string, (typeof vectorFunctions)[keyof typeof vectorFunctions] | undefined>>)[id];
  if (v) return { id: v.id, name: v.name, tradeOffs: v.tradeOffs };
  throw new RangeError(
    `no activation or softmax-family function '${id}' (known: ${[...Object.keys(activations), ...Object.keys(vectorFunctions)].join(', ')})`,
  );
}

/** Every function with trade-offs, in the module's order: the activations, then the softmax family. */
export function functionIds(): string[] {
  return [...Object.keys(activations), ...Object.keys(vectorFunctions)];
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

const CONTINUITY: Readonly<Record<Properties['continuity'], string>> = {
  discontinuous: 'discontinuous',
  C0: 'continuous, not differentiable everywhere',
  C1: 'continuously differentiable ($C^1$)',
  C2: 'twice continuously differentiable ($C^2$)',
  Cinf: 'smooth ($C^\\infty$)',
};

/** A property's name and its value at the default parameters, e.g. "range $(0, 1)$". */
export function propertyText(property: keyof Properties, properties: Properties | undefined): string {
  if (!properties) return property;
  switch (property) {
    case 'range':
    case 'rangeLatex':
      return `range $${properties.rangeLatex}$`;
    case 'monotonic':
      return `monotonic: ${yesNo(properties.monotonic)}`;
    case 'continuity':
      return `smoothness: ${CONTINUITY[properties.continuity] ?? properties.continuity}`;
    case 'zeroCentered':
      return `zero-centred: ${yesNo(properties.zeroCentered)}`;
    case 'f0':
      return `f(0) = ${properties.f0}`;
    case 'df0':
      return `f′(0) = ${properties.df0}`;
    case 'identityNearZero':
      return `f(x) ≈ x near 0: ${yesNo(properties.identityNearZero)}`;
    case 'kinks':
      return properties.kinks.length === 0
        ? 'kinks: none'
        : `kinks at ${properties.kinks.map((k) => `x = ${k.x} (autograd's derivative there: ${k.derivative})`).join(', ')}`;
    default:
      return String(property);
  }
}

/** The committed result of each experiment, read once per process. */
const committed = new Map<string, { result: unknown } | Error>();

/** The committed results file of an experiment (see `loadResults`), or the error reading it. */
export function committedResults(id: string): { result: unknown; config?: unknown; seconds?: number; machine?: string } {
  let entry = committed.get(id);
  if (!entry) {
    try {
      entry = loadResults(id) as { result: unknown };
    } catch (error) {
      entry = error instanceof Error ? error : new Error(String(error));
    }
    committed.set(id, entry);
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

/** A finding of an experiment; throws a RangeError naming an unknown experiment or finding. */
export function findingOf(experiment: string, finding: string): { experiment: Experiment; finding: Experiment['findings'][number] } {
  const e = experimentById(experiment) as Experiment;
  const f = e.findings.find((x) => x.id === finding);
  if (!f)
    throw new RangeError(
      `evidence cites the finding '${finding}' of '${experiment}', which has no such finding (known: ${e.findings.map((x) => x.id).join(', ')})`,
    );
  return { experiment: e, finding: f };
}

/** Whether a finding holds on a result, and its measured numbers ("n/a" when reading them failed). */
export function findingOn(experiment: string, finding: string, result: unknown): { holds: boolean; detail: string } {
  const { finding: f } = findingOf(experiment, finding);
  return { holds: f.holds(result), detail: f.detail(result) };
}

/** One piece of evidence as one line of plain text, e.g. "paper: Maas et al. 2013, Table 1". */
export function evidenceLabel(e: Evidence): string {
  switch (e.kind) {
    case 'paper':
      return `paper: ${shortCitation(e.key)}, ${e.where}`;
    case 'measured':
      return `measured: experiment ${e.experiment}, finding ${e.finding}`;
    case 'property':
      return `property: ${e.property}`;
    case 'conjecture':
      return e.key ? `conjecture (${shortCitation(e.key)})` : 'conjecture';
    default:
      throw new RangeError(`unknown evidence kind '${String((e as { kind?: unknown }).kind)}' (known: paper, measured, property, conjecture)`);
  }
}

/** Options for rendering evidence. */
export interface EvidenceOptions {
  /**
   * Show each measured finding's numbers on the committed result (default true). Notebook 05 turns
   * it off where it shows them itself.
   */
  readonly measuredDetail?: boolean;
  /** Link each experiment to notebook 05, which runs it (default true; 05 itself turns it off). */
  readonly linkExperiments?: boolean;
}

/** The notebook that runs the experiments, linked from measured evidence (notebooks sit side by side). */
export const MEASURED_NOTEBOOK = '05_trade-offs-measured.ipynb';

/** One piece of evidence as a line of Markdown, e.g. "paper: Maas et al. 2013, Table 1 (…)". */
export function evidenceMarkdown(e: Evidence, fn: Described, options: EvidenceOptions = {}): string {
  switch (e.kind) {
    case 'paper': {
      const url = references[e.key]?.URL;
      const cite = url ? `[${shortCitation(e.key)}](${url})` : shortCitation(e.key);
      return `paper: ${cite}, ${e.where}${e.shows ? ` (${e.shows})` : ''}`;
    }
    case 'measured': {
      const { finding } = findingOf(e.experiment, e.finding);
      const name = options.linkExperiments === false ? `\`${e.experiment}\`` : `[\`${e.experiment}\`](${MEASURED_NOTEBOOK})`;
      let line = `measured: experiment ${name}, finding \`${e.finding}\`: ${finding.statement}`;
      if (options.measuredDetail !== false) {
        try {
          const { holds, detail } = findingOn(e.experiment, e.finding, committedResults(e.experiment).result);
          line += ` (committed run: ${holds ? 'holds' : '**does not hold**'}; ${detail})`;
        } catch (error) {
          line += ` (no committed result to check it on: ${(error as Error).message})`;
        }
      }
      return line;
    }
    case 'property':
      return `property: ${propertyText(e.property, fn.properties)}`;
    case 'conjecture':
      return e.key ? `conjecture, put forward by ${shortCitation(e.key)}` : 'conjecture';
    default:
      throw new RangeError(`unknown evidence kind '${String((e as { kind?: unknown }).kind)}' (known: paper, measured, property, conjecture)`);
  }
}

/** A claim and its evidence as a Markdown list item with one sub-item per piece of evidence. */
export function claimMarkdown(claim: Claim, fn: Described, options: EvidenceOptions = {}): string {
  const evidence = claim.evidence.length ? claim.evidence.map((e) => `    - ${evidenceMarkdown(e, fn, options)}`) : ['    - *no evidence yet*'];
  return [`- ${claim.text}`, ...evidence].join('\n');
}

/** Every trade-off section of a function that has claims, as Markdown. */
export function tradeOffsMarkdown(id: string, options: EvidenceOptions & { readonly heading?: boolean } = {}): string {
  const fn = describedFunction(id);
  const parts: string[] = [];
  if (options.heading !== false) parts.push(`#### ${fn.name}: the module's claims and their evidence`);
  for (const { key, heading } of TRADE_OFF_SECTIONS) {
    const claims = fn.tradeOffs[key] ?? [];
    if (claims.length === 0) continue;
    parts.push(`**${heading}**`, claims.map((c) => claimMarkdown(c, fn, options)).join('\n'));
  }
  return parts.join('\n\n');
}

/** Plain text of the same, for frontends that show only text. */
function tradeOffsText(id: string): string {
  const fn = describedFunction(id);
  const lines = [`${fn.name}: the module's claims and their evidence`];
  for (const { key, heading } of TRADE_OFF_SECTIONS) {
    const claims = fn.tradeOffs[key] ?? [];
    if (claims.length === 0) continue;
    lines.push('', `${heading}:`);
    for (const c of claims) {
      lines.push(`- ${c.text}`);
      for (const e of c.evidence) lines.push(`    ${evidenceLabel(e)}`);
    }
  }
  return lines.join('\n');
}

/**
 * Shows the claims of one or more functions (`activations` ids or `softmax`, `logSoftmax`,
 * `softmin`) with their evidence, as Markdown.
 */
export function showTradeOffs(...ids: string[]): void {
  if (ids.length === 0) throw new TypeError("showTradeOffs: name at least one function, e.g. showTradeOffs('relu')");
  showMarkdown(ids.map((id) => tradeOffsMarkdown(id)).join('\n\n'), ids.map(tradeOffsText).join('\n\n'));
}

/** A claim that cites an experiment, with where it is in the module. */
export interface CitingClaim {
  readonly fn: string;
  readonly name: string;
  readonly section: TradeOffSection;
  readonly claim: Claim;
  /** The ids of the experiment's findings the claim cites. */
  readonly findings: readonly string[];
}

/** Every claim in the module that cites `experiment`, in the module's order. */
export function claimsCiting(experiment: string): CitingClaim[] {
  const out: CitingClaim[] = [];
  for (const id of functionIds()) {
    const fn = describedFunction(id);
    for (const { key } of TRADE_OFF_SECTIONS) {
      for (const claim of fn.tradeOffs[key] ?? []) {
        const findings = claim.evidence.flatMap((e) => (e.kind === 'measured' && e.experiment === experiment ? [e.finding] : []));
        if (findings.length) out.push({ fn: id, name: fn.name, section: key, claim, findings: [...new Set(findings)] });
      }
    }
  }
  return out;
}
