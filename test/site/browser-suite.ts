/**
 * The built site in headless Chromium, served from website/build by a small static server on
 * 127.0.0.1 (ephemeral port). Every page of the sitemap: no console error, no failed request, no
 * request to another host, formulas rendered by KaTeX with its own fonts, every chart drawn, and
 * every BibTeX entry reading back as the reference it cites. Then the interactions: sliders,
 * derivative toggles, the overlay's checkboxes, sorting, and the colour mode re-theming a chart;
 * the Evidence charts of a function page and the experiments page's charts drawn from the
 * committed results.
 * Screenshots of each kind of page, light and dark, go to .cache/screenshots/site/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Page } from 'playwright-core';
import { THEMES } from '../../src/plot/figure.js';
import { references } from '../../src/references.js';
import { activationIds, activations } from '../../src/registry.js';
import { softmax, vectorFunctionIds } from '../../src/vector/softmax.js';
import { readExperimentResults } from '../../scripts/generate-docs.js';
import { SCREENSHOTS, launchBrowser, requireBuild, sitemapPages, startServer, type Browser, type Server } from './helpers.js';

const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

requireBuild();
const server: Server = await startServer();
const pages = sitemapPages(server);
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server.close();
});

/** Everything that went wrong while a page was open: console errors, failed or foreign requests. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request to another host: ${url}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Waits until every chart on the page is drawn (or reports the ones that are not). */
async function waitForCharts(page: Page): Promise<number> {
  const count = await page.locator('[data-chart]').count();
  if (count === 0) return 0;
  try {
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('[data-chart]')).every((c) => c.getAttribute('data-chart-state') === 'drawn' && c.querySelector('svg.main-svg')),
      undefined,
      { timeout: 20_000 },
    );
  } catch {
    const states = await page.$$eval('[data-chart]', (cs) => cs.map((c) => `${c.getAttribute('data-chart')}: ${c.getAttribute('data-chart-state')}, svg: ${Boolean(c.querySelector('svg.main-svg'))}`));
    assert.fail(`not every chart was drawn within 20 s:\n${states.join('\n')}`);
  }
  return count;
}

interface PlotData {
  name: string;
  x: number[];
  y: number[];
}

/** The traces Plotly holds for the n-th chart (plotly.js keeps them on the element it drew into). */
async function traces(page: Page, nth = 0): Promise<PlotData[]> {
  return page.$$eval(
    '[data-chart] .js-plotly-plot',
    (els, i) => ((els[i] as unknown as { data: PlotData[] }).data ?? []).map((t) => ({ name: t.name, x: Array.from(t.x), y: Array.from(t.y) })),
    nth,
  );
}

async function layoutOf(page: Page, nth = 0): Promise<{ paper: string; font: string }> {
  return page.$$eval(
    '[data-chart] .js-plotly-plot',
    (els, i) => {
      const layout = (els[i] as unknown as { layout: { paper_bgcolor: string; font: { color: string } } }).layout;
      return { paper: layout.paper_bgcolor, font: layout.font.color };
    },
    nth,
  );
}

function yAt(trace: PlotData, x: number): number {
  const i = trace.x.findIndex((v) => Math.abs(v - x) < 1e-12);
  assert.ok(i >= 0, `x = ${x} is not on the chart's grid`);
  return trace.y[i]!;
}

