#!/usr/bin/env node
// `npm run measure:pipeline`: how long the project's own pipeline takes, by running its npm scripts:
//   1. the notebooks, cold (.cache/notebooks/executed removed first), then again with nothing changed
//      (how many notebooks re-executed, from the runner's summary line);
//   2. the site build, cold (website/build, website/.docusaurus and node_modules/.cache removed), then
//      warm (again, with nothing changed).
// The module is built and the docs generated and exported first (timed, but not part of the four).
// Prints the numbers and writes bench/pipeline.json atomically. No options (--help says so).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCommandLine, parseOrExit } from './lib/args.mjs';
import { ROOT, loadAtomicWrite } from './lib/env.mjs';
import { EXECUTED_DIR } from './lib/notebooks.mjs';

const USAGE = 'usage: npm run measure:pipeline   (no options: it times the notebooks and the site build, cold and warm, and writes bench/pipeline.json)';
const { values } = parseOrExit('[measure:pipeline]', USAGE, (argv) => parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }));
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const OUT = path.join(ROOT, 'bench', 'pipeline.json');
const log = (msg) => console.log(`[measure:pipeline] ${msg}`);
const rel = (p) => path.relative(ROOT, p);

/** Runs `npm run --silent <script>`, echoing its output; resolves with the seconds it took and its output. */
function runScript(script) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (d) => {
      output += d;
      stream.write(d);
    };
    child.stdout.setEncoding('utf8').on('data', echo(process.stdout));
    child.stderr.setEncoding('utf8').on('data', echo(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`npm run ${script} failed (exit code ${code}) after ${seconds.toFixed(1)} s`));
      else resolve({ seconds, output });
    });
  });
}

/** The runner's summary: "[notebooks] 2 ran, 3 skipped, 0 failed, in 12.3 s". */
function notebookCounts(output) {
  const m = /\[notebooks\] (\d+) ran, (\d+) skipped, (\d+) failed/.exec(output);
  if (!m) throw new Error('cannot find the "[notebooks] N ran, M skipped" summary in the output of npm run notebooks:run');
  return { ran: Number(m[1]), skipped: Number(m[2]), failed: Number(m[3]) };
}

function remove(paths) {
  for (const p of paths) rmSync(p, { recursive: true, force: true });
  log(`removed ${paths.map(rel).join(', ')}`);
}

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

async function main() {
  const started = Date.now();
  const steps = [];
  const step = async (name, script, what, before) => {
    log(`${name}: npm run ${script}${what ? ` (${what})` : ''}`);
    before?.();
    const { seconds, output } = await runScript(script);
    const entry = { name, script, seconds: Math.round(seconds * 10) / 10 };
    if (script === 'notebooks:run') Object.assign(entry, notebookCounts(output));
    steps.push(entry);
    log(`${name}: ${entry.seconds.toFixed(1)} s${'ran' in entry ? ` (${entry.ran} executed, ${entry.skipped} skipped)` : ''}`);
    return entry;
  };

  await step('build', 'build', 'the module, before the notebooks');
  const cold = await step('notebooks cold', 'notebooks:run', `${rel(EXECUTED_DIR)} removed`, () => remove([EXECUTED_DIR]));
  const warm = await step('notebooks again, nothing changed', 'notebooks:run');
  await step('docs:generate', 'docs:generate');
  await step('docs:export', 'docs:export');
  const siteCold = await step('site build cold', 'site:build', 'caches removed', () =>
    remove([path.join(ROOT, 'website', 'build'), path.join(ROOT, 'website', '.docusaurus'), path.join(ROOT, 'node_modules', '.cache')]),
  );
  const siteWarm = await step('site build warm', 'site:build', 'nothing changed');

  const result = {
    command: 'npm run measure:pipeline',
    date: new Date().toISOString(),
    machine: { cpu: cpuModel(), cores: os.availableParallelism(), node: process.version },
    notebooks: {
      coldSeconds: cold.seconds,
      coldExecuted: cold.ran,
      againSeconds: warm.seconds,
      againReExecuted: warm.ran,
    },
    site: { coldSeconds: siteCold.seconds, warmSeconds: siteWarm.seconds },
    steps,
    totalSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  const { writeFileAtomic } = await loadAtomicWrite();
  writeFileAtomic(OUT, `${JSON.stringify(result, null, 1)}\n`);
  console.log('');
  console.log(`notebooks, cold:                 ${cold.seconds.toFixed(1)} s (${cold.ran} executed)`);
  console.log(`notebooks, again (no change):    ${warm.seconds.toFixed(1)} s (${warm.ran} re-executed, ${warm.skipped} skipped)`);
  console.log(`site build, cold:                ${siteCold.seconds.toFixed(1)} s`);
  console.log(`site build, warm (no change):    ${siteWarm.seconds.toFixed(1)} s`);
  log(`wrote ${rel(OUT)} (total ${result.totalSeconds.toFixed(1)} s)`);
}

main().catch((e) => {
  console.error(`[measure:pipeline] failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
