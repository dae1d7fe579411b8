/**
 * The benchmark's report code (bench/lib/report.ts) on made-up runs: the summary math (geometric
 * means over the common functions, ratios, the goals, the split by kernel group), the tables, and
 * coverage (what the bench run itself demands: every function, every engine, a number or a reason).
 * Then the committed bench/results.json for what it holds: valid, self-consistent, and rendered as
 * bench/results.md. A function of the registry missing from it (added since the last run) is not a
 * failure: `npm test` never needs a fresh `npm run bench`. Nothing is timed.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ENGINES,
  KERNEL_GROUPS,
  KERNEL_GROUP_ORDER,
  accuracyTable,
  coverageProblems,
  functionTables,
  gapRows,
  gapTables,
  geomeans,
  goalTable,
  goals,
  gapReasons,
  metCell,
  renderMarkdown,
  unmeasuredFunctions,
  type BenchResults,
  type EngineId,
  type KernelGroupIndex,
  type Measurement,
} from '../../bench/lib/report.js';
import { kernelGroupIndex } from '../../bench/lib/cases.js';
import { registryFunctions, syntheticRun } from './synthetic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fakeRun(values: Record<string, Partial<Record<EngineId, number | null>>>): BenchResults {
  const measurements: Measurement[] = [];
  for (const [key, perEngine] of Object.entries(values))
    for (const engine of ENGINES) {
      const v = perEngine[engine];
      measurements.push({ case: key, dtype: 'float32', n: 100, engine, nsPerElement: v ?? null, ...(v == null ? { reason: 'no op' } : {}) });
    }
  return {
    schema: 1,
    command: 'npm run bench',
    date: '2025-01-01T00:00:00.000Z',
    durationSeconds: 1,
    machine: { cpu: 'test', cores: 1, memoryGiB: 1, platform: 'test' },
    versions: {},
    settings: { sizes: [100], dtypes: ['float32'], inputs: '', timing: '' },
    engines: ENGINES.map((id) => ({ id, label: id, description: '', status: 'ok' })),
    cases: Object.keys(values).map((key) => ({ key, id: key, kind: 'activation' as const, label: key, params: {}, main: true })),
    measurements,
    floor: [
      { dtype: 'float32', n: 100, method: 'loop', nsPerElement: 0.5 },
      { dtype: 'float32', n: 100, method: 'set', nsPerElement: 0.25 },
      { dtype: 'float32', n: 100, method: 'alloc', nsPerElement: 1 },
    ],
  };
}

/** The made-up run's kernel groups (in a real run: each function's own `kernelGroup`). */
const GROUPS: KernelGroupIndex = { relu: 'cheap', leakyRelu: 'cheap', gelu: 'gelu' };

const run = fakeRun({
  relu: { ours: 1, oursOut: 0.5, plain: 2, tfjsCpu: 8, tfjsWasm: 1, ort: 1, torch: 0.5 },
  leakyRelu: { ours: 4, oursOut: 0.75, plain: 4, tfjsCpu: 8, tfjsWasm: 4, ort: null, torch: 1 },
  gelu: { ours: 16, oursOut: 16, plain: 8, tfjsCpu: null, tfjsWasm: null, ort: 4, torch: 2 },
});

test('geometric means: per engine, over the functions ours, it and PyTorch all have', () => {
  const rows = geomeans(run, 'float32', 100);
  const ours = rows.find((r) => r.engine === 'ours')!;
  assert.deepEqual(ours.functions, ['relu', 'leakyRelu', 'gelu']);
  assert.ok(Math.abs(ours.ours - 4) < 1e-12); // (1·4·16)^(1/3)
  assert.ok(Math.abs(ours.torch - 1) < 1e-12); // (0.5·1·2)^(1/3)
  assert.ok(Math.abs(ours.oursOverTorch - 4) < 1e-12);
  const tfjs = rows.find((r) => r.engine === 'tfjsCpu')!;
  assert.deepEqual(tfjs.functions, ['relu', 'leakyRelu']);
  assert.ok(Math.abs(tfjs.ours - 2) < 1e-12);
  assert.ok(Math.abs(tfjs.engineValue - 8) < 1e-12);
  assert.ok(Math.abs(tfjs.oursOverEngine - 0.25) < 1e-12);
  const ort = rows.find((r) => r.engine === 'ort')!;
  assert.deepEqual(ort.functions, ['relu', 'gelu']);
  assert.ok(Math.abs(ort.engineOverTorch - 2) < 1e-12); // (1/0.5 · 4/2)^(1/2)
});