async function waitForTraces(page: Page, predicate: (t: PlotData[]) => boolean, what: string): Promise<PlotData[]> {
  const deadline = Date.now() + 10_000;
  let last: PlotData[] = [];
  while (Date.now() < deadline) {
    last = await traces(page);
    if (predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: the chart did not change as expected; traces: ${last.map((t) => t.name).join(', ')}`);
}

function kindOf(url: string): string {
  const p = new URL(url).pathname;
  if (/\/docs\/activations\/[^/]+$/.test(p)) return 'function';
  if (p.endsWith('/docs/activations')) return 'index';
  if (p.includes('/docs/notebooks/')) return 'notebook';
  if (p.endsWith('/docs/comparison')) return 'comparison';
  if (p.endsWith('/docs/bibliography')) return 'bibliography';
  if (p.endsWith('/docs/experiments')) return 'experiments';
  if (p.endsWith('/search')) return 'search';
  return 'landing';
}

/** The BibTeX of each cite block, parsed back with citation-js, against `references`. */
function checkBibtex(blocks: { key: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { key, text } of blocks) {
    const ref = references[key];
    if (!ref) {
      problems.push(`BibTeX block for unknown key ${key}`);
      continue;
    }
    const data = new Cite(text).data as { id: string; title: string; author: { family: string; given: string }[]; issued: { 'date-parts': number[][] } }[];
    if (data.length !== 1) {
      problems.push(`${key}: the BibTeX block holds ${data.length} entries`);
      continue;
    }
    const e = data[0]!;
    if (e.id !== key) problems.push(`${key}: BibTeX key is ${e.id}`);
    if (e.title !== ref.title) problems.push(`${key}: title ${JSON.stringify(e.title)}, expected ${JSON.stringify(ref.title)}`);
    const authors = JSON.stringify(e.author.map((a) => [a.family, a.given]));
    const expected = JSON.stringify(ref.author.map((a) => [a.family, a.given]));
    if (authors !== expected) problems.push(`${key}: authors ${authors}, expected ${expected}`);
    if (e.issued['date-parts'][0]![0] !== ref.issued['date-parts'][0][0]) problems.push(`${key}: year ${e.issued['date-parts'][0]![0]}`);
  }
  return problems;
}

describe('every page of the sitemap', () => {
  test('the sitemap lists every function page, the comparison, the bibliography and the notebooks', () => {
    const paths = pages.map((p) => new URL(p).pathname);
    for (const id of [...activationIds, ...vectorFunctionIds]) {
      assert.ok(paths.some((p) => p.endsWith(`/docs/activations/${kebab(id)}`)), `sitemap has no page for ${id}`);
    }
    assert.ok(paths.some((p) => p.endsWith('/docs/comparison')));
    assert.ok(paths.some((p) => p.endsWith('/docs/bibliography')));
    assert.ok(paths.some((p) => p.endsWith('/docs/experiments')));
    assert.ok(paths.some((p) => p.includes('/docs/notebooks/')));
  });

  for (const url of pages) {
    const route = new URL(url).pathname;
    test(`${route} loads cleanly: no console error, no failed or foreign request, formulas rendered, charts drawn, BibTeX exact`, async () => {
      const page = await browser.context.newPage();
      const problems = watch(page);
      try {
        await page.goto(url, { waitUntil: 'load' });
        const charts = await waitForCharts(page);
        await page.waitForLoadState('networkidle');
        const kind = kindOf(url);
        if (kind === 'function' || kind === 'comparison' || kind === 'experiments') assert.ok(charts >= 1, `a ${kind} page must have a chart`);

        const math = await page.evaluate(async () => {
          await document.fonts.ready;
          return {
            katex: document.querySelectorAll('.katex').length,
            unrendered: document.querySelectorAll('.katex:not(:has(.katex-html))').length,
            errors: document.querySelectorAll('.katex-error').length,
            // Display formulas scroll when wider than the column; at desktop width none should need to.
            overflowing: Array.from(document.querySelectorAll('.katex-display'))
              .filter((e) => e.scrollWidth > e.clientWidth + 1)
              .map((e) => (e.textContent ?? '').slice(0, 60)),
            font: document.fonts.check('16px KaTeX_Main'),
            fontStatus: Array.from(document.fonts as unknown as Iterable<FontFace>).filter((f) => f.family.includes('KaTeX_Main')).map((f) => f.status),
          };
        });
        if (kind === 'function') assert.ok(math.katex >= 2, `a function page must have formulas, found ${math.katex}`);
        assert.equal(math.errors, 0, 'KaTeX errors on the page');
        assert.equal(math.unrendered, 0, 'formulas without KaTeX HTML');
        assert.deepEqual(math.overflowing, [], 'display formulas wider than the 1280 px page\'s column');
        if (math.katex > 0) assert.ok(math.fontStatus.includes('loaded'), `KaTeX's font was not loaded from the site: ${JSON.stringify(math.fontStatus)}`);

        const blocks = await page.$$eval('pre[data-bibtex]', (els) => els.map((e) => ({ key: e.getAttribute('data-bibtex')!, text: e.textContent ?? '' })));
        problems.push(...checkBibtex(blocks));
        if (kind === 'bibliography') assert.equal(blocks.length, Object.keys(references).length, 'the bibliography must show every BibTeX entry');

        const labels = await page.$$eval('[data-chart] [role=img]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        for (const l of labels) assert.match(l, /^Chart ".+": .+ from -?\d/, `a chart without a useful text alternative: ${l}`);
      } finally {
        await page.close();
      }
      assert.deepEqual(problems, [], `problems on ${route}`);
    });
  }
});

