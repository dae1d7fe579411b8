// Every notebook in JupyterLab 4 in Chromium: the app in lab/ (JupyterLab's npm packages, bundled by
// rspack, served by Debian's jupyter_server and jupyterlab_server), twice: with jupyterlab-plotly's
// MIME renderer (charts drawn from the Plotly JSON) and without it, a stock JupyterLab (charts drawn
// from the HTML). Each notebook: open, run all, every chart drawn, no error output, saved, reopened
// with every chart drawn again. Charts stay drawn when the theme changes; those drawn from the HTML
// take the colours of JupyterLab's light and dark theme; those jupyterlab-plotly draws (the figure as
// given) show JupyterLab's own background, light or dark, with text that reads on both.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs module without types
import { jupyterEnv } from '../../scripts/lib/env.mjs';
// @ts-expect-error: a plain .mjs module without types
import { LAB_DEBIAN_PACKAGES, LAB_MAIN, LAB_SERVER_MODULES, ensureLab } from '../../scripts/lib/lab.mjs';
import { THEMES } from '../../src/plot/figure.js';
import { CHART_SPEC_MIME } from '../../src/plot/spec.js';
import { CHROMIUM, CHROMIUM_ARGS, EXECUTED, NOTEBOOKS, ROOT, SCREENSHOTS, ensureExecuted, freePort, notebookNames, readNotebook } from './support.js';

/** The plugin that renders application/vnd.plotly.v1+json, by its package name (lab/package.json). */
const PLOTLY_EXTENSION = 'jupyterlab-plotly';
/**
 * Console errors of jupyter_server 1.x (Debian's) that JupyterLab 4 shrugs off: it lacks the
 * /api/me and /api/events endpoints, so those requests end in 404s. Nothing else is filtered.
 */
const KNOWN_SERVER_GAPS = /\/api\/(me|events)\b/;

let tmp = '';
let python = '';
let context: BrowserContext | undefined;

/** Chart outputs nbclient's run of the notebook produced: the number every run must draw. */
function expectedCharts(name: string): number {
  return readNotebook(path.join(EXECUTED, name))
    .cells.flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data?.[CHART_SPEC_MIME]).length;
}

