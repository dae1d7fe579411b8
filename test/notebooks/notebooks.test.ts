// The notebooks as committed, and as executed by the pipeline (.cache/notebooks/executed): clean
// sources, one display_data per chart with every representation, plotted numbers equal to the
// module's, and the walkthrough reproducing the source cell by cell.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { activationById, activationIds, activations } from '../../src/registry.js';
import { logSoftmax, softmax, softmin } from '../../src/vector/softmax.js';
import { PLOTLY_MIME } from '../../src/plot/bundle.js';
import { FIGURE_LAYOUT, chartFromSpec, figureFromSpec, type PlotlyFigure } from '../../src/plot/figure.js';
import { linspace } from '../../src/plot/grid.js';
import { CHART_SPEC_MIME, type ChartSpec } from '../../src/plot/spec.js';
import { chartSummary } from '../../src/plot/text.js';
import { activationFamilies } from '../../src/notebook/families.js';
import { claimsCiting, describedFunction, evidenceMarkdown, shortCitation, TRADE_OFF_SECTIONS } from '../../src/notebook/evidence.js';
import { EXPERIMENT_OUTPUT_KEY } from '../../src/notebook/experiments.js';
import { experiments, loadResults } from '../../src/experiments/index.js';
import type { Experiment } from '../../src/experiments/types.js';
import {
  EXECUTED,
  FIXTURES,
  NOTEBOOKS,
  ROOT,
  ensureExecuted,
  notebookNames,
  readNotebook,
  runRunner,
  text,
  type Cell,
  type Notebook,
  type Output,
} from './support.js';

const WALKTHROUGH = '00_activation-functions.ipynb';
const MEASURED = '05_trade-offs-measured.ipynb';

interface WalkthroughFixture {
  cells: {
    cell: number;
    kind: 'markdown' | 'code';
    heading?: string;
    sourceLines?: string[];
    chart?: { title: string; kind: 'activation' | 'vector'; id?: string; fn?: string; params?: Record<string, unknown> };
  }[];
  added: { what: string; chart: { title: string; kind: 'activation'; id: string; params: Record<string, unknown> }; after_cell: number; before_cell: number }[];
  corrections: { cell: number; slip: string; must_mention: string[] }[];
}
const fixture = JSON.parse(readFileSync(path.join(FIXTURES, 'walkthrough-cells.json'), 'utf8')) as WalkthroughFixture;

interface Chart {
  notebook: string;
  cell: number;
  output: Output;
  spec: ChartSpec;
  figure: PlotlyFigure;
}

let executed: Map<string, Notebook>;
let charts: Chart[];

before(() => {
  ensureExecuted();
  executed = new Map(notebookNames().map((name) => [name, readNotebook(path.join(EXECUTED, name))]));
  charts = [];
  for (const [name, nb] of executed) {
    nb.cells.forEach((cell, i) => {
      for (const output of cell.outputs ?? []) {
        const data = output.data ?? {};
        if (data[CHART_SPEC_MIME] || data[PLOTLY_MIME]) {
          charts.push({ notebook: name, cell: i + 1, output, spec: data[CHART_SPEC_MIME] as ChartSpec, figure: data[PLOTLY_MIME] as PlotlyFigure });
        }
      }
    });
  }
});

const chartsOf = (name: string) => charts.filter((c) => c.notebook === name);
const where = (c: Chart) => `${c.notebook} cell ${c.cell} ('${c.spec?.title}')`;

/** Numbers as they travel in JSON: NaN and ±Infinity become null, -0 becomes 0. */
const asJson = (values: ArrayLike<number>) => Array.from(values, (v) => (Number.isFinite(v) ? v + 0 : null));

test('the committed notebooks have no outputs and no execution counts, and use the tslab kernel', () => {
  const names = notebookNames();
  assert.deepEqual(names.slice(0, 6), [
    '00_activation-functions.ipynb',
    '01_derivatives-and-vanishing-gradients.ipynb',
    '02_selu-self-normalisation.ipynb',
    '03_softmax-stability.ipynb',
    '04_comparison.ipynb',
    '05_trade-offs-measured.ipynb',
  ]);
  for (const name of names) {
    const nb = readNotebook(path.join(NOTEBOOKS, name));
    assert.equal((nb.metadata.kernelspec as { name?: string }).name, 'tslab', `${name}: kernel`);
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== 'code') return;
      assert.deepEqual(cell.outputs, [], `${name} cell ${i + 1} has outputs`);
      assert.equal(cell.execution_count, null, `${name} cell ${i + 1} has an execution count`);
    });
  }
});

