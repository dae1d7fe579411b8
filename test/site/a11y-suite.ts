/**
 * Accessibility of the built site in headless Chromium (served as browser-suite.ts serves it):
 *
 * - axe-core (through @axe-core/playwright) on every page of the sitemap in light mode, and in dark
 *   mode on every page but the many made from one template (see darkModeSample), with the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices; any serious or critical
 *   violation fails, printed as rule, impact, page and target selectors. Also on the DOMs that only
 *   exist after an interaction: a chart drawn by Plotly, the phone's navigation drawer opened.
 * - The keyboard: a slider moves with the arrow keys and the chart follows, the derivative toggle
 *   toggles with Space and Enter, the comparison table sorts with Enter on a column heading; each
 *   shows a visible focus indicator.
 * - Formulas: KaTeX's MathML is on the page and in the accessibility tree; only its visual HTML
 *   copy is hidden from it.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { activationIds, activations } from '../../src/registry.js';
import { sliderStep, snap } from '../../website/src/lib/controls.js';
import { SCREENSHOTS, launchBrowser, requireBuild, sitemapPages, startServer, watch, type Browser, type Server } from './helpers.js';

requireBuild();
const server: Server = await startServer();
const pages = sitemapPages(server);

after(async () => {
  await server.close();
});

/**
 * The rules run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks,
 * heading order, scrollable regions...). Only serious and critical violations fail the suite; the
 * others are printed as diagnostics.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const FAILING = new Set(['serious', 'critical']);

type Scheme = 'light' | 'dark';

interface Finding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * The violations axe finds on the page as it is now, split into failing (serious, critical) and the rest.
 *
 * The site lays out charts, code blocks and tables only near the viewport (content-visibility: auto
 * in custom.css); off screen they have no real layout, and axe then reads colours and overflow from
 * whatever is painted at their place (the footer's background, a table that cannot overflow). Each
 * is checked as it looks once the reader scrolls to it: content-visibility is turned off first.
 * Legacy mode runs axe inside the page: the site has no frames, and the default mode opens a blank
 * page per audit to merge frame results, which doubled the time of the pass. Only the violations'
 * nodes are serialised (resultTypes), not the thousands of nodes that pass.
 */
async function axe(page: Page): Promise<{ failing: Finding[]; other: Finding[] }> {
  await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const findings = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' >>> ')),
  }));
  return { failing: findings.filter((f) => FAILING.has(f.impact)), other: findings.filter((f) => !FAILING.has(f.impact)) };
}