describe('evidence', () => {
  const entries = readExperimentResults();
  /** The function whose page has the most Evidence charts: the one to check. */
  const [fn, expected] = [...activationIds, ...vectorFunctionIds]
    .map((id) => [id, entries.flatMap(({ experiment, file }) => (experiment.functions(file.result).includes(id) ? experiment.charts(file.result, id) : []))] as const)
    .reduce((best, x) => (x[1].length > best[1].length ? x : best));

  test(`the Evidence section of the ${fn} page draws its experiments' charts from the committed results`, async () => {
    assert.ok(expected.length > 0, 'no function page has an Evidence chart');
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/activations/${kebab(fn)}`);
    await waitForCharts(page);
    const evidence = page.locator('[data-chart=evidence]');
    assert.equal(await evidence.count(), expected.length, 'the number of Evidence charts');
    // The first Evidence chart's traces are the spec's data (non-finite values drawn as gaps).
    const nth = await page.$$eval('[data-chart] .js-plotly-plot', (els) => els.findIndex((e) => e.closest('[data-chart]')?.getAttribute('data-chart') === 'evidence'));
    const drawn = await traces(page, nth);
    const spec = expected[0]!;
    assert.equal(spec.kind, 'data');
    if (spec.kind === 'data') {
      assert.deepEqual(drawn.map((t) => t.name), spec.series.map((s) => s.name));
      assert.deepEqual(drawn[0]!.y, JSON.parse(JSON.stringify(spec.series[0]!.y)));
    }
    await page.locator('#evidence').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'function-evidence-light.png'), fullPage: false });
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the experiments page draws every experiment\'s charts, and an evidence mark on a function page leads to its finding', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/experiments`);
    const total = entries.reduce((n, { experiment, file }) => n + experiment.charts(file.result).length, 0);
    assert.equal(await waitForCharts(page), total, 'the number of charts on the experiments page');
    assert.equal(await page.locator('[data-chart=experiment]').count(), total);
    for (const { experiment } of entries) assert.equal(await page.locator(`[id="${experiment.id}"]`).count(), 1, `no anchor ${experiment.id}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'experiments-light.png'), fullPage: false });

    // Follow a measured mark from a function page: it lands on the finding's heading.
    const cited = [...activationIds.map((id) => activations[id]!)].flatMap((a) =>
      [...a.tradeOffs.advantages, ...a.tradeOffs.disadvantages, ...a.tradeOffs.whenToUse].flatMap((c) => c.evidence.flatMap((e) => (e.kind === 'measured' ? [{ id: a.id, e }] : []))),
    )[0];
    if (cited) {
      await page.goto(`${server.url}docs/activations/${kebab(cited.id)}`);
      await page.locator('.evidence-mark[data-evidence=measured] a').first().click();
      await page.waitForURL(/\/docs\/experiments#/);
      const hash = new URL(page.url()).hash.slice(1);
      assert.equal(await page.locator(`[id="${hash}"]`).count(), 1, `the finding anchor ${hash} is not on the page`);
    }
    await page.close();
    assert.deepEqual(problems, []);
  });
});

describe('interactions', () => {
  test('on an activation page a slider changes the plotted data, and the derivative toggle adds and removes a trace', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/activations/leaky-relu`);
    await waitForCharts(page);
    const leaky = activations.leakyRelu!;
    let t = await traces(page);
    assert.equal(t.length, 1);
    assert.equal(yAt(t[0]!, -2), leaky.forward(-2));

    await page.locator('[data-chart=activation] input[type=range]').fill('0.3');
    const expected = leaky.forward(-2, { negativeSlope: 0.3 });
    t = await waitForTraces(page, (ts) => yAt(ts[0]!, -2) === expected, 'moving the negativeSlope slider to 0.3');
    assert.equal(yAt(t[0]!, 3), 3);
    assert.match((await page.locator('[data-chart=activation] [role=img]').getAttribute('aria-label')) ?? '', /negativeSlope = 0\.3/);

    await page.locator('[data-chart=activation] input[data-derivative-toggle]').check();
    t = await waitForTraces(page, (ts) => ts.length === 2, 'ticking the derivative');
    assert.equal(t[1]!.name, 'Leaky ReLU derivative');
    assert.equal(yAt(t[1]!, -2), leaky.derivative(-2, { negativeSlope: 0.3 }));
    assert.equal(yAt(t[1]!, 0), leaky.derivative(0, { negativeSlope: 0.3 }), "the derivative at the kink is autograd's");
    await page.locator('[data-chart=activation] input[data-derivative-toggle]').uncheck();
    await waitForTraces(page, (ts) => ts.length === 1, 'unticking the derivative');

    await page.getByRole('button', { name: 'PyTorch defaults' }).click();
    await waitForTraces(page, (ts) => yAt(ts[0]!, -2) === leaky.forward(-2), 'going back to the defaults');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('a select switches GELU to its tanh approximation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}docs/activations/gelu`);
    await waitForCharts(page);
    const gelu = activations.gelu!;
    await page.locator('[data-chart=activation] select').selectOption('tanh');
    await waitForTraces(page, (ts) => yAt(ts[0]!, -1) === gelu.forward(-1, { approximate: 'tanh' }), 'choosing approximate = tanh');
    await page.close();
  });

  test('on the softmax page a score slider changes the output vector, computed by the module', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}docs/activations/softmax`);
    await waitForCharts(page);
    const before = await traces(page);
    const scores = before[0]!.x.map(() => 0);
    // The initial scores, read back from the sliders.
    const values = await page.locator('[data-chart=vector] input[type=range]').evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)));
    values.forEach((v, i) => (scores[i] = v));
    assert.deepEqual(before[0]!.y, Array.from(softmax(scores)));
    await page.locator('[data-chart=vector] input[type=range]').first().fill('-3');
    scores[0] = -3;
    await waitForTraces(page, (ts) => JSON.stringify(ts[0]!.y) === JSON.stringify(Array.from(softmax(scores))), 'moving x[0] to -3');
    await page.close();
  });

  test('on the comparison page a checkbox adds a function to the overlay, and a column heading sorts the table', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/comparison`);
    await waitForCharts(page);
    const before = await traces(page);
    await page.getByLabel('Mish', { exact: true }).check();
    const after = await waitForTraces(page, (ts) => ts.length === before.length + 1, 'ticking Mish');
    assert.ok(after.some((t) => t.name === 'Mish'), 'Mish was not added');

    const table = page.locator('table[data-comparison=properties]');
    const firstRow = () => table.locator('tbody tr').first().getAttribute('data-id');
    assert.equal(await firstRow(), activationIds[0]);
    await table.getByRole('button', { name: /^f\(0\)/ }).click();
    const smallest = [...activationIds].sort((a, b) => activations[a]!.properties.f0 - activations[b]!.properties.f0 || activationIds.indexOf(a) - activationIds.indexOf(b))[0];
    assert.equal(await firstRow(), smallest);
    await table.getByRole('button', { name: /^f\(0\)/ }).click();
    const largest = [...activationIds].sort((a, b) => activations[b]!.properties.f0 - activations[a]!.properties.f0 || activationIds.indexOf(a) - activationIds.indexOf(b))[0];
    assert.equal(await firstRow(), largest);
    assert.equal(await table.locator('th[aria-sort=descending]').count(), 1);
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the copy button puts the exact BibTeX entry on the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await browser.context.newPage();
    await page.goto(`${server.url}docs/activations/relu`);
    const button = page.getByRole('button', { name: 'Copy the BibTeX entry nair2010relu' });
    await button.click();
    await assert.doesNotReject(button.getByText('Copied').waitFor({ timeout: 3000 }), 'the button did not say Copied');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, await page.locator('pre[data-bibtex=nair2010relu]').textContent());
    assert.match(clipboard, /^@inproceedings\{nair2010relu,/);
    await page.close();
  });

  test('the local search finds a function page, offline', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/comparison`);
    await page.getByRole('searchbox').or(page.locator('input.navbar__search-input')).first().fill('softplus');
    const first = page.locator('[role=option]').first();
    await first.waitFor({ timeout: 10_000 });
    assert.match((await first.textContent()) ?? '', /Softplus/);
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('switching the colour mode re-themes a chart that is already drawn', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}docs/activations/elu`);
    await waitForCharts(page);
    assert.deepEqual(await layoutOf(page), { paper: THEMES.light.paper, font: THEMES.light.font });
    // The toggle cycles through its modes; click until the page is dark.
    for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i++) {
      await page.getByRole('button', { name: /Switch between dark and light mode/ }).click();
    }
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    await page.waitForFunction((paper) => (document.querySelector('[data-chart] .js-plotly-plot') as unknown as { layout: { paper_bgcolor: string } }).layout.paper_bgcolor === paper, THEMES.dark.paper, { timeout: 5000 });
    assert.deepEqual(await layoutOf(page), { paper: THEMES.dark.paper, font: THEMES.dark.font });
    await page.close();
  });
});