test('every notebook imports the module by its package name and calls initPlotly() in its first code cell, and nowhere else', () => {
  // By name, as a reader who downloaded the notebook imports it: no path into the repository.
  const { name: packageName } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
  for (const name of notebookNames()) {
    const code = readNotebook(path.join(NOTEBOOKS, name)).cells.filter((c) => c.cell_type === 'code');
    const first = text(code[0]!.source);
    assert.ok(first.includes(`from "${packageName}";`), `${name}: first code cell imports the module as "${packageName}"`);
    assert.ok(first.includes(`from "${packageName}/notebook";`), `${name}: first code cell imports the helpers as "${packageName}/notebook"`);
    for (const cell of code)
      assert.doesNotMatch(text(cell.source), /from "\.{1,2}\//, `${name}: a relative import, which breaks once the notebook is downloaded`);
    assert.match(first, /^initPlotly\(\);$/m, `${name}: first code cell calls initPlotly()`);
    // Its output is plotly.js itself plus a line for Jupyter; the site draws its own charts.
    assert.ok(
      (code[0]!.metadata?.['tags'] as string[] | undefined)?.includes('remove-output'),
      `${name}: first code cell is tagged remove-output for the site`,
    );
    for (const cell of code.slice(1)) assert.doesNotMatch(text(cell.source), /initPlotly\(/, `${name}: initPlotly() outside the first code cell`);
  }
});

test("each executed copy has the notebook's cells and sources, counts from 1, and no stderr output", () => {
  for (const name of notebookNames()) {
    const source = readNotebook(path.join(NOTEBOOKS, name));
    const nb = executed.get(name)!;
    assert.equal(nb.cells.length, source.cells.length, `${name}: cell count`);
    let count = 0;
    nb.cells.forEach((cell, i) => {
      assert.equal(text(cell.source), text(source.cells[i]!.source), `${name} cell ${i + 1}: source`);
      if (cell.cell_type !== 'code') return;
      assert.equal(cell.execution_count, ++count, `${name} cell ${i + 1}: execution count`);
      const stderr = (cell.outputs ?? []).filter((o) => o.output_type === 'error' || o.name === 'stderr');
      assert.deepEqual(stderr, [], `${name} cell ${i + 1} wrote to stderr`);
    });
  }
});

test("plotly.js is inlined exactly once per notebook, in the first code cell's output", () => {
  const marker = 'plotly.js (basic - minified)';
  for (const [name, nb] of executed) {
    const hits = nb.cells.flatMap((cell, i) =>
      (cell.outputs ?? []).filter((o) => text(o.data?.['text/html'] as string | undefined).includes(marker)).map(() => i),
    );
    const firstCode = nb.cells.findIndex((c) => c.cell_type === 'code');
    assert.deepEqual(hits, [firstCode], `${name}: outputs that inline plotly.js`);
    // plotly.js's own source mentions many addresses; every other HTML output must load nothing.
    for (const o of nb.cells.flatMap((c) => c.outputs ?? [])) {
      const html = text(o.data?.['text/html'] as string | undefined);
      assert.ok(!/<script[^>]*\ssrc=|<link[^>]*\shref=|<img[^>]*\ssrc=/i.test(html), `${name}: an output loads a script, stylesheet or image`);
      if (!html.includes(marker)) assert.ok(!/https?:\/\//.test(html), `${name}: an output mentions a remote address`);
    }
  }
});

test('every chart is one display_data with Plotly JSON, self-contained HTML, a text summary and its chart spec', () => {
  for (const name of notebookNames()) assert.ok(chartsOf(name).length > 0, `${name} has no chart`);
  for (const c of charts) {
    assert.equal(c.output.output_type, 'display_data', where(c));
    const data = c.output.data!;
    for (const mime of [PLOTLY_MIME, 'text/html', 'text/plain', CHART_SPEC_MIME]) assert.ok(mime in data, `${where(c)}: missing ${mime}`);
    assert.ok(Array.isArray(c.figure.data) && c.figure.data.length > 0, `${where(c)}: figure has no traces`);
    for (const trace of c.figure.data) {
      assert.ok(Array.isArray(trace.x) && Array.isArray(trace.y), `${where(c)}: x and y must be plain arrays`);
    }
    const html = text(data['text/html'] as string);
    assert.match(html, /class="activations-chart-placeholder"/, `${where(c)}: no placeholder`);
    const json = html.match(/var figure = (.*);\n/)?.[1];
    assert.ok(json, `${where(c)}: no figure in the HTML`);
    assert.deepEqual(JSON.parse(json), c.figure, `${where(c)}: the HTML draws another figure than the Plotly JSON`);
    assert.equal(text(data['text/plain'] as string), chartSummary(chartFromSpec(c.spec)), `${where(c)}: text summary`);
  }
});

test("the plotted numbers are the module's output on the same inputs, recomputed from each chart spec", () => {
  for (const c of charts) {
    const spec = c.spec;
    if (spec.kind === 'data') {
      spec.series.forEach((s, i) => {
        assert.deepEqual(c.figure.data[i]!.x, s.x, `${where(c)} series ${i}: x`);
        assert.deepEqual(c.figure.data[i]!.y, s.y, `${where(c)} series ${i}: y`);
      });
      continue;
    }
    const xs = linspace(spec.grid.start, spec.grid.stop, spec.grid.count);
    const expected =
      spec.kind === 'vector'
        ? [{ fn: spec.fn, y: ({ softmax, logSoftmax, softmin } as const)[spec.fn](xs) }]
        : spec.series.map((s) => {
            const a = activationById(s.id);
            assert.ok(a, `${where(c)}: unknown activation '${s.id}'`);
            return { fn: s.id, y: s.derivative ? a.mapDerivative(xs, s.params) : a.map(xs, s.params) };
          });
    assert.equal(c.figure.data.length, expected.length, `${where(c)}: number of traces`);
    expected.forEach((e, i) => {
      const trace = c.figure.data[i]!;
      assert.deepEqual(trace.x, asJson(xs), `${where(c)} ${e.fn}: x`);
      const y = asJson(e.y);
      for (let k = 0; k < y.length; k++) {
        assert.ok(Object.is(trace.y[k], y[k]), `${where(c)} ${e.fn}: at x = ${xs[k]}, got ${trace.y[k]}, expected ${y[k]}`);
      }
    });
  }
});

test("each chart's Plotly JSON is what figureFromSpec builds from its spec, so the site draws the same chart", () => {
  for (const c of charts) {
    // In a notebook its height is fixed (jupyterlab-plotly needs it): the figure's own, else 420; and
    // its colours are the neutral ones (jupyterlab-plotly draws it as given in either theme).
    const figure = figureFromSpec(c.spec, { theme: 'neutral' });
    const expected = {
      ...figure,
      layout: { ...figure.layout, height: figure.layout.height ?? FIGURE_LAYOUT.height },
      config: { ...figure.config, responsive: false },
    };
    assert.deepEqual(c.figure, JSON.parse(JSON.stringify(expected)), where(c));
  }
});

function walkthroughCells(): { nb: Notebook; index: Map<number, number> } {
  const nb = readNotebook(path.join(NOTEBOOKS, WALKTHROUGH));
  const index = new Map<number, number>();
  nb.cells.forEach((cell, i) => {
    const n = (cell.metadata.walkthrough as { cell?: number } | undefined)?.cell;
    if (typeof n === 'number') index.set(n, i);
  });
  return { nb, index };
}

test("the walkthrough has the source's 26 cells, in order, each of the same kind", () => {
  const { nb, index } = walkthroughCells();
  assert.deepEqual(
    [...index.keys()],
    fixture.cells.map((c) => c.cell),
    'walkthrough cell numbers, in notebook order',
  );
  for (const f of fixture.cells) assert.equal(nb.cells[index.get(f.cell)!]!.cell_type, f.kind, `source cell ${f.cell}: kind`);
});

/** Letters and digits only, links reduced to their text: compares prose across markup and LaTeX delimiters. */
function normalise(markdown: string): string {
  return (
    markdown
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`[^`]*`/g, '')
      // Typesetting commands the notebook adds around names in formulas, e.g. \text{SoftPlus}.
      .replace(/\\(?:text|operatorname|mathrm)\b/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  );
}

test("the walkthrough's markdown cells keep the source's prose, line by line, and their headings", () => {
  const { nb, index } = walkthroughCells();
  for (const f of fixture.cells.filter((c) => c.kind === 'markdown')) {
    const source = text(nb.cells[index.get(f.cell)!]!.source);
    assert.match(source, new RegExp(`^#+ ${f.heading!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), `cell ${f.cell}: heading`);
    const cellText = normalise(source);
    for (const line of f.sourceLines ?? []) {
      assert.ok(cellText.includes(normalise(line)), `cell ${f.cell}: the source's line is missing:\n  ${line}`);
    }
  }
});

test("the walkthrough corrects the source's slips in visible notes", () => {
  const { nb, index } = walkthroughCells();
  for (const c of fixture.corrections) {
    const source = text(nb.cells[index.get(c.cell)!]!.source);
    // A note may be indented under the list item it corrects.
    const notes = source
      .split('\n')
      .map((l) => l.trimStart())
      .filter((l) => l.startsWith('> **Note (correction):**'));
    assert.ok(notes.length > 0, `cell ${c.cell}: no "> **Note (correction):**" blockquote`);
    const note = notes.find((n) => c.must_mention.every((word) => n.includes(word)));
    assert.ok(note, `cell ${c.cell}: no note on ${c.slip} that mentions ${c.must_mention.map((w) => `"${w}"`).join(', ')}; its notes:\n${notes.join('\n')}`);
  }
});

/** The functions whose claims a walkthrough cell shows: the arguments of its showTradeOffs(…) call. */
function tradeOffCalls(nb: Notebook): { cell: number; ids: string[] }[] {
  return nb.cells.flatMap((c, i) => {
    const call = c.cell_type === 'code' ? text(c.source).match(/^showTradeOffs\(([^)]*)\);$/m) : null;
    return call ? [{ cell: i, ids: [...call[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!) }] : [];
  });
}

test('the walkthrough shows, under each function it covers, every claim of the module with all its evidence', () => {
  const { nb, index } = walkthroughCells();
  const calls = tradeOffCalls(nb);
  const shown = new Set(calls.flatMap((c) => c.ids));
  // Every function the walkthrough draws is covered (and SiLU, the Swish section's formula).
  const drawn = [...fixture.cells.flatMap((c) => (c.chart ? [c.chart.id ?? c.chart.fn!] : [])), ...fixture.added.map((a) => a.chart.id)];
  assert.deepEqual(
    drawn.filter((id) => !shown.has(id)),
    [],
    'functions the walkthrough draws without showing their claims',
  );
  // Each claims cell follows the markdown cell that states that function's trade-offs.
  for (const c of calls) assert.equal(nb.cells[c.cell - 1]!.cell_type, 'markdown', `cell ${c.cell + 1}: showTradeOffs should follow the section's text`);
  assert.ok(calls[0]!.cell > index.get(6)!, 'the claims cells come after the set-up cells');

  const executedNb = executed.get(WALKTHROUGH)!;
  for (const c of calls) {
    const markdown = (executedNb.cells[c.cell]!.outputs ?? []).map((o) => text(o.data?.['text/markdown'] as string | undefined)).join('\n');
    for (const id of c.ids) {
      const fn = describedFunction(id);
      for (const { key } of TRADE_OFF_SECTIONS) {
        for (const claim of fn.tradeOffs[key] ?? []) {
          assert.ok(claim.evidence.length > 0, `${id}: a claim without evidence: ${claim.text}`);
          assert.ok(markdown.includes(`- ${claim.text}\n`), `${id}: the claim is not shown: ${claim.text}`);
          for (const e of claim.evidence) {
            const line = evidenceMarkdown(e, fn);
            assert.ok(markdown.includes(`    - ${line}`), `${id}: evidence not shown for "${claim.text}":\n  ${line}`);
            // What a reader must see in it, independently of how the line is built.
            const must =
              e.kind === 'paper'
                ? [`paper: `, shortCitation(e.key), e.where]
                : e.kind === 'measured'
                  ? ['measured: ', e.experiment, e.finding]
                  : e.kind === 'property'
                    ? ['property: ']
                    : ['conjecture'];
            for (const m of must) assert.ok(line.includes(m), `${id}: "${line}" does not mention "${m}"`);
          }
        }
      }
    }
  }
});

test("the walkthrough draws the source's charts with its titles and parameters, plus SELU between GELU and Swish", () => {
  const { nb, index } = walkthroughCells();
  const expected = fixture.cells.filter((c) => c.chart).map((c) => ({ ...c.chart!, at: index.get(c.cell)! + 1 }));
  const selu = fixture.added[0]!;
  const seluAt = walkthroughChartCell(nb, 'SELU');
  assert.ok(seluAt > index.get(selu.after_cell)! + 1 && seluAt < index.get(selu.before_cell)! + 1, `SELU chart in cell ${seluAt}`);
  expected.splice(
    expected.findIndex((e) => e.title === 'Swish'),
    0,
    { ...selu.chart, at: seluAt },
  );

  const drawn = chartsOf(WALKTHROUGH);
  assert.deepEqual(
    drawn.map((c) => c.spec.title),
    expected.map((e) => e.title),
    'chart titles in order',
  );
  drawn.forEach((c, i) => {
    const e = expected[i]!;
    assert.equal(c.cell, e.at, `${e.title}: drawn in cell ${c.cell}, expected the cell reproducing the source's`);
    assert.equal(c.spec.kind, e.kind, `${e.title}: spec kind`);
    assert.equal(text(nb.cells[c.cell - 1]!.source).match(/plotOutput\(data, output, '([^']+)'\);/)?.[1], e.title, `${e.title}: plotOutput call`);
    if (c.spec.kind === 'vector') {
      assert.equal(c.spec.fn, e.fn);
    } else if (c.spec.kind === 'activation') {
      assert.equal(c.spec.series.length, 1);
      const s = c.spec.series[0]!;
      assert.equal(s.id, e.id, `${e.title}: activation`);
      assert.deepEqual(activationById(s.id)!.resolveParams(s.params), e.params, `${e.title}: parameters after defaults`);
    }
    assert.deepEqual(c.spec.grid, { start: -5, stop: 5, count: 100 }, `${e.title}: grid`);
    // What the source's plot_output draws: a green line labelled with the title, Input/Output axes,
    // legend upper left, grid, title.
    const trace = c.figure.data[0]!;
    const layout = c.figure.layout as Record<string, any>;
    assert.equal(trace.line.color, '#008000', `${e.title}: green`);
    assert.equal(trace.name, e.title, `${e.title}: legend label`);
    assert.equal(trace.x.length, 100);
    assert.equal(layout.title.text, e.title);
    assert.equal(layout.xaxis.title.text, 'Input');
    assert.equal(layout.yaxis.title.text, 'Output');
    assert.equal(layout.xaxis.showgrid, true);
    assert.equal(layout.yaxis.showgrid, true);
    assert.equal(layout.showlegend, true);
    assert.deepEqual([layout.legend.x, layout.legend.y, layout.legend.xanchor, layout.legend.yanchor], [0.01, 0.99, 'left', 'top']);
  });
});

function walkthroughChartCell(nb: Notebook, title: string): number {
  return nb.cells.findIndex((c: Cell) => c.cell_type === 'code' && text(c.source).includes(`plotOutput(data, output, '${title}')`)) + 1;
}

test("the walkthrough's setup cells print where the code runs and what plotOutput draws", () => {
  const nb = executed.get(WALKTHROUGH)!;
  const { index } = walkthroughCells();
  const stdout = (n: number) =>
    (nb.cells[index.get(n)!]!.outputs ?? [])
      .filter((o) => o.name === 'stdout')
      .map((o) => text(o.text))
      .join('');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  assert.match(stdout(4), new RegExp(`^Node v\\d+\\.\\d+\\.\\d+ on \\w+ \\w+; ${pkg.name} ${pkg.version.replace(/\./g, '\\.')}; tslab \\d`));
  assert.match(
    stdout(5),
    /^plotOutput\(data, output, title\): .*green line labelled with the\ntitle, x axis "Input", y axis "Output", legend at the upper left, grid and title/s,
  );
  assert.match(text(nb.cells[index.get(6)!]!.source), /const data = linspace\(-5, 5, 100\);/);
});

test('notebook 01 draws the derivative of every activation in the module, and the families cover the registry', () => {
  assert.deepEqual(activationFamilies.flatMap((f) => f.ids).sort(), [...activationIds].sort());
  const derived = new Set(
    chartsOf('01_derivatives-and-vanishing-gradients.ipynb').flatMap((c) =>
      c.spec.kind === 'activation' ? c.spec.series.filter((s) => s.derivative).map((s) => s.id) : [],
    ),
  );
  assert.deepEqual(
    [...activationIds].filter((id) => !derived.has(id)),
    [],
    'activations without a derivative chart',
  );
  const gradients = chartsOf('01_derivatives-and-vanishing-gradients.ipynb').find((c) => c.spec.title.startsWith('Gradient size through 50 layers'));
  assert.ok(gradients && gradients.spec.kind === 'data', 'no gradient-size chart');
  const last = (name: string) => {
    const s = (gradients.spec as Extract<ChartSpec, { kind: 'data' }>).series.find((x) => x.name === name);
    assert.ok(s, `no series ${name}`);
    assert.equal(s.y.length, 51);
    return s.y[50]!;
  };
  // Sigmoid's derivative is at most 1/4: after 50 layers its gradient is far smaller than tanh's or SELU's.
  assert.ok(last('Sigmoid') < 1e-10, `sigmoid: ${last('Sigmoid')}`);
  assert.ok(last('Sigmoid') < last('Tanh') * 1e-6, `sigmoid ${last('Sigmoid')} vs tanh ${last('Tanh')}`);
  assert.ok(last('SELU') > 0.1 && last('SELU') < 10, `SELU: ${last('SELU')}`);
});

test("notebook 02 reproduces the SELU paper's claim: mean near 0 and variance near 1 through 50 layers, unlike ReLU and tanh", () => {
  const find = (title: string) => {
    const c = chartsOf('02_selu-self-normalisation.ipynb').find((x) => x.spec.title === title);
    assert.ok(c && c.spec.kind === 'data', `no data chart '${title}'`);
    return (name: string) => {
      const s = (c.spec as Extract<ChartSpec, { kind: 'data' }>).series.find((x) => x.name === name);
      assert.ok(s, `'${title}' has no series ${name}`);
      assert.equal(s.y.length, 51);
      return s.y;
    };
  };
  const mean = find('Mean of the activations, layer by layer');
  const variance = find('Variance of the activations, layer by layer');
  for (let l = 5; l <= 50; l++) {
    assert.ok(Math.abs(mean('SELU')[l]!) < 0.1, `SELU mean at layer ${l}: ${mean('SELU')[l]}`);
    assert.ok(variance('SELU')[l]! > 0.8 && variance('SELU')[l]! < 1.25, `SELU variance at layer ${l}: ${variance('SELU')[l]}`);
  }
  // ReLU under LeCun initialisation halves the variance at every layer; tanh's slowly decays.
  assert.ok(variance('ReLU')[50]! < 1e-9, `ReLU variance at layer 50: ${variance('ReLU')[50]}`);
  assert.ok(mean('ReLU')[1]! > 0.3, `ReLU mean at layer 1: ${mean('ReLU')[1]}`);
  assert.ok(variance('Tanh')[50]! < 0.5 * variance('Tanh')[1]!, `tanh variance: ${variance('Tanh')[1]} → ${variance('Tanh')[50]}`);
  const starts = find('SELU: variance from different starting points');
  const names = (
    chartsOf('02_selu-self-normalisation.ipynb').find((x) => x.spec.title === 'SELU: variance from different starting points')!.spec as Extract<
      ChartSpec,
      { kind: 'data' }
    >
  ).series.map((s) => s.name);
  for (const name of names) {
    const v = starts(name)[50]!;
    assert.ok(v > 0.8 && v < 1.25, `${name}: variance at layer 50 is ${v}`);
  }
});

test('notebook 02 is deterministic: executing it again gives the same outputs', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'activations-determinism-'));
  try {
    const name = '02_selu-self-normalisation.ipynb';
    const r = runRunner(['--force', '--out-dir', out, path.join(NOTEBOOKS, name)]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const again = readNotebook(path.join(out, name));
    executed.get(name)!.cells.forEach((cell, i) => assert.deepEqual(again.cells[i]!.outputs, cell.outputs, `cell ${i + 1}`));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("notebook 03 shows the naive softmax failing where the module's stays finite", () => {
  const c = chartsOf('03_softmax-stability.ipynb').find((x) => x.spec.title.startsWith('Softmax of [c, c+1, c+2]'));
  assert.ok(c && c.spec.kind === 'data');
  const [stable, naive] = c.spec.series;
  assert.equal(naive!.name, 'naive');
  const shifts = naive!.x;
  shifts.forEach((shift, i) => {
    // exp(shift + 2) overflows float64 above about 709.78.
    if (shift + 2 < 709) assert.ok(typeof naive!.y[i] === 'number', `naive at c = ${shift}: ${naive!.y[i]}`);
    if (shift + 2 > 710) assert.equal(naive!.y[i], null, `naive at c = ${shift} should be NaN (null in JSON)`);
    assert.ok(Math.abs(stable!.y[i]! - softmax([0, 1, 2])[2]!) < 1e-15, `stable at c = ${shift}: ${stable!.y[i]}`);
  });
});

test('notebook 04 overlays every activation and tabulates every one from the registry', () => {
  const overlay = chartsOf('04_comparison.ipynb').find((c) => c.spec.title === 'All activation functions');
  assert.ok(overlay && overlay.spec.kind === 'activation');
  assert.deepEqual(
    overlay.spec.series.map((s) => s.id),
    [...activationIds],
  );
  const tables = executed
    .get('04_comparison.ipynb')!
    .cells.flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.data?.['text/markdown'] as string | undefined))
    .filter((t) => t.startsWith('| Activation | PyTorch |'));
  assert.equal(tables.length, 1, 'one properties table');
  const rows = tables[0]!.split('\n').slice(2);
  assert.deepEqual(
    rows.map((r) => r.split(' | ')[0]!.slice(2)),
    activationIds.map((id) => activations[id]!.name),
  );
});

test('notebook 01 explains the gradient factors with the inputs each layer sees, and hardswish as piecewise quadratic', () => {
  const nb = executed.get('01_derivatives-and-vanishing-gradients.ipynb')!;
  const hard = nb.cells.find((c) => c.cell_type === 'markdown' && text(c.source).startsWith('### Hard approximations'));
  assert.ok(hard, 'no hard approximations section');
  assert.match(text(hard.source), /piecewise \*quadratic\*/);
  assert.match(text(hard.source), /ramp/);
  assert.match(activationFamilies.find((f) => f.ids.includes('hardswish'))!.title, /quadratic/);
  const table = nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.data?.['text/markdown'] as string | undefined))
    .find((t) => t.startsWith('| Activation | RMS of z, layer 1 |'));
  assert.ok(table, "no table of the layers' inputs");
  const row = (name: string) =>
    table
      .split('\n')
      .find((r) => r.startsWith(`| ${name} |`))!
      .split(' | ');
  // Softplus: the inputs keep their spread; GELU's shrink towards 0 (the explanation the prose gives).
  assert.ok(Number(row('Softplus')[2]) > 0.1, `softplus inputs at layer 50: ${row('Softplus')[2]}`);
  assert.ok(Number(row('GELU')[2]) < 1e-6, `GELU inputs at layer 50: ${row('GELU')[2]}`);
  const prose = nb.cells.map((c) => text(c.source)).join('\n');
  assert.doesNotMatch(
    prose,
    /Softplus, GELU, SiLU and Mish\*\* shrink it faster still, by 0\.5 to 0\.6 per layer: in this network their inputs drift towards 0/,
  );
});

