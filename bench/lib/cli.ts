/**
 * The bench's command line (bench/run.ts), parsed strictly and purely (tested in
 * test/bench/cli.test.ts): an unknown option, `--out` without a folder, or a stray argument is a
 * UsageError (exit code 2), never a run that writes somewhere unexpected.
 */
import path from 'node:path';
import { UsageError, parseCommandLine } from '../../scripts/lib/args.mjs';

export const BENCH_USAGE = `usage: npm run bench -- [--quick] [--out DIR] [--render-only]   (or: tsx bench/run.ts …)

  --quick        fewer and shorter samples, for trying the harness; writes to .tmp/bench-quick/ unless --out is given
  --out DIR      where to write results.json and results.md (default bench/, the committed results)
  --render-only  measure nothing: rewrite results.md from the results.json in that folder (after a change
                 to the report code, bench/lib/report.ts)
  --help         this text

BENCH_PYTHON names a Python with torch (default /usr/bin/python3).`;

export interface BenchOptions {
  readonly help: boolean;
  readonly quick: boolean;
  /** Only re-render results.md from results.json. */
  readonly renderOnly: boolean;
  /** Absolute folder for results.json and results.md. */
  readonly outDir: string;
}

/** `root` is the repository (defaults live there); `cwd` resolves a given --out. */
export function parseBenchArgs(argv: readonly string[], root: string, cwd = process.cwd()): BenchOptions {
  const { values } = parseCommandLine(argv, {
    quick: { type: 'boolean' },
    out: { type: 'string' },
    'render-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const quick = values.quick ?? false;
  // The committed results only ever come from a full run: --quick alone writes elsewhere.
  const outDir = values.out !== undefined ? path.resolve(cwd, values.out) : quick ? path.join(root, '.tmp', 'bench-quick') : path.join(root, 'bench');
  const renderOnly = values['render-only'] ?? false;
  if (renderOnly && quick) throw new UsageError('--render-only measures nothing: --quick does not go with it');
  return { help: values.help ?? false, quick, renderOnly, outDir };
}
