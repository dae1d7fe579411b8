/**
 * Notebook 05's cells: for one experiment, the claims it tests (read from the module's trade-offs),
 * a live run, its charts and findings, the committed full run beside it, and a verdict per claim.
 * Everything shown is computed: statements and numbers come from the experiment's own findings.
 *
 * Each chart output carries `{ "activations": { "experiment": id, "run": "live" | "committed" } }`
 * in its metadata, so tests can match the charts to the experiment and run that drew them.
 */
import { experimentById } from '../experiments/index.js';
import type { Experiment } from '../experiments/types.js';
import { references } from '../references.js';
import { showChart } from './charts.js';
import { claimMarkdown, claimsCiting, committedResults, describedFunction, shortCitation, TRADE_OFF_SECTIONS } from './evidence.js';
import { showMarkdown } from './markdown.js';
import { showTable } from './table.js';

/** The metadata key of chart outputs drawn for an experiment. */
export const EXPERIMENT_OUTPUT_KEY = 'activations';

/** Whether a result shown in a notebook was just computed (`'live'`) or read from the committed results file. */
export type RunKind = 'live' | 'committed';

function experiment(id: string | Experiment): Experiment {
  return typeof id === 'string' ? (experimentById(id) as Experiment) : id;
}

const SECTION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(TRADE_OFF_SECTIONS.map((s) => [s.key, s.heading.toLowerCase()]));

/**
 * The experiment's question and method, and every claim of the module that cites it (with all of
 * each claim's evidence, so a reader sees what else supports it).
 */
export function experimentIntroMarkdown(id: string | Experiment): string {
  const e = experiment(id);
  const claims = claimsCiting(e.id);
  const parts = [`**${e.title}** (\`${e.id}\`)`, `*Question:* ${e.question}`, `*Method:* ${e.method}`];
  if (claims.length === 0) {
    parts.push('*Claims that cite it:* none yet.');
  } else {
    parts.push(`*Claims that cite it* (${claims.length}, from the module's trade-offs):`);
    parts.push(
      claims
        .map((c) =>
          claimMarkdown({ ...c.claim, text: `**${c.name}** (${SECTION_NAMES[c.section]}): ${c.claim.text}` }, describedFunction(c.fn), {
            measuredDetail: false,
            linkExperiments: false,
          }),
        )
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

/** Shows an experiment's introduction (question, method, what it reproduces) as Markdown in the notebook. */
export function showExperiment(id: string | Experiment): void {
  showMarkdown(experimentIntroMarkdown(id));
}

/**
 * Runs an experiment on its tiny configuration, or its full one (what `npm run experiments`
 * commits), checks the result's shape and returns it.
 */
export async function runExperiment(id: string | Experiment, options: { readonly full?: boolean } = {}): Promise<unknown> {
  const e: Experiment = experiment(id);
  const config = options.full ? e.fullConfig : e.tinyConfig;
  const result = await e.run(config);
  e.validate(result);
  console.log(`${e.id}: ran the ${options.full ? 'full' : 'tiny'} configuration ${JSON.stringify(config)}`);
  return result;
}

/** Draws the experiment's charts of `result` (optionally only those about `fn`). */
export function showExperimentCharts(id: string | Experiment, result: unknown, run: RunKind, fn?: string): void {
  const e = experiment(id);
  for (const spec of e.charts(result, fn)) showChart(spec, { [EXPERIMENT_OUTPUT_KEY]: { experiment: e.id, run } });
}

/** A table of every finding of the experiment on `result`: statement, whether it holds, the numbers. */
export function showFindings(id: string | Experiment, result: unknown): void {
  const e = experiment(id);
  showTable({
    columns: ['Finding', 'Statement', 'Holds', 'Measured'],
    rows: e.findings.map((f) => [f.id, f.statement, f.holds(result), f.detail(result)]),
  });
}

/** The experiment's headline numbers on `result` (its own `table`). */
export function showExperimentTable(id: string | Experiment, result: unknown, fn?: string): void {
  const e = experiment(id);
  const [columns, ...rows] = e.table(result, fn);
  if (!columns) return;
  showTable({ columns: [...columns], rows: rows.map((r) => [...r]) });
}

/**
 * The committed full run: what produced it, the paper figures or tables it reproduces at small
 * scale with their numbers, its own headline numbers, findings and charts.
 */
export function showCommitted(id: string | Experiment): void {
  const e = experiment(id);
  const file = committedResults(e.id);
  const how = [
    `**The committed full run** (\`${e.resultsPath}\`, written by \`npm run experiments\`)`,
    `Configuration: \`${JSON.stringify(file.config ?? e.fullConfig)}\`${file.seconds !== undefined ? `; ${file.seconds.toFixed(1)} s` : ''}${file.machine ? ` on ${file.machine}` : ''}.`,
  ];
  if (e.reproduces?.length) {
    how.push(
      'It reproduces at small scale:',
      e.reproduces
        .map((r) => {
          const url = references[r.key]?.URL;
          const cite = url ? `[${shortCitation(r.key)}](${url})` : shortCitation(r.key);
          const ours = e.findings.find((f) => f.id === r.finding);
          if (!ours) throw new RangeError(`${e.id}: reproduces names finding '${r.finding}', which it does not have`);
          return `- ${cite}, ${r.where}: ${r.theirs}\n  *Ours* (\`${r.finding}\`): ${ours.detail(file.result)}`;
        })
        .join('\n'),
      'Ours, from the committed run:',
    );
  }
  showMarkdown(how.join('\n\n'));
  showExperimentTable(e, file.result);
  showFindings(e, file.result);
  showExperimentCharts(e, file.result, 'committed');
}

/** One line per claim: whether the findings it cites hold on the committed run (and on this run). */
export function verdictMarkdown(id: string | Experiment, live?: unknown): string {
  const e = experiment(id);
  const committed = committedResults(e.id).result;
  const claims = claimsCiting(e.id);
  if (claims.length === 0) return `**Verdict:** no claim of the module cites \`${e.id}\` yet.`;
  const lines = claims.map((c) => {
    const findings = c.findings.map((fid) => {
      const f = e.findings.find((x) => x.id === fid);
      if (!f) throw new RangeError(`${c.fn}: a claim cites the finding '${fid}' of '${e.id}', which has no such finding`);
      return { id: fid, committed: f.holds(committed), live: live === undefined ? undefined : f.holds(live), detail: f.detail(committed) };
    });
    const supported = findings.every((f) => f.committed);
    const cited = findings.map((f) => `\`${f.id}\` ${f.committed ? 'holds' : 'does not hold'} (${f.detail})`).join('; ');
    let line = `- **${c.name}** (${SECTION_NAMES[c.section]}): "${c.claim.text}" → **${supported ? 'supported' : 'not supported'}** by the committed full run: ${cited}.`;
    if (live !== undefined) {
      const agree = findings.filter((f) => f.live === f.committed).length;
      line +=
        agree === findings.length
          ? " This notebook's run agrees."
          : ` This notebook's run differs on ${findings
              .filter((f) => f.live !== f.committed)
              .map((f) => `\`${f.id}\``)
              .join(', ')} (a smaller configuration, or timings that vary).`;
    }
    return line;
  });
  return ['**Verdict**, claim by claim:', lines.join('\n')].join('\n\n');
}

/**
 * Shows, claim by claim, whether the findings the module's claims cite hold on the committed full
 * run, and on `live` (a result just computed) when given.
 */
export function showVerdict(id: string | Experiment, live?: unknown): void {
  showMarkdown(verdictMarkdown(id, live));
}