test('goals: ours/PyTorch ≤ 2, ahead of the JS peers, relu and leakyRelu within 2× of the memory floor', () => {
  const g = goals(run);
  const find = (prefix: string) => g.find((x) => x.goal.startsWith(prefix))!;
  assert.equal(find('ours/PyTorch').met, false);
  assert.ok(Math.abs(find('ours/PyTorch').value! - 4) < 1e-12);
  assert.equal(find('ours/tfjs cpu').met, true);
  assert.equal(find('ours/tfjs wasm').met, false); // (1·4)^½ = 2 vs (1·4)^½ = 2: not ahead
  assert.equal(find('relu: ours (out)').value, 2); // 0.5 / min(0.5, 0.25)
  assert.equal(find('relu: ours (out)').met, true);
  assert.equal(find('leakyRelu: ours (out)').value, 3);
  assert.equal(find('leakyRelu: ours (out)').met, false);
  assert.equal(find('relu: ours / memory floor with allocation').value, 1);
  assert.equal(metCell(find('ours/PyTorch')), 'NO');
  assert.equal(metCell(find('relu: ours (out)')), 'yes');
});

test('goals: with PyTorch skipped, ours/PyTorch is not measured, not missed; the other goals still count', () => {
  const noTorch = { ...run, measurements: run.measurements.filter((m) => m.engine !== 'torch') };
  const g = goals(noTorch).find((x) => x.goal.startsWith('ours/PyTorch'))!;
  assert.equal(g.value, null);
  assert.equal(metCell(g), 'not measured');
  assert.ok(goalTable(noTorch).rows.some((row) => row[0]!.startsWith('ours/PyTorch') && row[5] === 'not measured'));
  assert.ok(goalTable(noTorch).rows.some((row) => row[0]!.startsWith('relu: ours (out)') && row[5] === 'yes'));
});

