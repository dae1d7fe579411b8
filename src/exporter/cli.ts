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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, exportAll, ExportError } from './run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PREFIX = '[docs:export]';
const USAGE = 'usage: tsx src/exporter/cli.ts [--in DIR] [--out DIR] [--static DIR] [--notebooks DIR]';

const OPTIONS = { '--in': 'inDir', '--out': 'outDir', '--static': 'staticDir', '--notebooks': 'notebooksDir' } as const;
type Folders = Record<(typeof OPTIONS)[keyof typeof OPTIONS], string>;

function parseArgs(argv: readonly string[]): Folders | string {
  const folders: Folders = {
    inDir: path.join(ROOT, '.cache', 'notebooks', 'executed'),
    outDir: path.join(ROOT, 'docs', 'notebooks'),
    staticDir: path.join(ROOT, 'website', 'static', 'notebooks'),
    notebooksDir: path.join(ROOT, 'notebooks'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = (OPTIONS as Record<string, keyof Folders>)[flag];
    if (!key) return `unknown argument ${JSON.stringify(arg)}`;
    const value = inline ?? argv[++i];
    if (!value) return `${flag} needs a folder`;
    folders[key] = path.resolve(value);
  }
  return folders;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
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
    const report = await exportAll({ ...parsed, log: (line) => console.log(`${PREFIX} ${line}`) });
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

process.exitCode = await main();
