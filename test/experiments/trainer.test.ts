import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blobs, circles, datasetIds, iris, loadDataset, spirals, xor } from '../../src/experiments/data.js';
import { createRandom, permutation, seedFrom } from '../../src/experiments/random.js';
import { median, medianInterval, quantile } from '../../src/experiments/stats.js';
import {
  backward,
  createNetwork,
  createTraining,
  crossEntropy,
  forward,
  outputIds,
  train,
  type Network,
  type OutputId,
} from '../../src/experiments/trainer.js';

function lossOf(net: Network, x: Float64Array, y: Int32Array, classes: number, output: OutputId): number {
  return crossEntropy(forward(net, x, y.length).logits, y, y.length, classes, output).loss;
}

describe('trainer: backpropagation matches finite differences', () => {
  for (const activation of ['tanh', 'softplus', 'gelu', 'elu', 'silu']) {
    for (const output of outputIds) {
      test(`${activation} hidden layers, ${output} output`, () => {
        const rng = createRandom(seedFrom('gradcheck', activation, output));
        const net = createNetwork({ sizes: [3, 5, 4, 3], activation, init: 'glorot' }, rng);
        // Non-zero biases so that every weight and bias is exercised.
        for (const b of net.biases) for (let i = 0; i < b.length; i++) b[i] = 0.3 * rng.normal();
        const n = 6;
        const x = rng.normals(n * 3);
        const y = Int32Array.from({ length: n }, (_, i) => i % 3);
        const pass = forward(net, x, n);
        const grads = backward(net, pass, crossEntropy(pass.logits, y, n, 3, output).dLogits);
        const params = [...net.weights, ...net.biases];
        const analytic = [...grads.weights, ...grads.biases];
        const h = 1e-6;
        params.forEach((p, k) => {
          for (let i = 0; i < p.length; i++) {
            const keep = p[i]!;
            p[i] = keep + h;
            const up = lossOf(net, x, y, 3, output);
            p[i] = keep - h;
            const down = lossOf(net, x, y, 3, output);
            p[i] = keep;
            const numeric = (up - down) / (2 * h);
            const got = analytic[k]![i]!;
            assert.ok(
              Math.abs(got - numeric) <= 1e-6 * Math.max(1, Math.abs(numeric)),
              `parameter array ${k}[${i}]: backprop ${got}, finite difference ${numeric}`,
            );
          }
        });
      });
    }
  }
});

describe('trainer: outputs and training', () => {
  test('the three softmax-family outputs give the same loss and gradient to rounding', () => {
    const logits = Float64Array.of(0.5, -1, 2, 3, 0, -2);
    const y = Int32Array.of(2, 0);
    const base = crossEntropy(logits, y, 2, 3, 'logSoftmax');
    for (const output of outputIds) {
      const r = crossEntropy(logits, y, 2, 3, output);
      assert.ok(Math.abs(r.loss - base.loss) < 1e-14, `${output}: loss ${r.loss} vs ${base.loss}`);
      r.dLogits.forEach((g, i) => assert.ok(Math.abs(g - base.dLogits[i]!) < 1e-15, `${output}: dLogits[${i}] ${g} vs ${base.dLogits[i]}`));
      assert.equal(r.correct, 2);
    }
  });

  test('training is reproducible from the seed and lowers the loss', () => {
    const run = () => {
      const rng = createRandom(7);
      const split = loadDataset('blobs', { n: 90, noise: 0.1, testFraction: 0.3 }, rng);
      const net = createNetwork({ sizes: [2, 8, 3], activation: 'relu', init: 'he' }, rng);
      return train({ net, train: split.train, steps: 100, batchSize: 16, optimizer: { kind: 'adam', lr: 0.01 }, rng });
    };
    const a = run();
    const b = run();
    assert.deepEqual(a, b);
    assert.ok(median([...a.slice(-10)]) < median([...a.slice(0, 10)]), `loss did not fall: ${a[0]} → ${a[a.length - 1]}`);
  });

  test('step by step (createTraining) is train() exactly: the same batch losses and the same final weights, with a new epoch mid-way', () => {
    const setup = () => {
      const rng = createRandom(11);
      // 42 training rows in batches of 16: epochs end mid-batch, so the reshuffles are exercised.
      const split = loadDataset('spirals', { n: 60, noise: 0.1, testFraction: 0.3 }, rng);
      const net = createNetwork({ sizes: [2, 6, 6, 2], activation: 'mish', init: 'glorot' }, rng);
      return { rng, split, net, optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 } as const };
    };
    const a = setup();
    const losses = train({ net: a.net, train: a.split.train, steps: 25, batchSize: 16, optimizer: a.optimizer, rng: a.rng });
    const b = setup();
    const seen: number[] = [];
    const training = createTraining({
      net: b.net,
      train: b.split.train,
      batchSize: 16,
      optimizer: b.optimizer,
      rng: b.rng,
      onStep: (s) => void seen.push(s.step),
    });
    const stepped: number[] = [];
    for (let s = 0; s < 25; s++) stepped.push(training.step().loss);
    assert.deepEqual(stepped, [...losses]);
    assert.equal(training.steps, 25);
    assert.deepEqual(
      seen,
      Array.from({ length: 25 }, (_, i) => i),
    );
    assert.deepEqual(b.net.weights, a.net.weights);
    assert.deepEqual(b.net.biases, a.net.biases);
  });

  test('bad inputs fail with the name of what is wrong', () => {
    const rng = createRandom(1);
    assert.throws(() => createNetwork({ sizes: [2, 3, 2], activation: 'nope', init: 'he' }, rng), /unknown activation 'nope'/);
    assert.throws(() => createNetwork({ sizes: [2], activation: 'relu', init: 'he' }, rng), /sizes/);
    assert.throws(() => crossEntropy(Float64Array.of(1, 2), Int32Array.of(5), 1, 2), /label 0 is 5/);
    const net = createNetwork({ sizes: [2, 3, 2], activation: 'relu', init: 'he' }, rng);
    assert.throws(() => forward(net, new Float64Array(3), 2), /input has 3 values/);
  });
});

