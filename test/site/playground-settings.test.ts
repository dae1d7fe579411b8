// The playground's pure logic (website/src/lib/playground): its settings in the URL, and its runs
// against the experiments' trainer. The page itself is tested in a browser by playground.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { activationIds } from '../../src/registry.js';
import { CATALOG, choiceOf, offDefault, referenceRun } from '../helpers/playground.js';
import { training } from '../../src/experiments/training.js';
import { initIds as trainerInitIds } from '../../src/experiments/trainer.js';
import { CHART_POINTS, activationChartSvg, lossChartSvg, thinned } from '../../website/src/lib/playground/charts.js';
import { EVAL_EVERY, SATURATION_THRESHOLD, createRun, impossibleChoice, optimizerSpec, planeOf } from '../../website/src/lib/playground/run.js';
import {
  DEFAULT_SETTINGS,
  POINTS,
  numericFields,
  parseSettings as parseIn,
  runLabels,
  serialiseSettings as serialiseIn,
  type ActivationChoice,
  type Settings,
} from '../../website/src/lib/playground/settings.js';

const parseSettings = (search: string) => parseIn(search, CATALOG);
const serialiseSettings = (s: Settings) => serialiseIn(s, CATALOG);
const planeDatasetIds = CATALOG.datasets;
const initIds = CATALOG.inits;

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    dataset: fc.constantFrom(...planeDatasetIds),
    init: fc.constantFrom(...initIds),
    activation: fc.constantFrom(...activationIds),
    compare: fc.option(fc.constantFrom(...activationIds)),
    offDefault: fc.boolean(),
    numbers: fc.tuple(
      ...numericFields.map((f) =>
        f.integer
          ? fc.integer({ min: f.min, max: f.max })
          : fc.double({ min: f.min, max: f.max, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      ),
    ),
  })
  .map((r): Settings => ({
    ...DEFAULT_SETTINGS,
    ...Object.fromEntries(numericFields.map((f, i) => [f.key, r.numbers[i]])),
    dataset: r.dataset,
    init: r.init,
    activation: r.offDefault ? offDefault(r.activation) : choiceOf(r.activation),
    compare: r.compare === null ? null : offDefault(r.compare),
  }));

