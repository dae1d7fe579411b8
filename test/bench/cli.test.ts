/**
 * The scripts' command lines: the shared strict parser (scripts/lib/args.mjs: util.parseArgs, number
 * checks, exit code 2), the bench's options (bench/lib/cli.ts) and the notebook runner's
 * (scripts/run-notebooks.mjs), as pure functions and as the commands themselves given bad arguments
 * (which must exit 2 before doing anything).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, parseBenchArgs } from '../../bench/lib/cli.js';
import { UsageError, integerOption, parseCommandLine, positiveNumberOption } from '../../scripts/lib/args.mjs';
import { parseExportArgs } from '../../src/exporter/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** tsx by URL: `--import tsx` would be looked up from the working directory, a temporary one below. */
const TSX = import.meta.resolve('tsx');
// @ts-expect-error plain JavaScript without declarations; its shape is checked below.
const runner = (await import('../../scripts/run-notebooks.mjs')) as {
  parseRunnerArgs: (argv: string[], cwd?: string) => Record<string, unknown>;
  USAGE: string;
};

const usage = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: unknown) => e instanceof UsageError && message.test(e.message));

test('the shared parser: strict util.parseArgs, short messages, no empty values', () => {
  const options = { out: { type: 'string' }, quick: { type: 'boolean' } } as const;
  assert.deepEqual(parseCommandLine(['--quick', '--out', 'x'], options), { values: { quick: true, out: 'x' }, positionals: [] });
  assert.deepEqual(parseCommandLine(['--out=y'], options).values, { out: 'y' });
  usage(() => parseCommandLine(['--bogus'], options), /^unknown option --bogus$/);
  usage(() => parseCommandLine(['-z'], options), /^unknown option -z$/);
  usage(() => parseCommandLine(['--out'], options), /^--out needs a value$/);
  usage(() => parseCommandLine(['--out', '--quick'], options), /^--out needs a value \(one starting with - is written --out=-…\)$/);
  usage(() => parseCommandLine(['--out='], options), /^--out needs a value$/);
  usage(() => parseCommandLine(['--out', ''], options), /^--out needs a value$/);
  usage(() => parseCommandLine(['--quick=yes'], options), /^--quick takes no value$/);
  usage(() => parseCommandLine(['stray'], options), /^unexpected argument stray$/);
  assert.deepEqual(parseCommandLine(['a', '--quick', 'b'], options, { positionals: true }).positionals, ['a', 'b']);
});

test('number options: whole numbers ≥ a minimum, positive numbers; NaN, blanks, signs and hex refused', () => {
  assert.equal(integerOption('jobs', '3'), 3);
  assert.equal(integerOption('stride', '0', 0), 0);
  for (const bad of ['', 'abc', 'NaN', '0', '-1', '1.5', '1e3', '0x10', ' 4', '4 ', 'Infinity', '99999999999999999999']) {
    usage(() => integerOption('jobs', bad), /^--jobs must be a whole number ≥ 1, got /);
  }
  assert.equal(positiveNumberOption('timeout', '2.5'), 2.5);
  assert.equal(positiveNumberOption('timeout', '.5'), 0.5);
  assert.equal(positiveNumberOption('timeout', '1e2'), 100);
  for (const bad of ['', 'abc', 'NaN', '0', '0.0', '-3', 'Infinity', '1e999', '0x10', ' 1']) {
    usage(() => positiveNumberOption('timeout', bad), /^--timeout must be a number > 0, got /);
  }
});

test('bench/run.ts options: --quick writes apart, --out needs a folder, unknown options fail', () => {
  const root = '/repo';
  assert.deepEqual(parseBenchArgs([], root, '/cwd'), { help: false, quick: false, renderOnly: false, outDir: '/repo/bench' });
  assert.deepEqual(parseBenchArgs(['--quick'], root, '/cwd'), { help: false, quick: true, renderOnly: false, outDir: '/repo/.tmp/bench-quick' });
  assert.equal(parseBenchArgs(['--quick', '--out', 'o'], root, '/cwd').outDir, '/cwd/o');
  assert.equal(parseBenchArgs(['--out=/abs'], root, '/cwd').outDir, '/abs');
  assert.equal(parseBenchArgs(['--render-only'], root, '/cwd').renderOnly, true);
  assert.equal(parseBenchArgs(['-h'], root, '/cwd').help, true);
  // `--out` without a value used to mean the working directory.
  usage(() => parseBenchArgs(['--out'], root, '/cwd'), /^--out needs a value$/);
  usage(() => parseBenchArgs(['--out', '--quick'], root, '/cwd'), /^--out needs a value/);
  usage(() => parseBenchArgs(['--out='], root, '/cwd'), /^--out needs a value$/);
  usage(() => parseBenchArgs(['--fast'], root, '/cwd'), /^unknown option --fast$/);
  usage(() => parseBenchArgs(['results'], root, '/cwd'), /^unexpected argument results$/);
  usage(() => parseBenchArgs(['--render-only', '--quick'], root, '/cwd'), /--quick does not go with it/);
  assert.match(BENCH_USAGE, /--out DIR/);
});

