/**
 * Reading the reference fixtures written by test/fixtures/generate.py: one per activation
 * (test/fixtures/<file>.json) and one for the softmax family (test/fixtures/softmax.json).
 * Parameters come back decoded (hardtanh's minVal may be -Infinity); case values stay encoded (`dec`
 * them), as the tests index into the rows. See generate.py's docstring for what each field means.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Params } from '../../src/types.js';
import { dec, type Enc } from './numeric.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface Extra {
  /** PyTorch on the whole tensor (its vectorised loop), where it differs from the rounded exact value (always at x = ±0). */
  tf?: Enc;
  tdf?: Enc;
  /** PyTorch on x alone (its scalar loop), where it differs from the whole-tensor value. */
  sf?: Enc;
  sdf?: Enc;
  /** Mathematical limits at ±Infinity where they differ from PyTorch's value. */
  lf?: Enc;
  ldf?: Enc;
  /** |x·f′(x)| (|x·f″(x)|) near a zero of f (f′) away from 0: the scale of an absolute tolerance. */
  zf?: number;
  zdf?: number;
  /** Relative condition numbers |x·f′/f| and |x·f″/f′| where above 1 ("Infinity" at a zero of f or f′, or a jump). */
  fc?: Enc;
  dfc?: Enc;
}

/** [x, f rounded, residual ulps, f′ rounded, residual ulps, extra]; at non-finite x, PyTorch's values. */
export type Case = [Enc, Enc, number, Enc, number, Extra?];

export interface Disagreement {
  readonly inputs: number;
  /** [x, PyTorch, exact rounded, ulps] */
  readonly worst: readonly Enc[];
  readonly examples: readonly (readonly Enc[])[];
}

export interface ParamSet {
  params: Params;
  cases: Case[];
  /** Finite inputs where PyTorch float64 (whole tensor) is more than 4 ulps from the exact value. */
  pytorchDisagreements?: { forward?: Disagreement; derivative?: Disagreement };
}

export interface Float32Set {
  params: Params;
  /** [x, exact f rounded to float32] */
  cases: [Enc, Enc][];
}

export interface Fixture {
  generatedBy: string;
  id: string;
  /** The function file's Python expressions the fixture was generated from. */
  reference: { torch: string; exact: string; exactDerivative: string };
  paramSets: ParamSet[];
  float32: Float32Set[];
}

/** Parameter values: fixture numbers decoded, other strings (gelu's approximate) kept. */
export function decodeParams(p: Record<string, Enc>): Params {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && ['NaN', 'Infinity', '-Infinity', '-0'].includes(v) ? dec(v) : v]));
}

/** camelCase id → the fixture's file stem (leakyRelu → leaky-relu), as src/activations/ names files. */
export function fixtureFile(id: string): string {
  return `${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;
}

const cache = new Map<string, Fixture>();

/** One activation's fixture, by id (`leakyRelu`) or file name (`leaky-relu.json`). Parsed once. */
export function loadFixture(idOrFile: string): Fixture {
  const file = idOrFile.endsWith('.json') ? idOrFile : fixtureFile(idOrFile);
  let fx = cache.get(file);
  if (!fx) {
    const raw = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Fixture & {
      paramSets?: (Omit<ParamSet, 'params'> & { params: Record<string, Enc> })[];
      float32?: (Omit<Float32Set, 'params'> & { params: Record<string, Enc> })[];
    };
    // Only activation fixtures have parameter sets (functions.json and softmax.json have none).
    for (const set of [...(raw.paramSets ?? []), ...(raw.float32 ?? [])]) set.params = decodeParams(set.params);
    fx = raw as Fixture;
    cache.set(file, fx);
  }
  return fx;
}

/** The parameter set of a fixture whose params equal `params` (key by key). */
export function paramSet(fixture: Fixture, params: Params): ParamSet {
  const set = fixture.paramSets.find(
    (s) => Object.entries(params).every(([k, v]) => Object.is(s.params[k], v)) && Object.keys(s.params).length === Object.keys(params).length,
  );
  if (!set) throw new Error(`${fixture.id}: no fixture for ${JSON.stringify(params)}`);
  return set;
}

/**
 * PyTorch's values at one case: on the whole tensor (`tensor`, its vectorised loop) and on x alone
 * (`alone`, its scalar loop), forward and derivative.
 */
export function torchValues(c: Case): { tensor: { f: number; df: number }; alone: { f: number; df: number } } {
  const [xe, f, , df, , extra = {}] = c;
  // At non-finite x columns 1 and 3 are PyTorch's; elsewhere the rounded exact value unless tf/tdf say otherwise.
  const finite = Number.isFinite(dec(xe));
  const tensor = {
    f: dec(finite && extra.tf !== undefined ? extra.tf : f),
    df: dec(finite && extra.tdf !== undefined ? extra.tdf : df),
  };
  return {
    tensor,
    alone: {
      f: extra.sf !== undefined ? dec(extra.sf) : tensor.f,
      df: extra.sdf !== undefined ? dec(extra.sdf) : tensor.df,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The softmax family

export type VectorId = 'softmax' | 'logSoftmax' | 'softmin';
export const VECTOR_IDS: readonly VectorId[] = ['softmax', 'logSoftmax', 'softmin'];

/** One vector of softmax.json, decoded. */
export interface VectorCase {
  readonly xs: number[];
  /** The upstream gradient PyTorch's vector-Jacobian products were taken with. */
  readonly v: number[];
  /** Per function: rows [exact rounded, residual ulps, condition scale] where exact values exist. */
  readonly rows: Partial<Record<VectorId, [number, number, number][]>>;
  /** PyTorch's output and its autograd vector-Jacobian product for v. */
  readonly torch: Record<VectorId, { output: number[]; vjp: number[] }>;
  /**
   * The exact values rounded, when every function has them (inputs finite; -Infinity entries
   * allowed), else null — the shape test/vector.test.ts reads.
   */
  readonly exact: Record<VectorId, number[]> | null;
}

export interface VectorFixture {
  readonly generatedBy: string;
  readonly vectors: readonly VectorCase[];
}

let vectorCache: VectorFixture | undefined;

export function loadVectorFixture(): VectorFixture {
  if (vectorCache) return vectorCache;
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'softmax.json'), 'utf8')) as {
    generatedBy: string;
    vectors: ({ x: Enc[]; v: Enc[] } & Record<string, unknown>)[];
  };
  const vectors = raw.vectors.map((e): VectorCase => {
    const rows: Partial<Record<VectorId, [number, number, number][]>> = {};
    for (const id of VECTOR_IDS) {
      const r = e[id] as [Enc, number, number][] | undefined;
      if (r) rows[id] = r.map(([y, res, z]) => [dec(y), res, z]);
    }
    const torch = Object.fromEntries(
      VECTOR_IDS.map((id) => [id, { output: (e[`${id}Torch`] as Enc[]).map(dec), vjp: (e[`${id}TorchVjp`] as Enc[]).map(dec) }]),
    ) as VectorCase['torch'];
    const exact = VECTOR_IDS.every((id) => rows[id])
      ? (Object.fromEntries(VECTOR_IDS.map((id) => [id, rows[id]!.map((r) => r[0])])) as Record<VectorId, number[]>)
      : null;
    return { xs: e.x.map(dec), v: e.v.map(dec), rows, torch, exact };
  });
  vectorCache = { generatedBy: raw.generatedBy, vectors };
  return vectorCache;
}