test('the gap to PyTorch by kind of kernel: group means, shares that multiply to the overall mean, the costs every call pays', () => {
  const rows = gapRows(run, 'float32', 100, GROUPS);
  // relu and leakyRelu are cheap kernels, gelu is alone: ours/PT 1/0.5 = 2 and 4/1 = 4, then 16/2 = 8
  assert.deepEqual(
    rows.map((r) => [r.key, r.functions]),
    [
      ['cheap', ['relu', 'leakyRelu']],
      ['gelu', ['gelu']],
    ],
  );
  assert.ok(Math.abs(rows[0]!.oursOverTorch - Math.sqrt(8)) < 1e-12);
  assert.ok(Math.abs(rows[0]!.outOverTorch! - Math.sqrt(0.75)) < 1e-12); // (0.5/0.5 · 0.75/1)^½
  assert.ok(Math.abs(rows[0]!.share - 8 ** (1 / 3)) < 1e-12); // (√8)^(2/3)
  assert.ok(Math.abs(rows[1]!.share - 2) < 1e-12); // 8^(1/3)
  const overall = geomeans(run, 'float32', 100).find((r) => r.engine === 'ours')!.oursOverTorch;
  assert.ok(Math.abs(rows.reduce((a, r) => a * r.share, 1) - overall) < 1e-12);
  // A function in no group is counted under 'other', so the shares still multiply to the mean.
  const extra = fakeRun({ relu: { ours: 1, torch: 0.5 }, mystery: { ours: 9, torch: 1 } });
  const other = gapRows(extra, 'float32', 100, GROUPS);
  assert.deepEqual(
    other.map((r) => r.key),
    ['cheap', 'other'],
  );
  assert.ok(Math.abs(other[0]!.share * other[1]!.share - Math.sqrt(18)) < 1e-12);
  const t = gapTables(run, GROUPS)[0]!;
  assert.deepEqual(
    t.rows.map((r) => r[0]),
    ['piecewise linear and cheap arithmetic', 'GELU (exact, erf)', 'all'],
  );
  assert.equal(t.rows[2]![4], '4.00×');
  // 1 ns per element for new + set, 0.25 for .set, PyTorch relu 0.5; relu (out) 0.5 = 2× the copy
  assert.match(t.notes[0]!, /costs 1\.00 ns per element against 0\.250 .* 2\.00× PyTorch's whole relu/);
  assert.equal(t.notes.length, 2);
  assert.match(t.notes[1]!, /0\.500 ns per element, 2\.00× the fastest copy/);
  const md = renderMarkdown(run, GROUPS);
  assert.match(md, /## Where the distance to PyTorch comes from/);
  // Why each kind is slower: only the groups the run has, naming its functions in the run's order.
  assert.deepEqual(gapReasons(run, GROUPS), [
    `${KERNEL_GROUPS.cheap.label} (relu, leakyRelu): ${KERNEL_GROUPS.cheap.why}`,
    `${KERNEL_GROUPS.gelu.label} (gelu): ${KERNEL_GROUPS.gelu.why}`,
  ]);
  for (const line of gapReasons(run, GROUPS)) assert.ok(md.includes(`- ${line}`), line);
  assert.ok(!md.includes(KERNEL_GROUPS.exp.why));
});

test("a run of every registry function: complete coverage, every kernel group's reason, the groups' shares multiply to the mean", () => {
  const fns = registryFunctions();
  const groups = kernelGroupIndex(fns);
  const full = syntheticRun({ functions: fns });
  const ids = fns.map((f) => f.id);
  assert.deepEqual(coverageProblems(full, ids), []);
  assert.deepEqual(unmeasuredFunctions(full, ids), []);
  const reasons = gapReasons(full, groups);
  assert.equal(reasons.length, KERNEL_GROUP_ORDER.length, 'every kernel group has functions in the registry');
  for (const key of KERNEL_GROUP_ORDER) {
    const members = fns.filter((f) => f.kernelGroup === key).map((f) => f.id);
    assert.ok(reasons.includes(`${KERNEL_GROUPS[key].label} (${members.join(', ')}): ${KERNEL_GROUPS[key].why}`), key);
  }
  for (const dtype of full.settings.dtypes)
    for (const n of full.settings.sizes) {
      const rows = gapRows(full, dtype, n, groups);
      assert.ok(!rows.some((r) => r.key === 'other'), 'every function is in a known group');
      assert.equal(
        rows.reduce((a, r) => a + r.functions.length, 0),
        ids.length,
      );
      const overall = geomeans(full, dtype, n).find((r) => r.engine === 'ours')!.oursOverTorch;
      assert.ok(Math.abs(rows.reduce((a, r) => a * r.share, 1) / overall - 1) < 1e-12);
    }
  // The functions tables: a row per case (variants marked), in the run's order.
  assert.deepEqual(
    functionTables(full)[0]!.rows.map((r) => r[0]),
    full.cases.map((c) => (c.main ? c.label : `${c.label} †`)),
  );
  assert.match(renderMarkdown(full, groups), /## Accuracy/);
});

test('a run without a function added since: the run itself reports it as missing, the tests and the page do not need it', () => {
  const fns = registryFunctions();
  const ids = fns.map((f) => f.id);
  const dropped = [ids[1]!, ids[ids.length - 1]!];
  const older = syntheticRun({ functions: fns.filter((f) => !dropped.includes(f.id)) });
  // bench/run.ts demands full coverage of its own run (it exits 1 and names what is missing) …
  assert.deepEqual(
    coverageProblems(older, ids),
    dropped.map((id) => `no case for ${id}`),
  );
  // … while the report renders what the run has, and names what it lacks as not measured yet.
  assert.deepEqual(unmeasuredFunctions(older, ids), dropped);
  const md = renderMarkdown(older, kernelGroupIndex(fns));
  for (const id of dropped) assert.ok(!new RegExp(`^\\| ${id} `, 'm').test(md), `${id} has no row`);
});

test("the accuracy table: each engine's largest distance in ulps per function, how many are within 1 ulp", () => {
  assert.equal(accuracyTable(run), null); // a run without accuracy entries has no table
  const entry = (c: string, engine: EngineId, maxUlps: number | null) => ({
    case: c,
    dtype: 'float32' as const,
    n: 100,
    engine,
    maxUlps,
    ...(maxUlps == null ? { reason: 'no op' } : {}),
  });
  const withAcc = {
    ...run,
    accuracy: [
      entry('relu', 'ours', 0),
      entry('leakyRelu', 'ours', 1),
      entry('gelu', 'ours', 0),
      entry('relu', 'tfjsWasm', 0),
      entry('leakyRelu', 'tfjsWasm', 3),
      entry('gelu', 'tfjsWasm', null),
      { ...entry('gelu', 'torch', null), nanMismatch: true },
      entry('relu', 'torch', 0),
    ],
  };
  const t = accuracyTable(withAcc)!;
  assert.deepEqual(t.header, ['function', 'ours', 'tfjs wasm', 'PyTorch']);
  assert.deepEqual(t.rows, [
    ['relu', '0', '0', '0'],
    ['leakyRelu', '1', '3', 'n/a'],
    ['gelu', '0', 'n/a', 'NaN'],
  ]);
  assert.ok(t.notes.includes('ours: 3 of 3 within 1 ulp; tfjs wasm: 1 of 2 within 1 ulp; PyTorch: 1 of 2 within 1 ulp'), t.notes.join('\n'));
  assert.match(renderMarkdown(withAcc, GROUPS), /## Accuracy/);
});

test('tables and Markdown show n/a with the reason, and coverage finds what is missing', () => {
  const t = functionTables(run)[0]!;
  assert.deepEqual(
    t.rows.map((r) => r[0]),
    ['relu', 'leakyRelu', 'gelu'],
  );
  assert.ok(t.rows[2]!.includes('n/a'));
  const md = renderMarkdown(run, GROUPS);
  assert.match(md, /tfjs cpu: no op \(gelu; float32\)/);
  assert.deepEqual(coverageProblems(run, ['relu', 'gelu']), []);
  assert.deepEqual(coverageProblems(run, ['relu', 'mish']), ['no case for mish']);
  const broken = { ...run, measurements: run.measurements.filter((m) => !(m.case === 'gelu' && m.engine === 'ort')) };
  assert.deepEqual(coverageProblems(broken, ['gelu']), ['gelu float32 n=100: no entry for ort']);
});

const RESULTS = path.join(ROOT, 'bench', 'results.json');

test('bench/results.json (committed, from `npm run bench`) is a complete, valid run of the functions it has, rendered as bench/results.md', (t) => {
  if (!existsSync(RESULTS)) {
    // The performance page then says nothing is measured yet (test/bench/performance-page.test.ts).
    t.skip('bench/results.json is not committed: run `npm run bench`');
    return;
  }
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
  assert.equal(results.schema, 1);
  assert.equal(results.command, 'npm run bench', 'the committed results come from a full run');
  const fns = registryFunctions();
  const ids = fns.map((f) => f.id);
  // Complete for the functions it measured: every engine has a number or a reason, nothing skipped.
  const measured = results.cases.filter((c) => c.main).map((c) => c.id);
  assert.deepEqual(coverageProblems(results, measured), []);
  assert.equal(new Set(results.cases.map((c) => c.key)).size, results.cases.length, 'case keys are unique');
  for (const m of results.measurements)
    assert.ok(
      results.cases.some((c) => c.key === m.case),
      `a measurement of ${m.case}, which has no case`,
    );
  assert.ok(results.settings.sizes.length > 0 && results.settings.sizes.every((n) => Number.isInteger(n) && n > 0), 'sizes');
  assert.ok(results.settings.dtypes.length > 0 && results.settings.dtypes.every((d) => d === 'float32' || d === 'float64'), 'dtypes');
  for (const e of ENGINES)
    assert.ok(
      results.engines.some((x) => x.id === e),
      `no engine ${e}`,
    );
  for (const key of ['cpu', 'cores']) assert.ok((results.machine as unknown as Record<string, unknown>)[key], `machine.${key}`);
  for (const key of ['node', 'torch', '@tensorflow/tfjs-core', 'onnxruntime-node']) assert.ok(results.versions[key], `versions.${key}`);
  // Engines that ran have numbers: ours and PyTorch for every function.
  for (const m of results.measurements)
    if (m.engine === 'ours' || m.engine === 'torch')
      assert.ok(m.nsPerElement != null && m.nsPerElement > 0, `${m.engine} ${m.case} ${m.dtype} ${m.n}: ${m.reason}`);
  // float32 accuracy on the bench's inputs: ours for every case, within the module's 1 ulp.
  for (const c of results.cases) {
    const a = results.accuracy?.find((x) => x.case === c.key && x.engine === 'ours');
    assert.ok(a && a.maxUlps != null, `no float32 accuracy for ours ${c.key}`);
    assert.ok(a.maxUlps <= 1, `ours ${c.key}: ${a.maxUlps} ulps from the exact value`);
  }
  const missing = unmeasuredFunctions(results, ids);
  const gone = measured.filter((id) => !ids.includes(id));
  t.diagnostic(
    `results of ${results.date}${missing.length ? `; not measured yet (run \`npm run bench\`): ${missing.join(', ')}` : ''}${gone.length ? `; no longer in the registry: ${gone.join(', ')}` : ''}`,
  );
  // The Markdown next to it is the rendering of the same run (after a change to the report code:
  // `npx tsx bench/run.ts --render-only` rewrites it without measuring).
  const md = path.join(ROOT, 'bench', 'results.md');
  assert.ok(existsSync(md), 'bench/results.md is missing');
  assert.equal(
    readFileSync(md, 'utf8'),
    renderMarkdown(results, kernelGroupIndex(fns)),
    'bench/results.md is not the rendering of bench/results.json: run `npx tsx bench/run.ts --render-only`',
  );
});