test('notebook 02 states the means after the first layer that its code computes, not "near 0"', () => {
  const nb = executed.get('02_selu-self-normalisation.ipynb')!;
  const prose = nb.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => text(c.source))
    .join('\n');
  assert.doesNotMatch(prose, /mean is near 0 after the first layer/);
  const c = chartsOf('02_selu-self-normalisation.ipynb').find((x) => x.spec.title === 'SELU: mean from different starting points')!;
  const means = (c.spec as Extract<ChartSpec, { kind: 'data' }>).series.map((s) => s.y[1]!);
  assert.ok(means.filter((m) => Math.abs(m) >= 0.1).length >= 3, `means after layer 1: ${means}`);
  const statement = nb.cells
    .flatMap((cell) => cell.outputs ?? [])
    .map((o) => text(o.data?.['text/markdown'] as string | undefined))
    .find((t) => t.startsWith('After the first layer the mean is'));
  assert.ok(statement, 'no computed statement about the starts');
  assert.ok(statement.includes(means.map((m) => m.toFixed(2)).join(', ')), `${statement}\nexpected the chart's means ${means.map((m) => m.toFixed(2))}`);
});

test('notebook 03 checks the underflow bound: half of the smallest subnormal rounds to 0', () => {
  const nb = executed.get('03_softmax-stability.ipynb')!;
  const prose = nb.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => text(c.source))
    .join('\n');
  assert.match(prose, /2\.47 \\times 10\^\{-324\}/);
  const table = nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.data?.['text/markdown'] as string | undefined))
    .find((t) => t.startsWith('| Expression | float64 value |'));
  assert.ok(table);
  assert.match(table, /\| Number\.MIN_VALUE \| 4\.94e-324 \|/);
  assert.match(table, /\| Number\.MIN_VALUE \* 0\.5 \(half\) \| 0 \|/);
  assert.match(table, /\| Number\.MIN_VALUE \* 0\.50001 \(just above half\) \| 4\.94e-324 \|/);
});

