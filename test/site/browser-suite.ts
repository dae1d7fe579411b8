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
import { mkdirSync, readFileSync } from 'node:fs';
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
import {
  CHART_PAGE_BUDGET,
  ROOT,
  SCREENSHOTS,
  launchBrowser,
  requireBuild,
  sitemapPages,
  startServer,
  watch as watchPage,
  type Browser,
  type Server,
} from './helpers.js';

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
  return watchPage(page, server.origin);
}

/**
 * Checks that every chart on the page shows its static SVG (drawn at build time, with at least one
 * curve and a title) and returns how many charts there are. No JavaScript is needed for this.
 */
async function waitForCharts(page: Page): Promise<number> {
  const charts = await page.$$eval('[data-chart]', (cs) =>
    cs.map((c) => {
      const svg = c.querySelector('[data-chart-static] svg.af-chart');
      const box = svg?.getBoundingClientRect();
      return {
        kind: c.getAttribute('data-chart'),
        svg: Boolean(svg),
        traces: svg?.querySelectorAll('.af-trace').length ?? 0,
        title: svg?.querySelector('title')?.textContent ?? '',
        height: box?.height ?? 0,
      };
    }),
  );
  const missing = charts.filter((c) => !c.svg || c.traces === 0 || c.title === '' || c.height < 100);
  assert.deepEqual(missing, [], 'charts without a visible static SVG (with curves and a title)');
  return charts.length;
}

/** Makes the n-th chart interactive as a reader would, by pointing at it, and waits until Plotly has drawn it. */
async function interactive(page: Page, nth = 0): Promise<void> {
  const chart = page.locator('[data-chart]').nth(nth);
  await chart.locator('[role=img]').first().hover();
  try {
    await page.waitForFunction(
      (i) => {
        const c = document.querySelectorAll('[data-chart]')[i];
        return c?.getAttribute('data-chart-state') === 'drawn' && Boolean(c.querySelector('svg.main-svg'));
      },
      nth,
      { timeout: 20_000 },
    );
  } catch {
    assert.fail(`chart ${nth} was not drawn by Plotly within 20 s of pointing at it (state ${await chart.getAttribute('data-chart-state')})`);
  }
}

/** Whether the page has requested plotly.js's chunk. */
async function plotlyRequested(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/plotly\.[^/]*\.js$/.test(new URL(e.name).pathname)));
}

interface PlotData {
  name: string;
  x: number[];
  y: number[];
}

/** The traces Plotly holds for the n-th chart (plotly.js keeps them on the element it drew into); none before it is drawn. */
async function traces(page: Page, nth = 0): Promise<PlotData[]> {
  return page.$$eval(
    '[data-chart]',
    (els, i) => {
      const plot = els[i]?.querySelector('.js-plotly-plot') as unknown as { data?: PlotData[] } | null;
      return (plot?.data ?? []).map((t) => ({ name: t.name, x: Array.from(t.x), y: Array.from(t.y) }));
    },
    nth,
  );
}

async function layoutOf(page: Page, nth = 0): Promise<{ paper: string; font: string }> {
  return page.$$eval(
    '[data-chart]',
    (els, i) => {
      const layout = (els[i]!.querySelector('.js-plotly-plot') as unknown as { layout: { paper_bgcolor: string; font: { color: string } } }).layout;
      return { paper: layout.paper_bgcolor, font: layout.font.color };
    },
    nth,
  );
}

/** The colours the static SVG of the n-th chart is painted with, as the browser computes them. */
async function svgColours(page: Page, nth = 0): Promise<{ paper: string; text: string; trace: string }> {
  return page.$$eval(
    '[data-chart]',
    (els, i) => {
      // No named helper functions in here: the test's compiler would wrap them in a helper the page lacks.
      const svg = els[i]!.querySelector('[data-chart-static] svg.af-chart')!;
      const [paper, text, trace] = [svg.querySelector('.af-paper'), svg.querySelector('text'), svg.querySelector('.af-trace path')];
      return {
        paper: paper ? getComputedStyle(paper).fill : 'none',
        text: text ? getComputedStyle(text).fill : 'none',
        trace: trace ? getComputedStyle(trace).stroke : 'none',
      };
    },
    nth,
  );
}