/**
 * Budgets for the JavaScript a page makes the browser download, gzipped (zlib's default level 6,
 * what a static host typically serves), measured from the responses of a first visit with an empty
 * cache: the script tags of the HTML and every chunk loaded after, plotly.js included.
 * The sizes measured are printed by the budget test (the README quotes them).
 */
const CHART_PAGE_BUDGET = 640_000;
const PLAIN_PAGE_BUDGET = 250_000;

async function scriptBytes(route: string): Promise<{ gzipped: number; files: string[] }> {
  const fresh = await launchBrowser();
  try {
    const page = await fresh.context.newPage();
    const sizes: { url: string; gzipped: number }[] = [];
    const reads: Promise<void>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      reads.push(r.body().then((body) => void sizes.push({ url: r.url(), gzipped: gzipSync(body).length })));
    });
    await page.goto(`${server.url}${route}`);
    await waitForCharts(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(reads);
    return { gzipped: sizes.reduce((sum, s) => sum + s.gzipped, 0), files: sizes.map((s) => new URL(s.url).pathname.split('/').pop()!) };
  } finally {
    await fresh.close();
  }
}

describe('JavaScript budget', () => {
  test(`a chart page loads at most ${CHART_PAGE_BUDGET / 1000} KB of gzipped JavaScript, plotly.js-basic included`, async (t) => {
    const { gzipped, files } = await scriptBytes('docs/activations/gelu');
    t.diagnostic(`chart page /docs/activations/gelu: ${(gzipped / 1000).toFixed(1)} KB of gzipped JavaScript in ${files.length} files`);
    assert.ok(files.some((f) => f.startsWith('plotly.')), `the plotly chunk was not loaded: ${files.join(', ')}`);
    assert.ok(gzipped <= CHART_PAGE_BUDGET, `${gzipped} bytes gzipped > ${CHART_PAGE_BUDGET} (${files.join(', ')})`);
  });

  for (const route of ['', 'docs/bibliography']) {
    test(`a page without charts (/${route}) loads no plotly.js and at most ${PLAIN_PAGE_BUDGET / 1000} KB of gzipped JavaScript`, async (t) => {
      const { gzipped, files } = await scriptBytes(route);
      t.diagnostic(`/${route}: ${(gzipped / 1000).toFixed(1)} KB of gzipped JavaScript in ${files.length} files`);
      assert.ok(!files.some((f) => f.startsWith('plotly.')), `plotly.js was loaded on a page without charts: ${files.join(', ')}`);
      assert.ok(gzipped <= PLAIN_PAGE_BUDGET, `${gzipped} bytes gzipped > ${PLAIN_PAGE_BUDGET} (${files.join(', ')})`);
    });
  }
});

