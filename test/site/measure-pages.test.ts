/**
 * scripts/measure-pages.ts without running Lighthouse: its arguments, the checks before it launches
 * anything, the run it reports (Lighthouse's own median), the results file's validation (and the
 * committed bench/pages.json), the targets, the performance page's section rendered from the file,
 * and the static server it measures through (gzip, clean URLs, 404).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import type { Result as LighthouseResult } from 'lighthouse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { pagesSection } from '../../scripts/generate-docs.js';
import {
  BUILD_COMMAND,
  COMMAND,
  DEFAULT_DIR,
  DEFAULT_MAX_WAIT_SECONDS,
  DEFAULT_MIN_BENCHMARK,
  DEFAULT_PAINT_STALL_MS,
  DEFAULT_OUT,
  DEFAULT_PAGES,
  DEFAULT_RUNS,
  GENERATED_NOTE,
  MAX_ATTEMPTS_PER_RUN,
  SCHEMA,
  TARGETS,
  checkGzip,
  checkTargets,
  failingAccessibilityAudits,
  get,
  hostBenchmarkIndex,
  medianRunIndex,
  pageFile,
  pageKind,
  parseContrast,
  parseOptions,
  preflight,
  readPagesResults,
  reportName,
  resultTable,
  paintStall,
  progressDiffers,
  runDecision,
  setAsideReason,
  startServer,
  targetSummary,
  validatePagesResults,
  type PageResult,
  type PagesResults,
  type RunMetrics,
  type StaticServer,
} from '../../scripts/measure-pages.js';

describe('arguments', () => {
  test('defaults: website/build, bench/pages.json, the seven pages, 3 runs, Lighthouse’s load wait', () => {
    const o = parseOptions([]);
    assert.equal(o.dir, DEFAULT_DIR);
    assert.equal(o.out, DEFAULT_OUT);
    assert.deepEqual(o.pages, DEFAULT_PAGES);
    assert.equal(o.runs, DEFAULT_RUNS);
    assert.equal(o.maxWaitSeconds, DEFAULT_MAX_WAIT_SECONDS);
    assert.equal(DEFAULT_RUNS, 3);
    assert.deepEqual(DEFAULT_PAGES, [
      '/',
      '/docs/activations/gelu',
      '/docs/notebooks/activation-functions',
      '/docs/comparison',
      '/docs/bibliography',
      '/docs/experiments',
      '/docs/notebooks/trade-offs-measured',
      '/playground',
    ]);
  });

  test('--dir and --out resolve against the working directory; --pages splits on commas', () => {
    const o = parseOptions(['--dir=build', '--out', 'x/p.json', '--pages=/, /docs/comparison', '--runs=5', '--max-wait=120'], '/tmp/w');
    assert.equal(o.dir, '/tmp/w/build');
    assert.equal(o.out, '/tmp/w/x/p.json');
    assert.deepEqual(o.pages, ['/', '/docs/comparison']);
    assert.equal(o.runs, 5);
    assert.equal(o.maxWaitSeconds, 120);
  });

  for (const bad of ['abc', '0', '-1', '2.5', '', '1e2']) {
    test(`--runs=${bad} is a RangeError naming --runs`, () => {
      assert.throws(
        () => parseOptions([`--runs=${bad}`]),
        (e: unknown) => e instanceof RangeError && /--runs/.test(e.message),
      );
    });
  }

  test('--reports keeps every run’s report under a name made from the page', () => {
    assert.equal(parseOptions(['--reports=r'], '/tmp/w').reports, '/tmp/w/r');
    assert.equal(parseOptions([]).reports, undefined);
    assert.equal(parseOptions([]).resume, false);
    assert.equal(parseOptions(['--resume']).resume, true);
    assert.equal(reportName('/'), 'index');
    assert.equal(reportName('/docs/notebooks/activation-functions'), 'docs-notebooks-activation-functions');
    assert.equal(reportName('/docs/comparison/'), 'docs-comparison');
  });

  test('--max-wait must be whole seconds', () => {
    assert.throws(
      () => parseOptions(['--max-wait=soon']),
      (e: unknown) => e instanceof RangeError && /--max-wait/.test(e.message),
    );
    assert.throws(() => parseOptions(['--max-wait=0']), /--max-wait/);
  });

  test('--paint-stall: 500 ms by default, 0 keeps every run, anything else is a RangeError', () => {
    assert.equal(parseOptions([]).paintStallMs, DEFAULT_PAINT_STALL_MS);
    assert.equal(DEFAULT_PAINT_STALL_MS, 500);
    assert.equal(parseOptions(['--paint-stall=0']).paintStallMs, 0);
    assert.equal(parseOptions(['--paint-stall=900']).paintStallMs, 900);
    for (const bad of ['long', '-1', '0.5', '']) {
      assert.throws(
        () => parseOptions([`--paint-stall=${bad}`]),
        (e: unknown) => e instanceof RangeError && /--paint-stall/.test(e.message),
      );
    }
  });

  test('--min-benchmark: Lighthouse’s slow-host threshold by default, 0 keeps every run, anything else is a RangeError', () => {
    assert.equal(parseOptions([]).minBenchmark, DEFAULT_MIN_BENCHMARK);
    assert.equal(DEFAULT_MIN_BENCHMARK, 1000);
    assert.equal(parseOptions(['--min-benchmark=0']).minBenchmark, 0);
    assert.equal(parseOptions(['--min-benchmark=1500']).minBenchmark, 1500);
    for (const bad of ['fast', '-1', '1.5', '']) {
      assert.throws(
        () => parseOptions([`--min-benchmark=${bad}`]),
        (e: unknown) => e instanceof RangeError && /--min-benchmark/.test(e.message),
      );
    }
  });

  test('pages must be site paths, each once', () => {
    assert.throws(
      () => parseOptions(['--pages=docs/comparison']),
      (e: unknown) => e instanceof RangeError && /--pages/.test(e.message) && /docs\/comparison/.test(e.message),
    );
    assert.throws(() => parseOptions(['--pages=/a,,/b']), /--pages/);
    assert.throws(() => parseOptions(['--pages=/a?x=1']), /--pages/);
    assert.throws(() => parseOptions(['--pages=/a,/b,/a']), /names \/a twice/);
  });

  test('strict: unknown options, positionals and a value-less string option are errors', () => {
    assert.throws(
      () => parseOptions(['--run=3']),
      (e: unknown) => e instanceof TypeError && /--run/.test(e.message),
    );
    assert.throws(() => parseOptions(['website/build']), TypeError);
    assert.throws(() => parseOptions(['--runs']), TypeError);
    assert.throws(() => parseOptions(['--dir=']), /--dir needs a path/);
  });
});

describe('before launching anything', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'measure-pages-pre-'));
    mkdirSync(path.join(dir, 'docs', 'notebooks'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(path.join(dir, 'docs', 'comparison.html'), '<!doctype html><title>c</title>');
    writeFileSync(path.join(dir, 'docs', 'notebooks', 'index.html'), '<!doctype html><title>n</title>');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('pageFile resolves clean URLs as sirv does', () => {
    assert.equal(pageFile(dir, '/'), path.join(dir, 'index.html'));
    assert.equal(pageFile(dir, '/docs/comparison'), path.join(dir, 'docs', 'comparison.html'));
    assert.equal(pageFile(dir, '/docs/comparison/'), path.join(dir, 'docs', 'comparison.html'));
    assert.equal(pageFile(dir, '/docs/notebooks'), path.join(dir, 'docs', 'notebooks', 'index.html'));
    assert.equal(pageFile(dir, '/docs/missing'), undefined);
    assert.equal(pageFile(dir, '/../etc/passwd'), undefined);
  });

  test('a missing build says which command builds it', () => {
    const o = { ...parseOptions([]), dir: path.join(dir, 'nothing-here') };
    assert.throws(
      () => preflight(o, process.execPath),
      (e: unknown) => e instanceof Error && e.message.includes(BUILD_COMMAND) && e.message.includes('nothing-here'),
    );
  });

  test('a page the build lacks is named', () => {
    const o = { ...parseOptions(['--pages=/,/docs/comparison,/docs/gone']), dir };
    assert.throws(() => preflight(o, process.execPath), /no page for \/docs\/gone/);
  });

  test('a missing Chromium says so and names CHROME_PATH', () => {
    const o = { ...parseOptions(['--pages=/']), dir };
    assert.throws(
      () => preflight(o, path.join(dir, 'no-chromium')),
      (e: unknown) => e instanceof Error && /Chromium not found/.test(e.message) && /CHROME_PATH/.test(e.message),
    );
    assert.doesNotThrow(() => preflight(o, process.execPath));
  });
});

/** The few fields of a Lighthouse result that the script and computeMedianRun read. */
function fakeLhr(values: { fcp: number; tti: number; performance?: number; audits?: Record<string, unknown>; accessibilityRefs?: string[] }): LighthouseResult {
  const numeric = (v: number) => ({ numericValue: v, score: 1 });
  return {
    audits: {
      'first-contentful-paint': numeric(values.fcp),
      interactive: numeric(values.tti),
      'total-blocking-time': numeric(100),
      'largest-contentful-paint': numeric(values.fcp + 500),
      'speed-index': numeric(values.fcp + 200),
      'total-byte-weight': numeric(200_000),
      'cumulative-layout-shift': numeric(0.0123),
      ...values.audits,
    },
    categories: {
      performance: { score: values.performance ?? 0.9, auditRefs: [] },
      accessibility: { score: 1, auditRefs: (values.accessibilityRefs ?? []).map((id) => ({ id, weight: 7 })) },
    },
    environment: { benchmarkIndex: 1000 },
  } as unknown as LighthouseResult;
}