function report(where: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${where}: ${f.rule} (${f.impact}) ${f.help}\n${f.targets.map((t) => `    ${t}`).join('\n')}`).join('\n');
}

/**
 * A browser whose pages open in `scheme`: the OS preference and Docusaurus's stored choice (the
 * `theme` key of localStorage, which its inline script reads before the first paint) both say so.
 */
async function browserIn(scheme: Scheme): Promise<Browser> {
  const browser = await launchBrowser({ colorScheme: scheme });
  await browser.context.addInitScript((mode) => {
    try {
      window.localStorage.setItem('theme', mode);
    } catch {
      // Opaque origins (about:blank) have no storage; the pages under test do.
    }
  }, scheme);
  return browser;
}

/** Opens a page of the site and waits until React has hydrated it, in the mode asked for. */
async function open(page: Page, url: string, scheme: Scheme): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('html[data-has-hydrated=true]').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('html').getAttribute('data-theme'), scheme, `${url} did not open in ${scheme} mode`);
}

/**
 * Pages made from one template, one per function, notebook or entry point: in dark mode, which
 * changes colours only, the first and last of each stand for the rest (the light pass audits all),
 * which keeps the pass within the suite's time budget.
 */
const TEMPLATED = ['/docs/activations/', '/docs/notebooks/', '/docs/api/'];

function darkModeSample(urls: readonly string[]): string[] {
  const dirOf = (url: string) => TEMPLATED.find((d) => new URL(url).pathname.includes(d));
  return urls.filter((url) => {
    const dir = dirOf(url);
    if (dir === undefined) return true;
    const same = urls.filter((u) => dirOf(u) === dir);
    return url === same[0] || url === same[same.length - 1];
  });
}

const darkPages = darkModeSample(pages);
const started = Date.now();
let audited = 0;
const minorFindings: string[] = [];

for (const scheme of ['light', 'dark'] as const) {
  describe(`axe, ${scheme} mode`, () => {
    let browser: Browser;
    before(async () => {
      browser = await browserIn(scheme);
    });
    after(async () => {
      await browser?.close();
    });

    for (const url of scheme === 'light' ? pages : darkPages) {
      const route = new URL(url).pathname;
      test(`${route} (${scheme}): no serious or critical violation`, async () => {
        const page = await browser.context.newPage();
        const problems = watch(page, server.origin);
        try {
          await open(page, url, scheme);
          const { failing, other } = await axe(page);
          audited++;
          if (other.length) minorFindings.push(report(`${route} (${scheme})`, other));
          assert.equal(failing.length, 0, `\n${report(`${route} (${scheme})`, failing)}`);
        } finally {
          await page.close();
        }
        assert.deepEqual(problems, [], `problems on ${route}`);
      });
    }

    test(`a chart drawn by Plotly (${scheme}): no serious or critical violation`, async () => {
      const page = await browser.context.newPage();
      try {
        await open(page, `${server.url}docs/activations/gelu`, scheme);
        const chart = page.locator('[data-chart=activation]');
        await chart.locator('[role=img]').first().hover();
        await page.locator('[data-chart=activation][data-chart-state=drawn] svg.main-svg').first().waitFor({ timeout: 20_000 });
        const { failing } = await axe(page);
        assert.equal(failing.length, 0, `\n${report(`/docs/activations/gelu, chart interactive (${scheme})`, failing)}`);
      } finally {
        await page.close();
      }
    });

    test(`the phone's navigation drawer, opened at 412 px (${scheme}): no serious or critical violation`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width: 412, height: 823 });
        await open(page, `${server.url}docs/activations/gelu`, scheme);
        await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
        await page.locator('.navbar-sidebar--show').waitFor();
        // The drawer slides in: let it finish before colours are read.
        await page.waitForTimeout(500);
        const { failing } = await axe(page);
        assert.equal(failing.length, 0, `\n${report(`/docs/activations/gelu, drawer open at 412 px (${scheme})`, failing)}`);
      } finally {
        await page.close();
      }
    });
  });
}

test('how long the axe pass took', (t) => {
  const seconds = (Date.now() - started) / 1000;
  t.diagnostic(`axe: ${audited} page audits (${pages.length} sitemap pages in light mode, ${darkPages.length} in dark) in ${seconds.toFixed(1)} s`);
  for (const f of minorFindings) t.diagnostic(`moderate/minor (not failing): ${f.replaceAll('\n', ' | ')}`);
  assert.equal(audited, pages.length + darkPages.length, 'some pages were not audited');
});

/** Moves the focus onto `target` the way a keyboard does (Tab from the control before it), so :focus-visible applies. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  // Focus inside a component drawn on the server brings in its code, which then takes the server's
  // HTML's place and gives the focus back to the same control. Look only once it has: a locator
  // resolved just before the swap would hold the server's copy.
  if ((await page.locator('[data-deferred]', { has: target }).count()) > 0) {
    await page.locator('[data-deferred][data-deferred-state=live]', { has: target }).last().waitFor({ timeout: 15_000 });
  }
  assert.equal(await target.evaluate((el) => el === document.activeElement), true, 'Tab did not bring the focus back to the control');
}

/**
 * Asserts that the focused `target` shows a focus indicator: it matches :focus-visible, it has an
 * outline or a box shadow there, and its pixels (with a few px around, where an outline is drawn)
 * differ from the same control without focus.
 */
async function assertVisibleFocus(page: Page, target: Locator, what: string): Promise<void> {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      visible: el.matches(':focus-visible'),
      outline: s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1,
      shadow: s.boxShadow !== 'none',
    };
  });
  assert.ok(style.visible, `${what}: not :focus-visible after Tab`);
  assert.ok(style.outline || style.shadow, `${what}: no outline and no box shadow when focused`);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  assert.ok(box, `${what} has no box`);
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
  const focused = await page.screenshot({ clip });
  await target.evaluate((el) => (el as HTMLElement).blur());
  const blurred = await page.screenshot({ clip });
  assert.ok(!focused.equals(blurred), `${what}: looks the same with and without focus`);
  await target.focus();
}