describe('screenshots', () => {
  const KINDS: Record<string, string> = {
    landing: '',
    index: 'docs/activations',
    function: 'docs/activations/hardtanh',
    vector: 'docs/activations/softmax',
    comparison: 'docs/comparison',
    bibliography: 'docs/bibliography',
    experiments: 'docs/experiments',
    notebook: 'docs/notebooks/activation-functions',
  };
  for (const scheme of ['light', 'dark'] as const) {
    test(`each kind of page in ${scheme} mode, with charts in the same mode`, async () => {
      const own = await launchBrowser({ colorScheme: scheme });
      try {
        const page = await own.context.newPage();
        for (const [kind, route] of Object.entries(KINDS)) {
          await page.goto(`${server.url}${route}`);
          const charts = await waitForCharts(page);
          await page.waitForLoadState('networkidle');
          assert.equal(await page.locator('html').getAttribute('data-theme'), scheme);
          await page.screenshot({ path: path.join(SCREENSHOTS, `${kind}-${scheme}.png`) });
          if (charts > 0) {
            assert.equal((await layoutOf(page)).paper, THEMES[scheme].paper, `${kind}: the chart is not in ${scheme} mode`);
            const chart = page.locator('[data-chart]').first();
            await chart.scrollIntoViewIfNeeded();
            await chart.screenshot({ path: path.join(SCREENSHOTS, `${kind}-chart-${scheme}.png`) });
          }
        }
      } finally {
        await own.close();
      }
    });
  }
});
