import { contentHash as hash } from './cache-files';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is copied from that build instead of rendered.
 * So a key must cover everything a page shows that is not code: its props, and the site-wide
 * inputs it reads (configuration, taxonomy, what "today" means for it). Missing one would ship
 * a stale page, which is why `test/build/incremental.test.ts` compares a rebuild with a cold
 * build byte for byte.
 */

/** Entries are hashed once per build, however many pages list them. */
const entryHashes = new WeakMap<object, string>();

/** A content collection entry, told apart from other props by its shape. */
function isEntry(
  value: object,
): value is { id: string; collection: string; data: unknown; filePath?: string } {
  return 'collection' in value && 'id' in value && 'data' in value;
}

/** Maps and Sets as their contents, which JSON would otherwise write as `{}`. */
function collections(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

/**
 * As `collections`, and each entry as its id and a hash of its data and file: not of its body,
 * which only the entry's own page shows (and puts in its key as the digest), so that editing a
 * write-up does not render again every list and similar-incidents box that names the incident.
 */
function entries(key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !isEntry(value)) return collections(key, value);
  let entryHash = entryHashes.get(value);
  if (entryHash === undefined) {
    const { id, collection, data, filePath } = value;
    entryHash = hash(JSON.stringify({ id, collection, data, filePath }, collections));
    entryHashes.set(value, entryHash);
  }
  return `entry:${value.id}:${entryHash}`;
}

/** The cache key of a page that shows `inputs` (JSON-able values, Maps, Sets, Dates and entries). */
export function cacheKeyOf(...inputs: unknown[]): string {
  return hash(JSON.stringify(inputs, entries));
}
