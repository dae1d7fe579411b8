/**
 * The chain, for one notebook: JSON text → checked notebook (notebook.ts) → mdast of its cells
 * (cells.ts, with markdown.ts, outputs.ts, chart.ts) → front matter from it (front-matter.ts) →
 * protected from Docusaurus's own syntax (docusaurus.ts) → banner and imports (banner.ts, chart.ts)
 * → MDX text (serialize.ts). Pure: no files are read or written here (see cli.ts and write.ts).
 */
import type { Root } from 'mdast';
import { banner } from './banner.js';
import { cellsToMdast } from './cells.js';
import { chartImport } from './chart.js';
import { protectFromDocusaurus } from './docusaurus.js';
import { frontMatter, pageMeta, type PageMeta } from './front-matter.js';
import type { ImageData } from './links.js';
import { parseNotebook, type Notebook } from './notebook.js';
import { toMdx } from './serialize.js';

export interface ExportOptions {
  /** The notebook's name: its file name without `.ipynb`, e.g. `00_activation-functions`. */
  readonly name: string;
  /** The path to name in messages. */
  readonly file: string;
  /** Names of every notebook exported in the same run (links between notebooks); defaults to just this one. */
  readonly notebooks?: ReadonlySet<string>;
  /** Reads images referenced by a path relative to the notebook; without it such images are an error. */
  readonly readImage?: (relativePath: string) => ImageData | undefined;
  /** The npm package the notebooks import (package.json's name): the banner says to install it. */
  readonly packageName?: string;
}

export interface ExportedPage {
  readonly mdx: string;
  readonly meta: PageMeta;
  readonly notebook: Notebook;
  readonly charts: number;
  readonly warnings: readonly string[];
}

/** Notebook JSON text → the MDX page. Throws NotebookError for a notebook it cannot export. */
export function exportNotebook(text: string, options: ExportOptions): ExportedPage {
  const notebook = parseNotebook(text, options.file);
  return exportParsedNotebook(notebook, options);
}

export function exportParsedNotebook(notebook: Notebook, options: ExportOptions): ExportedPage {
  const { name } = options;
  const cells = cellsToMdast(notebook, {
    notebooks: options.notebooks ?? new Set([name]),
    ...(options.readImage ? { readImage: options.readImage } : {}),
  });
  const meta = pageMeta(name, cells.children, notebook.metadata);
  const body: Root = { type: 'root', children: cells.children };
  protectFromDocusaurus(body);
  const [comment, note] = banner(name, options.packageName);
  const page: Root = { type: 'root', children: [comment!, ...(cells.charts ? [chartImport()] : []), note!, ...body.children] };
  return { mdx: `${frontMatter(meta)}\n${toMdx(page)}`, meta, notebook, charts: cells.charts, warnings: cells.warnings };
}
