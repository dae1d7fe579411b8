// The build pipeline shared by `npm start` and `npm test`: each step is an npm script (or a command,
// for checks that have no script of their own), run in order, with a progress line and its duration,
// stopping at the first failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './env.mjs';

export const PIPELINE = [
  { script: 'build', what: 'build the module (dist/)' },
  { script: 'notebooks:run', what: 'execute changed notebooks through Jupyter (nbclient, tslab kernel)' },
  { script: 'docs:generate', what: 'generate the docs pages from the module (activations, comparison, bibliography)' },
  { script: 'docs:export', what: 'export the executed notebooks to docs pages' },
  { script: 'site:build', what: 'build the Docusaurus site (website/build)' },
];

/**
 * The site's TypeScript (website/tsconfig.json: the config, plugins, components), which Docusaurus
 * compiles without checking types. It needs no generated file, so it runs with the other type check.
 */
export const TYPECHECK_WEBSITE = {
  command: [process.execPath, path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'website', '--noEmit'],
  shown: 'tsc -p website --noEmit',
  what: "type-check the site's TypeScript",
};

/** The formatting check (prettier, .prettierrc.json; `npm run format` fixes what it reports). */
export const FORMAT_CHECK = { script: 'format:check', what: 'check the formatting (prettier; npm run format fixes it)' };

/** Each step is { script, what } (npm run <script>) or { command: [file, ...args], shown, what }. */
export function runSteps(steps, label) {
  const total = steps.length;
  steps.forEach((step, i) => {
    const started = Date.now();
    const shown = step.script ? `npm run ${step.script}` : step.shown;
    console.log(`\n[${label} ${i + 1}/${total}] ${step.what}: ${shown}`);
    const r = step.script
      ? spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit', cwd: ROOT })
      : spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', cwd: ROOT });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (r.status !== 0) {
      console.error(`[${label} ${i + 1}/${total}] FAILED after ${secs} s: ${shown} (exit code ${r.status})`);
      process.exit(r.status ?? 1);
    }
    console.log(`[${label} ${i + 1}/${total}] done in ${secs} s`);
  });
}