test("notebook 04 shows each function's first recommendation as text with its evidence", () => {
  const table = executed
    .get('04_comparison.ipynb')!
    .cells.flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.data?.['text/plain'] as string | undefined))
    .find((t) => t.startsWith('Activation'));
  assert.ok(table);
  const html = executed
    .get('04_comparison.ipynb')!
    .cells.flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.data?.['text/markdown'] as string | undefined))
    .find((t) => t.startsWith('| Activation | When to use | Evidence | Papers |'));
  assert.ok(html, 'no when-to-use table');
  assert.doesNotMatch(html, /\[object Object\]/);
  for (const id of activationIds) {
    const first = activations[id]!.tradeOffs.whenToUse[0];
    if (first) assert.ok(html.includes(first.text.replace(/\|/g, '\\|')), `${id}: ${first.text}`);
  }
});

/** Chart outputs of notebook 05 drawn for one experiment and run (from their output metadata). */
function measuredCharts(experiment: string, run: 'live' | 'committed'): Chart[] {
  return chartsOf(MEASURED).filter((c) => {
    const m = (c.output as Output & { metadata?: Record<string, any> }).metadata?.[EXPERIMENT_OUTPUT_KEY];
    return m?.experiment === experiment && m?.run === run;
  });
}

/** Numbers as JSON carries them (a chart spec went through JSON in the notebook). */
const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

