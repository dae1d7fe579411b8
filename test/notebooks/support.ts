// Shared by the notebook tests: paths, reading notebooks, and making sure the executed copies exist.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NOTEBOOKS = path.join(ROOT, 'notebooks');
export const EXECUTED = path.join(ROOT, '.cache', 'notebooks', 'executed');
export const FIXTURES = path.join(ROOT, 'test', 'notebooks', 'fixtures');
export const RUNNER = path.join(ROOT, 'scripts', 'run-notebooks.mjs');
export const SCREENSHOTS = path.join(ROOT, '.cache', 'screenshots');

/** The Chromium the browser tests drive, and its flags: headless, offline, nothing in the background. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A TCP port free on 127.0.0.1 right now, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  execution_count?: number | null;
}
export interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
}
export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
}

export const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('') : (v ?? ''));
export const readNotebook = (file: string): Notebook => JSON.parse(readFileSync(file, 'utf8')) as Notebook;

export function notebookNames(): string[] {
  return readdirSync(NOTEBOOKS)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();
}

/**
 * Runs the notebook runner, which executes only what changed: after `npm test`'s pipeline this is a
 * quick no-op; on its own (a single test file, `npm run test:unit`) it builds and executes what is
 * missing, so these tests never depend on what ran before them.
 */
export function ensureExecuted(): void {
  const r = spawnSync(process.execPath, [RUNNER], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node scripts/run-notebooks.mjs failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export function runRunner(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [RUNNER, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