/** '#rrggbb' as the browser writes computed colours. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
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
    // Before Plotly has drawn there are no traces, and a predicate reading one throws: not yet.
    let ok = false;
    try {
      ok = predicate(last);
    } catch {
      ok = false;
    }
    if (ok) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: the chart did not change as expected; traces: ${last.map((t) => t.name).join(', ')}`);
}

/** One click on the colour-mode button, waiting for the mode it chose (the navbar may still be hydrating). */
async function switchColourMode(page: Page): Promise<void> {
  const choice = await page.locator('html').getAttribute('data-theme-choice');
  await page.getByRole('button', { name: /Switch between dark and light mode/ }).click();
  await page.waitForFunction((c) => document.documentElement.getAttribute('data-theme-choice') !== c, choice, { timeout: 10_000 });
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
      assert.ok(
        paths.some((p) => p.endsWith(`/docs/activations/${kebab(id)}`)),
        `sitemap has no page for ${id}`,
      );
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
        assert.equal(await plotlyRequested(page), false, 'plotly.js was loaded before the reader touched a chart');

        const math = await page.evaluate(async () => {
          // Formulas below the fold are laid out only near the viewport (content-visibility), and
          // their font fetched then: bring the first one into view.
          document.querySelector('.katex')?.scrollIntoView();
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
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
            fontStatus: Array.from(document.fonts as unknown as Iterable<FontFace>)
              .filter((f) => f.family.includes('KaTeX_Main'))
              .map((f) => f.status),
          };
        });
        if (kind === 'function') assert.ok(math.katex >= 2, `a function page must have formulas, found ${math.katex}`);
        assert.equal(math.errors, 0, 'KaTeX errors on the page');
        assert.equal(math.unrendered, 0, 'formulas without KaTeX HTML');
        assert.deepEqual(math.overflowing, [], "display formulas wider than the 1280 px page's column");
        if (math.katex > 0) assert.ok(math.fontStatus.includes('loaded'), `KaTeX's font was not loaded from the site: ${JSON.stringify(math.fontStatus)}`);

        const blocks = await page.$$eval('pre[data-bibtex]', (els) => els.map((e) => ({ key: e.getAttribute('data-bibtex')!, text: e.textContent ?? '' })));
        problems.push(...checkBibtex(blocks));
        if (kind === 'bibliography') assert.equal(blocks.length, Object.keys(references).length, 'the bibliography must show every BibTeX entry');

        const labels = await page.$$eval('[data-chart] > [role=img]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
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
    .map(
      (id) =>
        [id, entries.flatMap(({ experiment, file }) => (experiment.functions(file.result).includes(id) ? experiment.charts(file.result, id) : []))] as const,
    )
    .reduce((best, x) => (x[1].length > best[1].length ? x : best));

  test(`the Evidence section of the ${fn} page draws its experiments' charts from the committed results`, async () => {
    assert.ok(expected.length > 0, 'no function page has an Evidence chart');
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/activations/${kebab(fn)}`);
    await waitForCharts(page);
    const evidence = page.locator('[data-chart=evidence]');
    assert.equal(await evidence.count(), expected.length, 'the number of Evidence charts');
    // The first Evidence chart: its static SVG names the spec's series; pointing at it, Plotly draws the spec's data (non-finite values as gaps).
    const nth = await page.$$eval('[data-chart]', (els) => els.findIndex((e) => e.getAttribute('data-chart') === 'evidence'));
    const spec = expected[0]!;
    assert.equal(spec.kind, 'data');
    const names = await evidence
      .first()
      .locator('svg.af-chart .af-trace')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-name')));
    if (spec.kind === 'data')
      assert.deepEqual(
        names,
        spec.series.map((s) => s.name),
      );
    await evidence.first().scrollIntoViewIfNeeded();
    await interactive(page, nth);
    const drawn = await traces(page, nth);
    if (spec.kind === 'data') {
      assert.deepEqual(
        drawn.map((t) => t.name),
        spec.series.map((s) => s.name),
      );
      assert.deepEqual(drawn[0]!.y, JSON.parse(JSON.stringify(spec.series[0]!.y)));
    }
    await page.locator('#evidence').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'function-evidence-light.png'), fullPage: false });
    await page.close();
    assert.deepEqual(problems, []);
  });

  test("the experiments page draws every experiment's charts, and an evidence mark on a function page leads to its finding", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/experiments`);
    const total = entries.reduce((n, { experiment, file }) => n + experiment.charts(file.result).length, 0);
    assert.equal(await waitForCharts(page), total, 'the number of charts on the experiments page');
    assert.equal(await page.locator('[data-chart=experiment]').count(), total);
    for (const { experiment } of entries) assert.equal(await page.locator(`[id="${experiment.id}"]`).count(), 1, `no anchor ${experiment.id}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'experiments-light.png'), fullPage: false });
    // Leaving while the page still prefetches its links would abort those requests.
    await page.waitForLoadState('networkidle');

    // Follow a measured mark from a function page: it lands on the finding's heading.
    const cited = [...activationIds.map((id) => activations[id]!)].flatMap((a) =>
      [...a.tradeOffs.advantages, ...a.tradeOffs.disadvantages, ...a.tradeOffs.whenToUse].flatMap((c) =>
        c.evidence.flatMap((e) => (e.kind === 'measured' ? [{ id: a.id, e }] : [])),
      ),
    )[0];
    if (cited) {
      await page.goto(`${server.url}docs/activations/${kebab(cited.id)}`);
      await page.locator('.evidence-mark[data-evidence=measured] a').first().click();
      await page.waitForURL(/\/docs\/experiments#/);
      const hash = new URL(page.url()).hash.slice(1);
      // The URL changes before the client-side route has rendered the experiments page: wait for the anchor.
      const anchor = page.locator(`[id="${hash}"]`);
      await anchor.waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
      assert.equal(await anchor.count(), 1, `the finding anchor ${hash} is not on the page`);
    }
    await page.close();
    assert.deepEqual(problems, []);
  });
});

/**
 * The widths at which a lazy run's placeholder must hold the run: the narrowest phone the site is
 * laid out for, and the lower bound of each tier custom.css sizes placeholders by (its media queries).
 */
const NARROWEST_PX = 320;
function lazyTierWidths(): number[] {
  const css = readFileSync(path.join(ROOT, 'website', 'src', 'css', 'custom.css'), 'utf8');
  const tiers = [...css.matchAll(/@media \(min-width: (\d+)px\) \{\s*\.markdown > \[data-static-html\]\[data-lazy\]/g)].map((m) => Number(m[1]));
  assert.ok(tiers.length > 0, 'custom.css has no tier for lazy runs');
  return [NARROWEST_PX, ...tiers];
}

describe('text laid out as the reader nears it', () => {
  test('every lazy run of text, on every page: its placeholder is no shorter than the run at the narrowest width of each tier, and none starts in the first two screens', async () => {
    const widths = lazyTierWidths();
    const height = 900;
    const page = await browser.context.newPage();
    const problems = watch(page);
    let runs = 0;
    try {
      for (const url of pages) {
        await page.setViewportSize({ width: widths[0]!, height });
        await page.goto(url, { waitUntil: 'load' });
        const where = new URL(url).pathname;
        for (const width of widths) {
          await page.setViewportSize({ width, height });
          // As loaded: the placeholders custom.css gives, and where the first lazy run starts.
          const laid = await page.$$eval('.markdown > [data-static-html][data-lazy]', (els) =>
            els.map((r) => ({ placeholder: getComputedStyle(r).containIntrinsicHeight, top: r.getBoundingClientRect().top + window.scrollY })),
          );
          if (laid.length === 0) break;
          const style = await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
          const real = await page.$$eval('.markdown > [data-static-html][data-lazy]', (els) => els.map((r) => r.getBoundingClientRect().height));
          await style.evaluate((el) => (el as Element).remove());
          if (width === widths[0]) runs += laid.length;
          assert.ok(
            laid[0]!.top >= 2 * height,
            `${where} at ${width} px: the first lazy run starts at ${Math.round(laid[0]!.top)} px, in the first two screens`,
          );
          laid.forEach(({ placeholder }, i) => {
            const px = Number(/^auto (\d+(?:\.\d+)?)px$/.exec(placeholder)?.[1]);
            assert.ok(Number.isFinite(px), `${where}: lazy run ${i + 1} has no placeholder height (${placeholder})`);
            assert.ok(px >= real[i]!, `${where} at ${width} px: lazy run ${i + 1} is ${Math.round(real[i]!)} px high, its placeholder ${px} px`);
          });
        }
      }
      assert.ok(runs > 50, `only ${runs} lazy runs on the whole site`);
    } finally {
      await page.close();
    }
    assert.deepEqual(problems, []);
  });
});

describe('interactions', () => {
  test('section headings carry the theme’s anchor class and # link, and a link to one lands it below the sticky navbar', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await page.goto(`${server.url}docs/notebooks/activation-functions`);
      const headings = await page
        .locator('article h2[id], article h3[id]')
        .evaluateAll((hs) =>
          hs.map((h) => ({ id: h.id, anchor: h.classList.contains('anchor'), link: h.querySelector(':scope > a.hash-link')?.getAttribute('href') ?? null })),
        );
      assert.ok(headings.length > 20, `only ${headings.length} section headings`);
      for (const h of headings) {
        assert.ok(h.anchor, `#${h.id} has no class anchor (the TOC finds headings by it)`);
        assert.equal(h.link, `#${h.id}`, `#${h.id}'s # link`);
      }
      const target = headings[Math.floor(headings.length / 2)]!.id;
      // A reader following a link from another page (a new document, not a scroll within this one).
      const linked = await browser.context.newPage();
      const linkedProblems = watch(linked);
      await linked.goto(`${server.url}docs/notebooks/activation-functions#${target}`, { waitUntil: 'load' });
      // Where it settles: the same position over a few frames.
      const { top, navbar } = await linked.evaluate(async (id) => {
        // No named function in here: tsx would wrap it in a helper the page does not have.
        const heading = document.getElementById(id)!;
        let last = NaN;
        for (let same = 0; same < 5;) {
          await new Promise((r) => requestAnimationFrame(r));
          const now = heading.getBoundingClientRect().top;
          same = now === last ? same + 1 : 0;
          last = now;
        }
        return { top: last, navbar: document.querySelector('.navbar')!.getBoundingClientRect().height };
      }, target);
      await linked.close();
      assert.ok(top >= navbar && top <= navbar + 16, `#${target} landed at ${top} px, the navbar is ${navbar} px high`);
      assert.deepEqual([...problems, ...linkedProblems], []);
    } finally {
      await page.close();
    }
  });

  test('on an activation page a slider changes the plotted data, and the derivative toggle adds and removes a trace', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/activations/leaky-relu`);
    await waitForCharts(page);
    const leaky = activations.leakyRelu!;
    assert.equal(await page.locator('[data-chart=activation]').getAttribute('data-chart-state'), 'static');
    // Moving a slider is enough to bring in the interactive chart, already at the new value.
    await page.locator('[data-chart=activation] input[type=range]').fill('0.3');
    const expected = leaky.forward(-2, { negativeSlope: 0.3 });
    let t = await waitForTraces(page, (ts) => yAt(ts[0]!, -2) === expected, 'moving the negativeSlope slider to 0.3');
    assert.equal(t.length, 1);
    assert.equal(yAt(t[0]!, 3), 3);
    assert.match((await page.locator('[data-chart=activation] > [aria-label]').getAttribute('aria-label')) ?? '', /negativeSlope = 0\.3/);

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

  test("a chart's code and the module load on first use; until then the server's chart stays, and what the reader did first is carried over", async () => {
    // A browser of its own: this test switches the colour mode, which the browser keeps for the next pages.
    const own = await launchBrowser();
    try {
      const page = await own.context.newPage();
      const problems = watch(page);
      await page.goto(`${server.url}docs/activations/elu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      const charts = await waitForCharts(page);
      // The navbar is deferred too, and the colour-mode button below brings it to life: the rest is what counts here.
      const states = () => page.$$eval('[data-deferred]:not([data-deferred=Navbar])', (els) => els.map((e) => e.getAttribute('data-deferred-state')));
      const moduleLoaded = () =>
        page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/activations-module\.[^/]*\.js$/.test(new URL(e.name).pathname)));
      assert.ok((await states()).length >= charts, 'every chart is deferred');
      assert.deepEqual([...new Set(await states())], ['static']);
      assert.equal(await moduleLoaded(), false, 'the activations module was loaded before any chart was used');
      // A context above every chart changes (the colour mode): the server's charts stay, still static.
      for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i++) await switchColourMode(page);
      assert.equal(await page.locator('[data-chart-static] svg.af-chart').count(), charts, 'a chart was lost when the colour mode changed');
      assert.deepEqual([...new Set(await states())], ['static']);
      // With no pointer (a keyboard or assistive technology): open "Chart as text", then tick the derivative.
      const chart = page.locator('[data-chart=activation]');
      await chart.locator('details > summary').dispatchEvent('click');
      await chart.locator('input[data-derivative-toggle]').dispatchEvent('click');
      await page.locator('[data-deferred=ActivationChart][data-deferred-state=live]').waitFor({ timeout: 15_000 });
      assert.equal(await chart.locator('input[data-derivative-toggle]').isChecked(), true, 'the click made before the code was there was lost');
      assert.equal(await chart.locator('details').evaluate((d) => (d as HTMLDetailsElement).open), true, '"Chart as text" closed when the chart went live');
      const t = await waitForTraces(page, (ts) => ts.length === 2, 'the derivative ticked before the chart was live');
      assert.equal(t[1]!.name, 'ELU derivative');
      assert.equal(await moduleLoaded(), true);
      assert.equal(
        await page.locator('[data-deferred-state=static]:not([data-deferred=Navbar])').count(),
        (await states()).length - 1,
        'only the chart used went live',
      );
      assert.deepEqual(problems, []);
    } finally {
      await own.close();
    }
  });

  test('a component going live gives the focus back in the same task as the swap: a key pressed just then reaches the control, not <body>', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/comparison`);
    await page.locator('html[data-has-hydrated=true]').waitFor();
    const owner = page.locator('[data-deferred=ComparisonTable]').first();
    assert.equal(await owner.getAttribute('data-deferred-state'), 'static');
    // Where the focus is when the swap's mutations are delivered: at the end of the task that made them,
    // before the browser can handle a key.
    await owner.evaluate((root) => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const a = document.activeElement;
        seen.push(
          `${a?.tagName ?? 'none'} ${a?.closest('[data-deferred]')?.getAttribute('data-deferred-state') ?? ''} ${a?.textContent?.trim().slice(0, 40) ?? ''}`,
        );
      }).observe(root.parentElement!, { childList: true });
    });
    const button = page.locator('table[data-comparison=properties]').getByRole('button', { name: /^Range/ });
    await button.focus();
    await page.locator('[data-deferred=ComparisonTable][data-deferred-state=live]').waitFor({ timeout: 15_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(seen.length > 0, "the server's table was not replaced");
    assert.match(seen[0]!, /^BUTTON live Range/, `the focus at the swap: ${seen[0]}`);
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the sidebar and the table of contents are built on first use: a link clicked at once opens its page without a reload, a scroll lights the section in view; a phone never builds them', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/activations/gelu`);
    await page.locator('html[data-has-hydrated=true]').waitFor();
    const state = (name: string) => page.locator(`[data-deferred=${name}]`).getAttribute('data-deferred-state');
    assert.equal(await state('DocSidebarDesktop'), 'static');
    assert.equal(await state('TOC'), 'static');
    await page.mouse.move(640, 450);
    await page.mouse.wheel(0, 700);
    await page.locator('[data-deferred=TOC][data-deferred-state=live] .table-of-contents__link--active').first().waitFor({ timeout: 10_000 });
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page
      .locator('.theme-doc-sidebar-container a', { hasText: /^SiLU$/ })
      .first()
      .click();
    await page.waitForURL(/\/docs\/activations\/silu$/);
    await page.locator('h1', { hasText: 'SiLU' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the sidebar link reloaded the page');
    assert.equal(await state('DocSidebarDesktop'), 'live');
    assert.equal(
      await page.locator('.theme-doc-sidebar-container .menu__link--active', { hasText: /^SiLU$/ }).count(),
      1,
      'the sidebar does not mark the page opened',
    );
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${server.url}docs/activations/gelu`);
    await page.locator('html[data-has-hydrated=true]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-deferred=DocSidebarDesktop], [data-deferred=TOC]'), null, { timeout: 5000 });
    await page.close();
    assert.deepEqual(problems, []);
  });

  test("a phone's navigation drawer is built only once the reader reaches for the menu button, then opens and its links open pages without a reload", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${server.url}docs/activations/gelu`);
    await page.locator('html[data-has-hydrated=true]').waitFor();
    // Docusaurus would build it right after hydration at this width; give it the chance to.
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.navbar-sidebar').count(), 0, 'the drawer was built at load');
    const toggle = page.getByRole('button', { name: 'Toggle navigation bar' });
    await toggle.hover();
    await page.locator('.navbar-sidebar').waitFor({ state: 'attached', timeout: 5000 });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'reaching for the button must not open the drawer');
    await toggle.click();
    await page.locator('.navbar-sidebar--show').waitFor();
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.locator('.navbar-sidebar .menu__link', { hasText: /^SiLU$/ }).click();
    await page.waitForURL(/\/docs\/activations\/silu$/);
    await page.locator('h1', { hasText: 'SiLU' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the drawer link reloaded the page');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the footer hydrates only once the reader reaches for it; its links open pages without a reload, and work before it hydrates', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await page.goto(`${server.url}docs/activations/gelu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      const footer = page.locator('[data-deferred=Footer]');
      assert.equal(await footer.getAttribute('data-deferred-state'), 'static', 'the footer was hydrated at load');
      const link = footer.locator('footer a', { hasText: /^Bibliography$/ });
      await link.hover();
      await page.locator('[data-deferred=Footer][data-deferred-state=live]').waitFor({ timeout: 10_000 });
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await link.click();
      await page.waitForURL(/\/docs\/bibliography$/);
      await page.locator('h1', { hasText: 'Bibliography' }).waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the footer link reloaded the page');
      // Before it hydrates, a footer link is still a link: the browser follows it.
      await page.goto(`${server.url}docs/activations/gelu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      const href = await page.locator('[data-deferred=Footer][data-deferred-state=static] footer a', { hasText: /^Bibliography$/ }).getAttribute('href');
      assert.match(href ?? '', /\/docs\/bibliography$/);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('the navbar hydrates only once the reader reaches for it: Ctrl K, a tap on the colour mode, a link elsewhere that changes the page all work on the server’s navbar', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    const navbar = page.locator('[data-deferred=Navbar]');
    try {
      await page.goto(`${server.url}docs/activations/gelu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      assert.equal(await navbar.getAttribute('data-deferred-state'), 'static', 'the navbar was hydrated at load');
      // The search shortcut brings it to life with the focus in the search box.
      await page.keyboard.press('Control+k');
      await page.locator('[data-deferred=Navbar][data-deferred-state=live]').waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.activeElement?.classList.contains('navbar__search-input') ?? false, null, { timeout: 5000 });

      // A click that reaches the colour-mode button with no pointer before it (a tap) switches the mode.
      await page.goto(`${server.url}docs/activations/gelu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      assert.equal(await navbar.getAttribute('data-deferred-state'), 'static');
      const before = await page.locator('html').getAttribute('data-theme-choice');
      await page.locator('[data-deferred=Navbar] button[title$="mode"]').dispatchEvent('click');
      await page.waitForFunction((b) => document.documentElement.getAttribute('data-theme-choice') !== b, before, { timeout: 10_000 });

      // A link in the article to another section of the navbar: the navbar then marks that section.
      await page.goto(`${server.url}docs/activations/gelu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await page.locator('article a[href$="/docs/bibliography#hendrycks2016gelu"]').first().click();
      await page.waitForURL(/\/docs\/bibliography/);
      await page.locator('[data-deferred=Navbar][data-deferred-state=live]').waitFor({ timeout: 10_000 });
      assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the link reloaded the page');
      // The server's navbar of the function page marks Functions only.
      assert.ok((await page.locator('.navbar__link--active').allTextContents()).includes('Bibliography'), 'the navbar does not mark the page opened');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('from the desktop breakpoint up, the navbar’s links end before the colour toggle and the search box, and the site’s name shows', async () => {
    const page = await browser.context.newPage();
    try {
      for (const width of [997, 1024, 1100, 1200, 1280, 1440]) {
        await page.setViewportSize({ width, height: 700 });
        await page.goto(`${server.url}docs/activations/gelu`);
        const fit = await page.evaluate(() => {
          const left = Array.from(document.querySelectorAll('.navbar__items:not(.navbar__items--right) > *')).filter(
            (e) => getComputedStyle(e).display !== 'none',
          );
          const right = Array.from(document.querySelectorAll('.navbar__items--right > *')).filter((e) => getComputedStyle(e).display !== 'none');
          return {
            leftEnd: Math.max(...left.map((e) => e.getBoundingClientRect().right)),
            rightStart: Math.min(...right.map((e) => e.getBoundingClientRect().left)),
            name: document.querySelector('.navbar__title')?.getBoundingClientRect().width ?? 0,
          };
        });
        assert.ok(
          fit.leftEnd <= fit.rightStart + 0.5,
          `at ${width} px the navbar's links end at ${fit.leftEnd} px, under the toggle and search from ${fit.rightStart} px`,
        );
        assert.ok(fit.name >= 40, `at ${width} px the site's name is ${fit.name} px wide`);
      }
    } finally {
      await page.close();
    }
  });

  test('a page fetches no other page at load; reaching for a link loads that page’s code, and the click opens it without a reload', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    try {
      await page.goto(`${server.url}docs/activations/gelu`);
      await page.locator('html[data-has-hydrated=true]').waitFor();
      await page.waitForLoadState('networkidle');
      // Docusaurus's Link adds a <link rel=prefetch> for each chunk of every internal link in view.
      const prefetched = await page.evaluate(() => Array.from(document.querySelectorAll('link[rel=prefetch]')).map((l) => l.getAttribute('href')));
      assert.deepEqual(prefetched, [], 'links seen at load were prefetched');
      const next = page.locator('.pagination-nav__link--next');
      assert.match((await next.getAttribute('href')) ?? '', /\/docs\/activations\/silu$/);
      const code = page.waitForRequest((r) => r.resourceType() === 'script', { timeout: 5000 }).catch(() => null);
      await next.hover();
      assert.ok(await code, 'hovering the Next link loaded none of its page’s code');
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await next.click();
      await page.waitForURL(/\/docs\/activations\/silu$/);
      await page.locator('h1', { hasText: 'SiLU' }).waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the Next link reloaded the page');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("a page's HTML names every script it needs to hydrate: none is added by another script before hydration", async () => {
    const paths = [
      '',
      'docs/activations/gelu',
      'docs/notebooks/activation-functions',
      'docs/comparison',
      'docs/bibliography',
      'docs/api',
      'playground',
      'search',
    ];
    for (const p of paths) {
      const url = `${server.url}${p}`;
      const html = await (await fetch(url)).text();
      const listed = new Set(Array.from(html.matchAll(/<script src="?([^"\s>]+\.js)\b/g), (m) => new URL(m[1]!, url).pathname));
      const page = await browser.context.newPage();
      const problems = watch(page);
      try {
        // The time the root hydrated, recorded in the page as Docusaurus marks it.
        await page.addInitScript(() => {
          // The root element does not exist yet when this runs: watch the document for it.
          new MutationObserver((_records, observer) => {
            if (document.documentElement.dataset.hasHydrated !== 'true') return;
            (window as unknown as { hydratedAt: number }).hydratedAt = performance.now();
            observer.disconnect();
          }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-has-hydrated'] });
        });
        await page.goto(url);
        await page.locator('html[data-has-hydrated=true]').waitFor();
        const before = await page.evaluate(() => {
          const at = (window as unknown as { hydratedAt: number }).hydratedAt;
          return (
            performance
              .getEntriesByType('resource')
              // Scripts of <script> elements only: the playground's trainer is a worker, started by design.
              .filter((e) => e.startTime < at && (e as PerformanceResourceTiming).initiatorType === 'script')
              .map((e) => new URL(e.name).pathname)
          );
        });
        const added = before.filter((s) => !listed.has(s));
        assert.deepEqual(added, [], `/${p}: scripts requested by other scripts before hydration, not named in the HTML`);
        // Beyond the entry (runtime~main, main), the page names its route's own code.
        assert.ok(listed.size > 2, `/${p}: the HTML names only ${[...listed].join(', ')}`);
        assert.ok(
          before.filter((s) => !/\/(runtime~)?main\.[0-9a-f]+\.js$/.test(s)).length > 0,
          `/${p}: no route script was loaded before hydration (${before.join(', ')})`,
        );
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  });

  test('no element draws a CSS image (an SVG document each) on a function page, on a phone or a desktop, the TOC and the back-to-top button opened', async () => {
    for (const width of [412, 1280]) {
      const page = await browser.context.newPage();
      const problems = watch(page);
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}docs/activations/gelu`);
        await page.locator('html[data-has-hydrated=true]').waitFor();
        // The phone's "On this page" button, opened; then down the page and a little up, which shows back-to-top.
        if (width < 997) await page.locator('.theme-doc-toc-mobile > button').click();
        await page.mouse.wheel(0, 3000);
        await page.waitForTimeout(300);
        await page.mouse.wheel(0, -200);
        await page.locator('[class*=backToTopButtonShow]').waitFor();
        const images = await page.evaluate(() => {
          const found: string[] = [];
          for (const el of Array.from(document.querySelectorAll('*'))) {
            for (const pseudo of [null, '::before', '::after']) {
              const s = getComputedStyle(el, pseudo);
              for (const prop of ['background-image', 'mask-image', 'list-style-image', 'border-image-source']) {
                const v = s.getPropertyValue(prop);
                if (v.includes('url('))
                  found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}${pseudo ?? ''} ${prop}: ${v.slice(0, 60)}`);
              }
            }
          }
          return found;
        });
        assert.deepEqual(images, [], `at ${width} px`);
        // The shapes that replace them are there: the breadcrumb's chevron and the TOC's caret.
        const shapes = await page.evaluate(() =>
          ['.breadcrumbs__item:not(:last-child)', '.theme-doc-toc-mobile > button', '.theme-back-to-top-button']
            .map((s) => document.querySelector(s))
            .filter((el) => el !== null)
            .map((el) => getComputedStyle(el, '::after').clipPath),
        );
        assert.ok(shapes.length >= 2 && shapes.every((c) => c.startsWith('polygon(')), `at ${width} px: ${shapes.join(' | ')}`);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
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
    await interactive(page);
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
    await interactive(page);
    const before = await traces(page);
    await page.getByLabel('Mish', { exact: true }).check();
    const after = await waitForTraces(page, (ts) => ts.length === before.length + 1, 'ticking Mish');
    assert.ok(
      after.some((t) => t.name === 'Mish'),
      'Mish was not added',
    );

    const table = page.locator('table[data-comparison=properties]');
    const firstRow = () => table.locator('tbody tr').first().getAttribute('data-id');
    assert.equal(await firstRow(), activationIds[0]);
    await table.getByRole('button', { name: /^f\(0\)/ }).click();
    // The table's code loads on this first use, then the click is played again: the order follows.
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('table[data-comparison=properties] th[aria-sort=ascending]')).some((th) =>
          /^f\(0\)/.test(th.textContent?.trim() ?? ''),
        ),
      null,
      { timeout: 10_000 },
    );
    const smallest = [...activationIds].sort(
      (a, b) => activations[a]!.properties.f0 - activations[b]!.properties.f0 || activationIds.indexOf(a) - activationIds.indexOf(b),
    )[0];
    assert.equal(await firstRow(), smallest);
    await table.getByRole('button', { name: /^f\(0\)/ }).click();
    const largest = [...activationIds].sort(
      (a, b) => activations[b]!.properties.f0 - activations[a]!.properties.f0 || activationIds.indexOf(a) - activationIds.indexOf(b),
    )[0];
    assert.equal(await firstRow(), largest);
    assert.equal(await table.locator('th[aria-sort=descending]').count(), 1);
    await page.close();
    assert.deepEqual(problems, []);
  });

  test("the copy button puts the exact BibTeX entry on the clipboard, clicked before the reference's code is there", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await browser.context.newPage();
    await page.goto(`${server.url}docs/activations/relu`);
    await page.locator('html[data-has-hydrated=true]').waitFor();
    // The reference is the server's HTML until used: the click loads its code and is played again.
    assert.equal(await page.locator('[data-deferred=CiteBlock]').getAttribute('data-deferred-state'), 'static');
    const button = page.getByRole('button', { name: 'Copy the BibTeX entry nair2010relu' });
    await button.click();
    await assert.doesNotReject(button.getByText('Copied').waitFor({ timeout: 3000 }), 'the button did not say Copied');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, await page.locator('pre[data-bibtex=nair2010relu]').textContent());
    assert.match(clipboard, /^@inproceedings\{nair2010relu,/);
    await page.close();
  });

  test("a link in the article's static HTML opens its page without a reload, and a code block's Copy button copies its code", async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}docs/activations/gelu`);
    await page.locator('html[data-has-hydrated=true]').waitFor();
    const block = page.locator('.static-code', { has: page.locator('code.language-ts') }).first();
    await block.hover();
    const copy = block.getByRole('button', { name: 'Copy code to clipboard' });
    await copy.click();
    await assert.doesNotReject(copy.getByText('Copied').waitFor({ timeout: 3000 }), 'the button did not say Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await block.locator('pre code').textContent());
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /activations\.gelu/);
    // A page reload would lose this mark; the router keeps it.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.locator('[data-static-html] a[href$="/docs/activations/silu"]').first().click();
    await page.waitForURL(/\/docs\/activations\/silu$/);
    await page.locator('h1', { hasText: 'SiLU' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the link reloaded the page');
    // The page opened in the browser draws its charts there: every one has its static SVG.
    await waitForCharts(page);
    assert.equal(await page.locator('[data-chart-static] svg').count(), await page.locator('[data-chart]').count());
    // Rendered in the browser, every chart loads its code at once: there is no server HTML to keep.
    // (Not the footer: the same on every page, its server HTML stays right and it hydrates on use.)
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('[data-deferred]:not([data-deferred=Footer])')).every((e) => e.getAttribute('data-deferred-state') === 'live'),
      null,
      {
        timeout: 15_000,
      },
    );
    await page.close();
    assert.deepEqual(problems, []);
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

  test('switching the colour mode re-themes the static chart and the interactive chart', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}docs/activations/elu`);
    await waitForCharts(page);
    const static0 = { paper: rgb(THEMES.light.paper), text: rgb(THEMES.light.font), trace: rgb(THEMES.light.single) };
    assert.deepEqual(await svgColours(page), static0, 'the static chart in light mode');
    // The toggle cycles through its modes; click until the page is dark.
    for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i++) await switchColourMode(page);
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.deepEqual(
      await svgColours(page),
      { paper: rgb(THEMES.dark.paper), text: rgb(THEMES.dark.font), trace: rgb(THEMES.dark.single) },
      'the static chart in dark mode',
    );
    await interactive(page);
    assert.deepEqual(await layoutOf(page), { paper: THEMES.dark.paper, font: THEMES.dark.font });
    // And back to light with the interactive chart drawn: Plotly redraws in place.
    for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'light'; i++) await switchColourMode(page);
    await page.waitForFunction(
      (paper) => (document.querySelector('[data-chart] .js-plotly-plot') as unknown as { layout: { paper_bgcolor: string } }).layout.paper_bgcolor === paper,
      THEMES.light.paper,
      { timeout: 5000 },
    );
    assert.deepEqual(await layoutOf(page), { paper: THEMES.light.paper, font: THEMES.light.font });
    await page.close();
  });
});

