/**
 * The playground's settings and their URL form, `/playground?dataset=spirals&activation=mish&seed=1`:
 * every setting is in the query, so a link reproduces a run step for step. Pure (no DOM), shared by
 * the page, its worker and the tests.
 *
 * What it knows of the module comes in a `Catalog` (./catalog.ts builds it from the registry, the
 * data sets and the trainer, at build time for the page): the page reads the settings without
 * loading the module, which only its worker runs. Only type imports from the module here.
 */
import type { ActivationId } from '../../../../src/registry.js';
import type { ParamInfo, ParamValue, Params } from '../../../../src/types.js';
import type { DatasetId } from '../../../../src/experiments/data.js';
import type { InitId } from '../../../../src/experiments/trainer.js';
import type { Theme } from '../../../../src/plot/figure.js';

/** What the page needs of one activation: its name, parameters and PyTorch's defaults. */
export interface CatalogActivation {
  readonly id: ActivationId;
  readonly name: string;
  readonly params: readonly ParamInfo[];
  readonly defaults: Params;
}

/** What the page needs of the module, in the registry's order; plain JSON. */
export interface Catalog {
  readonly activations: readonly CatalogActivation[];
  /** The data sets drawn in the plane (iris has four features: no decision boundary to draw). */
  readonly datasets: readonly PlaneDatasetId[];
  readonly inits: readonly InitId[];
  /** The saturation experiment's threshold, for the page's explanation. */
  readonly saturationThreshold: number;
  /** The charts' colours per colour mode (src/plot/figure.ts), for the decision boundary. */
  readonly palettes: Readonly<Record<Theme, Palette>>;
}

/** What the decision boundary takes of a chart theme: the background, the text and the class colours. */
export interface Palette {
  readonly paper: string;
  readonly font: string;
  readonly lines: readonly string[];
}

export type PlaneDatasetId = Exclude<DatasetId, 'iris'>;

/** An activation of the catalog by id; undefined for an unknown one. */
export function catalogActivation(catalog: Catalog, id: string): CatalogActivation | undefined {
  return catalog.activations.find((a) => a.id === id);
}

function known(catalog: Catalog, id: ActivationId): CatalogActivation {
  const a = catalogActivation(catalog, id);
  if (!a) throw new RangeError(`'${id}' is not an activation of the module (known: ${catalog.activations.map((x) => x.id).join(', ')})`);
  return a;
}

/** How the page names them (a new data set or initialisation fails to compile until it has a name). */
export const DATASET_NAMES: Readonly<Record<PlaneDatasetId, string>> = { spirals: 'Spirals', circles: 'Circles', xor: 'XOR', blobs: 'Blobs (3 classes)' };
export const INIT_NAMES: Readonly<Record<InitId, string>> = {
  he: 'He normal',
  glorot: 'Glorot normal',
  lecun: 'LeCun normal',
  standard: 'Standard uniform (Glorot & Bengio)',
};

/** Points generated per data set, as in the training experiment (src/experiments/training.ts). */
export const POINTS = 300;

/** One hidden activation and its parameters (every parameter, resolved). */
export interface ActivationChoice {
  readonly id: ActivationId;
  readonly params: Params;
}

export interface Settings {
  readonly dataset: PlaneDatasetId;
  readonly noise: number;
  readonly testFraction: number;
  /** Hidden layers, each `width` units. */
  readonly depth: number;
  readonly width: number;
  readonly lr: number;
  readonly momentum: number;
  readonly batchSize: number;
  readonly init: InitId;
  readonly seed: number;
  readonly activation: ActivationChoice;
  /** The second network of the side-by-side view, trained on the same data, initial weights and batches; null when alone. */
  readonly compare: ActivationChoice | null;
}

export type NumericKey = 'noise' | 'testFraction' | 'depth' | 'width' | 'lr' | 'momentum' | 'batchSize' | 'seed';

/** A numeric setting: its name in the URL, its label, its bounds (inclusive) and the control's step. */
export interface NumericField {
  readonly key: NumericKey;
  readonly query: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The slider's step; 'any' for a number box. */
  readonly step: number | 'any';
}

