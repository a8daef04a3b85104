import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What the build's caches under Astro's cache folder share (the body cache, the search pages,
 * the content check's record, page cache keys): a hash to name things by, files written so
 * that a reader never sees half of one, and pruning what a build no longer uses.
 */

/** SHA-256 of the texts, kept apart from each other, as a name-safe string. */
export function contentHash(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const [n, text] of texts.entries()) hash.update(n ? `\0${text}` : text);
  return hash.digest('base64url');
}

/** Writes the file whole, then renames it into place: a reader sees the old file or the new. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, data);
  fs.renameSync(partial, file);
}

/** Removes every file of `dir` not named in `keep`; returns how many. */
export function pruneExcept(dir: string, keep: ReadonlySet<string>): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (keep.has(name)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
