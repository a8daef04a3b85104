import { FILTER_KEYS, type FilterKey } from './record';

/**
 * A search as a value, and its place in the URL. The URL is the state: a search is a link one
 * can paste in an incident channel, and back and forward step through searches. Parameters
 * are `q`, one per facet (repeated for several values, e.g. `services=email&services=dns`),
 * `sort`, and `strict=1` when the reader asked for incidents holding every word as typed, with
 * no relaxation and no correction (see `search-session.ts`); defaults are left out so the plain
 * link stays short, and a relaxed search is the plain link.
 */

export const SORTS = ['relevance', 'newest', 'longest'] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = 'relevance';

export type SearchFilters = Partial<Record<FilterKey, string[]>>;

export interface SearchState {
  /** The words typed, trimmed; `''` lists everything. */
  q: string;
  /** Selected values per facet; a facet with none selected is absent. Values keep URL order. */
  filters: SearchFilters;
  sort: Sort;
  /**
   * Only incidents holding every word, as typed: no words left out, no synonyms, no correction
   * of typos. Default `false` (absent); means nothing without words, so it is dropped when `q`
   * is empty.
   */
  strict?: boolean;
}

export const emptyState = (): SearchState => ({ q: '', filters: {}, sort: DEFAULT_SORT });

/** The value of the `strict` parameter that turns it on; anything else leaves it off. */
export const STRICT_ON = '1';

const isSort = (value: string | null): value is Sort => SORTS.includes(value as Sort);

/** Reads a search from a query string. Unknown parameters, blank values and unknown sorts are ignored. */
export function parseSearchParams(params: URLSearchParams | string): SearchState {
  const search = typeof params === 'string' ? new URLSearchParams(params) : params;
  const filters: SearchFilters = {};
  for (const key of FILTER_KEYS) {
    const values = unique(
      search
        .getAll(key)
        .map((value) => value.trim())
        .filter(Boolean),
    );
    if (values.length) filters[key] = values;
  }
  const sort = search.get('sort');
  const q = normaliseQuery(search.get('q') ?? '');
  const state: SearchState = { q, filters, sort: isSort(sort) ? sort : DEFAULT_SORT };
  if (q && search.get('strict') === STRICT_ON) state.strict = true;
  return state;
}

/**
 * Writes a search as query parameters: `q` first, facets in their display order, then `sort`,
 * then `strict`.
 */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = normaliseQuery(state.q);
  if (q) params.set('q', q);
  for (const key of FILTER_KEYS) {
    for (const value of unique(state.filters[key] ?? [])) params.append(key, value);
  }
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.strict && q) params.set('strict', STRICT_ON);
  return params;
}

/** `/search/?q=disk&rootCause=hardware`, or just the path for an empty search. */
export function searchHref(path: string, state: SearchState): string {
  const query = toSearchParams(state).toString();
  return query ? `${path}?${query}` : path;
}

/** Whether two searches would show the same thing (value order within a facet does not matter). */
export function sameSearch(a: SearchState, b: SearchState): boolean {
  const key = (state: SearchState) => {
    const params = toSearchParams({
      ...state,
      filters: Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, [...v].sort()])),
    });
    return params.toString();
  };
  return key(a) === key(b);
}

/** Adds the value to the facet or removes it if present. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const current = state.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const { [key]: _dropped, ...others } = state.filters;
  return { ...state, filters: next.length ? { ...others, [key]: next } : others };
}

export const clearFilters = (state: SearchState): SearchState => ({ ...state, filters: {} });

export const activeFilterCount = (state: SearchState) =>
  Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);

/** Collapses runs of whitespace so `disk  failure ` and `disk failure` are the same search. */
export const normaliseQuery = (q: string) => q.replace(/\s+/g, ' ').trim();

const unique = (values: readonly string[]) => [...new Set(values)];
