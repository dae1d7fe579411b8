/**
 * Made-up bench runs for the tests of the report code and the performance page: the shape of
 * bench/results.json, built from the registry's cases (or any function list), with deterministic
 * numbers, n/a where an engine has no op (as a real run records it), and float32 accuracy. Never the
 * committed file: the tests must not depend on when `npm run bench` last ran.
 */
import { benchCases, benchFunctions, type BenchFunction } from '../../bench/lib/cases.js';
import { ENGINES, type AccuracyEntry, type BenchResults, type Dtype, type EngineId, type Measurement } from '../../bench/lib/report.js';
import * as registry from '../../src/index.js';

export const registryFunctions = (): BenchFunction[] => benchFunctions(registry);

export interface SyntheticOptions {
  /** The functions the run measured (default: every function of the registry). */
  readonly functions?: readonly BenchFunction[];
  readonly sizes?: readonly number[];
  readonly dtypes?: readonly Dtype[];
  readonly date?: string;
}

/** An engine's reason for a function it cannot run, as the real run words it; null when it can. */
function naReason(f: BenchFunction, engine: EngineId, dtype: Dtype): string | null {
  if ((engine === 'tfjsCpu' || engine === 'tfjsWasm') && dtype === 'float64') return 'tfjs has no float64 tensors';
  if ((engine === 'tfjsCpu' || engine === 'tfjsWasm') && !f.tfjs) return `no tfjs op for ${f.id}`;
  if (engine === 'ort' && !f.onnx) return `no single ONNX operator for ${f.id}`;
  if (engine === 'oursOut' && f.kind === 'vector') return `${f.id} takes no out array`;
  return null;
}

export function syntheticRun(options: SyntheticOptions = {}): BenchResults {
  const functions = options.functions ?? registryFunctions();
  const sizes = options.sizes ?? [1e4, 1e6];
  const dtypes = options.dtypes ?? ['float32', 'float64'];
  const byId = new Map(functions.map((f) => [f.id, f]));
  const cases = benchCases(functions);
  const measurements: Measurement[] = [];
  const accuracy: AccuracyEntry[] = [];
  cases.forEach((c, i) => {
    const f = byId.get(c.id)!;
    for (const dtype of dtypes)
      for (const n of sizes)
        ENGINES.forEach((engine, e) => {
          const reason = naReason(f, engine, dtype);
          // Distinct, positive, deterministic: ours 1 + i/8, the engines around it.
          const ns = (1 + i / 8) * (1 + e / 4) * (dtype === 'float64' ? 1.5 : 1) * (n > 1e4 ? 1.25 : 1);
          measurements.push(
            reason
              ? { case: c.key, dtype, n, engine, nsPerElement: null, reason }
              : { case: c.key, dtype, n, engine, nsPerElement: ns, samples: 9, callsPerSample: 3 },
          );
          if (dtype === 'float32' && n === Math.max(...sizes)) {
            accuracy.push(
              reason ? { case: c.key, dtype, n, engine, maxUlps: null, reason } : { case: c.key, dtype, n, engine, maxUlps: engine === 'ours' ? i % 2 : i % 5 },
            );
          }
        });
  });
  return {
    schema: 1,
    command: 'npm run bench',
    date: options.date ?? '2025-02-03T04:05:06.000Z',
    durationSeconds: 123,
    machine: { cpu: 'Synthetic CPU @ 1.00GHz', cores: 2, memoryGiB: 4, platform: 'Linux test x64' },
    versions: { 'activation-functions': '0.0.0', node: 'v20.0.0', torch: '2.0.0', '@tensorflow/tfjs-core': '4.0.0', 'onnxruntime-node': '1.0.0' },
    settings: { sizes, dtypes, inputs: 'synthetic', timing: 'none: made up for a test' },
    engines: ENGINES.map((id) => ({ id, label: id, description: `the ${id} engine`, status: 'ok' })),
    cases: cases.map((c) => ({ key: c.key, id: c.id, kind: c.kind, label: c.label, params: c.params, main: c.main })),
    measurements,
    floor: dtypes.flatMap((dtype) =>
      sizes.flatMap((n) => [
        { dtype, n, method: 'loop' as const, nsPerElement: 0.5 },
        { dtype, n, method: 'set' as const, nsPerElement: 0.25 },
        { dtype, n, method: 'alloc' as const, nsPerElement: 1 },
      ]),
    ),
    accuracy,
  };
}
