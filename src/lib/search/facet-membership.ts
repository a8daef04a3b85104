import type { FacetCounts } from './query';
import { FILTER_KEYS, type FilterKey } from './record';
import type { SearchFilters } from './state';
import { countOf } from './facets';

/**
 * Filters and facet counts, worked out in the page from each incident's values (the facet data
 * the build writes, `facet-data.ts`), for the strict search and the relaxed one alike: values
 * of one facet are alternatives, facets narrow each other, and a facet's counts ignore its own
 * selection, so they say what picking another of its values would give.
 */

/** Filter values by facet, for one incident. */
export type FilterValues = Readonly<Partial<Record<FilterKey, readonly string[]>>>;

/** Filter values by page id, for every incident in the index. */
export type Membership = ReadonlyMap<string, FilterValues>;

/** The incidents that have one filter value, as a filter-only search returns them. */
export interface ValueMembers {
  key: FilterKey;
  value: string;
  ids: readonly string[];
}

export function membershipOf(lists: readonly ValueMembers[]): Membership {
  const membership = new Map<string, Partial<Record<FilterKey, string[]>>>();
  for (const { key, value, ids } of lists) {
    for (const id of ids) {
      const values = membership.get(id) ?? {};
      membership.set(id, values);
      (values[key] ??= []).push(value);
    }
  }
  return membership;
}

/** Whether an incident passes the selection, leaving out one facet's own selection if asked. */
export function passesFilters(values: FilterValues | undefined, filters: SearchFilters, except?: FilterKey) {
  return FILTER_KEYS.every((key) => {
    const selected = filters[key];
    if (key === except || !selected?.length) return true;
    return selected.some((value) => values?.[key]?.includes(value));
  });
}

/** The ids that pass the selection, in the order given. */
export function filterIds(ids: readonly string[], membership: Membership, filters: SearchFilters): string[] {
  return ids.filter((id) => passesFilters(membership.get(id), filters));
}

/**
 * Each facet's counts among `ids`: for a facet with a selection, what picking another of its
 * values would give (its own selection left out); for the others, the counts among the results.
 */
export function countFacets(
  ids: readonly string[],
  membership: Membership,
  filters: SearchFilters,
): FacetCounts {
  // No prototype, so a value called `__proto__` is a key like any other.
  const counts = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, Object.create(null) as Record<string, number>]),
  ) as FacetCounts;
  for (const id of ids) {
    const values = membership.get(id);
    for (const key of FILTER_KEYS) {
      if (!passesFilters(values, filters, key)) continue;
      for (const value of values?.[key] ?? []) counts[key][value] = countOf(counts[key], value) + 1;
    }
  }
  return counts;
}
