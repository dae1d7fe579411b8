/**
 * The playground (/playground) in headless Chromium, served from website/build: it trains every
 * activation of the registry from a URL and shows the numbers of the experiments' trainer run here
 * in Node bit for bit, and the same URL gives the same numbers bit for bit, however the steps are taken; the loss falls; the side-by-side view trains two networks in lock step; the
 * settings live in the URL and a bad one is reported; the page keeps drawing while the worker
 * trains; its JavaScript stays within the chart-page budget; no console error, no foreign request.
 * Screenshots (light, dark, phone width) go to .cache/screenshots/site/playground-*.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { activationIds, activations } from '../../src/registry.js';
import { DEFAULT_SETTINGS, parseSettings as parseIn, type Settings } from '../../website/src/lib/playground/settings.js';
import { CATALOG, choiceOf, offDefault, referenceRun, type Reference } from '../helpers/playground.js';

const parseSettings = (search: string) => parseIn(search, CATALOG);
import { CHART_PAGE_BUDGET, PLAYGROUND_BUDGET, SCREENSHOTS, launchBrowser, requireBuild, startServer, watch, type Browser, type Server } from './helpers.js';

requireBuild();
const server: Server = await startServer();
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server.close();
});

const url = (query: string) => `${server.url}playground${query ? `?${query}` : ''}`;

/** Opens the playground and waits until the worker has reported step 0 of the URL's settings. */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(url(query));
  try {
    await page.locator('[data-testid=playground][data-ready=true]').waitFor({ timeout: 20_000 });
  } catch {
    const said = await page.locator('[role=alert]').allTextContents();
    assert.fail(`/playground?${query} did not get ready within 20 s${said.length ? `: ${said.join('; ')}` : ''}`);
  }
  await waitForStep(page, 0);
}

async function waitForStep(page: Page, step: number): Promise<void> {
  try {
    await page.waitForFunction((n) => document.querySelector('[data-testid=step]')?.getAttribute('data-value') === String(n), step, { timeout: 30_000 });
  } catch {
    assert.fail(`the page did not reach step ${step}; it shows ${await page.locator('[data-testid=step]').getAttribute('data-value')}`);
  }
}

/** Trains `steps` more steps with the Step button, `size` at a time. */
async function stepBy(page: Page, steps: number, size: number): Promise<void> {
  const start = Number(await page.locator('[data-testid=step]').getAttribute('data-value'));
  await page.locator('[data-testid=step-size]').selectOption(String(size));
  for (let done = 0; done < steps; done += size) {
    await page.locator('[data-testid=step-button]').click();
    await waitForStep(page, start + done + size);
  }
}

/** Trains up to step `target` with the Step button, in as few clicks as the step sizes allow. */
async function stepTo(page: Page, target: number): Promise<void> {
  let at = Number(await page.locator('[data-testid=step]').getAttribute('data-value'));
  for (const size of [1000, 100, 10, 1]) {
    const clicks = Math.floor((target - at) / size);
    if (clicks > 0) await stepBy(page, clicks * size, size);
    at += clicks * size;
  }
}

/**
 * The numbers shown equal the Node trainer's bit for bit: the module computes every exponential,
 * logarithm and sine itself (src/math/libm.ts), so Chromium's and Node's runs are the same doubles.
 */
function assertSameRun(got: Reference, expected: Reference, what: string): void {
  for (const key of ['trainLoss', 'testLoss', 'batchLoss'] as const) {
    assert.ok(Object.is(got[key], expected[key]), `${what}: ${key} shown ${got[key]}, Node ${expected[key]}`);
  }
}

/** The numbers a network's panel shows, at full precision (data-value). */
async function shown(page: Page, run = 0): Promise<Reference> {
  const read = async (id: string) => {
    const v = await page.locator(`[data-run="${run}"] [data-testid=${id}]`).getAttribute('data-value');
    return v === null ? null : Number(v);
  };
  const trainLoss = await read('loss');
  const testLoss = await read('test-loss');
  assert.ok(trainLoss !== null && testLoss !== null, `network ${run} shows no loss`);
  return { trainLoss, testLoss, batchLoss: await read('batch-loss') };
}