/** The numeric settings in the order the page shows them; parse, serialise and the controls read this one table. */
export const numericFields: readonly NumericField[] = [
  { key: 'noise', query: 'noise', label: 'Noise', min: 0, max: 0.5, integer: false, step: 0.01 },
  { key: 'testFraction', query: 'test', label: 'Test share', min: 0.1, max: 0.9, integer: false, step: 0.05 },
  { key: 'depth', query: 'depth', label: 'Hidden layers', min: 1, max: 6, integer: true, step: 1 },
  { key: 'width', query: 'width', label: 'Units per layer', min: 1, max: 32, integer: true, step: 1 },
  { key: 'lr', query: 'lr', label: 'Learning rate', min: 1e-4, max: 10, integer: false, step: 'any' },
  { key: 'momentum', query: 'momentum', label: 'Momentum', min: 0, max: 0.99, integer: false, step: 0.01 },
  { key: 'batchSize', query: 'batch', label: 'Batch size', min: 1, max: 256, integer: true, step: 1 },
  { key: 'seed', query: 'seed', label: 'Seed', min: 0, max: 2 ** 32 - 1, integer: true, step: 'any' },
];

function defaultChoice(catalog: Catalog, id: ActivationId): ActivationChoice {
  return { id, params: { ...known(catalog, id).defaults } };
}

/**
 * The training experiment's setting (src/experiments/training.ts: 300 points, noise 0.1, 30% held out,
 * two hidden layers of 16, Glorot normal, SGD with momentum 0.9 and learning rate 0.05, batches of 32);
 * test/site/playground-settings.test.ts checks that they agree.
 */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  dataset: 'spirals',
  noise: 0.1,
  testFraction: 0.3,
  depth: 2,
  width: 16,
  lr: 0.05,
  momentum: 0.9,
  batchSize: 32,
  init: 'glorot',
  seed: 1,
  // ReLU takes no parameter (test/site/playground-settings.test.ts checks this against the registry).
  activation: Object.freeze({ id: 'relu', params: Object.freeze({}) }),
  compare: null,
});

export interface Parsed {
  readonly settings: Settings;
  /** What was wrong with the query, one sentence each, saying what is used instead. */
  readonly problems: readonly string[];
}

const num = (v: number) => String(v);

function checkNumber(text: string, field: { min: number; max: number; integer: boolean }): number | string {
  const v = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(v)) return 'is not a number';
  if (field.integer && !Number.isInteger(v)) return 'is not a whole number';
  if (v < field.min || v > field.max) return `is outside ${num(field.min)} to ${num(field.max)}`;
  return v;
}

/**
 * The parameters of `id` read from `<prefix>.<name>` keys; a missing or malformed one keeps its
 * default. Each value is checked on its own here; an impossible combination (hardtanh's minVal not
 * below maxVal) only the function's own code knows, so the worker checks it before training.
 */
function parseChoice(catalog: Catalog, id: ActivationId, prefix: string, query: URLSearchParams, problems: string[]): ActivationChoice {
  const a = known(catalog, id);
  const params: Record<string, ParamValue> = { ...a.defaults };
  for (const info of a.params) {
    const text = query.get(`${prefix}.${info.name}`);
    if (text === null) continue;
    const value = parseParam(info, text);
    if (typeof value === 'object') problems.push(`${prefix}.${info.name}=${text} ${value.problem}; using ${String(a.defaults[info.name])}.`);
    else params[info.name] = value;
  }
  return { id, params };
}

function parseParam(info: ParamInfo, text: string): ParamValue | { problem: string } {
  if (info.choices) return info.choices.includes(text) ? text : { problem: `is not one of ${info.choices.join(', ')}` };
  const [min, max] = info.range ?? [-Infinity, Infinity];
  const v = checkNumber(text, { min, max, integer: false });
  return typeof v === 'number' ? v : { problem: v };
}

function parseActivation(catalog: Catalog, key: string, text: string, problems: string[]): ActivationId | null {
  const a = catalogActivation(catalog, text);
  if (a) return a.id;
  problems.push(`${key}=${text} is not an activation of the module (known: ${catalog.activations.map((x) => x.id).join(', ')}).`);
  return null;
}

