/**
 * Chart outputs → `<NotebookChart spec={…} />`. The spec (src/plot/spec.ts) is checked here, at
 * export time, so that a chart the site could not draw (an unknown activation id, series of unequal
 * length) fails the export naming the cell, instead of failing in a reader's browser. Fields the
 * check does not know are kept: the spec is the notebooks' and the site's contract, and may grow.
 * The spec is written as a JSON object literal (a valid JavaScript expression), laid out for review
 * in diffs, with `{` and `}` inside strings escaped because MDX finds the end of an expression by
 * counting braces.
 */
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { MdxjsEsm } from 'mdast-util-mdx';
import { activationIds } from '../registry.js';
import type { ChartSpec } from '../plot/spec.js';
import { vectorFunctionIds } from '../vector/softmax.js';

/** The site component that draws a ChartSpec in the browser (written by the website, not here). */
export const CHART_COMPONENT = 'NotebookChart';
export const CHART_COMPONENT_PATH = '@site/src/components/NotebookChart';

/** A spec that is not a valid ChartSpec; `path` says where, e.g. `series[0].id`. */
export class ChartSpecError extends Error {
  constructor(path: string, reason: string) {
    super(`chart spec${path ? ` ${path}` : ''}: ${reason}`);
    this.name = 'ChartSpecError';
  }
}

type Obj = { readonly [key: string]: unknown };

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ChartSpecError(path, `must be an object, got ${show(value)}`);
  return value as Obj;
}

function string(o: Obj, key: string, path: string, optional = false): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string') throw new ChartSpecError(`${path}.${key}`.replace(/^\./, ''), `must be a string, got ${show(v)}`);
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ChartSpecError(path, `must be a finite number, got ${show(v)}`);
  return v;
}

function oneOf(o: Obj, key: string, allowed: readonly string[], path: string, optional = false): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || !allowed.includes(v)) {
    throw new ChartSpecError(`${path}.${key}`.replace(/^\./, ''), `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${show(v)}`);
  }
}

function grid(value: unknown): void {
  const g = object(value, 'grid');
  finite(g['start'], 'grid.start');
  finite(g['stop'], 'grid.stop');
  const count = g['count'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 2) {
    throw new ChartSpecError('grid.count', `must be an integer of at least 2, got ${show(count)}`);
  }
}

function list(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new ChartSpecError(path, `must be a non-empty list, got ${show(value)}`);
  return value;
}

/** Checks that `value` is a ChartSpec the site can draw, and returns it typed. */
export function checkChartSpec(value: unknown): ChartSpec {
  const spec = object(value, '');
  string(spec, 'title', '');
  switch (spec['kind']) {
    case 'activation': {
      grid(spec['grid']);
      string(spec, 'xTitle', '', true);
      string(spec, 'yTitle', '', true);
      list(spec['series'], 'series').forEach((raw, i) => {
        const path = `series[${i}]`;
        const s = object(raw, path);
        oneOf(s, 'id', activationIds, path);
        string(s, 'label', path, true);
        if (s['derivative'] !== undefined && typeof s['derivative'] !== 'boolean') {
          throw new ChartSpecError(`${path}.derivative`, `must be true or false, got ${show(s['derivative'])}`);
        }
        if (s['params'] !== undefined) {
          for (const [k, v] of Object.entries(object(s['params'], `${path}.params`))) {
            if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
              throw new ChartSpecError(`${path}.params.${k}`, `must be a finite number or a string, got ${show(v)}`);
            }
          }
        }
      });
      break;
    }
    case 'vector':
      grid(spec['grid']);
      oneOf(spec, 'fn', vectorFunctionIds, '');
      string(spec, 'label', '', true);
      break;
    case 'data': {
      string(spec, 'xTitle', '');
      string(spec, 'yTitle', '');
      oneOf(spec, 'yType', ['linear', 'log'], '', true);
      if (spec['yRange'] !== undefined) {
        const r = spec['yRange'];
        if (!Array.isArray(r) || r.length !== 2) throw new ChartSpecError('yRange', `must be [min, max], got ${show(r)}`);
        finite(r[0], 'yRange[0]');
        finite(r[1], 'yRange[1]');
      }
      list(spec['series'], 'series').forEach((raw, i) => {
        const path = `series[${i}]`;
        const s = object(raw, path);
        string(s, 'name', path);
        oneOf(s, 'mode', ['lines', 'markers', 'lines+markers'], path, true);
        const x = s['x'];
        const y = s['y'];
        if (!Array.isArray(x)) throw new ChartSpecError(`${path}.x`, `must be a list of numbers, got ${show(x)}`);
        if (!Array.isArray(y)) throw new ChartSpecError(`${path}.y`, `must be a list of numbers, got ${show(y)}`);
        x.forEach((v, j) => finite(v, `${path}.x[${j}]`));
        // A y that was not finite in the notebook is null in JSON: the site draws a gap.
        y.forEach((v, j) => {
          if (v !== null) finite(v, `${path}.y[${j}]`);
        });
        if (x.length !== y.length) throw new ChartSpecError(path, `has ${x.length} x values and ${y.length} y values`);
      });
      break;
    }
    default:
      throw new ChartSpecError('kind', `must be "activation", "vector" or "data", got ${show(spec['kind'])}`);
  }
  return value as ChartSpec;
}

const LINE = 100;

function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/[{}\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function flat(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Obj).filter(([, v]) => v !== undefined);
    return entries.length ? `{${entries.map(([k, v]) => `${stringLiteral(k)}: ${flat(v)}`).join(', ')}}` : '{}';
  }
  throw new TypeError(`value: cannot write a ${typeof value} in a chart spec`);
}

/**
 * A JSON value as a JavaScript object literal: on one line when it fits in `width` columns; else
 * objects one key per line, lists of plain values wrapped at `width` columns, other lists one item
 * per line.
 */
export function jsonLiteral(value: unknown, width = LINE, indent = ''): string {
  const one = flat(value);
  if (indent.length + one.length <= width || typeof value !== 'object' || value === null) return one;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const lines: string[] = [];
      let line = '';
      for (const item of value.map(flat)) {
        // The line, ", ", the item and the comma that will end the line must fit.
        if (line && inner.length + line.length + 2 + item.length + 1 > width) {
          lines.push(line + ',');
          line = '';
        }
        line += (line ? ', ' : '') + item;
      }
      lines.push(line);
      return `[\n${lines.map((l) => inner + l).join('\n')}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + jsonLiteral(v, width, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Obj).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${stringLiteral(k)}: ${jsonLiteral(v, width, inner)}`).join(',\n')}\n${indent}}`;
}

/** `<NotebookChart spec={…} />` for a checked spec. */
export function chartElement(spec: ChartSpec): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: CHART_COMPONENT,
    // The serializer indents the attribute's lines by two more columns.
    attributes: [{ type: 'mdxJsxAttribute', name: 'spec', value: { type: 'mdxJsxAttributeValueExpression', value: jsonLiteral(spec, LINE - 2) } }],
    children: [],
  };
}

/** The import the page needs when it has charts. */
export function chartImport(): MdxjsEsm {
  return { type: 'mdxjsEsm', value: `import ${CHART_COMPONENT} from '${CHART_COMPONENT_PATH}';` };
}
