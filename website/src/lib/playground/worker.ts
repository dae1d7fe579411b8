/**
 * The playground's Web Worker: trains the runs (one network, or two side by side) with the
 * experiments' trainer, so the page stays free to draw. It trains in slices of a few milliseconds
 * and yields between them, so that a pause or new settings are read within a slice; it reports at
 * most REPORT_MS apart while training, and after every command. It also draws the charts (as SVG)
 * and checks the settings against the module, which the page does not load.
 */
/// <reference lib="webworker" />
import { catalogFromModule } from './catalog.js';
import { activationChartSvg, lossChartSvg } from './charts.js';
import type { FromWorker, RunReport, ToWorker } from './protocol.js';
import { createRun, impossibleChoice, loadSplit, planeOf, type Plane, type Run } from './run.js';
import { runLabels, type Settings } from './settings.js';

declare const self: DedicatedWorkerGlobalScope;

/** Training time per slice: short enough that a pause is felt at once. */
const SLICE_MS = 12;
/** Reports while training: about 30 a second, as often as the page redraws usefully. */
const REPORT_MS = 33;
/** Cells per side of the decision-boundary grid. */
const CELLS = 64;
/** The loss chart is redrawn at most this often while training: an SVG of a few thousand points is not free. */
const CHART_MS = 250;
const catalog = catalogFromModule();

let settings: Settings | null = null;
let runs: Run[] = [];
let plane: Plane = { min: -1, max: 1, cells: CELLS };
let generation = 0;
let running = false;
let labels: string[] = [];
let fresh = true;
let lastReport = 0;
let lastChart = -Infinity;
let timer: ReturnType<typeof setTimeout> | undefined;

function start(s: Settings): void {
  const split = loadSplit(s);
  runs = [s.activation, ...(s.compare ? [s.compare] : [])].map((choice) => createRun(s, choice, split));
  plane = planeOf(split, CELLS);
  labels = runLabels(catalog, s);
  fresh = true;
}

function report(): void {
  const first = runs[0];
  if (!first || !settings) return;
  const reports = runs.map((run): RunReport => ({ snapshot: run.snapshot(), probabilities: run.probabilities(plane) }));
  const { train, test } = first.split;
  const now = performance.now();
  const drawLoss = fresh || !running || now - lastChart >= CHART_MS;
  if (drawLoss) lastChart = now;
  const message: FromWorker = {
    type: 'report',
    generation,
    running,
    fresh,
    plane,
    ...(fresh ? { points: { trainX: train.x, trainY: train.y, testX: test.x, testY: test.y, classes: train.classes } } : {}),
    runs: reports,
    ...(drawLoss
      ? {
          lossSvg: lossChartSvg(
            runs.map((r) => r.curve),
            labels,
          ),
        }
      : {}),
    ...(fresh ? { activationSvg: activationChartSvg(settings, labels) } : {}),
  };
  fresh = false;
  lastReport = performance.now();
  self.postMessage(
    message,
    reports.map((r) => r.probabilities.buffer as ArrayBuffer),
  );
}

function fail(e: unknown): void {
  running = false;
  self.postMessage({ type: 'error', generation, message: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
}

/** Steps every run by `count`; the runs stay in lock step, so a comparison compares the same step. */
function advance(count: number): void {
  for (const run of runs) run.advance(count);
}

function tick(): void {
  timer = undefined;
  if (!running) return;
  try {
    const t0 = performance.now();
    // One step at a time: a large network's step can take tens of milliseconds.
    do advance(1);
    while (performance.now() - t0 < SLICE_MS);
    if (performance.now() - lastReport >= REPORT_MS) report();
  } catch (e) {
    fail(e);
    return;
  }
  timer = setTimeout(tick, 0);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    switch (msg.type) {
      // New settings or a reset start again from step 0, paused: the same settings give the same run.
      case 'configure': {
        generation++;
        running = false;
        const invalid = impossibleChoice(msg.settings);
        if (invalid) {
          self.postMessage({ type: 'invalid', generation, ...invalid } satisfies FromWorker);
          break;
        }
        settings = msg.settings;
        start(settings);
        report();
        break;
      }
      case 'reset':
        generation++;
        running = false;
        if (settings) start(settings);
        report();
        break;
      case 'train':
        running = true;
        if (timer === undefined) timer = setTimeout(tick, 0);
        report();
        break;
      case 'pause':
        running = false;
        report();
        break;
      case 'step':
        running = false;
        advance(msg.count);
        report();
        break;
    }
  } catch (e) {
    fail(e);
  }
};
