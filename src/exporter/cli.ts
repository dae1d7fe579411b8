/**
 * `npm run docs:export`: exports the executed notebooks to Docusaurus pages.
 *
 *   tsx src/exporter/cli.ts [--in DIR] [--out DIR] [--static DIR] [--notebooks DIR]
 *
 *   --in         executed notebooks (default .cache/notebooks/executed, written by npm run notebooks:run)
 *   --out        generated pages    (default docs/notebooks)
 *   --static     notebook downloads (default website/static/notebooks)
 *   --notebooks  source notebooks   (default notebooks): the list of notebooks to export
 *
 * Defaults are relative to the repository; given folders to the working directory. Exit code 0 on
 * success, 1 when any notebook failed (nothing is written then), 2 for a wrong command line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { displayPath, exportAll, ExportError } from './run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PREFIX = '[docs:export]';
const USAGE = 'usage: tsx src/exporter/cli.ts [--in DIR] [--out DIR] [--static DIR] [--notebooks DIR]';

const OPTIONS = { in: 'inDir', out: 'outDir', static: 'staticDir', notebooks: 'notebooksDir' } as const;
type Folders = Record<(typeof OPTIONS)[keyof typeof OPTIONS], string>;

/**
 * The folders, 'help', or what is wrong with the command line (a string). Node's util.parseArgs in
 * strict mode: an unknown option, a missing or empty folder, or a stray argument is an error. (Not
 * scripts/lib/args.mjs: this file is compiled into dist/, which cannot import from scripts/.)
 */
export function parseExportArgs(argv: readonly string[], cwd = process.cwd()): Folders | 'help' | string {
  let values: Partial<Record<keyof typeof OPTIONS | 'help', string | boolean>>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        static: { type: 'string' },
        notebooks: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const e = error as Error & { code?: string };
    const flag = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown argument ${JSON.stringify(flag ?? e.message)}`;
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) return `${flag} needs a folder`;
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument: ${e.message}`;
    throw error;
  }
  if (values.help) return 'help';
  const folders: Folders = {
    inDir: path.join(ROOT, '.cache', 'notebooks', 'executed'),
    outDir: path.join(ROOT, 'docs', 'notebooks'),
    staticDir: path.join(ROOT, 'website', 'static', 'notebooks'),
    notebooksDir: path.join(ROOT, 'notebooks'),
  };
  for (const [flag, key] of Object.entries(OPTIONS) as [keyof typeof OPTIONS, keyof Folders][]) {
    const value = values[flag];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') return `--${flag} needs a folder`;
    folders[key] = path.resolve(cwd, value);
  }
  return folders;
}

async function main(): Promise<number> {
  const parsed = parseExportArgs(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    console.error(`${PREFIX} ${parsed}\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  try {
    // The pages tell readers to install the package the notebooks import: this repository's.
    const { name: packageName } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
    const report = await exportAll({ ...parsed, packageName, log: (line) => console.log(`${PREFIX} ${line}`) });
    for (const warning of report.warnings) console.log(`${PREFIX} warning: ${warning}`);
    for (const page of report.pages) {
      console.log(`${PREFIX} ${page.name}: ${page.cells} cells, ${page.charts} chart${page.charts === 1 ? '' : 's'} → ${displayPath(page.page)}`);
    }
    const { written, unchanged, removed } = report.write;
    for (const file of removed) console.log(`${PREFIX} removed ${displayPath(file)} (its notebook is gone)`);
    console.log(
      `${PREFIX} ${report.pages.length} notebook${report.pages.length === 1 ? '' : 's'} exported: ${written.length} file(s) written, ` +
        `${unchanged.length} unchanged, ${removed.length} removed, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExportError) {
      console.error(`${PREFIX} FAILED: ${error.message}`);
      return 1;
    }
    console.error(`${PREFIX} FAILED: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

// Only when run (`npm run docs:export`), not when a test imports parseExportArgs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