describe('the reported run: Lighthouse’s computeMedianRun', () => {
  test('picks the run closest to the median FCP and TTI, whatever the order', async () => {
    const runs = [fakeLhr({ fcp: 3000, tti: 9000 }), fakeLhr({ fcp: 1000, tti: 4000 }), fakeLhr({ fcp: 2000, tti: 6000 })];
    assert.equal(await medianRunIndex(runs), 2);
    assert.equal(await medianRunIndex([runs[2]!, runs[0]!, runs[1]!]), 0);
  });

  test('is not the median performance score: the run nearest the median timings is reported with its own score', async () => {
    // Scores 0.5, 0.95, 0.6: the median score (0.6) belongs to run 2, but run 1 has the median FCP and TTI.
    const runs = [
      fakeLhr({ fcp: 1000, tti: 3000, performance: 0.5 }),
      fakeLhr({ fcp: 2000, tti: 5000, performance: 0.95 }),
      fakeLhr({ fcp: 2100, tti: 9000, performance: 0.6 }),
    ];
    assert.equal(await medianRunIndex(runs), 1);
  });

  test('with one run, that run', async () => {
    assert.equal(await medianRunIndex([fakeLhr({ fcp: 1, tti: 2 })]), 0);
  });

  test('a run without FCP is an error, not a silent pick', async () => {
    const broken = fakeLhr({ fcp: 1, tti: 2 });
    delete (broken.audits as Record<string, unknown>)['first-contentful-paint'];
    await assert.rejects(medianRunIndex([fakeLhr({ fcp: 1, tti: 2 }), broken]), /FCP/);
  });
});

