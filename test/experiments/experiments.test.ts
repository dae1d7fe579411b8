import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  experimentById,
  experimentIds,
  experiments,
  loadResults,
  type CostResult,
  type DeadUnitsResult,
  type Experiment,
  type GradientDepthResult,
  type SaturationResult,
  type SeluFixedPointResult,
  type SoftmaxStabilityResult,
  type TrainingResult,
} from '../../src/experiments/index.js';
import { REPO_ROOT, inputsHash } from '../../src/experiments/inputs.js';
import { activationIds } from '../../src/registry.js';

/** The result with every timing key (at any depth) removed. */
function withoutTimings(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutTimings(v, keys));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !keys.includes(k))
        .map(([k, v]) => [k, withoutTimings(v, keys)]),
    );
  }
  return value;
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('experiments: the list', () => {
  test('ids are unique, kebab-case, and each names its results file', () => {
    assert.equal(new Set(experimentIds).size, experimentIds.length);
    for (const e of experiments) {
      assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(e.resultsPath, `experiments/results/${e.id}.json`);
      assert.ok(e.question.endsWith('?'), `${e.id}: the question should end in '?'`);
      assert.equal(new Set(e.findings.map((f) => f.id)).size, e.findings.length, `${e.id}: duplicate finding ids`);
    }
  });
  test("experimentById('nope') throws a RangeError naming the id", () => {
    assert.throws(
      () => experimentById('nope'),
      (e: unknown) => e instanceof RangeError && /'nope'/.test(e.message),
    );
    assert.equal(experimentById('training').id, 'training');
  });
});

describe('experiments: tiny configurations', () => {
  for (const experiment of experiments) {
    const e: Experiment = experiment;
    test(`${e.id}: runs, validates, and is deterministic apart from timings`, async () => {
      const started = performance.now();
      const a = json(await e.run(e.tinyConfig));
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < 20, `${e.id}: the tiny run took ${seconds.toFixed(1)} s`);
      e.validate(a);
      const b = json(await e.run(e.tinyConfig));
      assert.deepEqual(withoutTimings(b, e.timings ?? []), withoutTimings(a, e.timings ?? []));
      for (const f of e.findings) {
        assert.equal(typeof f.holds(a), 'boolean', `${e.id}/${f.id}`);
        assert.ok(f.detail(a).length > 0);
      }
      assert.ok(e.functions(a).length > 0);
      for (const chart of e.charts(a)) assert.equal(chart.kind, 'data');
      const table = e.table(a);
      assert.ok(table.length >= 2 && table.every((row) => row.length === table[0]!.length), `${e.id}: ragged table`);
    });
  }
  test('validate rejects a broken result, naming what is wrong', () => {
    for (const e of experiments) {
      assert.throws(() => e.validate(null), new RegExp(`${e.id}: result must be an object`));
      assert.throws(() => e.validate({}), new RegExp(`^Error: ${e.id}: result\\.`));
    }
  });
});

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
type GD = DeepMutable<GradientDepthResult>;
type DU = DeepMutable<DeadUnitsResult>;
type SA = DeepMutable<SaturationResult>;
type TR = DeepMutable<TrainingResult>;
type SF = DeepMutable<SeluFixedPointResult>;
type SS = DeepMutable<SoftmaxStabilityResult>;
type CO = DeepMutable<CostResult>;

function find<T>(xs: T[], pred: (x: T) => boolean): T {
  const found = xs.find(pred);
  assert.ok(found !== undefined, 'the committed result lacks a row the doctor needs');
  return found;
}
const tsRow = (r: CO, id: string) => find(find(r.modes, (m) => m.mode === 'ts').rows, (x) => x.activation === id);