test('notebook 05 runs the tiny configurations by default, with a switch to the full ones', () => {
  const nb = readNotebook(path.join(NOTEBOOKS, MEASURED));
  const code = nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => text(c.source))
    .join('\n');
  assert.match(code, /^const useFullConfig = false;$/m);
  for (const e of experiments as readonly Experiment[])
    assert.match(code, new RegExp(`await runExperiment\\('${e.id}', \\{ full: useFullConfig \\}\\)`), `${e.id} is not run`);
});

test("notebook 05 has one section per experiment, in the module's order, each with claims, run, committed run and verdict", () => {
  const nb = readNotebook(path.join(NOTEBOOKS, MEASURED));
  const order = nb.cells.filter((c) => c.cell_type === 'markdown' && /^## \d+\. /.test(text(c.source))).map((c) => c.metadata['experiment']);
  assert.deepEqual(
    order,
    experiments.map((e) => e.id),
    'sections',
  );
  const outputs = executed.get(MEASURED)!.cells;
  for (const e of experiments as readonly Experiment[]) {
    const cells = outputs.filter((c) => nb.cells[outputs.indexOf(c)]!.metadata['experiment'] === e.id);
    const markdown = cells
      .flatMap((c) => c.outputs ?? [])
      .map((o) => text(o.data?.['text/markdown'] as string | undefined))
      .join('\n');
    assert.ok(markdown.includes(`*Question:* ${e.question}`), `${e.id}: question`);
    for (const c of claimsCiting(e.id)) {
      assert.ok(markdown.includes(c.claim.text), `${e.id}: the claim of ${c.fn} that cites it is not shown: ${c.claim.text}`);
      assert.ok(markdown.includes(`"${c.claim.text}" → **supported**`), `${e.id}: no "supported" verdict for ${c.fn}: ${c.claim.text}`);
    }
    // The findings table: every finding, on this run and on the committed one.
    const plain = cells
      .flatMap((c) => c.outputs ?? [])
      .map((o) => text(o.data?.['text/plain'] as string | undefined))
      .join('\n');
    for (const f of e.findings)
      assert.equal(plain.split('\n').filter((l) => l.startsWith(f.id + ' ')).length, 2, `${e.id}: finding ${f.id} in two findings tables`);
  }
});

test("notebook 05 draws each experiment's charts: the committed run's exactly, this run's as a tiny run draws them", async () => {
  for (const e of experiments as readonly Experiment[]) {
    const committed = measuredCharts(e.id, 'committed');
    const expected = viaJson(e.charts(loadResults(e.id).result));
    assert.deepEqual(
      committed.map((c) => c.spec),
      expected,
      `${e.id}: committed charts`,
    );

    // Two tiny runs: what differs between them is timing, which the notebook's run cannot match.
    const [a, b] = [viaJson(e.charts(await e.run(e.tinyConfig))), viaJson(e.charts(await e.run(e.tinyConfig)))];
    const live = measuredCharts(e.id, 'live').map((c) => c.spec);
    assert.deepEqual(
      live.map((s) => s.title),
      a.map((s) => s.title),
      `${e.id}: live chart titles`,
    );
    live.forEach((spec, i) => {
      assert.equal(spec.kind, 'data', `${e.id}: ${spec.title}: experiments draw data charts`);
      const sa = a[i] as Extract<ChartSpec, { kind: 'data' }>;
      const sb = b[i] as Extract<ChartSpec, { kind: 'data' }>;
      const s = spec as Extract<ChartSpec, { kind: 'data' }>;
      assert.deepEqual(
        s.series.map((x) => x.name),
        sa.series.map((x) => x.name),
        `${e.id}: ${spec.title}: series`,
      );
      s.series.forEach((series, k) => {
        if (JSON.stringify(sa.series[k]) !== JSON.stringify(sb.series[k])) return;
        assert.deepEqual(series, sa.series[k], `${e.id}: ${spec.title}: series '${series.name}' differs from a tiny run's`);
      });
    });
  }
});
