/**
 * Writing a run's files all or nothing: every changed file is first written to a temporary file
 * beside its target (same directory, so the rename cannot cross file systems); only when all of
 * them are written are they renamed into place, each rename atomic. A failure before that removes
 * the temporary files and leaves every target as it was. Files whose content is unchanged are not
 * touched (their modification time stays, and Docusaurus's dev server does not reload for them).
 * The temporary names come from the project's one atomic-write helper (src/node/atomic-write.ts);
 * only the staging of several files is particular to the exporter.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempPathFor } from '../node/atomic-write.js';

export interface PlannedFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

export interface WriteResult {
  readonly written: string[];
  readonly unchanged: string[];
  readonly removed: string[];
}

async function sameContent(file: string, content: Buffer): Promise<boolean> {
  try {
    return (await readFile(file)).equals(content);
  } catch {
    return false;
  }
}

/**
 * Writes `files` and then removes `removals` (paths that no longer belong to the output). Nothing is
 * replaced or removed unless every file could be written.
 */
export async function writeAllOrNothing(files: readonly PlannedFile[], removals: readonly string[] = []): Promise<WriteResult> {
  const staged: Array<{ temp: string; target: string }> = [];
  const unchanged: string[] = [];
  try {
    for (const file of files) {
      const content = Buffer.from(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content);
      if (await sameContent(file.path, content)) {
        unchanged.push(file.path);
        continue;
      }
      await mkdir(path.dirname(file.path), { recursive: true });
      const temp = tempPathFor(file.path);
      staged.push({ temp, target: file.path });
      await writeFile(temp, content);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  for (const file of removals) await rm(file, { force: true });
  return { written: staged.map((s) => s.target), unchanged, removed: [...removals] };
}
