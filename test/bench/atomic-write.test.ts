/**
 * The project's one atomic write (src/node/atomic-write.ts), used by the bench, the docs generator,
 * the experiments, the exporter and the scripts: the target is replaced whole or not at all, the
 * temporary file never outlives a failure, unchanged content is not rewritten; and the plain-Node
 * scripts reach the same code through scripts/lib/env.mjs.
 */
import assert from 'node:assert/strict';
import fs, { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { tempPathFor, writeFileAtomic, writeFileIfChanged } from '../../src/node/atomic-write.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'atomic-write-'));
});
afterEach(() => {
  mock.restoreAll();
  rmSync(dir, { recursive: true, force: true });
});

test('writes the file, creating its folder, and replaces an existing one; no temporary file is left', () => {
  const file = path.join(dir, 'a', 'b', 'out.json');
  writeFileAtomic(file, 'first');
  assert.equal(readFileSync(file, 'utf8'), 'first');
  writeFileAtomic(file, Buffer.from('second'));
  assert.equal(readFileSync(file, 'utf8'), 'second');
  assert.deepEqual(readdirSync(path.dirname(file)), ['out.json']);
});

test('temporary names are beside the target, hidden, and never the same twice', () => {
  const file = path.join(dir, 'out.json');
  const a = tempPathFor(file);
  assert.equal(path.dirname(a), dir);
  assert.match(path.basename(a), new RegExp(`^\\.out\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
  assert.notEqual(tempPathFor(file), a);
});

test('a write that fails halfway leaves the old file whole and removes the partial temporary file', () => {
  const file = path.join(dir, 'results.json');
  writeFileSync(file, 'old content');
  const realWrite = fs.writeFileSync;
  let partial = '';
  // The disk fills up after half the data reached the temporary file.
  mock.method(fs, 'writeFileSync', (target: string, data: string) => {
    partial = target;
    realWrite(target, data.slice(0, data.length / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  });
  assert.throws(() => writeFileAtomic(file, 'new content, much longer than the old'), /ENOSPC/);
  mock.restoreAll();
  assert.ok(partial.startsWith(path.join(dir, '.results.json.')), partial);
  assert.equal(readFileSync(file, 'utf8'), 'old content');
  assert.deepEqual(readdirSync(dir), ['results.json'], 'the partial temporary file is gone');
});

test('a rename that fails (the target is a folder) leaves the target as it was and no temporary file', () => {
  const target = path.join(dir, 'taken');
  mkdirSync(path.join(target, 'inside'), { recursive: true });
  assert.throws(() => writeFileAtomic(target, 'data'));
  assert.ok(statSync(target).isDirectory());
  assert.deepEqual(readdirSync(dir), ['taken']);
  assert.deepEqual(readdirSync(target), ['inside']);
});

test('writeFileIfChanged leaves identical content alone (its modification time too) and writes a change', () => {
  const file = path.join(dir, 'page.mdx');
  assert.equal(writeFileIfChanged(file, 'same'), true);
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(file, past, past);
  assert.equal(writeFileIfChanged(file, 'same'), false);
  assert.equal(writeFileIfChanged(file, Buffer.from('same')), false);
  assert.equal(statSync(file).mtimeMs, past.getTime());
  assert.equal(writeFileIfChanged(file, 'changed'), true);
  assert.equal(readFileSync(file, 'utf8'), 'changed');
  assert.deepEqual(readdirSync(dir), ['page.mdx']);
});

test('the plain-Node scripts get the same functions through scripts/lib/env.mjs', async () => {
  // @ts-expect-error plain JavaScript without declarations
  const env = (await import('../../scripts/lib/env.mjs')) as { loadAtomicWrite: () => Promise<Record<string, unknown>> };
  const loaded = await env.loadAtomicWrite();
  assert.equal(typeof loaded.writeFileAtomic, 'function');
  const file = path.join(dir, 'x', 'kernel.json');
  (loaded.writeFileAtomic as typeof writeFileAtomic)(file, '{}\n');
  assert.equal(readFileSync(file, 'utf8'), '{}\n');
  assert.deepEqual(readdirSync(path.dirname(file)), ['kernel.json']);
});