test('bench/run.ts given a bad command line exits 2 with the usage, before loading or writing anything', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'bench-args-'));
  try {
    for (const args of [['--out'], ['--quick', '--out'], ['--bogus'], ['extra']]) {
      const r = spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, 'bench', 'run.ts'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^\[bench\] .*\nusage: npm run bench/, args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.deepEqual(readdirSync(cwd), [], 'nothing written to the working directory');
    const help = spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, 'bench', 'run.ts'), '--help'], { cwd, encoding: 'utf8', timeout: 60_000 });
    assert.equal(help.status, 0, help.stderr);
    assert.equal(help.stdout.trim(), BENCH_USAGE);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('the notebook runner’s options: --jobs a whole number ≥ 1, --timeout seconds > 0, notebooks as arguments', () => {
  assert.equal(typeof runner.parseRunnerArgs, 'function');
  const o = runner.parseRunnerArgs(['--force', '--no-build', '--jobs', '3', '--timeout=1.5', '--out-dir', 'out', 'a.ipynb', 'b.ipynb'], '/cwd');
  assert.deepEqual(o, { help: false, force: true, build: false, jobs: 3, timeout: 1.5, outDir: '/cwd/out', files: ['/cwd/a.ipynb', '/cwd/b.ipynb'] });
  const d = runner.parseRunnerArgs([], '/cwd');
  assert.equal(d.force, false);
  assert.equal(d.build, true);
  assert.equal(d.timeout, 300);
  assert.ok(Number.isInteger(d.jobs) && (d.jobs as number) >= 1);
  usage(() => runner.parseRunnerArgs(['--jobs', 'abc']), /^--jobs must be a whole number ≥ 1, got "abc"$/);
  usage(() => runner.parseRunnerArgs(['--jobs=0']), /^--jobs must be a whole number ≥ 1/);
  usage(() => runner.parseRunnerArgs(['--jobs']), /^--jobs needs a value$/);
  usage(() => runner.parseRunnerArgs(['--timeout', 'NaN']), /^--timeout must be a number > 0, got "NaN"$/);
  usage(() => runner.parseRunnerArgs(['--timeout=-5']), /^--timeout must be a number > 0/);
  usage(() => runner.parseRunnerArgs(['--out-dir']), /^--out-dir needs a value$/);
  usage(() => runner.parseRunnerArgs(['--forse']), /^unknown option --forse$/);
});

test('scripts/run-notebooks.mjs given a bad command line exits 2 with the usage and runs nothing', () => {
  for (const args of [['--jobs', 'abc'], ['--timeout', '0'], ['--bogus'], ['--out-dir']]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-notebooks.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.ok(r.stderr.startsWith('[notebooks] ') && r.stderr.includes(runner.USAGE), r.stderr);
    assert.equal(r.stdout, '', 'nothing ran');
  }
});

test('the other scripts refuse an unknown option with exit code 2 (and answer --help with 0)', () => {
  const scripts: [string, string[]][] = [
    ['scripts/setup.mjs', []],
    ['scripts/test.mjs', []],
    ['scripts/start.mjs', []],
    ['scripts/measure-pipeline.mjs', []],
    ['scripts/generate-docs.ts', ['--import', 'tsx']],
    ['scripts/run-experiments.ts', ['--import', 'tsx']],
    ['scripts/activations-table.ts', ['--import', 'tsx']],
    ['src/exporter/cli.ts', ['--import', 'tsx']],
  ];
  // Without npm or apt-get on PATH: should a script not stop at its command line, it fails fast
  // instead of running the pipeline, installing packages or serving the site.
  const env = { ...process.env, PATH: '' };
  for (const [script, node] of scripts) {
    assert.ok(existsSync(path.join(ROOT, script)), script);
    const bad = spawnSync(process.execPath, [...node, path.join(ROOT, script), '--no-such-option'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(bad.status, 2, `${script}: ${bad.stdout}${bad.stderr}`);
    assert.match(bad.stderr, /unknown (option|argument).*--no-such-option/, script);
    assert.match(bad.stderr, /usage: /, script);
    const help = spawnSync(process.execPath, [...node, path.join(ROOT, script), '--help'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(help.status, 0, `${script} --help: ${help.stderr}`);
    assert.match(help.stdout, /usage: /i, script);
  }
});

test('docs:export (src/exporter/cli.ts, compiled into dist/, so util.parseArgs directly): folders, help, errors as strings', () => {
  const parsed = parseExportArgs(['--in', 'a', '--out=b'], '/cwd');
  assert.ok(typeof parsed === 'object');
  assert.equal(parsed.inDir, '/cwd/a');
  assert.equal(parsed.outDir, '/cwd/b');
  assert.equal(parseExportArgs(['--help']), 'help');
  assert.equal(parseExportArgs(['--output', 'x']), 'unknown argument "--output"');
  assert.equal(parseExportArgs(['--out']), '--out needs a folder');
  assert.equal(parseExportArgs(['--out=']), '--out needs a folder');
  assert.match(String(parseExportArgs(['stray'])), /^unexpected argument/);
});