describe('the playground', () => {
  test('mish on spirals (seed 1): 1000 steps more than halve the training loss, and the numbers shown are the Node trainer’s', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    const query = 'activation=mish&dataset=spirals&seed=1';
    await open(page, query);
    const settings = parseSettings(query).settings;
    assert.equal(await page.locator('[data-testid=activation]').inputValue(), 'mish');
    assertSameRun(await shown(page), referenceRun(settings, settings.activation, 0), 'at step 0');
    await stepBy(page, 1000, 1000);
    const after = await shown(page);
    const reference = referenceRun(settings, settings.activation, 1000);
    assertSameRun(after, reference, 'after 1000 steps');
    const before = referenceRun(settings, settings.activation, 0);
    assert.ok(after.trainLoss < before.trainLoss / 2, `the training loss fell only from ${before.trainLoss} to ${after.trainLoss}`);
    // The address now spells out every setting: opened elsewhere, it is the same run.
    assert.deepEqual(parseSettings(new URL(page.url()).search), { settings, problems: [] });
    const layers = await page.locator('[data-run="0"] [data-testid=layer-stats] tbody tr').count();
    assert.equal(layers, settings.depth);
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('every activation of the registry, opened by URL with its parameters off their defaults, trains 20 steps to the Node trainer’s numbers', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    const mismatches: string[] = [];
    for (const id of activationIds) {
      const choice = offDefault(id);
      const params = Object.entries(choice.params).map(([k, v]) => `&activation.${k}=${encodeURIComponent(String(v))}`);
      const query = `activation=${id}${params.join('')}&dataset=spirals&seed=1`;
      await open(page, query);
      assert.equal(await page.locator('[data-testid=activation]').inputValue(), id);
      await stepBy(page, 20, 10);
      const settings: Settings = { ...DEFAULT_SETTINGS, activation: choice };
      const got = await shown(page);
      const expected = referenceRun(settings, choice, 20);
      try {
        assertSameRun(got, expected, query);
      } catch (e) {
        mismatches.push((e as Error).message);
      }
    }
    await page.close();
    assert.deepEqual(mismatches, []);
    assert.deepEqual(problems, []);
  });

  test('side by side: two activations on the same data, weights and batches, each with the Node trainer’s numbers; the checkbox adds the second network', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    const query = 'activation=relu&compare=tanh&dataset=circles&seed=3';
    await open(page, query);
    const settings = parseSettings(query).settings;
    assert.equal(await page.locator('[data-run]').count(), 2);
    assert.equal(await page.locator('[data-testid=compare]').inputValue(), 'tanh');
    await stepBy(page, 100, 100);
    assertSameRun(await shown(page, 0), referenceRun(settings, settings.activation, 100), 'ReLU');
    assertSameRun(await shown(page, 1), referenceRun(settings, settings.compare!, 100), 'tanh');
    // Both charts show both networks.
    assert.equal(await page.locator('[data-testid=activation-chart] svg .af-trace').count(), 4);
    assert.equal(await page.locator('[data-testid=loss-chart] svg .af-trace').count(), 4);

    await open(page, 'activation=elu&seed=2');
    assert.equal(await page.locator('[data-run]').count(), 1);
    await page.getByLabel('Side by side with another activation').check();
    await page.locator('[data-testid=compare]').selectOption('softsign');
    await page.waitForURL(/compare=softsign/);
    await waitForStep(page, 0);
    assert.equal(await page.locator('[data-run]').count(), 2);
    await stepBy(page, 10, 10);
    const two = parseSettings(new URL(page.url()).search).settings;
    assert.deepEqual(two.compare, choiceOf('softsign'));
    assertSameRun(await shown(page, 1), referenceRun(two, two.compare!, 10), 'softsign');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the same settings give the same run bit for bit, however the steps are taken; changing a setting restarts from step 0 and rewrites the URL', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await open(page, 'activation=relu&seed=4');
    await stepBy(page, 20, 10);
    const at20 = await shown(page);
    await page.locator('[data-testid=reset]').click();
    await waitForStep(page, 0);
    await stepBy(page, 20, 1);
    assert.deepEqual(await shown(page), at20, 'Reset then 20 single steps is the same run as 2 × 10 steps');
    await page.locator('[data-testid=activation]').selectOption('gelu');
    await page.waitForURL(/activation=gelu&activation\.approximate=none/);
    await waitForStep(page, 0);
    await page.locator('[data-testid=dataset]').selectOption('xor');
    await page.waitForURL(/dataset=xor/);
    const settings = parseSettings(new URL(page.url()).search).settings;
    assert.equal(settings.seed, 4);
    await stepBy(page, 10, 10);
    assertSameRun(await shown(page), referenceRun(settings, settings.activation, 10), 'GELU on XOR');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the address gets every setting spelt out in place, not by a navigation that would render the whole layout again', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await open(page, 'seed=7');
    const search = new URL(page.url()).search;
    assert.match(search, /activation=relu/, 'the defaults are not spelt out in the address');
    assert.deepEqual(parseSettings(search), { settings: { ...DEFAULT_SETTINGS, seed: 7 }, problems: [] });
    // A router navigation (history.replace) keys the history entry; writing in place keeps the browser's.
    assert.equal(
      await page.evaluate(() => (window.history.state as { key?: string } | null)?.key ?? null),
      null,
      'the address was written by a router navigation',
    );
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('invalid values in the URL: a visible message names each one, and the defaults stand in', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await open(page, 'activation=nope&noise=abc&dataset=moons&seed=8');
    const alert = page.locator('[data-testid=url-problems]');
    assert.ok(await alert.isVisible(), 'no message about the URL');
    const text = (await alert.textContent()) ?? '';
    for (const part of ['activation=nope', 'noise=abc', 'dataset=moons']) assert.ok(text.includes(part), `the message does not mention ${part}: ${text}`);
    assert.equal(await page.locator('[data-testid=activation]').inputValue(), DEFAULT_SETTINGS.activation.id);
    assert.equal(await page.locator('[data-testid=dataset]').inputValue(), DEFAULT_SETTINGS.dataset);
    const settings = parseSettings(new URL(page.url()).search).settings;
    assert.equal(settings.seed, 8, 'the valid setting next to the bad ones is kept');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('every control has an accessible name', async () => {
    const page = await browser.context.newPage();
    await open(page, 'activation=hardtanh&compare=gelu');
    const unnamed = await page.$$eval('[data-testid=playground] input, [data-testid=playground] select, [data-testid=playground] button', (els) =>
      els
        .filter((e) => {
          const labels = (e as HTMLInputElement).labels;
          return !(labels && labels.length > 0) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && (e.textContent ?? '').trim());
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);
    await page.close();
  });

  test('the navbar and every function page link to the playground with that function selected', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await page.goto(`${server.url}docs/activations/mish`);
    assert.equal(await page.locator('nav.navbar a[href$="/playground"]').count(), 1, 'no Playground link in the navbar');
    await page.locator('html[data-has-hydrated=true]').waitFor();
    await page.getByRole('link', { name: 'Train with it in the playground' }).click();
    await page.locator('[data-testid=playground][data-ready=true]').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('[data-testid=activation]').inputValue(), 'mish');
    const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const id of activationIds) {
      // The link is in the server-rendered HTML: no need to wait for the page's scripts.
      await page.goto(`${server.url}docs/activations/${kebab(id)}`, { waitUntil: 'domcontentloaded' });
      const href = await page.getByRole('link', { name: 'Train with it in the playground' }).getAttribute('href');
      assert.equal(href, `${new URL(server.url).pathname}playground?activation=${id}`, `${activations[id]!.name}'s page`);
    }
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('the page keeps drawing while a 2×8 network trains: at least 30 frames a second, and Pause stops training', async (t) => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await open(page, 'activation=tanh&depth=2&width=8&seed=1');
    await page.locator('[data-testid=train]').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=step]')?.getAttribute('data-value')) > 0);
    // A string, not a function: the test's compiler would wrap named inner functions in a helper the page lacks.
    const oneSecond = `new Promise((resolve) => {
      const stepNow = () => Number(document.querySelector('[data-testid=step]')?.getAttribute('data-value'));
      const start = performance.now();
      const first = stepNow();
      let frames = 0;
      let last = start;
      let longest = 0;
      const frame = (now) => {
        frames++;
        longest = Math.max(longest, now - last);
        last = now;
        if (now - start < 1000) requestAnimationFrame(frame);
        else resolve({ fps: frames / ((now - start) / 1000), longest, steps: [first, stepNow()] });
      };
      requestAnimationFrame(frame);
    })`;
    // The machine's other work can starve the browser for a while: the page passes when one of a
    // few one-second windows of training keeps 30 frames a second (a page whose main thread the
    // training itself saturated would fail every one), and training moved on in that window.
    const windows: { fps: number; longest: number; steps: [number, number] }[] = [];
    for (let i = 0; i < 5 && !windows.some((w) => w.fps >= 30); i++) windows.push((await page.evaluate(oneSecond)) as (typeof windows)[number]);
    for (const w of windows)
      t.diagnostic(`while training: ${w.fps.toFixed(1)} frames a second, longest frame ${w.longest.toFixed(0)} ms, steps ${w.steps[0]} → ${w.steps[1]}`);
    const best = windows.reduce((a, b) => (b.fps > a.fps ? b : a));
    assert.ok(best.fps >= 30, `at most ${best.fps.toFixed(1)} frames a second while training, in ${windows.length} one-second windows`);
    assert.ok(best.steps[1] > best.steps[0] + 50, `training barely moved during the measurement: ${best.steps.join(' → ')}`);
    await page.locator('[data-testid=train]').click();
    await page.locator('[data-testid=train]', { hasText: 'Train' }).waitFor();
    const paused = await page.locator('[data-testid=step]').getAttribute('data-value');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-testid=step]').getAttribute('data-value'), paused, 'training went on after Pause');
    // Paused at any step, the numbers are the trainer's, and the same URL stepped there gives them bit for bit.
    const settings = parseSettings(new URL(page.url()).search).settings;
    const atPause = await shown(page);
    assertSameRun(atPause, referenceRun(settings, settings.activation, Number(paused)), `after ${paused} steps`);
    await open(page, new URL(page.url()).search.slice(1));
    await stepTo(page, Number(paused));
    assert.deepEqual(await shown(page), atPause, `the same URL stepped to ${paused} gives other numbers than training there`);
    await page.close();
    assert.deepEqual(problems, []);
  });

  test(`the playground loads at most ${PLAYGROUND_BUDGET / 1000} KB of gzipped JavaScript, its worker included, and no plotly.js`, async (t) => {
    const fresh = await launchBrowser();
    try {
      const page = await fresh.context.newPage();
      const sizes = new Map<string, number>();
      const reads: Promise<void>[] = [];
      // By file name rather than resource type, so that the worker's chunks count too; each file
      // once (the worker asks again for the module's chunk, which a host's caching serves once);
      // other routes' prefetched chunks come with no body here, as in the chart-page budget.
      page.on('response', (r) => {
        if (!new URL(r.url()).pathname.endsWith('.js')) return;
        reads.push(r.body().then((body) => void (body.length > 0 && sizes.set(r.url(), gzipSync(body).length))));
      });
      await open(page, '');
      await page.waitForLoadState('networkidle');
      await Promise.all(reads);
      const total = [...sizes.values()].reduce((n, x) => n + x, 0);
      const files = [...sizes.keys()].map((u) => new URL(u).pathname.split('/').pop()!);
      t.diagnostic(`/playground: ${(total / 1000).toFixed(1)} KB of gzipped JavaScript in ${files.length} files`);
      assert.ok(!files.some((f) => f.startsWith('plotly.')), `plotly.js was loaded: ${files.join(', ')}`);
      assert.ok(total <= PLAYGROUND_BUDGET, `${total} bytes gzipped > ${PLAYGROUND_BUDGET} (${files.join(', ')})`);
      // The page's own timeline holds what the document loaded, not what its worker did: the module
      // (its chunk, activations-module) is the worker's alone.
      const own = [...new Set(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)))].filter((u) =>
        new URL(u).pathname.endsWith('.js'),
      );
      const ownBytes = own.reduce((n, u) => n + (sizes.get(u) ?? 0), 0);
      t.diagnostic(`of which the page itself: ${(ownBytes / 1000).toFixed(1)} KB in ${own.length} files, the worker the rest`);
      assert.ok(own.length > 0 && ownBytes > 0, 'the page loaded no JavaScript of its own?');
      // The page itself within a chart page's budget; its worker (the module, the trainer) is what the playground's own budget adds.
      assert.ok(ownBytes <= CHART_PAGE_BUDGET, `the page itself loaded ${ownBytes} bytes gzipped > ${CHART_PAGE_BUDGET}, a chart page's budget`);
      const moduleChunk = own.find((u) => new URL(u).pathname.split('/').pop()!.startsWith('activations-module.'));
      assert.equal(moduleChunk, undefined, 'the page itself loaded the module');
      assert.ok(
        files.some((f) => f.startsWith('activations-module.')),
        `the worker did not load the module's chunk (${files.join(', ')}): is the test still seeing it?`,
      );
    } finally {
      await fresh.close();
    }
  });

  describe('screenshots', () => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${scheme} mode, desktop and phone width: side by side after 300 steps, no horizontal scrolling`, async () => {
        const own = await launchBrowser({ colorScheme: scheme });
        try {
          const page = await own.context.newPage();
          const problems = watch(page, server.origin);
          for (const [name, viewport] of [
            ['desktop', { width: 1280, height: 900 }],
            ['phone', { width: 390, height: 844 }],
          ] as const) {
            await page.setViewportSize(viewport);
            await open(page, 'activation=mish&compare=relu&dataset=spirals&seed=1');
            assert.equal(await page.locator('html').getAttribute('data-theme'), scheme);
            await stepBy(page, 300, 100);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow} px`);
            await page.screenshot({ path: path.join(SCREENSHOTS, `playground-${name}-${scheme}.png`), fullPage: true });
          }
          assert.deepEqual(problems, []);
        } finally {
          await own.close();
        }
      });
    }
  });
});