/** For every finding, a change to the committed result that must make it fail. */
const doctors: Record<string, (r: never) => void> = {
  'gradient-depth/sigmoid-vanishes': (r: GD) => r.rows.filter((x) => x.activation === 'sigmoid').forEach((x) => (x.ratio = 1)),
  'gradient-depth/tanh-keeps-more-than-sigmoid': (r: GD) => r.rows.filter((x) => x.activation === 'tanh').forEach((x) => (x.ratio = 1e-40)),
  'gradient-depth/rectifiers-he-preserve': (r: GD) => (find(r.rows, (x) => x.activation === 'relu' && x.init === 'he').ratio = 100),
  'gradient-depth/selu-lecun-preserves': (r: GD) => (find(r.rows, (x) => x.activation === 'selu' && x.init === 'lecun').ratio = 1e-3),
  'gradient-depth/softsign-vs-tanh': (r: GD) => {
    for (const init of ['he', 'glorot', 'lecun']) {
      const s = find(r.rows, (x) => x.activation === 'softsign' && x.init === init);
      const t = find(r.rows, (x) => x.activation === 'tanh' && x.init === init);
      [s.ratio, t.ratio] = [t.ratio, s.ratio];
    }
  },
  'dead-units/relu-dead-grows-with-depth': (r: DU) => find(r.depth.rows, (x) => x.activation === 'relu').fraction.reverse(),
  'dead-units/relu-dead-shrinks-with-width': (r: DU) => find(r.width.rows, (x) => x.activation === 'relu').fraction.reverse(),
  'dead-units/high-lr-kills-relu-units': (r: DU) =>
    r.training.rows.filter((x) => x.activation === 'relu').forEach((x) => (x.fraction = x.fraction.map((f) => f.map(() => 0)))),
  'dead-units/leaky-never-dead': (r: DU) => (find(r.depth.rows, (x) => x.activation === 'leakyRelu').fraction[0] = 0.1),
  'dead-units/dead-units-revive': (r: DU) => r.training.rows.filter((x) => x.activation === 'relu').forEach((x) => (x.revived = x.revived.map(() => 0))),
  'saturation/sigmoid-top-layer-saturates': (r: SA) => {
    const s = find(r.rows, (x) => x.activation === 'sigmoid');
    s.saturated = s.saturated.map((l) => l.map(() => 0));
  },
  'saturation/tanh-saturates-less-than-sigmoid': (r: SA) =>
    (find(r.rows, (x) => x.activation === 'tanh').saturated = find(r.rows, (x) => x.activation === 'sigmoid').saturated),
  'saturation/softsign-saturates-less-than-tanh': (r: SA) =>
    (find(r.rows, (x) => x.activation === 'softsign').saturated = find(r.rows, (x) => x.activation === 'tanh').saturated),
  'saturation/hardtanh-saturation-zero-gradient': (r: SA) => (find(r.rows, (x) => x.activation === 'hardtanh').saturatedWithGradient = 1),
  'training/leaky-matches-relu': (r: TR) => r.rows.filter((x) => x.activation === 'leakyRelu').forEach((x) => (x.testAccuracy = x.testAccuracy.map(() => 0))),
  'training/smooth-gated-vs-relu': (r: TR) => {
    // The statement lists the data sets where GELU differs from ReLU; push GELU far from ReLU on one it does not list.
    const d = r.datasets[0];
    const gelu = find(r.rows, (x) => x.activation === 'gelu' && x.dataset === d && x.output === 'logSoftmax');
    const relu = find(r.rows, (x) => x.activation === 'relu' && x.dataset === d && x.output === 'logSoftmax');
    gelu.testAccuracy = gelu.testAccuracy.map(() => (Math.min(...relu.testAccuracy) > 0.5 ? 0 : 1));
  },
  'training/sigmoid-slowest': (r: TR) => r.rows.filter((x) => x.activation === 'sigmoid').forEach((x) => (x.stepsToTarget = x.stepsToTarget.map(() => 0))),
  'training/tanh-faster-than-sigmoid': (r: TR) =>
    r.rows.filter((x) => x.activation === 'tanh').forEach((x) => (x.stepsToTarget = x.stepsToTarget.map(() => null))),
  'training/shrink-functions-vs-relu': (r: TR) =>
    r.rows.filter((x) => x.activation === 'tanhshrink').forEach((x) => (x.testAccuracy = x.testAccuracy.map(() => 1))),
  'training/softmax-outputs-equivalent': (r: TR) => (find(r.rows, (x) => x.output === 'softmax').testLoss[0]! *= 1.1),
  'selu-fixed-point/constants-recovered': (r: SF) => (r.solved.alpha *= 1.001),
  'selu-fixed-point/other-target-solved': (r: SF) => (r.other.residual = 1),
  'selu-fixed-point/converges-within-layers': (r: SF) => (r.map[0]!.settledAt = null),
  'softmax-stability/naive-overflows': (r: SS) => (r.overflowAt += 1),
  'softmax-stability/naive-underflows': (r: SS) => (r.underflowAt -= 5),
  'cost/leaky-as-cheap-as-relu': (r: CO) => (tsRow(r, 'leakyRelu').bestNs = 10 * tsRow(r, 'relu').bestNs),
  'cost/exponential-costlier': (r: CO) => (tsRow(r, 'sigmoid').bestNs = tsRow(r, 'relu').bestNs),
  'cost/hard-cheaper-than-smooth': (r: CO) => (tsRow(r, 'hardsigmoid').bestNs = 10 * tsRow(r, 'sigmoid').bestNs),
};