interface Lab {
  base: string;
  work: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts lab/main.py on a free port with its own temporary Jupyter folders and a copy of every notebook. */
async function startLab(variant: string, withPlotly: boolean): Promise<Lab> {
  const dir = path.join(tmp, variant);
  const work = path.join(dir, 'notebooks');
  mkdirSync(work, { recursive: true });
  // The notebooks import the package by name: beside their folder, node_modules/<name> is the repository.
  const { name: packageName } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules', packageName));
  for (const name of notebookNames()) copyFileSync(path.join(NOTEBOOKS, name), path.join(work, name));
  for (const d of ['data', 'runtime', 'config', 'ipython']) mkdirSync(path.join(dir, d));
  if (!withPlotly) {
    // What `jupyter labextension disable jupyterlab-plotly` writes; lab/index.js honours it as JupyterLab does.
    mkdirSync(path.join(dir, 'config', 'labconfig'));
    writeFileSync(path.join(dir, 'config', 'labconfig', 'page_config.json'), JSON.stringify({ disabledExtensions: { [PLOTLY_EXTENSION]: true } }));
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const args = [
    LAB_MAIN,
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--port-retries=0',
    '--ServerApp.token=',
    '--ServerApp.password=',
    `--ServerApp.root_dir=${work}`,
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  let log = '';
  const server: ChildProcess = spawn(python, args, {
    cwd: work,
    env: jupyterEnv({
      JUPYTER_DATA_DIR: path.join(dir, 'data'),
      JUPYTER_RUNTIME_DIR: path.join(dir, 'runtime'),
      JUPYTER_CONFIG_DIR: path.join(dir, 'config'),
      IPYTHONDIR: path.join(dir, 'ipython'),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (c) => (log += c));
  server.stderr!.on('data', (c) => (log += c));
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}lab`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`lab/main.py exited (code ${server.exitCode}):\n${log}`);
    if (Date.now() - started > 60_000) throw new Error(`lab/main.py did not answer at ${base}lab within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    for (let i = 0; i < 50 && server.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    if (server.exitCode === null) server.kill('SIGKILL');
  };
  return { base, work, log: () => log, stop };
}

/** A page that records console errors (but the known server gaps), uncaught errors and requests. */
async function newPage(lab: Lab): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
  const page = await context!.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (KNOWN_SERVER_GAPS.test(m.text()) || KNOWN_SERVER_GAPS.test(m.location().url)) return;
    errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(lab.base) && !url.startsWith(lab.base.replace('http:', 'ws:')) && !/^(data|blob|about):/.test(url)) foreign.push(url);
  });
  return { page, errors, foreign };
}

/** Opens `name` (a fresh workspace) and waits until its panel is ready with a connected kernel. */
async function openNotebook(page: Page, lab: Lab, name: string): Promise<void> {
  await page.goto(`${lab.base}lab/tree/${encodeURIComponent(name)}?reset`);
  await page.waitForFunction(
    (n) => {
      const app = (window as any).jupyterapp;
      if (!app) return false;
      for (const w of app.shell.widgets('main')) {
        if (w.context?.path === n && w.context.isReady && w.sessionContext?.session?.kernel?.connectionStatus === 'connected') return true;
      }
      return false;
    },
    name,
    { timeout: 120_000 },
  );
}

/** Evaluates `fn` with the notebook panel of `name` (found by path: restored workspaces may hold others). */
function withPanel<T>(page: Page, name: string, fn: string): Promise<T> {
  return page.evaluate(
    ([n, body]) => {
      const app = (window as any).jupyterapp;
      let panel: any;
      for (const w of app.shell.widgets('main')) if (w.context?.path === n) panel = w;
      if (!panel) throw new Error(`no open notebook ${n}`);
      return new Function('panel', 'app', body)(panel, app);
    },
    [name, fn] as const,
  ) as Promise<T>;
}

/**
 * JavaScript counting the charts drawn in `panel`, by who drew them: jupyterlab-plotly (a Plotly
 * graph, or the PNG snapshot it adds to the output once drawn and shows when the notebook is
 * reopened, until the pointer reaches it), or the chart output's own HTML (a Plotly graph).
 */
const COUNT_DRAWN = `
  const graph = (el) => { const svg = el.querySelector('svg.main-svg'); return svg !== null && Number(svg.getAttribute('height')) > 0; };
  const snapshot = (el) => { const img = el.querySelector('img.plot-img'); return img !== null && img.style.display !== 'none' && img.complete && img.naturalWidth > 0; };
  const count = (sel, ok) => Array.from(panel.node.querySelectorAll(sel)).filter(ok).length;
  const drawn = { renderer: count('.jp-RenderedPlotly', (el) => graph(el) || snapshot(el)), html: count('.activations-chart[data-drawn]', graph) };`;

/** Charts drawn in the panel, by who drew them (see COUNT_DRAWN). */
function drawn(page: Page, name: string): Promise<{ renderer: number; html: number }> {
  return withPanel(page, name, `${COUNT_DRAWN} return drawn;`);
}

async function waitDrawn(page: Page, name: string, expected: { renderer: number; html: number }): Promise<void> {
  // A string, not a function: tsx would add helpers (__name) to a function's inner functions that
  // do not exist in the page. jupyterlab-plotly loads plotly.js on its first chart, hence the wait.
  const drawnAsExpected = `(() => {
    let panel;
    for (const w of window.jupyterapp.shell.widgets('main')) if (w.context && w.context.path === ${JSON.stringify(name)}) panel = w;
    if (!panel) return false;
    ${COUNT_DRAWN}
    return drawn.renderer === ${expected.renderer} && drawn.html === ${expected.html};
  })()`;
  await page.waitForFunction(drawnAsExpected, undefined, { timeout: 60_000 }).catch(() => undefined);
  assert.deepEqual(await drawn(page, name), expected, `charts drawn in ${name}: by jupyterlab-plotly, by the HTML`);
}

/** Scrolls a chart into view and takes a screenshot; JupyterLab lays out cells as they come into view, so it scrolls twice. */
async function screenshotAt(page: Page, target: ReturnType<Page['locator']>, file: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, file) });
}