/** The traces Plotly drew for the activation chart (the one on a function page). */
async function chartTraces(page: Page): Promise<{ name: string; x: number[]; y: number[] }[]> {
  return page.$$eval('[data-chart=activation] .js-plotly-plot', (els) => {
    const data = (els[0] as unknown as { data?: { name: string; x: ArrayLike<number>; y: ArrayLike<number> }[] } | undefined)?.data ?? [];
    return data.map((t) => ({ name: t.name, x: Array.from(t.x), y: Array.from(t.y) }));
  });
}

async function waitForChart(page: Page, ok: (t: { name: string; x: number[]; y: number[] }[]) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (ok(await chartTraces(page))) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`${what}: the chart did not follow`);
}

function yAt(trace: { x: number[]; y: number[] } | undefined, x: number): number | undefined {
  const i = trace?.x.findIndex((v) => Math.abs(v - x) < 1e-12) ?? -1;
  return i >= 0 ? trace!.y[i] : undefined;
}

describe('the keyboard', () => {
  let browser: Browser;
  before(async () => {
    browser = await browserIn('light');
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  test('a slider moves with the arrow keys and the chart follows; the derivative toggle toggles with Space and with Enter; both show their focus', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await open(page, `${server.url}docs/activations/leaky-relu`, 'light');
    const leaky = activations.leakyRelu!;
    const info = leaky.params[0]!;
    const [min, max] = info.range!;
    const step = sliderStep(min, max);
    const slider = page.locator('[data-chart=activation] input[type=range]');
    await slider.scrollIntoViewIfNeeded();
    // The chart is still the server's: the first key press also brings in its code, and is kept.
    assert.equal(await page.locator('[data-deferred=ActivationChart]').getAttribute('data-deferred-state'), 'static');
    await tabTo(page, slider);
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-deferred=ActivationChart][data-deferred-state=live]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('ArrowRight');
    const value = snap(leaky.defaults.negativeSlope as number, min, step) + 2 * step;
    const expected = snap(value, min, step);
    await waitForChart(page, (ts) => yAt(ts[0], -2) === leaky.forward(-2, { negativeSlope: expected }), `two ArrowRight presses (negativeSlope ${expected})`);
    assert.equal(Number(await slider.inputValue()), expected);
    assert.equal(await slider.getAttribute('aria-valuetext'), `negativeSlope = ${expected}`);
    await page.keyboard.press('ArrowLeft');
    await waitForChart(page, (ts) => yAt(ts[0], -2) === leaky.forward(-2, { negativeSlope: snap(expected - step, min, step) }), 'ArrowLeft');
    await assertVisibleFocus(page, slider, 'the slider');
    await slider.screenshot({ path: path.join(SCREENSHOTS, 'a11y-slider-focus-light.png') });

    const toggle = page.locator('[data-chart=activation] input[data-derivative-toggle]');
    await tabTo(page, toggle);
    await page.keyboard.press('Space');
    await waitForChart(page, (ts) => ts.length === 2 && ts[1]!.name === 'Leaky ReLU derivative', 'Space on the derivative toggle');
    assert.equal(await toggle.isChecked(), true);
    await page.keyboard.press('Enter');
    await waitForChart(page, (ts) => ts.length === 1, 'Enter on the derivative toggle');
    assert.equal(await toggle.isChecked(), false);
    await page.keyboard.press('Enter');
    await waitForChart(page, (ts) => ts.length === 2, 'Enter again');
    await assertVisibleFocus(page, toggle, 'the derivative toggle');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('Enter on the derivative toggle of a chart whose code is not there yet is kept and applied', async () => {
    const page = await browser.context.newPage();
    await open(page, `${server.url}docs/activations/elu`, 'light');
    // Scripts from now on arrive late, so the key press surely comes before the chart's code.
    await page.route(/\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const toggle = page.locator('[data-chart=activation] input[data-derivative-toggle]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.notEqual(
      await page.locator('[data-deferred=ActivationChart]').getAttribute('data-deferred-state'),
      'live',
      'the chart was live before the key press',
    );
    await page.locator('[data-deferred=ActivationChart][data-deferred-state=live]').waitFor({ timeout: 15_000 });
    await waitForChart(page, (ts) => ts.length === 2, 'Enter before the chart was live');
    assert.equal(await toggle.isChecked(), true);
    await page.close();
  });

  test('the comparison table sorts with Enter on a column heading, which shows its focus', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await open(page, `${server.url}docs/comparison`, 'light');
    const table = page.locator('table[data-comparison=properties]');
    const firstRow = () => table.locator('tbody tr').first().getAttribute('data-id');
    const sortBy = table.getByRole('button', { name: /^Range/ });
    await sortBy.scrollIntoViewIfNeeded();
    await tabTo(page, sortBy);
    await page.keyboard.press('Enter');
    const heading = table.locator('th', { has: page.getByRole('button', { name: /^Range/ }) });
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('table[data-comparison=properties] th[aria-sort=ascending]')).some((th) =>
          /^Range/.test(th.textContent?.trim() ?? ''),
        ),
      null,
      { timeout: 15_000 },
    );
    const byRange = (dir: 1 | -1) =>
      [...activationIds].sort((a, b) => {
        const [ra, rb] = [activations[a]!.properties.range, activations[b]!.properties.range];
        return dir * (ra.min - rb.min || ra.max - rb.max) || activationIds.indexOf(a) - activationIds.indexOf(b);
      })[0];
    assert.equal(await firstRow(), byRange(1), 'ascending by range');
    // The component took over from the server's HTML: the focus stayed on the heading's button.
    const live = table.getByRole('button', { name: /^Range/ });
    assert.equal(await live.evaluate((el) => el === document.activeElement), true, 'the focus left the column heading');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('table[data-comparison=properties] th[aria-sort=descending]') !== null, null, { timeout: 5000 });
    assert.equal(await heading.getAttribute('aria-sort'), 'descending');
    assert.equal(await firstRow(), byRange(-1), 'descending by range');
    await assertVisibleFocus(page, live, 'the column heading');
    await page.close();
    assert.deepEqual(problems, []);
  });
});