/**
 * Budgets for the JavaScript a page makes the browser download, gzipped (zlib's default level 6,
 * what a static host typically serves), measured from the responses of a first visit with an empty
 * cache: the script tags of the HTML and every chunk loaded after. A chart page loads plotly.js
 * only once the reader points at a chart; its budget after that includes it.
 * The sizes measured are printed by the budget tests (the README quotes them).
 */
const INTERACTIVE_CHART_BUDGET = 605_000;
const PLAIN_PAGE_BUDGET = 185_000;

interface ScriptLoad {
  gzipped: number;
  files: string[];
}

/** The scripts a first visit to a route loads, and, when `interact`, those loaded by then pointing at its first chart. */
async function scriptBytes(route: string, interact = false): Promise<{ load: ScriptLoad; after: ScriptLoad }> {
  const fresh = await launchBrowser();
  try {
    const page = await fresh.context.newPage();
    const sizes: { url: string; gzipped: number }[] = [];
    const reads: Promise<void>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      reads.push(r.body().then((body) => void sizes.push({ url: r.url(), gzipped: gzipSync(body).length })));
    });
    const sum = (): ScriptLoad => ({ gzipped: sizes.reduce((n, x) => n + x.gzipped, 0), files: sizes.map((x) => new URL(x.url).pathname.split('/').pop()!) });
    await page.goto(`${server.url}${route}`);
    await waitForCharts(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(reads);
    const load = sum();
    if (interact) {
      await interactive(page);
      await page.waitForLoadState('networkidle');
      await Promise.all(reads);
    }
    return { load, after: sum() };
  } finally {
    await fresh.close();
  }
}