/** The colours Plotly drew a chart of the HTML path with (its full layout, after the theme was applied). */
function htmlChartColours(page: Page, name: string): Promise<{ paper: string; font: string; line: string }[]> {
  return withPanel(
    page,
    name,
    `return Array.from(panel.node.querySelectorAll('.activations-chart[data-drawn]')).map((gd) => ({
       paper: gd._fullLayout.paper_bgcolor, font: gd._fullLayout.font.color, line: gd._fullData[0].line.color }));`,
  );
}

/**
 * What the reader sees of each chart jupyterlab-plotly drew: the background it shows (its own paper,
 * else, where that is transparent, the first opaque background behind it), the colour of its title
 * and tick labels, and JupyterLab's background around the output. All as the browser computed them.
 */
function rendererChartColours(page: Page, name: string): Promise<{ background: string; title: string; tick: string; around: string }[]> {
  return withPanel(
    page,
    name,
    `const opaque = (el) => {
       for (; el; el = el.parentElement) {
         const c = getComputedStyle(el).backgroundColor;
         const alpha = c.startsWith('rgba') ? Number(c.slice(5, -1).split(',')[3]) : 1;
         if (alpha > 0) return c;
       }
       return 'rgb(255, 255, 255)';
     };
     return Array.from(panel.node.querySelectorAll('.jp-RenderedPlotly')).filter((el) => el.querySelector('svg.main-svg')).map((el) => ({
       background: opaque(el.querySelector('svg.main-svg')),
       title: getComputedStyle(el.querySelector('.gtitle')).fill,
       tick: getComputedStyle(el.querySelector('.xtick text')).fill,
       around: opaque(el.closest('.jp-OutputArea').parentElement),
     }));`,
  );
}