describe('accessibility failures', () => {
  const explanation =
    'Fix any of the following:\n  Element has insufficient color contrast of 2.71 (foreground color: #999988, background color: #f6f8fa, font size: 11.0pt (14.72px), font weight: normal). Expected contrast ratio of 4.5:1';

  test('axe’s colour-contrast numbers are read from the explanation', () => {
    assert.deepEqual(parseContrast(explanation), {
      ratio: 2.71,
      foreground: '#999988',
      background: '#f6f8fa',
      fontSize: '11.0pt (14.72px)',
      fontWeight: 'normal',
      expected: '4.5:1',
    });
    assert.equal(parseContrast('Fix any of the following:\n  Element has no title'), undefined);
  });

  test('only failing audits of the accessibility category, with their elements', () => {
    const lhr = fakeLhr({
      fcp: 1,
      tti: 2,
      accessibilityRefs: ['color-contrast', 'image-alt', 'html-has-lang'],
      audits: {
        'color-contrast': {
          score: 0,
          title: 'Background and foreground colors do not have a sufficient contrast ratio.',
          details: { items: [{ node: { selector: 'pre > span.token', snippet: '<span class="token comment">', nodeLabel: '// hi', explanation } }] },
        },
        'image-alt': { score: null, title: 'n/a' },
        'html-has-lang': { score: 1, title: 'ok' },
      },
    });
    const failing = failingAccessibilityAudits(lhr);
    assert.equal(failing.length, 1);
    assert.equal(failing[0]!.id, 'color-contrast');
    assert.equal(failing[0]!.elements[0]!.selector, 'pre > span.token');
    assert.equal(failing[0]!.elements[0]!.contrast?.ratio, 2.71);
  });
});