/** Reads a query string (`?a=b&…` or `a=b&…`); every problem is reported and its setting falls back to the default. */
export function parseSettings(search: string, catalog: Catalog): Parsed {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const out: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS };

  const dataset = query.get('dataset');
  if (dataset !== null) {
    const found = catalog.datasets.find((d) => d === dataset);
    if (found) out.dataset = found;
    else problems.push(`dataset=${dataset} is not one of ${catalog.datasets.join(', ')}; using ${DEFAULT_SETTINGS.dataset}.`);
  }
  const init = query.get('init');
  if (init !== null) {
    const found = catalog.inits.find((d) => d === init);
    if (found) out.init = found;
    else problems.push(`init=${init} is not one of ${catalog.inits.join(', ')}; using ${DEFAULT_SETTINGS.init}.`);
  }
  for (const field of numericFields) {
    const text = query.get(field.query);
    if (text === null) continue;
    const v = checkNumber(text, field);
    if (typeof v === 'number') out[field.key] = v;
    else problems.push(`${field.query}=${text} ${v}; using ${num(DEFAULT_SETTINGS[field.key])}.`);
  }
  const activation = query.get('activation');
  const id =
    activation === null ? DEFAULT_SETTINGS.activation.id : (parseActivation(catalog, 'activation', activation, problems) ?? DEFAULT_SETTINGS.activation.id);
  out.activation = parseChoice(catalog, id, 'activation', query, problems);
  const compare = query.get('compare');
  const compareId = compare === null || compare === '' ? null : parseActivation(catalog, 'compare', compare, problems);
  out.compare = compareId === null ? null : parseChoice(catalog, compareId, 'compare', query, problems);

  // Keys no setting reads: a misspelt one would otherwise be ignored without a word.
  const keys = new Set(['dataset', 'init', 'activation', 'compare', ...numericFields.map((f) => f.query)]);
  for (const [prefix, choice] of [['activation', out.activation] as const, ['compare', out.compare] as const]) {
    for (const info of choice ? known(catalog, choice.id).params : []) keys.add(`${prefix}.${info.name}`);
  }
  for (const key of new Set(query.keys())) if (!keys.has(key)) problems.push(`${key} is not a setting of the playground; ignored.`);
  return { settings: out, problems };
}

/** The query string of `settings`, every setting spelt out (no leading '?'); parseSettings reads it back to the same settings. */
export function serialiseSettings(s: Settings, catalog: Catalog): string {
  const query = new URLSearchParams();
  query.set('dataset', s.dataset);
  query.set('activation', s.activation.id);
  for (const info of known(catalog, s.activation.id).params) query.set(`activation.${info.name}`, String(s.activation.params[info.name]));
  if (s.compare) {
    query.set('compare', s.compare.id);
    for (const info of known(catalog, s.compare.id).params) query.set(`compare.${info.name}`, String(s.compare.params[info.name]));
  }
  for (const field of numericFields) query.set(field.query, num(s[field.key]));
  query.set('init', s.init);
  return query.toString();
}

/**
 * A choice of `id` with its defaults, or with `params` over them. A RangeError for an unknown
 * activation or parameter, or a value outside its choices; whether the combination is possible is
 * the worker's to say (see parseChoice).
 */
export function choiceOf(catalog: Catalog, id: ActivationId, params?: Params): ActivationChoice {
  const a = known(catalog, id);
  if (!params) return defaultChoice(catalog, id);
  for (const [name, value] of Object.entries(params)) {
    const info = a.params.find((p) => p.name === name);
    if (!info) throw new RangeError(`${id}: unknown parameter '${name}'`);
    if (info.choices && !info.choices.includes(String(value))) throw new RangeError(`${id}: parameter '${name}' must be one of ${info.choices.join(', ')}`);
  }
  return { id, params: { ...a.defaults, ...params } };
}

/** The name the page gives a choice: the function's name, with the parameters it sets off their defaults. */
export function choiceName(catalog: Catalog, c: ActivationChoice): string {
  const a = known(catalog, c.id);
  const shown = a.params.filter((p) => c.params[p.name] !== a.defaults[p.name]).map((p) => `${p.name} = ${String(c.params[p.name])}`);
  return shown.length ? `${a.name} (${shown.join(', ')})` : a.name;
}

/** The names of the runs as the page shows them; two with the same name (other parameters aside) get numbered. */
export function runLabels(catalog: Catalog, s: Settings): string[] {
  const names = [s.activation, ...(s.compare ? [s.compare] : [])].map((c) => choiceName(catalog, c));
  return names.length === 2 && names[0] === names[1] ? names.map((n, i) => `${n} #${i + 1}`) : names;
}