describe('playground settings in the URL', () => {
  test('no query gives the defaults and no problem', () => {
    assert.deepEqual(parseSettings(''), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(parseSettings('?'), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  test("the defaults are the training experiment's setting", () => {
    const full = training.fullConfig;
    assert.equal(POINTS, full.data.n);
    assert.equal(DEFAULT_SETTINGS.noise, full.data.noise);
    assert.equal(DEFAULT_SETTINGS.testFraction, full.data.testFraction);
    assert.deepEqual(Array<number>(DEFAULT_SETTINGS.depth).fill(DEFAULT_SETTINGS.width), [...full.hidden]);
    assert.equal(DEFAULT_SETTINGS.init, full.init);
    assert.deepEqual(optimizerSpec(DEFAULT_SETTINGS), full.optimizer);
    assert.equal(DEFAULT_SETTINGS.batchSize, full.batchSize);
  });

  test('serialise then parse gives back the same settings, with no problem (any data set, activation, parameters, numbers)', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const back = parseSettings(serialiseSettings(s));
        assert.deepEqual(back.problems, []);
        assert.deepEqual(back.settings, s);
      }),
      { numRuns: 300 },
    );
  });

  test('every activation of the registry can be chosen by URL, with its parameters, for either network', () => {
    for (const id of activationIds) {
      const choice = offDefault(id);
      const query = serialiseSettings({ ...DEFAULT_SETTINGS, activation: choice, compare: choice });
      const { settings, problems } = parseSettings(query);
      assert.deepEqual(problems, [], id);
      assert.deepEqual(settings.activation, choice, id);
      assert.deepEqual(settings.compare, choice, id);
      assert.equal(parseSettings(`activation=${id}`).settings.activation.id, id);
    }
  });

  test('every setting is written into the URL', () => {
    const query = new URLSearchParams(serialiseSettings({ ...DEFAULT_SETTINGS, activation: choiceOf('leakyRelu'), compare: choiceOf('hardtanh') }));
    const keys = [...query.keys()];
    for (const key of [
      'dataset',
      'init',
      'activation',
      'compare',
      'activation.negativeSlope',
      'compare.minVal',
      'compare.maxVal',
      ...numericFields.map((f) => f.query),
    ]) {
      assert.ok(keys.includes(key), `${key} is missing from ${query.toString()}`);
    }
  });

  test('an invalid value is reported by name, and its setting falls back to the default while the valid ones are kept', () => {
    const cases: [query: string, problem: RegExp, check: (s: Settings) => void][] = [
      ['dataset=iris', /^dataset=iris is not one of spirals, circles, xor, blobs; using spirals\.$/, (s) => assert.equal(s.dataset, DEFAULT_SETTINGS.dataset)],
      ['init=zeros', /^init=zeros is not one of/, (s) => assert.equal(s.init, DEFAULT_SETTINGS.init)],
      ['noise=abc', /^noise=abc is not a number; using 0\.1\.$/, (s) => assert.equal(s.noise, DEFAULT_SETTINGS.noise)],
      ['noise=', /^noise= is not a number/, (s) => assert.equal(s.noise, DEFAULT_SETTINGS.noise)],
      ['depth=2.5', /^depth=2\.5 is not a whole number/, (s) => assert.equal(s.depth, DEFAULT_SETTINGS.depth)],
      ['width=0', /^width=0 is outside 1 to 32/, (s) => assert.equal(s.width, DEFAULT_SETTINGS.width)],
      ['lr=-1', /^lr=-1 is outside/, (s) => assert.equal(s.lr, DEFAULT_SETTINGS.lr)],
      ['seed=Infinity', /^seed=Infinity is not a number/, (s) => assert.equal(s.seed, DEFAULT_SETTINGS.seed)],
      ['activation=swishy', /^activation=swishy is not an activation of the module/, (s) => assert.deepEqual(s.activation, DEFAULT_SETTINGS.activation)],
      ['compare=nope', /^compare=nope is not an activation/, (s) => assert.equal(s.compare, null)],
      ['activation=elu&activation.alpha=7', /^activation\.alpha=7 is outside/, (s) => assert.deepEqual(s.activation, choiceOf('elu'))],
      [
        'activation=gelu&activation.approximate=fast',
        /^activation\.approximate=fast is not one of none, tanh/,
        (s) => assert.deepEqual(s.activation, choiceOf('gelu')),
      ],
      [
        'activation=hardtanh&activation.minVal=0.5',
        /^activation\.minVal=0\.5 is outside -3 to 0; using -1\.$/,
        (s) => assert.deepEqual(s.activation, choiceOf('hardtanh')),
      ],
      ['activation=relu&activation.alpha=1', /^activation\.alpha is not a setting of the playground; ignored\.$/, (s) => assert.equal(s.activation.id, 'relu')],
      ['speed=9', /^speed is not a setting/, (s) => assert.deepEqual(s, DEFAULT_SETTINGS)],
    ];
    for (const [query, problem, check] of cases) {
      const { settings, problems } = parseSettings(`${query}&batch=5`);
      assert.equal(problems.length, 1, `${query}: ${JSON.stringify(problems)}`);
      assert.match(problems[0]!, problem, query);
      check({ ...settings, batchSize: DEFAULT_SETTINGS.batchSize });
      assert.equal(settings.batchSize, 5, `${query}: a valid setting next to an invalid one is kept`);
    }
  });
});

describe('playground runs', () => {
  const mish: Settings = { ...DEFAULT_SETTINGS, activation: choiceOf('mish'), seed: 1 };

  test("a run stepped by the playground gives the experiments' train() numbers exactly: batch losses, training and test loss", () => {
    const run = createRun(mish, mish.activation);
    const steps = 3 * EVAL_EVERY + 7;
    run.advance(steps);
    const reference = referenceRun(mish, mish.activation, steps);
    const snap = run.snapshot();
    assert.equal(snap.step, steps);
    assert.equal(snap.batchLoss, reference.batchLoss);
    assert.equal(snap.trainLoss, reference.trainLoss);
    assert.equal(snap.testLoss, reference.testLoss);
    assert.deepEqual(run.curve.step, [0, 10, 20, 30]);
  });

  test('the two networks of a comparison start from the same weights and see the same batches', () => {
    const s: Settings = { ...mish, compare: choiceOf('relu') };
    const a = createRun(s, s.activation);
    const b = createRun(s, s.compare!);
    assert.deepEqual(a.net.weights, b.net.weights);
    assert.deepEqual(a.split, b.split);
    // Same batches: with the same activation the two would stay identical, so after a few steps only the activation differs.
    const c = createRun(s, s.activation);
    a.advance(5);
    c.advance(5);
    assert.deepEqual(a.net.weights, c.net.weights);
  });

  test('layer measures: before a step no gradient; a layer pushed below zero is dead for ReLU, not for Leaky ReLU, and saturated for both (0.01 is under a tenth of its largest slope)', () => {
    for (const id of ['relu', 'leakyRelu'] as const) {
      const s: Settings = { ...DEFAULT_SETTINGS, activation: choiceOf(id) };
      const run = createRun(s, s.activation);
      const before = run.snapshot();
      assert.equal(before.layers.length, s.depth);
      assert.ok(before.layers.every((l) => l.meanAbsGrad === null));
      assert.equal(before.batchLoss, null);
      run.net.biases[0]!.fill(-1e3);
      const layer0 = run.snapshot().layers[0]!;
      assert.equal(layer0.dead, id === 'relu' ? 1 : 0, id);
      assert.equal(layer0.saturated, 1, id);
      run.net.biases[0]!.fill(0);
      run.advance(1);
      assert.ok(
        run.snapshot().layers.every((l) => l.meanAbsGrad !== null && l.meanAbsGrad > 0),
        `${id}: no gradient after a step`,
      );
    }
  });

  test('the plane holds every point, and the probabilities over it sum to 1 in every cell', () => {
    for (const dataset of planeDatasetIds) {
      const s: Settings = { ...DEFAULT_SETTINGS, dataset };
      const run = createRun(s, s.activation);
      const plane = planeOf(run.split, 16);
      for (const d of [run.split.train, run.split.test]) for (const v of d.x) assert.ok(v > plane.min && v < plane.max, `${dataset}: ${v} outside the plane`);
      const p = run.probabilities(plane);
      const k = run.split.train.classes;
      assert.equal(p.length, 16 * 16 * k);
      for (let i = 0; i < 16 * 16; i++) {
        const sum = p.subarray(i * k, (i + 1) * k).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) < 1e-6, `${dataset}: cell ${i} sums to ${sum}`);
      }
    }
  });
});

