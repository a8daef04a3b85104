import type { FilterKey } from './record';
import type { SearchState, Sort } from './state';

/**
 * What a search asks of Pagefind, and what the page works out itself. Pagefind finds and ranks
 * the incidents holding the words; filtering, counting and sorting happen in the page over the
 * facet data the build writes (`facet-data.ts`, `facet-membership.ts`), because Pagefind's own
 * filters and sorts cost far more to download at thousands of incidents. Values within one
 * facet are alternatives (root cause is hardware OR network); facets narrow each other (AND).
 */

/** Counts per value, by facet. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Counts per value of every facet the page shows, as `buildFacets` takes them. */
export type FacetCounts = Record<FilterKey, Record<string, number>>;

/** Relevance means nothing without words, so an empty search lists the newest first. */
export const effectiveSort = (state: Pick<SearchState, 'q' | 'sort'>): Sort =>
  state.sort === 'relevance' && !state.q ? 'newest' : state.sort;

/** The term Pagefind searches: `null` (every incident) for a search without words. */
export const searchTermOf = (state: Pick<SearchState, 'q'>): string | null => state.q.trim() || null;

/**
 * `ids` in the order of `sort`: relevance keeps Pagefind's order; newest is the index order
 * (`place`, newest first); longest by duration, the newest first among equals.
 */
export function sortIds(
  ids: readonly string[],
  sort: Sort,
  place: ReadonlyMap<string, number>,
  minutes?: ReadonlyMap<string, number>,
): string[] {
  if (sort === 'relevance') return [...ids];
  const at = (id: string) => place.get(id) ?? Infinity;
  if (sort === 'newest') return [...ids].sort((a, b) => at(a) - at(b));
  const length = (id: string) => minutes?.get(id) ?? 0;
  return [...ids].sort((a, b) => length(b) - length(a) || at(a) - at(b));
}
