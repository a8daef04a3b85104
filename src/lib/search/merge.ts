import type { Concept } from './relax';

/**
 * Merges the searches of a relaxed query (one per word or synonym) into one ranking. Pagefind
 * scores each search on its own; what a reader means by "best match" when no incident holds
 * every word is the incident that holds the most of them, and among those the one whose root
 * cause holds them. So incidents rank by:
 *
 * 1. incidents the strict search found (they hold every word), in its order;
 * 2. how many of the query's meaningful concepts they match (a word or any of its synonyms);
 * 3. how many of those they match in the root cause (the `cause` metadata field);
 * 4. the sum, over matched concepts, of the best Pagefind score among the concept's words;
 * 5. the newer incident (its place in the index, newest first), as a search without words lists
 *    them; without places, the page id. Either way equal incidents keep one order. (The page id is
 *    Pagefind's hash of the page, so ordering by it alone reshuffles equals whenever any page's
 *    text changes.)
 *
 * A concept found on more than `COMMON_SHARE` of all incidents ("time" matches every timeline)
 * says little about any one of them: it still adds to the score but not to the count, unless
 * every concept is that common.
 */

/** One Pagefind result, without its fragment: what ranking needs. */
export interface Hit {
  id: string;
  score: number;
  /** Metadata fields the words matched in (Pagefind 1.x `matchedMetaFields`). */
  matchedMetaFields?: readonly string[];
}

/** Share of all incidents above which a concept no longer counts as telling incidents apart. */
export const COMMON_SHARE = 0.5;

/** The metadata field that holds the root cause (see `record.ts`). */
const CAUSE_FIELD = 'cause';

export interface MergedHit<H extends Hit = Hit> {
  id: string;
  /** Indexes into the concepts, of those the incident matches. */
  concepts: number[];
  /** Matched concepts that count towards rank (not too common). */
  coverage: number;
  /** Matched concepts found in the root cause. */
  inCause: number;
  score: number;
  /** Whether the strict search found it. */
  strict: boolean;
  /** Per matched alternative (as searched), the hit, for loading its fragment. */
  hits: { alternative: string; hit: H }[];
}

/**
 * @param concepts The query's concepts with the alternatives that were searched.
 * @param searches The hits of each alternative's search, by alternative, with no filter applied.
 * @param pageCount Incidents in the index, for telling common concepts apart.
 * @param strictIds Ids the strict search found, in its order; they come first.
 * @param place Each incident's place in the index (newest first), for ordering equals.
 */
export function mergeHits<H extends Hit>(
  concepts: readonly Concept[],
  searches: ReadonlyMap<string, readonly H[]>,
  pageCount: number,
  strictIds: readonly string[] = [],
  place: ReadonlyMap<string, number> = new Map(),
): MergedHit<H>[] {
  const common = concepts.map((concept) => conceptTotal(concept, searches) > pageCount * COMMON_SHARE);
  const counts = (index: number) => common.every(Boolean) || !common[index];
  const found = new Map<string, Found<H>>();

  concepts.forEach((concept, index) => {
    for (const alternative of concept.alternatives) {
      for (const hit of searches.get(alternative) ?? []) {
        const entry: Found<H> = found.get(hit.id) ?? { best: new Map(), inCause: new Set(), hits: [] };
        found.set(hit.id, entry);
        entry.hits.push({ alternative, hit });
        entry.best.set(index, Math.max(entry.best.get(index) ?? 0, hit.score));
        if (hit.matchedMetaFields?.includes(CAUSE_FIELD)) entry.inCause.add(index);
      }
    }
  });

  const strictRank = new Map(strictIds.map((id, rank) => [id, rank]));
  const merged: MergedHit<H>[] = [...found].map(([id, entry]) => {
    const matched = [...entry.best.keys()].sort((a, b) => a - b);
    return {
      id,
      concepts: matched,
      coverage: matched.filter(counts).length,
      inCause: entry.inCause.size,
      score: [...entry.best.values()].reduce((sum, score) => sum + score, 0),
      strict: strictRank.has(id),
      hits: entry.hits,
    };
  });
  const rank = (hit: MergedHit<H>) => strictRank.get(hit.id) ?? strictRank.size;
  const at = (hit: MergedHit<H>) => place.get(hit.id) ?? place.size;
  return merged.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.coverage - a.coverage ||
      b.inCause - a.inCause ||
      b.score - a.score ||
      at(a) - at(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

interface Found<H extends Hit> {
  /** Best score per matched concept. */
  best: Map<number, number>;
  /** Concepts matched in the root cause. */
  inCause: Set<number>;
  hits: { alternative: string; hit: H }[];
}

/** Incidents matching any of the concept's alternatives. */
function conceptTotal(concept: Concept, searches: ReadonlyMap<string, readonly Hit[]>): number {
  return new Set(
    concept.alternatives.flatMap((alternative) => (searches.get(alternative) ?? []).map((hit) => hit.id)),
  ).size;
}
