/**
 * First processor: reads an nbformat 4 notebook from its JSON text and checks every field the later
 * processors use, so they can trust the shapes. Multi-line strings (nbformat allows a string or a
 * list of strings) are joined here once. Anything malformed throws a NotebookError naming the file,
 * the cell and the output.
 */
import { NotebookError, type Where } from './errors.js';

export type JsonObject = { readonly [key: string]: unknown };

export interface StreamOutput {
  readonly outputType: 'stream';
  readonly name: 'stdout' | 'stderr';
  readonly text: string;
}

/** display_data or execute_result: one output with several representations, keyed by MIME type. */
export interface DataOutput {
  readonly outputType: 'display_data' | 'execute_result';
  /** Text MIME types are joined into one string; JSON MIME types (`application/json`, `…+json`) stay parsed. */
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface ErrorOutput {
  readonly outputType: 'error';
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: readonly string[];
}

export type Output = StreamOutput | DataOutput | ErrorOutput;

interface CellBase {
  readonly index: number;
  readonly id?: string;
  readonly metadata: JsonObject;
  readonly source: string;
  /** Cell tags (`metadata.tags`), e.g. `remove-output`. */
  readonly tags: readonly string[];
}

export interface MarkdownCell extends CellBase {
  readonly cellType: 'markdown';
  /** `attachments` of the cell: file name → MIME type → base64 data. */
  readonly attachments: { readonly [name: string]: { readonly [mime: string]: string } };
}

export interface CodeCell extends CellBase {
  readonly cellType: 'code';
  readonly outputs: readonly Output[];
}

export interface RawCell extends CellBase {
  readonly cellType: 'raw';
}

export type Cell = MarkdownCell | CodeCell | RawCell;

export interface Notebook {
  /** The path used in messages. */
  readonly file: string;
  readonly nbformatMinor: number;
  readonly metadata: JsonObject;
  /** The kernel's language, e.g. "typescript" (from language_info or kernelspec); "typescript" when absent. */
  readonly language: string;
  readonly cells: readonly Cell[];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value === 'object' ? 'an object' : String(value);
}

/** nbformat's multiline_string: a string, or a list of strings to concatenate. */
function multiline(value: unknown, field: string, where: Where): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  if (value === undefined) throw new NotebookError(where, `"${field}" is missing`);
  throw new NotebookError(where, `"${field}" must be a string or a list of strings, got ${describe(value)}`);
}

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

function readOutput(raw: unknown, where: Where): Output {
  if (!isObject(raw)) throw new NotebookError(where, `an output must be an object, got ${describe(raw)}`);
  const type = raw['output_type'];
  switch (type) {
    case 'stream': {
      const name = raw['name'];
      if (name !== 'stdout' && name !== 'stderr') {
        throw new NotebookError(where, `a stream output's "name" must be "stdout" or "stderr", got ${describe(name)}`);
      }
      return { outputType: 'stream', name, text: multiline(raw['text'], 'text', where) };
    }
    case 'display_data':
    case 'execute_result': {
      const rawData = raw['data'];
      if (!isObject(rawData)) throw new NotebookError(where, `a ${type} output's "data" must be an object, got ${describe(rawData)}`);
      const data: Record<string, unknown> = {};
      for (const [mime, value] of Object.entries(rawData)) {
        data[mime] = isJsonMime(mime) ? value : multiline(value, `data["${mime}"]`, where);
      }
      const metadata = raw['metadata'] ?? {};
      if (!isObject(metadata)) throw new NotebookError(where, `"metadata" must be an object, got ${describe(metadata)}`);
      return { outputType: type, data, metadata };
    }
    case 'error': {
      const { ename, evalue, traceback } = raw;
      if (typeof ename !== 'string') throw new NotebookError(where, `an error output's "ename" must be a string, got ${describe(ename)}`);
      if (typeof evalue !== 'string') throw new NotebookError(where, `an error output's "evalue" must be a string, got ${describe(evalue)}`);
      if (!Array.isArray(traceback) || !traceback.every((t) => typeof t === 'string')) {
        throw new NotebookError(where, `an error output's "traceback" must be a list of strings, got ${describe(traceback)}`);
      }
      return { outputType: 'error', ename, evalue, traceback };
    }
    default:
      throw new NotebookError(where, `unknown output_type ${describe(type)} (expected stream, display_data, execute_result or error)`);
  }
}

