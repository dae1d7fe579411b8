// The walkthrough in a real Jupyter Notebook and a real browser: run every cell, see every chart
// drawn from the inlined plotly.js without any request leaving this machine, save, reload, see them
// drawn again. Also: an executed copy opened untrusted shows the readable placeholders.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs module without types
import { jupyterEnv } from '../../scripts/lib/env.mjs';
import { CHART_SPEC_MIME } from '../../src/plot/spec.js';
import { CHROMIUM, CHROMIUM_ARGS, EXECUTED, NOTEBOOKS, ROOT, SCREENSHOTS, ensureExecuted, freePort, readNotebook, text } from './support.js';

const WALKTHROUGH = '00_activation-functions.ipynb';
const MEASURED = '05_trade-offs-measured.ipynb';

let tmp = '';
let jupyter: ChildProcess | undefined;
let jupyterLog = '';
let base = '';
let context: BrowserContext | undefined;
const requests: string[] = [];

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (jupyter?.exitCode !== null) throw new Error(`Jupyter exited (code ${jupyter?.exitCode}):\n${jupyterLog}`);
    if (Date.now() - started > timeoutMs) throw new Error(`Jupyter did not answer at ${url} within ${timeoutMs} ms:\n${jupyterLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Chart outputs in the open notebook (outputs that carry a chart spec). */
async function chartOutputCount(page: Page): Promise<number> {
  return page.evaluate((mime) => {
    const nb = (window as any).Jupyter.notebook;
    return nb
      .get_cells()
      .flatMap((c: any) => (c.output_area ? c.output_area.outputs : []))
      .filter((o: any) => o.data && o.data[mime]).length;
  }, CHART_SPEC_MIME);
}

/** Charts Plotly has drawn: plots with their main SVG. */
async function drawnCount(page: Page): Promise<number> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.js-plotly-plot')).filter((p) => p.querySelector('svg.main-svg')).length);
}

async function openNotebook(page: Page, name: string): Promise<void> {
  await page.goto(`${base}notebooks/${name}`);
  await page.waitForFunction(
    () => {
      const J = (window as any).Jupyter;
      return J && J.notebook && J.notebook._fully_loaded && J.notebook.kernel && J.notebook.kernel.is_connected();
    },
    undefined,
    { timeout: 60_000 },
  );
}

before(async () => {
  ensureExecuted();
  for (const entry of ['index.js', path.join('notebook', 'index.js')]) {
    assert.ok(existsSync(path.join(ROOT, 'dist', entry)), `dist/${entry} is missing: the pipeline builds it`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'activations-browser-'));
  // A copy of the walkthrough in its own folder, where the package it imports by name is the repository.
  const work = path.join(tmp, 'notebooks');
  mkdirSync(work);
  const { name: packageName } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
  mkdirSync(path.join(tmp, 'node_modules'));
  symlinkSync(ROOT, path.join(tmp, 'node_modules', packageName), 'dir');
  copyFileSync(path.join(NOTEBOOKS, WALKTHROUGH), path.join(work, WALKTHROUGH));
  copyFileSync(path.join(NOTEBOOKS, MEASURED), path.join(work, MEASURED));
  copyFileSync(path.join(EXECUTED, WALKTHROUGH), path.join(work, 'executed-by-nbclient.ipynb'));
  for (const d of ['data', 'runtime', 'config', 'profile']) mkdirSync(path.join(tmp, d));

  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  const python = readFileSync(path.join(ROOT, '.cache', 'python'), 'utf8').trim();
  const args = [
    '-m',
    'notebook',
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--port-retries=0',
    "--NotebookApp.token=''",
    "--NotebookApp.password=''",
    `--notebook-dir=${work}`,
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  jupyter = spawn(python, args, {
    cwd: work,
    env: jupyterEnv({
      JUPYTER_DATA_DIR: path.join(tmp, 'data'),
      JUPYTER_RUNTIME_DIR: path.join(tmp, 'runtime'),
      JUPYTER_CONFIG_DIR: path.join(tmp, 'config'),
      IPYTHONDIR: path.join(tmp, 'profile'),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  jupyter.stdout!.on('data', (c) => (jupyterLog += c));
  jupyter.stderr!.on('data', (c) => (jupyterLog += c));
  await waitForServer(`${base}api`, 60_000);

  context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  context.on('request', (r) => requests.push(r.url()));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await context?.close();
  if (jupyter && jupyter.exitCode === null) {
    jupyter.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (jupyter.exitCode === null) jupyter.kill('SIGKILL');
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// First: once the walkthrough has been run and saved in the browser, its outputs are the same as
// the executed copy's (the notebooks are deterministic), so the server would trust that too.
/** Opens `notebook` in a new page, runs all cells and waits until every code cell has replied. */
async function runAllCells(notebook: string, timeout: number): Promise<Page> {
  const page = await context!.newPage();
  await openNotebook(page, notebook);
  await page.evaluate(() => (window as any).Jupyter.notebook.execute_all_cells());
  await page.waitForFunction(
    () => {
      const cells = (window as any).Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === 'code');
      return cells.every((c: any) => typeof c.input_prompt_number === 'number');
    },
    undefined,
    { timeout },
  );
  return page;
}

/**
 * After "run all": waits for `expected` chart outputs (a cell's reply can arrive before its last
 * output), fails on any stderr or error output, then waits until every chart is drawn.
 */
async function expectChartsWithoutErrors(page: Page, expected: number): Promise<void> {
  await page
    .waitForFunction(
      ([mime, n]) =>
        (window as any).Jupyter.notebook
          .get_cells()
          .flatMap((c: any) => (c.output_area ? c.output_area.outputs : []))
          .filter((o: any) => o.data && o.data[mime as string]).length >= (n as number),
      [CHART_SPEC_MIME, expected] as const,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  const errors = await page.evaluate(() =>
    (window as any).Jupyter.notebook
      .get_cells()
      .flatMap((c: any) => (c.output_area ? c.output_area.outputs : []))
      .filter((o: any) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
      .map((o: any) => o.text ?? `${o.ename}: ${o.evalue}`),
  );
  assert.deepEqual(errors, [], 'no cell wrote to stderr');
  assert.equal(await chartOutputCount(page), expected, 'chart outputs after running all cells');
  await page.waitForFunction(
    (n) => Array.from(document.querySelectorAll('.js-plotly-plot')).filter((p) => p.querySelector('svg.main-svg')).length === n,
    expected,
    {
      timeout: 60_000,
    },
  );
  assert.equal(await drawnCount(page), expected, 'charts drawn after running all cells');
}

test('an executed copy opened untrusted shows each chart as readable text instead of running scripts', async () => {
  const page = await context!.newPage();
  await openNotebook(page, 'executed-by-nbclient.ipynb');
  const trusted = await page.evaluate(() => (window as any).Jupyter.notebook.trusted);
  assert.equal(trusted, false, 'an nbclient-executed copy is untrusted');
  await page.waitForSelector('.activations-chart-placeholder', { timeout: 30_000 });
  const placeholders = await page.locator('.activations-chart-placeholder').allInnerTexts();
  const expected = readNotebook(path.join(EXECUTED, WALKTHROUGH))
    .cells.flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data?.[CHART_SPEC_MIME]).length;
  assert.equal(placeholders.length, expected, 'one placeholder per chart');
  assert.match(placeholders[0]!, /Interactive chart: Sigmoid Activation/);
  assert.match(placeholders[0]!, /Sigmoid Activation: 100 points, x from -5 to 5, y from 0\.006693 to 0\.9933/);
  assert.equal(await drawnCount(page), 0, 'no chart drawn while untrusted');
  await page.locator('.activations-chart-placeholder').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-walkthrough-untrusted.png') });
  await page.close();
  const foreign = requests.filter((u) => !u.startsWith(base) && !/^(data|blob|about):/.test(u));
  assert.deepEqual(foreign, [], 'requests that left 127.0.0.1');
});

test('the walkthrough runs in Jupyter Notebook and draws every chart offline, and again after save and reload', async () => {
  const page = await runAllCells(WALKTHROUGH, 120_000);
  const expected = readNotebook(path.join(NOTEBOOKS, WALKTHROUGH)).cells.filter((c) => /plotOutput\(data, output, '/.test(text(c.source))).length;
  assert.ok(expected >= 11, `expected at least 11 plotOutput cells, found ${expected}`);
  // A cell's reply (its prompt number) can arrive before its last output: wait for the outputs too.
  await expectChartsWithoutErrors(page, expected);
  const firstChart = page.locator('.js-plotly-plot').first();
  await firstChart.scrollIntoViewIfNeeded();
  await firstChart.screenshot({ path: path.join(SCREENSHOTS, 'notebook-walkthrough-sigmoid.png') });
  await page.locator('.js-plotly-plot').nth(4).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-walkthrough-run.png') });

  await page.evaluate(() => (window as any).Jupyter.notebook.save_notebook());
  await page.waitForFunction(() => !(window as any).Jupyter.notebook.dirty, undefined, { timeout: 30_000 });

  await openNotebook(page, WALKTHROUGH);
  assert.equal(await chartOutputCount(page), expected, 'chart outputs after reload');
  await page.waitForFunction(
    (n) => Array.from(document.querySelectorAll('.js-plotly-plot')).filter((p) => p.querySelector('svg.main-svg')).length === n,
    expected,
    {
      timeout: 60_000,
    },
  );
  assert.equal(await drawnCount(page), expected, 'charts drawn after save and reload');
  await page.locator('.js-plotly-plot').nth(8).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-walkthrough-reloaded.png') });
  // The prose with its formulas and a correction note, as MathJax typesets them.
  const note = page.locator('blockquote', { hasText: 'it is the other way round' });
  await note.scrollIntoViewIfNeeded();
  await page
    .waitForFunction(() => document.querySelectorAll('.MathJax_Preview:not(:empty), .MathJax_Processing').length === 0, undefined, { timeout: 30_000 })
    .catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-walkthrough-gelu-note.png') });
  await page.close();

  const foreign = requests.filter((u) => !u.startsWith(base) && !/^(data|blob|about):/.test(u));
  assert.deepEqual(foreign, [], 'requests that left 127.0.0.1');
});

test('notebook 05 runs its experiments in Jupyter Notebook and draws every chart, with no error', async () => {
  const page = await runAllCells(MEASURED, 180_000);
  // As many charts as the pipeline's run drew (the tiny configurations draw the same charts every time).
  const expected = readNotebook(path.join(EXECUTED, MEASURED))
    .cells.flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data?.[CHART_SPEC_MIME]).length;
  assert.ok(expected > 0, 'the executed copy has no charts');
  await expectChartsWithoutErrors(page, expected);
  await page.locator('.js-plotly-plot').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-measured-first-chart.png') });
  const verdict = page.locator('.rendered_html', { hasText: 'Verdict, claim by claim' }).first();
  await verdict.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook-measured-verdict.png') });
  await page.close();
  const foreign = requests.filter((u) => !u.startsWith(base) && !/^(data|blob|about):/.test(u));
  assert.deepEqual(foreign, [], 'requests that left 127.0.0.1');
});