// A results file as measure() writes it, for the validation and the renderer.
function run(over: Partial<RunMetrics> = {}): RunMetrics {
  return {
    performance: 95,
    accessibility: 100,
    tbtMs: 120,
    lcpMs: 2500,
    fcpMs: 1500,
    speedIndexMs: 2000,
    cls: 0.01,
    ttiMs: 3000,
    totalByteWeight: 300_000,
    benchmarkIndex: 1500,
    ...over,
  };
}
function pageResult(p: string, median: RunMetrics, extra: Partial<PageResult> = {}): PageResult {
  const checks = checkTargets(p, median);
  return {
    path: p,
    kind: pageKind(p),
    medianRun: 1,
    median,
    runs: [run(), median, run()],
    retries: 0,
    failingAccessibilityAudits: [],
    checks,
    met: checks.every((c) => c.met),
    warnings: [],
    ...extra,
  };
}
function results(pages: PageResult[] = DEFAULT_PAGES.map((p) => pageResult(p, run()))): PagesResults {
  return {
    _generated: GENERATED_NOTE,
    schema: SCHEMA,
    command: COMMAND,
    date: '2026-12-06T20:00:00.000Z',
    durationSeconds: 600,
    site: 'website/build',
    lighthouse: '12.8.2',
    chromium: 'Chromium 156.0.8078.129',
    machine: { cpu: 'AMD EPYC', cores: 2, node: 'v20.20.2', loadAverage: [1, 1, 1] },
    runs: 3,
    settings: {
      formFactor: 'mobile',
      throttlingMethod: 'simulate',
      rttMs: 150,
      throughputKbps: 1638.4,
      cpuSlowdownMultiplier: 4,
      screen: '412×823 at 1.75×, mobile',
      categories: ['performance', 'accessibility'],
      server: 'sirv behind compression (gzip)',
      chromeFlags: ['--headless=new'],
      maxWaitForLoadSeconds: 45,
      median: 'computeMedianRun',
    },
    targets: TARGETS,
    pages,
  };
}

describe('runs set aside: a slow host, a stalled first paint', () => {
  const options = { runs: 3, minBenchmark: 1000, paintStallMs: 500 };
  const slow = 'the host was slow';
  test('a run on a host at or above the threshold is kept; below it, set aside', () => {
    assert.equal(setAsideReason(run({ benchmarkIndex: 1000 }), options), undefined);
    assert.equal(setAsideReason(run({ benchmarkIndex: 999 }), options), slow);
    assert.equal(runDecision(undefined, 7, 2, options), 'keep');
    assert.equal(runDecision(slow, 1, 0, options), 'set aside');
  });
  test('a run whose first paint stalled the threshold or longer after load is set aside; 0 keeps it', () => {
    assert.equal(setAsideReason(run({ paintStallMs: 499 }), options), undefined);
    assert.equal(setAsideReason(run({ paintStallMs: 500 }), options), 'its first paint stalled');
    assert.equal(setAsideReason(run({ paintStallMs: 1400 }), { ...options, paintStallMs: 0 }), undefined);
    // Older files have no paintStallMs: nothing to set aside for.
    const { paintStallMs: _, ...old } = run();
    assert.equal(setAsideReason(old, options), undefined);
  });
  test('runs set aside only while the attempts left can still give every run', () => {
    const cap = MAX_ATTEMPTS_PER_RUN * options.runs;
    // Every attempt slow: the page still ends with its runs, the last ones kept although slow.
    const decisions: string[] = [];
    let kept = 0;
    for (let attempt = 1; kept < options.runs; attempt++) {
      const d = runDecision(slow, attempt, kept, options);
      decisions.push(d);
      if (d !== 'set aside') kept++;
    }
    assert.equal(decisions.length, cap);
    assert.deepEqual(decisions.slice(-3), ['keep, out of attempts', 'keep, out of attempts', 'keep, out of attempts']);
    assert.ok(decisions.slice(0, cap - 3).every((d) => d === 'set aside'));
    // Two fast runs kept early: one slow attempt set aside until the very last one.
    assert.equal(runDecision(slow, cap - 1, 2, options), 'set aside');
    assert.equal(runDecision(slow, cap, 2, options), 'keep, out of attempts');
  });
  test('0 keeps every run', () => {
    assert.equal(setAsideReason(run({ benchmarkIndex: 1 }), { minBenchmark: 0, paintStallMs: 0 }), undefined);
  });
});

