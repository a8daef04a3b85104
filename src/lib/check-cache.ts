import fs from 'node:fs';
import path from 'node:path';
import { contentHash as sha, writeAtomically } from './cache-files';
import { checkContent, listPostmortemFiles } from './content-check';
import { postmortemsDir } from './content-dir';
import { frontmatterJsonSchema } from './frontmatter-schema';
import type { Problem } from './problems';
import { readTaxonomy, SYNONYMS_FILE, TAXONOMY_FILES } from './taxonomy';

/**
 * The build's content check, remembering which files passed. Checking 10,000 postmortems with
 * line and column for every field takes about nine seconds; a rebuild after one edit should
 * not pay that again. A file is skipped when its bytes are the ones that passed last time and
 * nothing it is checked against has changed: the taxonomies, the set of postmortem files (which
 * `related` must name) and the frontmatter schema. Astro's loader validates every entry against
 * the same schema anyway, so the cache can only make an error message less detailed, never let
 * an invalid file through.
 */

/** Raise when the check changes in a way the schema's JSON Schema does not show. */
const CACHE_VERSION = 1;

interface CheckCache {
  key: string;
  /** Postmortem file (relative to the content folder) → hash of the bytes that passed. */
  passed: Record<string, string>;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** What every file is checked against, as one hash. */
function contextKey(contentRoot: string): string {
  const taxonomyDir = path.join(contentRoot, 'taxonomy');
  const taxonomyText = [...Object.values(TAXONOMY_FILES), SYNONYMS_FILE].map((name) =>
    readText(path.join(taxonomyDir, name)),
  );
  const files = listPostmortemFiles(postmortemsDir(contentRoot)).map((file) =>
    path.relative(contentRoot, file),
  );
  const schema = frontmatterJsonSchema(readTaxonomy(contentRoot).taxonomy);
  return sha(JSON.stringify([CACHE_VERSION, taxonomyText, files, schema]));
}

function readCache(cacheFile: string, key: string): Record<string, string> {
  try {
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CheckCache;
    return cache.key === key ? cache.passed : {};
  } catch {
    return {};
  }
}

/** The problems `checkContent` finds, checking only files that changed since they last passed. */
export function checkContentCached(contentRoot: string, cacheFile: string): Problem[] {
  const key = contextKey(contentRoot);
  const before = readCache(cacheFile, key);
  const passed: Record<string, string> = {};
  const seen = new Map<string, string>();
  const { problems } = checkContent(contentRoot, {
    unchanged: (file, text) => {
      const relative = path.relative(contentRoot, file);
      const hash = sha(text);
      seen.set(relative, hash);
      return before[relative] === hash;
    },
  });
  const failed = new Set(problems.map((problem) => path.relative(contentRoot, problem.file)));
  for (const [file, hash] of seen) if (!failed.has(file)) passed[file] = hash;
  writeAtomically(cacheFile, JSON.stringify({ key, passed } satisfies CheckCache));
  return problems;
}
