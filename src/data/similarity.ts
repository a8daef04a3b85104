import type { CollectionEntry } from 'astro:content';
import { computeSimilarity, memoizeByItems, type Similarity } from '../lib/similarity';

type Entry = CollectionEntry<'postmortems'>;

/**
 * The similarity of the incidents a build shows, computed once per build: every incident page,
 * the insights page and the root-cause pages ask with the list `getIncidents()` gave them, and
 * share the one result.
 */
export const similarityOf: (incidents: readonly Entry[]) => Similarity<Entry> = memoizeByItems(
  (incidents: readonly Entry[]) => computeSimilarity(incidents),
  (incident) => incident.data,
);