describe('--resume', () => {
  const options = { dir: '/b', runs: 3, maxWaitSeconds: 45, minBenchmark: 1000, paintStallMs: 500 };
  const progress = { dir: '/b', runs: 3, maxWaitSeconds: 45, settings: { minBenchmarkIndex: 1000, paintStallMs: 500 } };
  test('goes on from pages measured with the same options only', () => {
    assert.equal(progressDiffers(progress, options), undefined);
    assert.equal(progressDiffers({ ...progress, dir: '/other' }, options), '--dir');
    assert.equal(progressDiffers({ ...progress, runs: 5 }, options), '--runs');
    assert.equal(progressDiffers({ ...progress, maxWaitSeconds: 90 }, options), '--max-wait');
    assert.equal(progressDiffers(progress, { ...options, minBenchmark: 0 }), '--min-benchmark');
    assert.equal(progressDiffers(progress, { ...options, paintStallMs: 900 }), '--paint-stall');
  });
  test('a progress file from before the paint-stall rule set no run aside for it', () => {
    const old = { ...progress, settings: { minBenchmarkIndex: 1000 } };
    assert.equal(progressDiffers(old, options), '--paint-stall');
    assert.equal(progressDiffers(old, { ...options, paintStallMs: 0 }), undefined);
  });
});

describe('a stalled first paint, read from the observed load', () => {
  // Times as Lighthouse's metrics, main-thread-tasks and network-requests audits give them (ms from navigation).
  const lhr = (load: number, fcp: number, tasks: [number, number][] = [], requests: [number, string][] = []) =>
    fakeLhr({
      fcp: 1500,
      tti: 3000,
      audits: {
        metrics: { details: { items: [{ observedLoad: load, observedFirstContentfulPaint: fcp }] } },
        'main-thread-tasks': { details: { items: tasks.map(([startTime, duration]) => ({ startTime, duration })) } },
        'network-requests': { details: { items: requests.map(([networkEndTime, resourceType]) => ({ networkEndTime, resourceType })) } },
      },
    });
  test('a page that painted before it loaded did not stall', () => {
    assert.equal(paintStall(lhr(800, 450, [[300, 200]])), 0);
    assert.equal(paintStall(lhr(800, 800)), 0);
  });
  test('the time from load to the first paint, less the main thread’s work in it', () => {
    // The walkthrough as it was measured once: loaded at 771 ms, painted at 2,245 ms, two short tasks in between.
    assert.equal(
      paintStall(
        lhr(
          771,
          2245,
          [
            [373, 300],
            [765, 43],
            [1207, 72],
          ],
          [
            [717, 'Font'],
            [847, 'Other'],
          ],
        ),
      ),
      2245 - 771 - (808 - 771) - 72,
    );
  });
  test('a request of the page finishing after load moves the start; the browser’s own (Other) do not', () => {
    assert.equal(paintStall(lhr(800, 2000, [], [[1500, 'Font']])), 500);
    assert.equal(paintStall(lhr(800, 2000, [], [[1500, 'Other']])), 1200);
    // A request still running at the paint does not count as finished.
    assert.equal(paintStall(lhr(800, 2000, [], [[2500, 'Image']])), 1200);
  });
  test('a busy main thread is not a stall', () => {
    assert.equal(paintStall(lhr(800, 2000, [[790, 1300]])), 0);
  });
  test('a result without the audits reads as no stall', () => {
    assert.equal(paintStall(fakeLhr({ fcp: 1, tti: 2 })), 0);
  });
});