/** WCAG relative luminance of a CSS rgb()/rgba() colour (alpha ignored: only opaque ones are passed). */
function luminance(css: string): number {
  const m = css.match(/rgba?\(([^)]+)\)/);
  assert.ok(m, `not an rgb() colour: ${css}`);
  const [r, g, b] = m[1]!
    .split(',')
    .map((v) => Number(v) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * jupyterlab-plotly's charts in the current theme: every one shows JupyterLab's own background (dark
 * in the dark theme, no light card) and its text reads on it (4:1 or more). Returns what it measured.
 */
async function checkRendererCharts(page: Page, name: string, expected: number, light: boolean): Promise<string> {
  const charts = await rendererChartColours(page, name);
  assert.equal(charts.length, expected, `${name}: charts drawn by jupyterlab-plotly`);
  const theme = light ? 'light' : 'dark';
  for (const c of charts) {
    assert.equal(c.background, c.around, `${name}, ${theme} theme: a chart shows ${c.background} on JupyterLab's ${c.around}`);
    assert.ok(light ? luminance(c.background) > 0.5 : luminance(c.background) < 0.1, `${name}, ${theme} theme: chart background ${c.background}`);
    for (const text of [c.title, c.tick]) {
      assert.ok(
        contrast(text, c.background) >= 4,
        `${name}, ${theme} theme: text ${text} on ${c.background}: contrast ${contrast(text, c.background).toFixed(2)}:1`,
      );
    }
  }
  const c = charts[0]!;
  return `${theme}: background ${c.background}, title ${c.title} (${contrast(c.title, c.background).toFixed(2)}:1), ticks ${c.tick} (${contrast(c.tick, c.background).toFixed(2)}:1)`;
}

async function changeTheme(page: Page, theme: 'JupyterLab Dark' | 'JupyterLab Light', light: boolean): Promise<void> {
  await page.evaluate((t) => (window as any).jupyterapp.commands.execute('apputils:change-theme', { theme: t }), theme);
  await page.waitForFunction((l) => document.body.getAttribute('data-jp-theme-light') === String(l), light, { timeout: 30_000 });
}

before(async () => {
  ensureExecuted();
  for (const entry of ['index.js', path.join('notebook', 'index.js')]) {
    assert.ok(existsSync(path.join(ROOT, 'dist', entry)), `dist/${entry} is missing: the pipeline builds it`);
  }
  python = readFileSync(path.join(ROOT, '.cache', 'python'), 'utf8').trim();
  const probe = spawnSync(python, ['-c', `import ${LAB_SERVER_MODULES.join(', ')}`], { encoding: 'utf8' });
  assert.equal(
    probe.status,
    0,
    `${python} cannot import ${LAB_SERVER_MODULES.join(', ')} (Debian: apt-get install ${LAB_DEBIAN_PACKAGES.join(' ')}; npm test's set-up installs them as root):\n${probe.stderr}`,
  );
  await ensureLab((msg: string) => console.log(`[jupyterlab test] ${msg}`));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'activations-jupyterlab-'));
  context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await context?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

for (const variant of [
  { name: 'with-plotly-renderer', title: "with jupyterlab-plotly's MIME renderer", withPlotly: true },
  { name: 'stock', title: 'stock (no Plotly renderer: charts from the HTML)', withPlotly: false },
]) {
  describe(`JupyterLab 4, ${variant.title}`, () => {
    let lab: Lab | undefined;
    before(async () => {
      lab = await startLab(variant.name, variant.withPlotly);
    });
    after(async () => {
      await lab?.stop();
    });

    for (const name of notebookNames()) {
      test(`${name}: run all draws every chart with no error output; saved and reopened, every chart is drawn again`, async () => {
        const expected = expectedCharts(name);
        const want = variant.withPlotly ? { renderer: expected, html: 0 } : { renderer: 0, html: expected };
        const { page, errors, foreign } = await newPage(lab!);
        await openNotebook(page, lab!, name);
        await withPanel(page, name, `app.shell.activateById(panel.id); return app.commands.execute('notebook:run-all-cells');`);
        // Every code cell has replied (its execution count) and the kernel is idle again.
        await page.waitForFunction(
          (n) => {
            const app = (window as any).jupyterapp;
            for (const w of app.shell.widgets('main')) {
              if (w.context?.path !== n) continue;
              if (w.sessionContext.session?.kernel?.status !== 'idle') return false;
              for (const c of w.model.cells) if (c.type === 'code' && c.executionCount == null) return false;
              return true;
            }
            return false;
          },
          name,
          { timeout: 300_000 },
        );
        const outputs = () =>
          withPanel<{ charts: number; errors: string[] }>(
            page,
            name,
            `let charts = 0; const errors = [];
             for (const c of panel.model.cells) {
               if (c.type !== 'code') continue;
               for (let i = 0; i < c.outputs.length; i++) {
                 const o = c.outputs.get(i).toJSON();
                 if (o.data && o.data[${JSON.stringify(CHART_SPEC_MIME)}]) charts++;
                 if (o.output_type === 'error') errors.push(o.ename + ': ' + o.evalue);
                 if (o.output_type === 'stream' && o.name === 'stderr') errors.push([].concat(o.text).join(''));
               }
             }
             return { charts, errors };`,
          );
        // A cell's reply can arrive before its last output.
        await page
          .waitForFunction(
            ([n, mime, count]) => {
              const app = (window as any).jupyterapp;
              let charts = 0;
              for (const w of app.shell.widgets('main')) {
                if (w.context?.path !== n) continue;
                for (const c of w.model.cells) for (let i = 0; i < (c.outputs?.length ?? 0); i++) if (c.outputs.get(i).data[mime as string]) charts++;
              }
              return charts >= (count as number);
            },
            [name, CHART_SPEC_MIME, expected] as const,
            { timeout: 30_000 },
          )
          .catch(() => undefined);
        const run = await outputs();
        assert.deepEqual(run.errors, [], `${name}: error or stderr outputs`);
        assert.equal(run.charts, expected, `${name}: chart outputs after run all`);
        await waitDrawn(page, name, want);
        const chart = page.locator('.jp-NotebookPanel .js-plotly-plot').nth(1);
        await screenshotAt(page, chart, `jupyterlab-${variant.name}-${name.replace(/\.ipynb$/, '')}.png`);

        if (name === notebookNames()[0]) {
          // The theme: the HTML's charts take JupyterLab's dark colours, and the light ones back;
          // jupyterlab-plotly's (drawn as given) show JupyterLab's background and text that reads on both.
          if (variant.withPlotly) console.log(`# jupyterlab-plotly, ${await checkRendererCharts(page, name, expected, true)}`);
          await changeTheme(page, 'JupyterLab Dark', false);
          await waitDrawn(page, name, want);
          if (variant.withPlotly) console.log(`# jupyterlab-plotly, ${await checkRendererCharts(page, name, expected, false)}`);
          else {
            await page.waitForFunction(
              (paper) => Array.from(document.querySelectorAll('.activations-chart[data-drawn]')).every((gd: any) => gd._fullLayout.paper_bgcolor === paper),
              THEMES.dark.paper,
              { timeout: 30_000 },
            );
            const dark = await htmlChartColours(page, name);
            assert.equal(dark.length, expected);
            for (const c of dark) assert.deepEqual(c, { paper: THEMES.dark.paper, font: THEMES.dark.font, line: THEMES.dark.single });
          }
          await screenshotAt(page, chart, `jupyterlab-${variant.name}-dark.png`);
          // Drawn, and still its full height (a responsive Plotly chart collapsed to 0 px here).
          const box = await chart.boundingBox();
          assert.ok(box && box.height >= 300, `${name}: the chart in view is ${box?.height} px high in the dark theme`);
          await changeTheme(page, 'JupyterLab Light', true);
          await waitDrawn(page, name, want);
          if (variant.withPlotly) await checkRendererCharts(page, name, expected, true);
          else {
            await page.waitForFunction(
              (paper) => Array.from(document.querySelectorAll('.activations-chart[data-drawn]')).every((gd: any) => gd._fullLayout.paper_bgcolor === paper),
              THEMES.light.paper,
              { timeout: 30_000 },
            );
            for (const c of await htmlChartColours(page, name)) {
              assert.deepEqual(c, { paper: THEMES.light.paper, font: THEMES.light.font, line: THEMES.light.single });
            }
          }
        }

        await withPanel(page, name, `return panel.context.save();`);
        assert.equal(await withPanel(page, name, `return panel.model.dirty;`), false, `${name}: saved`);
        const saved = readNotebook(path.join(lab!.work, name));
        const savedCharts = saved.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[CHART_SPEC_MIME]).length;
        assert.equal(savedCharts, expected, `${name}: chart outputs in the saved file`);
        await page.evaluate(() => (window as any).jupyterapp.serviceManager.sessions.shutdownAll());
        await page.close();

        const reopened = await newPage(lab!);
        await openNotebook(reopened.page, lab!, name);
        await waitDrawn(reopened.page, name, want);
        if (variant.withPlotly) {
          // The snapshot turns into the interactive graph when the pointer reaches it.
          const first = reopened.page.locator('.jp-RenderedPlotly').first();
          await first.scrollIntoViewIfNeeded();
          await first.locator('img.plot-img').hover();
          await first.locator('svg.main-svg').first().waitFor({ timeout: 30_000 });
        }
        await screenshotAt(
          reopened.page,
          reopened.page.locator('.jp-NotebookPanel .jp-OutputArea-output:is(.jp-RenderedPlotly, .jp-RenderedHTMLCommon:has(.activations-chart))').nth(1),
          `jupyterlab-${variant.name}-${name.replace(/\.ipynb$/, '')}-reopened.png`,
        );
        await reopened.page.evaluate(() => (window as any).jupyterapp.serviceManager.sessions.shutdownAll());
        await reopened.page.close();

        assert.deepEqual([...errors, ...reopened.errors], [], `${name}: errors in the page`);
        assert.deepEqual([...foreign, ...reopened.foreign], [], `${name}: requests that left 127.0.0.1`);
      });
    }
  });
}