function readTags(metadata: JsonObject, where: Where): string[] {
  const tags = metadata['tags'];
  if (tags === undefined) return [];
  if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) return tags;
  throw new NotebookError(where, `"metadata.tags" must be a list of strings, got ${describe(tags)}`);
}

function readAttachments(raw: unknown, where: Where): MarkdownCell['attachments'] {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new NotebookError(where, `"attachments" must be an object, got ${describe(raw)}`);
  const out: Record<string, Record<string, string>> = {};
  for (const [name, bundle] of Object.entries(raw)) {
    if (!isObject(bundle)) throw new NotebookError(where, `attachment ${JSON.stringify(name)} must be an object of MIME types, got ${describe(bundle)}`);
    const mimes: Record<string, string> = {};
    for (const [mime, value] of Object.entries(bundle)) mimes[mime] = multiline(value, `attachments["${name}"]["${mime}"]`, where);
    out[name] = mimes;
  }
  return out;
}

function readCell(raw: unknown, index: number, file: string): Cell {
  const at: Where = { file, cell: index };
  if (!isObject(raw)) throw new NotebookError(at, `a cell must be an object, got ${describe(raw)}`);
  const id = typeof raw['id'] === 'string' ? raw['id'] : undefined;
  const where: Where = id ? { ...at, cellId: id } : at;
  const metadata = raw['metadata'] ?? {};
  if (!isObject(metadata)) throw new NotebookError(where, `"metadata" must be an object, got ${describe(metadata)}`);
  const base = { index, ...(id ? { id } : {}), metadata, source: multiline(raw['source'], 'source', where), tags: readTags(metadata, where) };
  switch (raw['cell_type']) {
    case 'markdown':
      return { ...base, cellType: 'markdown', attachments: readAttachments(raw['attachments'], where) };
    case 'raw':
      return { ...base, cellType: 'raw' };
    case 'code': {
      const outputs = raw['outputs'];
      if (!Array.isArray(outputs)) throw new NotebookError(where, `a code cell's "outputs" must be a list, got ${describe(outputs)}`);
      return { ...base, cellType: 'code', outputs: outputs.map((o, i) => readOutput(o, { ...where, output: i })) };
    }
    default:
      throw new NotebookError(where, `unknown cell_type ${describe(raw['cell_type'])} (expected markdown, code or raw)`);
  }
}

function kernelLanguage(metadata: JsonObject): string {
  const info = metadata['language_info'];
  if (isObject(info) && typeof info['name'] === 'string') return info['name'].toLowerCase();
  const spec = metadata['kernelspec'];
  if (isObject(spec) && typeof spec['language'] === 'string') return spec['language'].toLowerCase();
  return 'typescript';
}

/** Parses and checks a notebook; `file` is the path to name in errors. */
export function parseNotebook(text: string, file: string): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new NotebookError({ file }, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(raw)) throw new NotebookError({ file }, `a notebook must be a JSON object, got ${describe(raw)}`);
  if (raw['nbformat'] !== 4) {
    throw new NotebookError({ file }, `nbformat is ${describe(raw['nbformat'])}; the exporter reads nbformat 4 notebooks`);
  }
  const minor = raw['nbformat_minor'];
  if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0) {
    throw new NotebookError({ file }, `"nbformat_minor" must be a non-negative integer, got ${describe(minor)}`);
  }
  const metadata = raw['metadata'] ?? {};
  if (!isObject(metadata)) throw new NotebookError({ file }, `"metadata" must be an object, got ${describe(metadata)}`);
  const cells = raw['cells'];
  if (!Array.isArray(cells)) throw new NotebookError({ file }, `"cells" must be a list, got ${describe(cells)}`);
  return {
    file,
    nbformatMinor: minor,
    metadata,
    language: kernelLanguage(metadata),
    cells: cells.map((c, i) => readCell(c, i, file)),
  };
}