describe('targets', () => {
  test('TBT is held to its limit on function and notebook pages only', () => {
    const slow = { performance: 95, accessibility: 100, tbtMs: 450 };
    assert.equal(pageKind('/docs/activations/gelu'), 'function');
    assert.equal(pageKind('/docs/notebooks/activation-functions'), 'notebook');
    assert.equal(pageKind('/docs/comparison'), 'other');
    assert.equal(pageKind('/docs/activations'), 'other');
    assert.equal(targetSummary(checkTargets('/docs/comparison', slow)), 'met');
    assert.equal(targetSummary(checkTargets('/docs/activations/gelu', slow)), 'not met: TBT 450 ms (≤ 300 ms)');
  });

  test('performance 90 and accessibility 100 are met exactly at the line', () => {
    assert.equal(targetSummary(checkTargets('/', { performance: 90, accessibility: 100, tbtMs: 0 })), 'met');
    assert.equal(targetSummary(checkTargets('/', { performance: 89, accessibility: 99, tbtMs: 0 })), 'not met: performance 89 (≥ 90), accessibility 99 (100)');
  });
});

describe('results file', () => {
  test('a file as measure() writes it validates, with every default page', () => {
    assert.doesNotThrow(() => validatePagesResults(results(), DEFAULT_PAGES));
    assert.match(resultTable(results()), /^page\s+perf\s+TBT/);
  });

  const broken: [string, (r: Record<string, any>) => void, RegExp][] = [
    ['no generated note', (r) => delete r._generated, /_generated/],
    ['another schema', (r) => (r.schema = 2), /schema/],
    ['a date that is not one', (r) => (r.date = 'yesterday'), /date/],
    ['a date in the future', (r) => (r.date = '2999-01-01T00:00:00.000Z'), /future/],
    ['a score over 100', (r) => (r.pages[0].runs[0].performance = 101), /performance is 101/],
    ['a fractional score', (r) => (r.pages[0].runs[0].accessibility = 99.5), /whole score/],
    ['negative TBT', (r) => (r.pages[0].runs[0].tbtMs = -1), /tbtMs/],
    ['no weight', (r) => (r.pages[0].runs[0].totalByteWeight = 0), /totalByteWeight/],
    ['a median that is not the median run', (r) => (r.pages[0].median = { ...r.pages[0].median, tbtMs: 1 }), /median/],
    ['a run missing', (r) => r.pages[0].runs.pop(), /3 runs/],
    ['a target marked met that is not', (r) => (r.pages[1].median.performance = r.pages[1].runs[1].performance = 50), /checks/],
    ['a page twice', (r) => r.pages.push(r.pages[0]), /twice/],
    [
      'a run set aside although the host was fast enough',
      (r) => {
        r.settings.minBenchmarkIndex = 1000;
        r.pages[0].slowHostRuns = [run({ benchmarkIndex: 1200 })];
      },
      /slowHostRuns\[0\] has benchmarkIndex 1200/,
    ],
    [
      'a run set aside although its paint did not stall that long',
      (r) => {
        r.settings.paintStallMs = 500;
        r.pages[0].paintStalledRuns = [run({ paintStallMs: 300 })];
      },
      /paintStalledRuns\[0\] has paintStallMs 300, not at least settings.paintStallMs 500/,
    ],
    [
      'a run set aside for a stall when none is',
      (r) => (r.pages[0].paintStalledRuns = [run({ paintStallMs: 1300 })]),
      /paintStalledRuns\[0\] has paintStallMs 1300, not at least settings.paintStallMs 0/,
    ],
    ['a negative stall', (r) => (r.pages[0].runs[0].paintStallMs = -1), /paintStallMs/],
    ['a default page missing', (r) => r.pages.pop(), new RegExp(`no result for ${DEFAULT_PAGES.at(-1)!.replace(/[/.]/g, '\\$&')}$`)],
  ];
  for (const [what, mutate, message] of broken) {
    test(`rejects ${what}`, () => {
      const r = structuredClone(results()) as unknown as Record<string, any>;
      mutate(r);
      assert.throws(() => validatePagesResults(r, DEFAULT_PAGES), message);
    });
  }

  test('a page Lighthouse could not measure is kept, with its error and no numbers', () => {
    const hung: PageResult = {
      path: '/docs/experiments',
      kind: 'other',
      error: 'PAGE_HUNG: the page stopped responding',
      runs: [],
      retries: 2,
      failingAccessibilityAudits: [],
      checks: [],
      met: false,
      warnings: [],
    };
    const r = results(DEFAULT_PAGES.map((p) => (p === hung.path ? hung : pageResult(p, run()))));
    assert.doesNotThrow(() => validatePagesResults(r, DEFAULT_PAGES));
    assert.match(resultTable(r), /\/docs\/experiments\s+—.*not met: no result/);
  });

  const committed = DEFAULT_OUT;
  test(
    'the committed bench/pages.json: every default page, numbers in range, a real date',
    { skip: existsSync(committed) ? false : `${path.relative(process.cwd(), committed)} not written yet: run ${COMMAND}` },
    () => {
      const r = validatePagesResults(JSON.parse(readFileSync(committed, 'utf8')), DEFAULT_PAGES);
      assert.ok(Date.parse(r.date) > Date.parse('2026-01-01'), r.date);
      assert.equal(r.lighthouse.split('.')[0], '12');
      assert.equal(r.settings.formFactor, 'mobile');
      assert.equal(r.settings.throttlingMethod, 'simulate');
      assert.equal(r.settings.cpuSlowdownMultiplier, 4);
      assert.deepEqual(readPagesResults(committed), r);
    },
  );

  test('readPagesResults: undefined when there is no file', () => {
    assert.equal(readPagesResults(path.join(os.tmpdir(), 'no-such-dir-measure-pages', 'pages.json')), undefined);
  });
});

