// scripts/run-notebooks.mjs on small fixture notebooks: failures name the file, the cell and the
// cell's stderr and leave the previous executed copy alone; successes strip the injected cells;
// unchanged notebooks are skipped.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { FIXTURES, readNotebook, runRunner, text } from './support.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'activations-runner-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function failing(name: string, outDir: string) {
  const file = path.join(FIXTURES, name);
  const r = runRunner(['--out-dir', outDir, file]);
  return { ...r, all: r.stdout + r.stderr };
}

test('a cell that throws fails the run, naming the notebook, the cell and its stderr, and keeps the previous executed copy', () => {
  const outDir = path.join(tmp, 'throwing');
  const previous = path.join(outDir, 'throwing-cell.ipynb');
  const r0 = runRunner(['--out-dir', outDir, path.join(FIXTURES, 'passing.ipynb')]);
  assert.equal(r0.status, 0, r0.stdout + r0.stderr);
  // An earlier good executed copy under the same name must survive the failure.
  copyFileSync(path.join(outDir, 'passing.ipynb'), previous);
  const before = readFileSync(previous, 'utf8');
  const r = failing('throwing-cell.ipynb', outDir);
  assert.equal(r.status, 1, r.all);
  assert.match(r.stderr, /FAILED test\/notebooks\/fixtures\/throwing-cell\.ipynb/);
  assert.match(r.stderr, /cell 3 of 4 \(code, In \[2\]\): throw new RangeError\('fixture: this cell throws on purpose'\);/);
  assert.match(r.stderr, /RangeError: fixture: this cell throws on purpose/);
  assert.equal(readFileSync(previous, 'utf8'), before, 'the previous executed copy changed');
  assert.ok(!existsSync(`${previous}.hash.json`), 'a failed run must not record a hash');
});

test('a promise rejection that no cell awaited fails the run and is attributed to the cell that made it', () => {
  const r = failing('unawaited-rejection.ipynb', path.join(tmp, 'rejection'));
  assert.equal(r.status, 1, r.all);
  assert.match(r.stderr, /FAILED test\/notebooks\/fixtures\/unawaited-rejection\.ipynb/);
  assert.match(r.stderr, /cell 3 of 4 \(code, In \[2\]\): Promise\.reject\(new Error\('fixture: nobody awaited this'\)\);/);
  assert.match(r.stderr, /unhandled promise rejection/);
  assert.match(r.stderr, /Error: fixture: nobody awaited this/);
  assert.ok(!existsSync(path.join(tmp, 'rejection', 'unawaited-rejection.ipynb')));
});

test('an exception thrown by a timer fails the run too', () => {
  const r = failing('timer-throw.ipynb', path.join(tmp, 'timer'));
  assert.equal(r.status, 1, r.all);
  assert.match(r.stderr, /FAILED test\/notebooks\/fixtures\/timer-throw\.ipynb/);
  assert.match(r.stderr, /uncaught exception/);
  assert.match(r.stderr, /Error: fixture: thrown by a timer/);
});

test('a passing notebook is written without the injected cells, with its own sources and counts from 1, then skipped while unchanged', () => {
  const outDir = path.join(tmp, 'passing');
  // A copy outside the fixtures folder, so that changing it below leaves the fixture alone.
  const copy = path.join(mkdtempSync(path.join(tmp, 'work-')), 'passing.ipynb');
  copyFileSync(path.join(FIXTURES, 'passing.ipynb'), copy);
  const first = runRunner(['--out-dir', outDir, copy]);
  assert.equal(first.status, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /ran .*passing\.ipynb in \d+\.\d s/);

  const out = path.join(outDir, 'passing.ipynb');
  const executed = readNotebook(out);
  const original = readNotebook(copy);
  assert.equal(executed.cells.length, original.cells.length);
  executed.cells.forEach((cell, i) => {
    assert.equal(text(cell.source), text(original.cells[i]!.source), `cell ${i + 1} source`);
    assert.ok(!('activations_runner' in cell.metadata), `cell ${i + 1} is an injected cell`);
  });
  const code = executed.cells.filter((c) => c.cell_type === 'code');
  assert.deepEqual(
    code.map((c) => c.execution_count),
    [1, 2],
  );
  assert.equal(text(code[0]!.outputs![0]!.text), 'answer 42\n');
  assert.equal(text(code[1]!.outputs![0]!.text), '43\n');
  const hash = JSON.parse(readFileSync(`${out}.hash.json`, 'utf8')) as { hash: string };
  assert.match(hash.hash, /^[0-9a-f]{64}$/);

  const mtime = statSync(out).mtimeMs;
  const second = runRunner(['--out-dir', outDir, copy]);
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.match(second.stdout, /skipped .*passing\.ipynb \(unchanged since its last run\)/);
  assert.match(second.stdout, /0 ran, 1 skipped, 0 failed/);
  assert.equal(statSync(out).mtimeMs, mtime, 'a skipped notebook must not be rewritten');

  const changed = readNotebook(copy);
  changed.cells[1]!.source = "const answer = 6 * 9;\nconsole.log('answer', answer);";
  writeFileSync(copy, JSON.stringify(changed));
  const third = runRunner(['--out-dir', outDir, copy]);
  assert.equal(third.status, 0, third.stdout + third.stderr);
  assert.match(third.stdout, /1 ran, 0 skipped, 0 failed/);
  assert.equal(text(readNotebook(out).cells[1]!.outputs![0]!.text), 'answer 54\n');
});

test('the runner refuses an unknown option and a missing notebook with a message', () => {
  const a = runRunner(['--bogus']);
  // A bad command line exits 2 (scripts/lib/args.mjs), as every script does; a missing notebook 1.
  assert.equal(a.status, 2);
  assert.match(a.stderr, /unknown option --bogus/);
  const b = runRunner([path.join(tmp, 'nope.ipynb')]);
  assert.equal(b.status, 1);
  assert.match(b.stderr, /no such notebook: .*nope\.ipynb/);
});