describe('experiments: committed results', () => {
  for (const e of experiments) {
    test(`${e.id}: the committed file is current, valid, and every finding holds`, () => {
      const file = path.join(REPO_ROOT, e.resultsPath);
      assert.ok(existsSync(file), `${e.resultsPath} is missing: run \`npm run experiments -- ${e.id}\``);
      const results = loadResults(e.id);
      assert.match(results.generatedBy, /npm run experiments/);
      assert.equal(results.experiment, e.id);
      assert.deepEqual(
        results.config,
        json(e.fullConfig),
        `${e.resultsPath} was produced with another configuration: re-run \`npm run experiments -- ${e.id}\``,
      );
      assert.equal(
        results.inputsHash,
        inputsHash(e.id),
        `${e.resultsPath} is stale (its code or the module changed): re-run \`npm run experiments -- ${e.id}\``,
      );
      assert.ok(readFileSync(file, 'utf8').endsWith('\n'));
      for (const f of e.findings) assert.ok(f.holds(results.result), `${e.id}/${f.id} does not hold: ${f.detail(results.result)}`);
      for (const fn of e.functions(results.result)) {
        for (const chart of e.charts(results.result, fn)) assert.equal(chart.kind, 'data');
      }
    });
    test(`${e.id}: each finding can fail (a doctored copy of the committed result breaks it)`, () => {
      const results = loadResults(e.id);
      for (const f of e.findings) {
        const doctor = doctors[`${e.id}/${f.id}`];
        assert.ok(doctor, `no doctored result for ${e.id}/${f.id}: add one to this test`);
        const copy = json(results.result);
        doctor(copy as never);
        assert.equal(f.holds(copy), false, `${e.id}/${f.id} still holds on a doctored result`);
      }
    });
  }
  test("per-function charts only show that function (the site's Evidence charts)", () => {
    const results = loadResults('gradient-depth');
    const e = experimentById('gradient-depth');
    for (const id of activationIds) {
      for (const chart of e.charts(results.result, id)) assert.ok(chart.title.length > 0 && chart.kind === 'data' && chart.series.length === 3, id);
    }
    assert.deepEqual(e.charts(results.result, 'no-such-function'), []);
  });
});

test('what an experiment reproduces names a real paper and one of its findings, which holds on the committed result', async () => {
  const { references } = await import('../../src/references.js');
  const withPapers = experiments.filter((e) => e.reproduces?.length);
  assert.ok(withPapers.length > 0, 'some experiment reproduces a paper');
  for (const e of withPapers) {
    const result = loadResults(e.id).result;
    for (const r of e.reproduces!) {
      assert.ok(references[r.key], `${e.id}: reproduces cites unknown reference '${r.key}'`);
      const finding = e.findings.find((f) => f.id === r.finding);
      assert.ok(finding, `${e.id}: reproduces names finding '${r.finding}', which it does not have`);
      assert.ok(finding.holds(result), `${e.id}/${r.finding} does not hold: ${finding.detail(result)}`);
    }
  }
});
