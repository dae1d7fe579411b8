/**
 * Tables in notebook outputs, as HTML (notebook frontends), Markdown (exporters) and aligned plain
 * text. The builders are pure; `showTable` sends all three in one display_data.
 */
import { escapeHtml } from '../plot/json.js';
import { displayBundle } from './display.js';

/** One cell of a `Table`: `null` and `undefined` show as empty, numbers as `String` writes them. */
export type Cell = string | number | boolean | null | undefined;

/** A table to show in a notebook: column headings, rows of cells (as many as columns) and an optional caption. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly caption?: string;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return value;
}

function check(table: Table): void {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new RangeError(`table row ${i} has ${row.length} cells, the table has ${table.columns.length} columns`);
    }
  });
}

/** The table as an HTML `<table>`, every cell escaped (what JupyterLab shows). Throws a RangeError for a ragged row. */
export function tableHtml(table: Table): string {
  check(table);
  const head = table.columns.map((c) => `<th style="text-align:left">${escapeHtml(c)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((v) => `<td style="text-align:left">${escapeHtml(cellText(v))}</td>`).join('')}</tr>`).join('\n');
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : '';
  return `<table>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/**
 * The table as GitHub-flavoured Markdown, `|` in cells escaped (what the site and the exported
 * notebooks show). Throws a RangeError for a ragged row.
 *
 * @example
 * ```ts
 * import { tableMarkdown } from 'activation-functions/notebook';
 *
 * tableMarkdown({ columns: ['x', 'relu(x)'], rows: [[-1, 0], [2, 2]] });
 * // | x | relu(x) |
 * // |---|---|
 * // | -1 | 0 |
 * // | 2 | 2 |
 * ```
 */
export function tableMarkdown(table: Table): string {
  check(table);
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `| ${table.columns.map(esc).join(' | ')} |`,
    `|${table.columns.map(() => '---').join('|')}|`,
    ...table.rows.map((row) => `| ${row.map((v) => esc(cellText(v))).join(' | ')} |`),
  ];
  return (table.caption ? `${table.caption}\n\n` : '') + lines.join('\n');
}

/** The table as plain text in aligned columns (what a terminal or `text/plain` shows). Throws a RangeError for a ragged row. */
export function tableText(table: Table): string {
  check(table);
  const cells = [table.columns, ...table.rows.map((row) => row.map(cellText))];
  const widths = table.columns.map((_, j) => Math.max(...cells.map((row) => String(row[j]).length)));
  const line = (row: readonly Cell[]) =>
    row
      .map((v, j) => String(v).padEnd(widths[j]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [...(table.caption ? [table.caption] : []), line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Shows a table (HTML, Markdown and text in one output). */
export function showTable(table: Table): void {
  displayBundle({ 'text/html': tableHtml(table), 'text/markdown': tableMarkdown(table), 'text/plain': tableText(table) });
}
