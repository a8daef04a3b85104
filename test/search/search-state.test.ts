import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearFilters,
  DEFAULT_SORT,
  emptyState,
  parseSearchParams,
  sameSearch,
  searchHref,
  toggleFilter,
  toSearchParams,
  type SearchState,
} from '../../src/lib/search/state';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({ ...emptyState(), ...overrides });

describe('URL to search state', () => {
  it('reads the query, the filters and the sort', () => {
    expect(parseSearchParams('?q=disk&rootCause=hardware&sort=newest')).toEqual({
      q: 'disk',
      filters: { rootCause: ['hardware'] },
      sort: 'newest',
    });
  });

  it('reads repeated parameters as several values of one facet', () => {
    expect(parseSearchParams('services=email&services=mail-storage&services=dns').filters).toEqual({
      services: ['email', 'mail-storage', 'dns'],
    });
  });

  it('reads every facet', () => {
    const parsed = parseSearchParams(
      'rootCause=network&services=dns&severity=SEV1&severity=SEV2&year=2024&followUp=open',
    );
    expect(parsed.filters).toEqual({
      rootCause: ['network'],
      services: ['dns'],
      severity: ['SEV1', 'SEV2'],
      year: ['2024'],
      followUp: ['open'],
    });
  });

  it('ignores unknown parameters', () => {
    expect(parseSearchParams('q=dns&utm_source=slack&page=2&rootcause=network&Sort=newest')).toEqual({
      q: 'dns',
      filters: {},
      sort: DEFAULT_SORT,
    });
  });

  it('ignores an unknown sort and blank or repeated values', () => {
    expect(parseSearchParams('sort=oldest').sort).toBe('relevance');
    expect(parseSearchParams('rootCause=&rootCause=%20').filters).toEqual({});
    expect(parseSearchParams('year=2024&year=2024').filters).toEqual({ year: ['2024'] });
  });

  it('tidies the whitespace in the query', () => {
    expect(parseSearchParams('q=%20%20disk%20%20%20failure%20').q).toBe('disk failure');
    expect(parseSearchParams('q=+disk+failure').q).toBe('disk failure');
  });

  it('reads strict=1 as the strict search, and only with words', () => {
    expect(parseSearchParams('q=quota+set+to+zero&strict=1')).toEqual({
      q: 'quota set to zero',
      filters: {},
      sort: DEFAULT_SORT,
      strict: true,
    });
    expect(parseSearchParams('q=disk&strict=true').strict).toBeUndefined();
    expect(parseSearchParams('strict=1').strict).toBeUndefined();
  });

  it('gives the empty search for an empty query string', () => {
    expect(parseSearchParams('')).toEqual(emptyState());
    expect(parseSearchParams(new URLSearchParams())).toEqual(emptyState());
  });
});

describe('search state to URL', () => {
  it('leaves the default sort out', () => {
    expect(toSearchParams(state({ q: 'disk' })).toString()).toBe('q=disk');
    expect(toSearchParams(state({ q: 'disk', sort: 'relevance' })).has('sort')).toBe(false);
    expect(toSearchParams(state({ q: 'disk', sort: 'longest' })).get('sort')).toBe('longest');
  });

  it('writes the issue example as the issue writes it', () => {
    const href = searchHref(
      '/search/',
      state({ q: 'disk', filters: { rootCause: ['hardware'] }, sort: 'newest' }),
    );
    expect(href).toBe('/search/?q=disk&rootCause=hardware&sort=newest');
  });

  it('writes one parameter per value, facets in display order', () => {
    const params = toSearchParams(
      state({ filters: { year: ['2024'], services: ['email', 'dns'], rootCause: ['hardware'] } }),
    );
    expect(params.toString()).toBe('rootCause=hardware&services=email&services=dns&year=2024');
  });

  it('writes strict=1 last, and never without words', () => {
    expect(searchHref('/search/', state({ q: 'disk', sort: 'newest', strict: true }))).toBe(
      '/search/?q=disk&sort=newest&strict=1',
    );
    expect(searchHref('/search/', state({ q: '', strict: true }))).toBe('/search/');
    expect(toSearchParams(state({ q: 'disk', strict: false })).has('strict')).toBe(false);
  });

  it('gives the bare path for the empty search', () => {
    expect(searchHref('/search/', emptyState())).toBe('/search/');
  });

  it('encodes words that need it', () => {
    const href = searchHref('/search/', state({ q: 'expired certificate & "TLS"' }));
    expect(href).toBe('/search/?q=expired+certificate+%26+%22TLS%22');
    expect(parseSearchParams(href.split('?')[1] ?? '').q).toBe('expired certificate & "TLS"');
  });
});

describe('round trip', () => {
  const cases: SearchState[] = [
    emptyState(),
    state({ q: 'disk failure' }),
    state({ q: 'disk', filters: { rootCause: ['hardware'] }, sort: 'newest' }),
    state({ filters: { services: ['email', 'mail-storage'], severity: ['SEV1'] }, sort: 'longest' }),
    state({ q: 'quota set to zero', filters: { rootCause: ['config-change'] }, strict: true }),
    state({
      q: 'bad config push',
      filters: {
        rootCause: ['config-change', 'deployment'],
        services: ['api'],
        severity: ['SEV2'],
        year: ['2024', '2025'],
        followUp: ['open'],
      },
    }),
  ];

  it.each(cases.map((c) => [searchHref('/search/', c), c]))('%s', (_href, original) => {
    const parsed = parseSearchParams(toSearchParams(original));
    expect(parsed).toEqual(original);
    expect(toSearchParams(parsed).toString()).toBe(toSearchParams(original).toString());
  });
});

describe('changing the state', () => {
  it('toggles a facet value on and off, dropping an emptied facet', () => {
    const on = toggleFilter(emptyState(), 'services', 'email');
    expect(on.filters).toEqual({ services: ['email'] });
    const two = toggleFilter(on, 'services', 'dns');
    expect(two.filters).toEqual({ services: ['email', 'dns'] });
    expect(toggleFilter(two, 'services', 'email').filters).toEqual({ services: ['dns'] });
    expect(toggleFilter(on, 'services', 'email').filters).toEqual({});
  });

  it('does not change the state it was given', () => {
    const before = state({ filters: { rootCause: ['hardware'] } });
    toggleFilter(before, 'rootCause', 'network');
    clearFilters(before);
    expect(before.filters).toEqual({ rootCause: ['hardware'] });
  });

  it('clears all filters but keeps the words and the sort', () => {
    const cleared = clearFilters(
      state({ q: 'dns', sort: 'newest', filters: { year: ['2024'], services: ['dns'] } }),
    );
    expect(cleared).toEqual(state({ q: 'dns', sort: 'newest' }));
  });

  it('counts selected values', () => {
    expect(activeFilterCount(state({ filters: { services: ['a', 'b'], year: ['2024'] } }))).toBe(3);
    expect(activeFilterCount(emptyState())).toBe(0);
  });

  it('treats the same values in another order as the same search', () => {
    const a = state({ q: 'x', filters: { services: ['email', 'dns'] } });
    const b = state({ q: 'x', filters: { services: ['dns', 'email'] } });
    expect(sameSearch(a, b)).toBe(true);
    expect(sameSearch(a, { ...b, sort: 'newest' })).toBe(false);
    expect(sameSearch(a, { ...b, q: 'y' })).toBe(false);
    expect(sameSearch(a, { ...b, strict: true })).toBe(false);
    expect(sameSearch(a, { ...b, strict: false })).toBe(true);
  });
});