const isPlotly = (f: string) => f.startsWith('plotly.');

describe('JavaScript budget', () => {
  test(`a chart page loads at most ${CHART_PAGE_BUDGET / 1000} KB of gzipped JavaScript and no plotly.js; pointing at a chart brings plotly.js, within ${INTERACTIVE_CHART_BUDGET / 1000} KB in all`, async (t) => {
    const { load, after } = await scriptBytes('docs/activations/gelu', true);
    t.diagnostic(`chart page /docs/activations/gelu: ${(load.gzipped / 1000).toFixed(1)} KB of gzipped JavaScript in ${load.files.length} files at load`);
    t.diagnostic(`chart page /docs/activations/gelu: ${(after.gzipped / 1000).toFixed(1)} KB in ${after.files.length} files once a chart is interactive`);
    assert.ok(!load.files.some(isPlotly), `plotly.js was loaded before any interaction: ${load.files.join(', ')}`);
    assert.ok(load.gzipped <= CHART_PAGE_BUDGET, `${load.gzipped} bytes gzipped at load > ${CHART_PAGE_BUDGET} (${load.files.join(', ')})`);
    assert.ok(after.files.some(isPlotly), `the plotly chunk was not loaded when a chart was pointed at: ${after.files.join(', ')}`);
    assert.ok(after.gzipped <= INTERACTIVE_CHART_BUDGET, `${after.gzipped} bytes gzipped > ${INTERACTIVE_CHART_BUDGET} (${after.files.join(', ')})`);
  });

  for (const route of ['', 'docs/bibliography']) {
    test(`a page without charts (/${route}) loads no plotly.js and at most ${PLAIN_PAGE_BUDGET / 1000} KB of gzipped JavaScript`, async (t) => {
      const { load } = await scriptBytes(route);
      t.diagnostic(`/${route}: ${(load.gzipped / 1000).toFixed(1)} KB of gzipped JavaScript in ${load.files.length} files`);
      assert.ok(!load.files.some(isPlotly), `plotly.js was loaded on a page without charts: ${load.files.join(', ')}`);
      assert.ok(load.gzipped <= PLAIN_PAGE_BUDGET, `${load.gzipped} bytes gzipped > ${PLAIN_PAGE_BUDGET} (${load.files.join(', ')})`);
    });
  }
});

