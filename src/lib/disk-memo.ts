import fs from 'node:fs';
import path from 'node:path';
import { contentHash, pruneExcept, writeAtomically } from './cache-files';

/**
 * Results of a pure, costly function of a text, kept in a folder by a hash of the text, so
 * the next build does the work only for texts that changed. Each build prunes what it did not
 * ask for, so the folder holds one build's worth. `version` names the function's behaviour:
 * change it when the function changes, and nothing computed before is reused.
 */
export class DiskMemo<T> {
  readonly #dir: string;
  readonly #version: string;
  readonly #used = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(dir: string, version: string) {
    this.#dir = dir;
    this.#version = version;
    fs.mkdirSync(dir, { recursive: true });
  }

  get(input: string, compute: () => T): T {
    const name = `${contentHash(this.#version, input)}.json`;
    this.#used.add(name);
    const file = path.join(this.#dir, name);
    try {
      const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
      this.hits++;
      return kept;
    } catch {
      // Missing or unreadable: computed again below.
    }
    const result = compute();
    this.misses++;
    writeAtomically(file, JSON.stringify(result));
    return result;
  }

  /** Removes what this build did not ask for. */
  prune(): void {
    pruneExcept(this.#dir, this.#used);
  }
}