describe('formulas for screen readers', () => {
  let browser: Browser;
  before(async () => {
    browser = await browserIn('light');
  });
  after(async () => {
    await browser?.close();
  });

  for (const route of ['docs/activations/gelu', 'docs/notebooks/activation-functions']) {
    test(`/${route}: every formula keeps KaTeX's MathML in the accessibility tree; only the visual copy is hidden`, async () => {
      const page = await browser.context.newPage();
      await open(page, `${server.url}${route}`, 'light');
      const dom = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.katex')).map((k) => {
          const math = k.querySelector(':scope > .katex-mathml > math');
          const html = k.querySelector(':scope > .katex-html');
          const style = math ? getComputedStyle(math.parentElement!) : undefined;
          return {
            tex: math?.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '',
            math: Boolean(math),
            mathHidden: Boolean(math?.closest('[aria-hidden=true]')) || style?.display === 'none' || style?.visibility === 'hidden',
            htmlHidden: html?.getAttribute('aria-hidden') === 'true',
          };
        }),
      );
      assert.ok(dom.length >= 2, `expected formulas on /${route}, found ${dom.length}`);
      assert.deepEqual(
        dom.filter((f) => !f.math || f.tex === ''),
        [],
        'formulas without MathML (and its TeX annotation)',
      );
      assert.deepEqual(
        dom.filter((f) => f.mathHidden),
        [],
        'MathML hidden from assistive technology',
      );
      assert.deepEqual(
        dom.filter((f) => !f.htmlHidden),
        [],
        "KaTeX's visual HTML not hidden (a screen reader would read each formula twice)",
      );
      // What Chromium gives assistive technology: one math node per formula (role MathMLMath in
      // its tree). CDP's tree leaves out what content-visibility skips (tables far below the window,
      // which hold formulas), so it is read with every part laid out, as when scrolled to.
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string } }[] };
      const maths = nodes.filter((n) => !n.ignored && (n.role?.value === 'MathMLMath' || n.role?.value === 'math')).length;
      assert.match(await page.locator('.katex').first().ariaSnapshot(), /^- math\b/, 'the first formula is not a math node for assistive technology');
      assert.equal(maths, dom.length, 'math nodes in the accessibility tree');
      await page.close();
    });
  }
});
