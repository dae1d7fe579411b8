import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threshold } from '../../src/activations/threshold.js';
import { relu } from '../../src/activations/relu.js';
import { checkFixture, checkMap, MAP_INPUTS } from '../helpers/activation.js';
import { assertSame } from '../helpers/numeric.js';

// Expected values below are PyTorch 1.13's (F.threshold on float64 tensors, autograd for
// derivatives), which computes `x <= threshold ? value : x`.

test('threshold’s defaults are threshold = 0, value = 0 (PyTorch has none): ReLU but for the sign of zero', () => {
  assert.deepEqual({ ...threshold.defaults }, { threshold: 0, value: 0 });
  for (const x of MAP_INPUTS) {
    if (Object.is(x, -0)) continue;
    assertSame(threshold.forward(x), relu.forward(x), `threshold(${x}) = relu(${x})`);
  }
  // -0 ≤ 0: PyTorch returns the value, +0 (relu keeps -0)
  assertSame(threshold.forward(-0), 0, 'threshold(-0)');
  assertSame(threshold.forward(-0, { value: -0 }), -0, 'threshold(-0; value -0)');
});

test('threshold propagates NaN, and its derivative at NaN is 1', () => {
  assertSame(threshold.forward(NaN), NaN, 'threshold(NaN)');
  assertSame(threshold.forward(NaN, { threshold: 0.1, value: 20 }), NaN, 'threshold(NaN; 0.1, 20)');
  assertSame(threshold.derivative(NaN), 1, "threshold'(NaN)");
});

test('threshold gives the value at and below the threshold, the input above it, and 0 / 1 as derivative', () => {
  const p = { threshold: 0.1, value: 20 };
  assertSame(threshold.forward(0.1, p), 20, 'threshold(0.1; 0.1, 20)');
  assertSame(threshold.forward(0.10000000000000002, p), 0.10000000000000002, 'threshold(0.1 + ulp; 0.1, 20)');
  assertSame(threshold.forward(-5, p), 20, 'threshold(-5; 0.1, 20)');
  assertSame(threshold.derivative(0.1, p), 0, "threshold'(0.1; 0.1, 20)");
  assertSame(threshold.derivative(0.10000000000000002, p), 1, "threshold'(0.1 + ulp; 0.1, 20)");
  assertSame(threshold.derivative(0), 0, "threshold'(0)");
  assertSame(threshold.derivative(-0), 0, "threshold'(-0)");
  // a jump of t − v at x = t
  const q = { threshold: 1, value: -2 };
  assertSame(threshold.forward(1, q), -2, 'threshold(1; 1, -2)');
  assertSame(threshold.forward(1.0000000000000002, q), 1.0000000000000002, 'threshold(1 + ulp; 1, -2)');
});

test('threshold at infinities and ±1e308', () => {
  assertSame(threshold.forward(Infinity), Infinity, 'threshold(Infinity)');
  assertSame(threshold.forward(-Infinity), 0, 'threshold(-Infinity)');
  assertSame(threshold.forward(-Infinity, { threshold: 1, value: -2 }), -2, 'threshold(-Infinity; 1, -2)');
  assertSame(threshold.derivative(Infinity), 1, "threshold'(Infinity)");
  assertSame(threshold.derivative(-Infinity), 0, "threshold'(-Infinity)");
  assertSame(threshold.forward(1e308), 1e308, 'threshold(1e308)');
  assertSame(threshold.forward(-1e308), 0, 'threshold(-1e308)');
});

test('threshold accepts an infinite value (masking), as PyTorch does', () => {
  const p = { threshold: 0.5, value: -Infinity };
  assertSame(threshold.forward(0.25, p), -Infinity, 'threshold(0.25; 0.5, -Infinity)');
  assertSame(threshold.forward(0.75, p), 0.75, 'threshold(0.75; 0.5, -Infinity)');
  checkMap(threshold, p);
});

test('threshold rejects a NaN or infinite threshold and a NaN value with a RangeError naming them', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.throws(
      () => threshold.forward(1, { threshold: bad }),
      (e: unknown) => e instanceof RangeError && /'threshold'/.test(String(e)) && String(e).includes(String(bad)),
      `threshold ${bad}`,
    );
  }
  assert.throws(
    () => threshold.map(new Float64Array(1), { value: NaN }),
    (e: unknown) => e instanceof RangeError && /'value'/.test(String(e)) && /NaN/.test(String(e)),
  );
  assert.throws(
    () => threshold.forward(1, { thresh: 1 } as never),
    (e: unknown) => e instanceof TypeError && /thresh/.test(String(e)),
  );
});

test('threshold map matches forward on Float64Array and Float32Array, with out and in place', () => {
  checkMap(threshold);
  checkMap(threshold, { threshold: 0.1, value: 20 });
  checkMap(threshold, { threshold: 1, value: -2 });
  checkMap(threshold, { threshold: -0.7, value: 0.3 });
  // thresholds that are not float32 (rounding up, down), beyond the float32 range, and a tiny one
  for (const t of [0.1, -0.1, 0.7, 3.5e38, -3.5e38, 1e-50, -1e-50]) {
    checkMap(threshold, { threshold: t, value: 1 / 3 }, [...MAP_INPUTS, t, Math.fround(t), -t, Math.fround(-t), 3.4028234663852886e38, -3.4028234663852886e38]);
  }
});

test('threshold is exact (0 ulps) and equals PyTorch bit for bit on the fixture', () => {
  const r = checkFixture(threshold, { fTol: 0, dfTol: 0 });
  assert.ok(r.rows > 3000, `only ${r.rows} fixture rows`);
});

test('threshold’s WebAssembly kernel equals forward, rounded for Float32Array, at awkward thresholds', async () => {
  const { setKernelMode, wasmKernelsReady } = await import('../../src/kernels/wasm.js');
  assert.ok(wasmKernelsReady());
  const previous = setKernelMode('wasm');
  try {
    for (const t of [0, -0, 0.1, -0.1, 0.7, -0.7, 1e-50, -1e-50, 2 ** -149, 3.5e38, -3.5e38, 1e300]) {
      for (const v of [0, -0, 20, 1 / 3, -Infinity]) {
        const near = [t, -t, Math.fround(t), -Math.fround(t)].flatMap((u) => [u, u * (1 + 2 ** -52), u * (1 - 2 ** -52), Math.fround(u * (1 + 2 ** -23))]);
        const inputs = [...MAP_INPUTS, ...near, 3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45, -1.401298464324817e-45];
        for (const Type of [Float64Array, Float32Array]) {
          const xs = Type.from(inputs);
          const ys = threshold.map(xs, { threshold: t, value: v });
          const round = Type === Float32Array ? Math.fround : (u: number) => u;
          xs.forEach((x, i) => assertSame(ys[i]!, round(threshold.forward(x, { threshold: t, value: v })), `${Type.name} t=${t} v=${v} x=${x}`));
        }
      }
    }
  } finally {
    setKernelMode(previous);
  }
});