describe('data sets', () => {
  const rng = () => createRandom(3);
  for (const [name, make, classes] of [
    ['spirals', spirals, 2],
    ['circles', circles, 2],
    ['xor', xor, 2],
    ['blobs', blobs, 3],
  ] as const) {
    test(`${name}: shape, labels and seeded reproducibility`, () => {
      const d = make(120, 0.1, rng());
      assert.equal(d.n, 120);
      assert.equal(d.dim, 2);
      assert.equal(d.classes, classes);
      assert.equal(d.x.length, 240);
      for (let c = 0; c < classes; c++) assert.ok(d.y.filter((v) => v === c).length >= 120 / classes - 40, `class ${c} is rare`);
      assert.ok(d.y.every((v) => v >= 0 && v < classes));
      assert.ok(d.x.every(Number.isFinite));
      assert.deepEqual(make(120, 0.1, rng()), d);
    });
  }

  test('iris: 150 flowers, 4 features, 3 classes of 50', () => {
    const d = iris();
    assert.equal(d.n, 150);
    assert.equal(d.dim, 4);
    assert.equal(d.classes, 3);
    for (let c = 0; c < 3; c++) assert.equal(d.y.filter((v) => v === c).length, 50);
  });

  test('split and standardisation: sizes add up, training features have mean 0 and variance 1', () => {
    for (const id of datasetIds) {
      const s = loadDataset(id, { n: 100, noise: 0.1, testFraction: 0.3 }, createRandom(5));
      const n = id === 'iris' ? 150 : 100;
      assert.equal(s.train.n + s.test.n, n, id);
      assert.equal(s.test.n, Math.round(n * 0.3), id);
      for (let j = 0; j < s.train.dim; j++) {
        const col = Array.from({ length: s.train.n }, (_, i) => s.train.x[i * s.train.dim + j]!);
        const mean = col.reduce((a, b) => a + b, 0) / col.length;
        const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length;
        assert.ok(Math.abs(mean) < 1e-12 && Math.abs(variance - 1) < 1e-12, `${id} feature ${j}: mean ${mean}, variance ${variance}`);
      }
    }
    assert.throws(() => loadDataset('nope' as never, { n: 10, noise: 0, testFraction: 0.5 }, createRandom(1)), /unknown data set 'nope'/);
  });

  test('permutation is a permutation', () => {
    const p = permutation(50, createRandom(9));
    assert.deepEqual(
      [...p].sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i),
    );
  });
});

describe('statistics', () => {
  test('quantile interpolates like NumPy', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([5, 1, 3], 0), 1);
  });
  test('the interval of the median reaches 95% coverage from 6 values', () => {
    const six = medianInterval([6, 1, 5, 2, 4, 3]);
    assert.deepEqual([six.lo, six.hi], [1, 6]);
    assert.ok(six.coverage >= 0.95 && six.coverage < 0.97, String(six.coverage));
    const nine = medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual([nine.lo, nine.hi], [2, 8]);
    assert.ok(nine.coverage >= 0.95, String(nine.coverage));
  });
});
