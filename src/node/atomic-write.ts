/**
 * Writing a file so that no reader ever sees it half written, and a failure leaves the old file: the
 * data goes to a temporary file beside the target (same directory, so the rename cannot cross file
 * systems), then one rename replaces the target. On failure the temporary file is removed.
 *
 * The project's one implementation: the exporter (src/exporter/write.ts stages several files with
 * `tempPathFor`), the docs generator, the bench, the experiments and the scripts all write through
 * it (the plain-Node scripts load it with tsx, see scripts/lib/env.mjs). Tested in
 * test/bench/atomic-write.test.ts.
 */
import { randomBytes } from 'node:crypto';
// The default import (not named ones), so that a test can replace fs.writeFileSync / renameSync.
import fs from 'node:fs';
import path from 'node:path';

/**
 * A fresh temporary name beside `file`: hidden, with the process id and random bytes, so that two
 * processes (or two writes in one) never share it.
 */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to `file` atomically, creating its folder; on any failure `file` is as it was. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes atomically, and only when the content differs from what `file` holds: an unchanged file
 * keeps its modification time (the site's dev server and caches do not see a change). Returns
 * whether it wrote.
 */
export function writeFileIfChanged(file: string, data: string | Uint8Array): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    if (fs.readFileSync(file).equals(bytes)) return false;
  } catch {
    // missing or unreadable: write it
  }
  writeFileAtomic(file, bytes);
  return true;
}