describe('the performance page’s section', () => {
  async function compiles(mdx: string): Promise<void> {
    await compile(mdx, { remarkPlugins: [remarkGfm, remarkMath] });
  }

  test('without results: not measured yet, and the command to run', async () => {
    const mdx = pagesSection(undefined);
    assert.match(mdx, /^## Page weight and speed \(Lighthouse\)/);
    assert.match(mdx, /not been measured yet/);
    assert.ok(mdx.includes(`\`${COMMAND}\``));
    await compiles(mdx);
  });

  test('a row per page, a missed target marked not met', async () => {
    const pages = DEFAULT_PAGES.map((p) => pageResult(p, p === '/docs/activations/gelu' ? run({ performance: 62, tbtMs: 4473 }) : run()));
    const mdx = pagesSection(validatePagesResults(results(pages)));
    const rows = mdx.split('\n').filter((l) => l.startsWith('| `/'));
    assert.equal(rows.length, DEFAULT_PAGES.length);
    const gelu = rows.find((l) => l.includes('`/docs/activations/gelu`'))!;
    assert.match(gelu, /\|\s*62\s*\|\s*4,473 ms\s*\|/);
    assert.match(gelu, /not met: performance 62 \(≥ 90\), TBT 4,473 ms \(≤ 300 ms\)/);
    assert.equal(rows.filter((l) => /\| met\s*\|$/.test(l)).length, DEFAULT_PAGES.length - 1);
    assert.match(mdx, /293 KiB/);
    await compiles(mdx);
  });

  test('says how fast Lighthouse rated the machine: the median benchmark index of the runs kept, set-aside runs not counted', async () => {
    const pages = DEFAULT_PAGES.map((p, i) =>
      pageResult(p, run({ benchmarkIndex: 2000 + i }), {
        slowHostRuns: [run({ benchmarkIndex: 10 })],
        runs: [run({ benchmarkIndex: 1000 }), run({ benchmarkIndex: 2000 + i }), run({ benchmarkIndex: 3000 })],
      }),
    );
    const r = { ...results(pages), settings: { ...results().settings, minBenchmarkIndex: 100 } };
    assert.equal(hostBenchmarkIndex(r), 2000 + (DEFAULT_PAGES.length - 1) / 2);
    const mdx = pagesSection(validatePagesResults(r));
    assert.match(mdx, new RegExp(`rated this one ${Math.round(2000 + (DEFAULT_PAGES.length - 1) / 2)} on its benchmarkIndex`));
    await compiles(mdx);
  });

  test('says how many runs were set aside on a slow host, and under what threshold', async () => {
    const pages = DEFAULT_PAGES.map((p, i) => pageResult(p, run(), i < 2 ? { slowHostRuns: [run({ benchmarkIndex: 400 })] } : {}));
    const r = results(pages);
    const withMin = { ...r, settings: { ...r.settings, minBenchmarkIndex: 1000 } };
    const mdx = pagesSection(validatePagesResults(withMin));
    assert.match(mdx, /scored under 1000 on Lighthouse’s benchmarkIndex/);
    assert.match(mdx, /again: 2 were\./);
    assert.doesNotMatch(mdx, /first paint/);
    assert.doesNotMatch(pagesSection(validatePagesResults(results())), /scored under|set aside/);
    assert.throws(() => validatePagesResults(r), /slowHostRuns\[0\] has benchmarkIndex 400, not under settings.minBenchmarkIndex 0/);
    await compiles(mdx);
  });

  test('says how many runs were set aside for a stalled first paint, with the upstream issue', async () => {
    const pages = DEFAULT_PAGES.map((p, i) => pageResult(p, run(), i === 0 ? { paintStalledRuns: [run({ paintStallMs: 1400 })] } : {}));
    const r = results(pages);
    const mdx = pagesSection(validatePagesResults({ ...r, settings: { ...r.settings, minBenchmarkIndex: 1000, paintStallMs: 500 } }));
    assert.match(mdx, /again: none was\./);
    assert.match(mdx, /first paint came 500 ms or more after the page had loaded/);
    assert.match(mdx, /\[lighthouse#17148\]\(https:\/\/github\.com\/GoogleChrome\/lighthouse\/issues\/17148\)\): 1 was\./);
    await compiles(mdx);
  });

  test('text that means something in MDX stays text', async () => {
    const odd = '/docs/{odd}<b>*x*';
    const audits = [{ id: 'html-has-lang', title: '`<html>` element does not have a `[lang]` attribute {x}', elements: [] }];
    const pages = [pageResult(odd, run({ accessibility: 90 }), { failingAccessibilityAudits: audits }), ...DEFAULT_PAGES.map((p) => pageResult(p, run()))];
    const mdx = pagesSection(validatePagesResults(results(pages)));
    await compiles(mdx);
    assert.ok(mdx.includes('`/docs/{odd}<b>*x*`'), 'the path as inline code');
    assert.ok(mdx.includes('`<html>`'), 'the audit title’s code spans as code');
    assert.ok(!/[^\\`]\{x\}/.test(mdx), 'the brace in the title escaped');
  });

  test('a page without a result says why', async () => {
    const hung: PageResult = {
      path: '/docs/experiments',
      kind: 'other',
      error: 'PAGE_HUNG: <stopped> {responding}',
      runs: [],
      retries: 2,
      failingAccessibilityAudits: [],
      checks: [],
      met: false,
      warnings: [],
    };
    const mdx = pagesSection(validatePagesResults(results(DEFAULT_PAGES.map((p) => (p === hung.path ? hung : pageResult(p, run()))))));
    assert.match(mdx, /\| `\/docs\/experiments`\s*\|\s*—\s*\|.*not met: no result\s*\|/);
    assert.match(mdx, /PAGE_HUNG/);
    await compiles(mdx);
  });
});

describe('the server', () => {
  let dir: string;
  let server: StaticServer;
  const big = (title: string) => `<!doctype html><html lang="en"><title>${title}</title><body>${'<p>activation functions</p>'.repeat(200)}</body></html>`;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'measure-pages-server-'));
    mkdirSync(path.join(dir, 'docs', 'notebooks'), { recursive: true });
    mkdirSync(path.join(dir, 'assets', 'js'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), big('home'));
    writeFileSync(path.join(dir, 'docs', 'comparison.html'), big('comparison'));
    writeFileSync(path.join(dir, 'docs', 'notebooks', 'index.html'), big('notebooks'));
    writeFileSync(path.join(dir, '404.html'), big('not found'));
    writeFileSync(path.join(dir, 'assets', 'js', 'main.123.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
    server = await startServer(dir);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1, an ephemeral port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('HTML and JavaScript come back gzipped, even to a browser that accepts Brotli', async () => {
    for (const u of ['/', '/assets/js/main.123.js']) {
      const r = await get(server.url + u);
      assert.equal(r.status, 200, u);
      assert.equal(r.headers['content-encoding'], 'gzip', u);
      assert.ok(r.bytes < 2000, `${u}: ${r.bytes} bytes`);
    }
    assert.equal((await checkGzip(server, dir)).length, 2);
  });

  test('clean URLs: /docs/comparison is docs/comparison.html, /docs/notebooks its index.html', async () => {
    for (const u of ['/docs/comparison', '/docs/notebooks', '/docs/notebooks/']) {
      const r = await get(server.url + u);
      assert.equal(r.status, 200, u);
      assert.match(String(r.headers['content-type']), /^text\/html/, u);
    }
  });

  test('anything else is a 404', async () => {
    const r = await get(`${server.url}/docs/nothing`);
    assert.equal(r.status, 404);
  });
});