describe('what the page knows of the module: the catalog, and the worker’s checks and charts', () => {
  test('the catalog is plain JSON, lists every activation of the registry in order with its parameters and defaults, and the plane’s data sets', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(CATALOG)), CATALOG);
    assert.deepEqual(
      CATALOG.activations.map((a) => a.id),
      [...activationIds],
    );
    for (const a of CATALOG.activations) assert.deepEqual(choiceOf(a.id), { id: a.id, params: a.defaults }, a.id);
    assert.deepEqual(CATALOG.datasets, ['spirals', 'circles', 'xor', 'blobs']);
    assert.deepEqual(CATALOG.inits, [...trainerInitIds]);
    assert.equal(CATALOG.saturationThreshold, SATURATION_THRESHOLD);
  });

  test('the default activation is ReLU with the registry’s defaults', () => {
    assert.deepEqual(DEFAULT_SETTINGS.activation, choiceOf('relu'));
  });

  test('parameters each in range but impossible together are the worker’s to refuse, naming the network and the reason', () => {
    const hardtanh = { id: 'hardtanh' as const, params: { minVal: 1, maxVal: 0.5 } };
    assert.equal(impossibleChoice({ ...DEFAULT_SETTINGS, compare: choiceOf('gelu') }), null);
    assert.deepEqual(impossibleChoice({ ...DEFAULT_SETTINGS, activation: hardtanh }), {
      target: 'activation',
      message: "hardtanh: parameter 'minVal' (1) must not exceed 'maxVal' (0.5)",
    });
    assert.equal(impossibleChoice({ ...DEFAULT_SETTINGS, compare: hardtanh })?.target, 'compare');
    // The page's own reading of an address does not catch it: only the function's code knows.
    assert.deepEqual(parseSettings('activation=hardtanh&activation.minVal=-1&activation.maxVal=1').problems, []);
  });

  test('the charts the worker draws: two curves per network, and at most about CHART_POINTS points per loss curve', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, activation: choiceOf('mish'), compare: choiceOf('gelu') };
    const labels = runLabels(CATALOG, s);
    assert.deepEqual(labels, ['Mish', 'GELU']);
    const traces = (svg: string) => svg.match(/class="af-trace /g)?.length ?? 0;
    assert.equal(traces(activationChartSvg(s, labels)), 4);
    const n = 10 * CHART_POINTS + 7;
    const curve = { step: Array.from({ length: n }, (_, i) => i * 10), train: Array(n).fill(1), test: Array(n).fill(2) };
    const svg = lossChartSvg([curve, curve], labels);
    assert.equal(traces(svg), 4);
    assert.match(svg, /Mish: training/);
    const thin = thinned(curve);
    assert.ok(thin.step.length <= CHART_POINTS + 1 && thin.step.length > CHART_POINTS / 2, `${thin.step.length} points kept of ${n}`);
    assert.equal(thin.step[0], 0);
    assert.equal(thin.step.at(-1), curve.step.at(-1), 'the last point is kept');
    assert.equal(thinned({ step: [0, 10], train: [1, 1], test: [2, 2] }).step.length, 2);
  });

  test('two networks of the same function are numbered', () => {
    assert.deepEqual(runLabels(CATALOG, { ...DEFAULT_SETTINGS, activation: choiceOf('elu'), compare: choiceOf('elu') }), ['ELU #1', 'ELU #2']);
    assert.deepEqual(runLabels(CATALOG, { ...DEFAULT_SETTINGS, activation: choiceOf('elu', { alpha: 2 }) }), ['ELU (alpha = 2)']);
  });
});
