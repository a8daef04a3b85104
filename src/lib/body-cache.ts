import fs from 'node:fs';
import path from 'node:path';
import { pruneExcept, writeAtomically } from './cache-files';

/**
 * Rendered postmortem bodies, one HTML file per content digest, beside Astro's content store
 * rather than inside it. The store is bundled into the build as one JavaScript module and held
 * in memory while every page renders; with the bodies in it, ten thousand postmortems made it
 * 73 MB and the build's largest process over 2 GB. Here a page reads only its own body, and a
 * body is rendered again only when its file changes (its digest with it).
 */

/** The folder under Astro's cache directory (`node_modules/.astro/` by default). */
export const BODY_CACHE_FOLDER = 'hindsight-bodies';

const fileOf = (dir: string, digest: string | number) => path.join(dir, `${digest}.html`);

export function hasBody(dir: string, digest: string | number): boolean {
  return fs.existsSync(fileOf(dir, digest));
}

export function writeBody(dir: string, digest: string | number, html: string): void {
  // So a page never reads half a body written by another build.
  writeAtomically(fileOf(dir, digest), html);
}

/** The body rendered for `digest`, or `undefined` when the cache does not have it. */
export function readBody(dir: string, digest: string | number): string | undefined {
  try {
    return fs.readFileSync(fileOf(dir, digest), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes the bodies of digests no longer in use, so the cache does not grow with every edit. */
export function pruneBodies(dir: string, inUse: ReadonlySet<string>): number {
  return pruneExcept(dir, new Set([...inUse].map((digest) => path.basename(fileOf(dir, digest)))));
}