describe('without JavaScript', () => {
  /** One page of each kind that has charts. */
  const ROUTES = ['docs/activations/gelu', 'docs/activations/softmax', 'docs/comparison', 'docs/experiments', 'docs/notebooks/activation-functions'];
  test(`every chart is visible as a static SVG with JavaScript disabled (${ROUTES.map((r) => `/${r}`).join(', ')})`, async () => {
    const own = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await own.context.newPage();
      for (const route of ROUTES) {
        await page.goto(`${server.url}${route}`);
        const charts = await waitForCharts(page);
        assert.ok(charts >= 1, `/${route} has no chart`);
        // Nothing but the static chart: no Plotly, no "Interact" button that could not work.
        assert.equal(await page.locator('[data-chart] .js-plotly-plot').count(), 0, `/${route}: a Plotly chart without JavaScript`);
        assert.equal(await page.locator('[data-chart] [data-interact]').count(), 0, `/${route}: an Interact button without JavaScript`);
        const hidden = await page.$$eval(
          '[data-chart] [data-chart-static] svg.af-chart',
          (svgs) => svgs.filter((svg) => getComputedStyle(svg.parentElement!).visibility !== 'visible').length,
        );
        assert.equal(hidden, 0, `/${route}: static charts hidden`);
        if (route === 'docs/activations/gelu') await page.screenshot({ path: path.join(SCREENSHOTS, 'function-no-js-light.png') });
      }
    } finally {
      await own.close();
    }
  });
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
            assert.equal((await svgColours(page)).paper, rgb(THEMES[scheme].paper), `${kind}: the static chart is not in ${scheme} mode`);
            const chart = page.locator('[data-chart]').first();
            await chart.scrollIntoViewIfNeeded();
            await chart.screenshot({ path: path.join(SCREENSHOTS, `${kind}-chart-${scheme}.png`) });
            await interactive(page);
            assert.equal((await layoutOf(page)).paper, THEMES[scheme].paper, `${kind}: the interactive chart is not in ${scheme} mode`);
            await chart.screenshot({ path: path.join(SCREENSHOTS, `${kind}-chart-interactive-${scheme}.png`) });
          }
        }
      } finally {
        await own.close();
      }
    });
  }
});
