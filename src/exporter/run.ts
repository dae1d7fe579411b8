/**
 * One export run over folders: every notebook in `notebooks/` must have an up-to-date executed copy
 * (same cells) in the input folder; each becomes `<out>/<name>.mdx`, and the executed notebook is
 * copied to `<static>/<name>.ipynb` for the page's download link. Images that notebook markdown
 * takes from files beside the notebook are read from the notebooks folder. All notebooks are converted in
 * memory first: if any fails, every error is reported and nothing is written, so the previous pages
 * stay. Otherwise all files are written at once (write.ts); generated pages (those carrying the
 * banner) and static copies whose notebook is gone are removed. A file in the way that the exporter
 * did not generate is never overwritten: that is an error.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isGeneratedPage } from './banner.js';
import { NotebookError } from './errors.js';
import { NOTEBOOK_NAME } from './front-matter.js';
import { parseNotebook, type Notebook } from './notebook.js';
import type { ImageData } from './links.js';
import { exportParsedNotebook, type ExportedPage } from './page.js';
import { writeAllOrNothing, type PlannedFile, type WriteResult } from './write.js';

export interface RunOptions {
  /** The source notebooks (`notebooks/`): which notebooks exist. */
  readonly notebooksDir: string;
  /** Their executed copies (`.cache/notebooks/executed/`). */
  readonly inDir: string;
  /** Where pages go (`docs/notebooks/`). */
  readonly outDir: string;
  /** Where notebook copies go (`website/static/notebooks/`). */
  readonly staticDir: string;
  /** The npm package the notebooks import (package.json's name), for the pages' install line. */
  readonly packageName?: string;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

export interface RunReport {
  readonly pages: ReadonlyArray<{ readonly name: string; readonly page: string; readonly charts: number; readonly cells: number }>;
  readonly warnings: readonly string[];
  readonly write: WriteResult;
}

/** A run that wrote nothing; `errors` has one message per problem found. */
export class ExportError extends Error {
  readonly errors: readonly string[];

  constructor(errors: readonly string[]) {
    super(`${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'ExportError';
    this.errors = errors;
  }
}

/** A path as the user should read it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function listFiles(dir: string, suffixes: readonly string[]): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && suffixes.some((s) => e.name.endsWith(s)) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Reads images beside the source notebooks, for data URIs (links.ts). */
export function imageReader(notebooksDir: string): (relativePath: string) => ImageData | undefined {
  return (relativePath) => {
    const mime = IMAGE_TYPES[path.extname(relativePath).toLowerCase()];
    if (!mime) return undefined;
    try {
      return { mime, base64: readFileSync(path.resolve(notebooksDir, relativePath)).toString('base64') };
    } catch {
      return undefined;
    }
  };
}

/** The first cell where the executed copy differs from the source notebook, if any. */
function firstDifference(source: Notebook, executed: Notebook): string | undefined {
  const n = Math.max(source.cells.length, executed.cells.length);
  for (let i = 0; i < n; i++) {
    const a = source.cells[i];
    const b = executed.cells[i];
    if (!a || !b) return `the source has ${source.cells.length} cells, the executed copy ${executed.cells.length}`;
    if (a.cellType !== b.cellType || a.source !== b.source) return `cell ${i} differs`;
  }
  return undefined;
}

export async function exportAll(options: RunOptions): Promise<RunReport> {
  const log = options.log ?? (() => {});
  const errors: string[] = [];
  const sourceFiles = await listFiles(options.notebooksDir, ['.ipynb']);
  if (!sourceFiles) throw new ExportError([`${displayPath(options.notebooksDir)}: no such folder (the source notebooks)`]);
  if (sourceFiles.length === 0) throw new ExportError([`${displayPath(options.notebooksDir)}: no notebooks (*.ipynb) in it`]);
  const names = sourceFiles.map((f) => f.slice(0, -'.ipynb'.length));
  const bad = names.filter((n) => !NOTEBOOK_NAME.test(n));
  if (bad.length) {
    throw new ExportError(
      bad.map(
        (n) => `${displayPath(path.join(options.notebooksDir, n))}.ipynb: a notebook name must match ${NOTEBOOK_NAME} (it becomes a file name and a URL)`,
      ),
    );
  }
  const notebooks = new Set(names);

  const results: Array<{ name: string; executedText: string; page: ExportedPage }> = [];
  for (const name of names) {
    const sourceFile = path.join(options.notebooksDir, `${name}.ipynb`);
    const executedFile = path.join(options.inDir, `${name}.ipynb`);
    log(`reading ${displayPath(executedFile)}`);
    const executedText = await readText(executedFile);
    if (executedText === undefined) {
      errors.push(`${displayPath(executedFile)}: missing: ${displayPath(sourceFile)} has not been executed (run npm run notebooks:run)`);
      continue;
    }
    try {
      const source = parseNotebook((await readText(sourceFile)) ?? '', displayPath(sourceFile));
      const executed = parseNotebook(executedText, displayPath(executedFile));
      const difference = firstDifference(source, executed);
      if (difference) {
        errors.push(`${displayPath(executedFile)}: out of date with ${displayPath(sourceFile)} (${difference}); run npm run notebooks:run`);
        continue;
      }
      const page = exportParsedNotebook(executed, {
        name,
        file: displayPath(executedFile),
        notebooks,
        readImage: imageReader(options.notebooksDir),
        ...(options.packageName === undefined ? {} : { packageName: options.packageName }),
      });
      results.push({ name, executedText, page });
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error;
      errors.push(error.message);
    }
  }

  const files: PlannedFile[] = [];
  for (const { name, executedText, page } of results) {
    const target = path.join(options.outDir, `${name}.mdx`);
    const existing = await readText(target);
    if (existing !== undefined && !isGeneratedPage(existing)) {
      errors.push(`${displayPath(target)}: exists and was not generated by the exporter (no banner); move it away or delete it`);
      continue;
    }
    files.push({ path: target, content: page.mdx }, { path: path.join(options.staticDir, `${name}.ipynb`), content: executedText });
  }
  if (errors.length) throw new ExportError(errors);

  const removals: string[] = [];
  for (const file of (await listFiles(options.outDir, ['.md', '.mdx'])) ?? []) {
    const name = file.replace(/\.mdx?$/, '');
    const full = path.join(options.outDir, file);
    if ((!notebooks.has(name) || file.endsWith('.md')) && isGeneratedPage((await readText(full)) ?? '')) removals.push(full);
  }
  for (const file of (await listFiles(options.staticDir, ['.ipynb'])) ?? []) {
    if (!notebooks.has(file.slice(0, -'.ipynb'.length))) removals.push(path.join(options.staticDir, file));
  }

  const write = await writeAllOrNothing(files, removals);
  const warnings = results.flatMap((r) => r.page.warnings);
  return {
    pages: results.map(({ name, page }) => ({
      name,
      page: path.join(options.outDir, `${name}.mdx`),
      charts: page.charts,
      cells: page.notebook.cells.length,
    })),
    warnings,
    write,
  };
}
