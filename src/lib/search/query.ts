import { FILTER_KEYS, type FilterKey } from './record';
import type { SearchFilters, SearchState, Sort } from './state';

/**
 * Turns a search into the calls the page makes to Pagefind. Values within one facet are
 * alternatives (root cause is hardware OR network); facets narrow each other (AND). Pagefind
 * counts each filter value among the results it returns, which for a facet with a selection
 * would only ever count the selected values; so each such facet gets one more search without
 * its own selection, whose counts say what picking another value would give. With five facets
 * that is at most six searches over an index already in memory.
 */

export type FilterCounts = Record<string, Record<string, number>>;

/** Counts per value of every facet the page shows, as `buildFacets` takes them. */
export type FacetCounts = Record<FilterKey, Record<string, number>>;

export interface PagefindQuery {
  /** `null` asks Pagefind for every page that passes the filters. */
  term: string | null;
  options: {
    filters: Record<string, { any: string[] }>;
    sort: Record<string, 'asc' | 'desc'>;
  };
}

export interface SearchPlan {
  main: PagefindQuery;
  /** One query per facet that has a selection, for that facet's counts. */
  facets: Partial<Record<FilterKey, PagefindQuery>>;
}

/** Relevance means nothing without words, so an empty search lists the newest first. */
export const effectiveSort = (state: Pick<SearchState, 'q' | 'sort'>): Sort =>
  state.sort === 'relevance' && !state.q ? 'newest' : state.sort;

/** Pagefind's sort option for each sort the page offers. */
export const SORT_OPTIONS: Record<Sort, PagefindQuery['options']['sort']> = {
  relevance: {},
  newest: { started: 'desc' },
  longest: { duration: 'desc' },
};

export function pagefindFilters(
  filters: SearchFilters,
  except?: FilterKey,
): PagefindQuery['options']['filters'] {
  const out: PagefindQuery['options']['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (key !== except && values?.length) out[key] = { any: [...values] };
  }
  return out;
}

export function searchPlan(state: SearchState): SearchPlan {
  const term = state.q.trim() || null;
  const facets: SearchPlan['facets'] = {};
  for (const key of FILTER_KEYS) {
    if (state.filters[key]?.length) {
      facets[key] = { term, options: { filters: pagefindFilters(state.filters, key), sort: {} } };
    }
  }
  return {
    main: {
      term,
      options: { filters: pagefindFilters(state.filters), sort: SORT_OPTIONS[effectiveSort(state)] },
    },
    facets,
  };
}

/** Each facet's counts: from its own query when it has a selection, else from the main one. */
export function facetCounts(
  main: FilterCounts,
  perFacet: Partial<Record<FilterKey, FilterCounts>>,
): FacetCounts {
  return Object.fromEntries(
    FILTER_KEYS.map((key) => [key, { ...(perFacet[key]?.[key] ?? main[key] ?? {}) }]),
  ) as FacetCounts;
}
