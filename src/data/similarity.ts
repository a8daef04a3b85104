import type { CollectionEntry } from 'astro:content';
import similarityCache from 'virtual:hindsight/similarity-cache';
import {
  computeSimilarity,
  memoizeByItems,
  SIMILARITY,
  recurringCauses,
  type RecurringCause,
  type Similarity,
} from '../lib/similarity';
import { pairsCacheFile } from '../lib/similarity/pairs-cache';

type Entry = CollectionEntry<'postmortems'>;

/**
 * The similarity of the incidents a build shows, computed once per build: every incident page,
 * the insights page and the root-cause pages ask with the list `getIncidents()` gave them, and
 * share the one result. Its pairs are kept for the next build (`pairs-cache.ts`).
 */
export const similarityOf: (incidents: readonly Entry[]) => Similarity<Entry> = memoizeByItems(
  (incidents: readonly Entry[]) => computeSimilarity(incidents, SIMILARITY, pairsCacheFile(similarityCache)),
  (incident) => incident.data,
);

const recurring = new WeakMap<Similarity<Entry>, Map<string, RecurringCause<Entry>[]>>();

/**
 * The recurring causes among the incidents of a build, all of them or those with an incident of
 * one root-cause category: computed once per build and category, since the insights page, each
 * root-cause page and that page's cache key all ask.
 */
export function recurringCausesOf(incidents: readonly Entry[], category?: string): RecurringCause<Entry>[] {
  const similarity = similarityOf(incidents);
  let byCategory = recurring.get(similarity);
  if (!byCategory) recurring.set(similarity, (byCategory = new Map()));
  const key = category ?? '';
  let groups = byCategory.get(key);
  if (!groups) byCategory.set(key, (groups = recurringCauses(incidents, { similarity, category })));
  return groups;
}
