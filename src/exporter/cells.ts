/**
 * Cells → mdast, in notebook order: markdown cells through markdownToMdast, code cells as a code
 * block in the kernel's language followed by their outputs (outputs.ts), raw cells left out (they
 * are for other converters, e.g. LaTeX), with a warning. Cell tags, as Jupyter Book names them:
 * `remove-cell` leaves the cell out, `remove-input` keeps only its outputs, `remove-output` only its
 * code.
 */
import type { RootContent } from 'mdast';
import type { Where } from './errors.js';
import type { ImageData } from './links.js';
import { markdownToMdast } from './markdown.js';
import type { Cell, Notebook } from './notebook.js';
import { mergeStreams, outputToMdast } from './outputs.js';

export interface CellsContext {
  /** Names of the notebooks exported in this run (links between notebooks). */
  readonly notebooks: ReadonlySet<string>;
  /** Reads images referenced by a path relative to the notebook (see links.ts). */
  readonly readImage?: (relativePath: string) => ImageData | undefined;
}

export interface ConvertedCells {
  readonly children: RootContent[];
  /** Messages about things left out, each naming the file and cell. */
  readonly warnings: string[];
  readonly charts: number;
}

const LANGUAGE_TAGS: Readonly<Record<string, string>> = { typescript: 'ts', javascript: 'js' };

/** The code block language for a kernel language (Prism's names: `ts`, `js`, `python` …). */
export function codeLanguage(language: string): string {
  return LANGUAGE_TAGS[language] ?? language;
}

function whereOf(notebook: Notebook, cell: Cell): Where {
  return { file: notebook.file, cell: cell.index, ...(cell.id ? { cellId: cell.id } : {}) };
}

export function cellsToMdast(notebook: Notebook, context: CellsContext): ConvertedCells {
  const children: RootContent[] = [];
  const warnings: string[] = [];
  let charts = 0;
  const lang = codeLanguage(notebook.language);
  for (const cell of notebook.cells) {
    const where = whereOf(notebook, cell);
    const at = `${notebook.file}: cell ${cell.index}`;
    if (cell.tags.includes('remove-cell')) continue;
    if (cell.cellType === 'raw') {
      if (cell.source.trim()) warnings.push(`${at}: raw cell not shown`);
      continue;
    }
    if (cell.cellType === 'markdown') {
      const prose = markdownToMdast(cell.source, { ...context, attachments: cell.attachments, where });
      children.push(...prose.children);
      warnings.push(...prose.warnings.map((w) => `${at}: ${w}`));
      continue;
    }
    const code = cell.source.replace(/\s+$/, '');
    if (code && !cell.tags.includes('remove-input')) children.push({ type: 'code', lang, meta: null, value: code });
    if (cell.tags.includes('remove-output')) continue;
    for (const [output, index] of mergeStreams(cell.outputs)) {
      const converted = outputToMdast(output, { ...context, where: { ...where, output: index } });
      children.push(...converted.nodes);
      warnings.push(...converted.warnings.map((w) => `${at}, output ${index}: ${w}`));
      charts += converted.charts;
    }
  }
  return { children, warnings, charts };
}
