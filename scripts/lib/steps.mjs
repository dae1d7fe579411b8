// The build pipeline shared by `npm start` and `npm test`: each step is an npm script, run in order,
// with a progress line and its duration, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { ROOT } from './env.mjs';

export const PIPELINE = [
  { script: 'build', what: 'build the module (dist/)' },
  { script: 'notebooks:run', what: 'execute changed notebooks through Jupyter (nbclient, tslab kernel)' },
  { script: 'docs:generate', what: 'generate the docs pages from the module (activations, comparison, bibliography)' },
  { script: 'docs:export', what: 'export the executed notebooks to docs pages' },
  { script: 'site:build', what: 'build the Docusaurus site (website/build)' },
];

export function runSteps(steps, label) {
  const total = steps.length;
  steps.forEach((step, i) => {
    const started = Date.now();
    console.log(`\n[${label} ${i + 1}/${total}] ${step.what}: npm run ${step.script}`);
    const r = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit', cwd: ROOT });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (r.status !== 0) {
      console.error(`[${label} ${i + 1}/${total}] FAILED after ${secs} s: npm run ${step.script} (exit code ${r.status})`);
      process.exit(r.status ?? 1);
    }
    console.log(`[${label} ${i + 1}/${total}] done in ${secs} s`);
  });
}
