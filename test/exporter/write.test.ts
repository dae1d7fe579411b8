import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { writeAllOrNothing } from '../../src/exporter/write.js';
import { tempDir } from './support.js';

const leftovers = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.tmp'));

test('writeAllOrNothing writes every file, creating folders, then removes the removals', async () => {
  const dir = tempDir('write');
  writeFileSync(path.join(dir, 'stale.mdx'), 'old');
  const result = await writeAllOrNothing(
    [
      { path: path.join(dir, 'a', 'one.mdx'), content: 'one' },
      { path: path.join(dir, 'b', 'two.bin'), content: new Uint8Array([1, 2, 3]) },
    ],
    [path.join(dir, 'stale.mdx')],
  );
  assert.equal(readFileSync(path.join(dir, 'a', 'one.mdx'), 'utf8'), 'one');
  assert.deepEqual([...readFileSync(path.join(dir, 'b', 'two.bin'))], [1, 2, 3]);
  assert.deepEqual(readdirSync(dir).sort(), ['a', 'b']);
  assert.deepEqual(result, {
    written: [path.join(dir, 'a', 'one.mdx'), path.join(dir, 'b', 'two.bin')],
    unchanged: [],
    removed: [path.join(dir, 'stale.mdx')],
  });
  assert.deepEqual(leftovers(dir), []);
});

test('a file whose content is unchanged is not written again (its modification time stays)', async () => {
  const dir = tempDir('write');
  const file = path.join(dir, 'same.mdx');
  writeFileSync(file, 'same');
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(file, past, past);
  const result = await writeAllOrNothing([{ path: file, content: 'same' }]);
  assert.deepEqual(result.unchanged, [file]);
  assert.equal(statSync(file).mtime.getTime(), past.getTime());
});

test('when one file cannot be written, no file is replaced, nothing is removed and no temporary file is left', async () => {
  const dir = tempDir('write');
  writeFileSync(path.join(dir, 'keep.mdx'), 'previous page');
  writeFileSync(path.join(dir, 'stale.mdx'), 'stale page');
  writeFileSync(path.join(dir, 'blocker'), 'a file where a folder is needed');
  mkdirSync(path.join(dir, 'sub'));
  await assert.rejects(
    writeAllOrNothing(
      [
        { path: path.join(dir, 'keep.mdx'), content: 'new page' },
        { path: path.join(dir, 'sub', 'new.mdx'), content: 'new' },
        { path: path.join(dir, 'blocker', 'x.mdx'), content: 'cannot be written' },
      ],
      [path.join(dir, 'stale.mdx')],
    ),
    /ENOTDIR|EEXIST/,
  );
  assert.equal(readFileSync(path.join(dir, 'keep.mdx'), 'utf8'), 'previous page');
  assert.equal(readFileSync(path.join(dir, 'stale.mdx'), 'utf8'), 'stale page');
  assert.deepEqual(readdirSync(path.join(dir, 'sub')), []);
  assert.deepEqual(leftovers(dir), []);
});
