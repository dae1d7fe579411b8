#!/usr/bin/env node
// `npm start` (after scripts/setup.mjs): build the module, execute changed notebooks, generate and
// export the docs, build the site, print the activations table, then serve the site on 127.0.0.1.
//   PORT=3000 (default) chooses the port; HOST=127.0.0.1 the address.
import { spawn, spawnSync } from 'node:child_process';
import { parseCommandLine, parseOrExit } from './lib/args.mjs';
import { ROOT } from './lib/env.mjs';
import { PIPELINE, runSteps } from './lib/steps.mjs';

const USAGE = 'usage: npm start   (no options; PORT and HOST choose where the site is served, default 127.0.0.1:3000)';
const { values } = parseOrExit('[start]', USAGE, (argv) => parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }));
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const started = Date.now();
runSteps(PIPELINE, 'start');

console.log('');
spawnSync(process.execPath, ['--import', 'tsx', 'scripts/activations-table.ts'], { stdio: 'inherit', cwd: ROOT });

const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';
console.log(`\n[start] everything built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`[start] serving the site at http://${host}:${port}/ (Ctrl+C to stop)`);
const server = spawn('npx', ['docusaurus', 'serve', 'website', '--host', host, '--port', port, '--no-open'], {
  stdio: 'inherit',
  cwd: ROOT,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
