import fs from 'node:fs/promises';
import path from 'node:path';
import { postmortemsDir, taxonomyDir } from '../../src/lib/content-dir';
import { generateCorpus, type CorpusFormat } from './generate';

/** The project's default taxonomy, kept with the generator so a team's own taxonomy cannot break it. */
const TAXONOMY = path.join(import.meta.dirname, 'taxonomy');

export interface CorpusOptions {
  /** How many postmortems to write. */
  count: number;
  /** Same seed, same bytes. Default 1. */
  seed?: number;
  /** `mdx` (default) or `md`. */
  format?: CorpusFormat;
}

/**
 * Writes a content folder (`postmortems/` and `taxonomy/`) of `count` generated postmortems
 * into `dir`, which must not hold postmortems already. Returns the postmortem file paths.
 */
export async function writeCorpus(
  dir: string,
  { count, seed = 1, format = 'mdx' }: CorpusOptions,
): Promise<string[]> {
  const postmortems = postmortemsDir(dir);
  await fs.mkdir(postmortems, { recursive: true });
  await fs.cp(TAXONOMY, taxonomyDir(dir), { recursive: true });
  const files = generateCorpus({ count, seed, format });
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(postmortems, file.name);
    await fs.writeFile(target, file.text);
    written.push(target);
  }
  return written;
}
