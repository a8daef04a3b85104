import { describe, expect, it } from 'vitest';
import { effectiveSort, facetCounts, pagefindFilters, searchPlan } from '../../src/lib/search/query';
import { emptyState, type SearchState } from '../../src/lib/search/state';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({ ...emptyState(), ...overrides });

describe('searchPlan', () => {
  it('asks for every incident, newest first, when there are no words', () => {
    expect(searchPlan(emptyState())).toEqual({
      main: { term: null, options: { filters: {}, sort: { started: 'desc' } } },
      facets: {},
    });
  });

  it('ranks by relevance when there are words', () => {
    expect(searchPlan(state({ q: 'disk failure' })).main).toEqual({
      term: 'disk failure',
      options: { filters: {}, sort: {} },
    });
  });

  it('sorts by start or duration when asked', () => {
    expect(searchPlan(state({ q: 'disk', sort: 'newest' })).main.options.sort).toEqual({ started: 'desc' });
    expect(searchPlan(state({ q: 'disk', sort: 'longest' })).main.options.sort).toEqual({ duration: 'desc' });
  });

  it('ORs values within a facet and ANDs facets', () => {
    const plan = searchPlan(state({ filters: { rootCause: ['hardware', 'network'], year: ['2024'] } }));
    expect(plan.main.options.filters).toEqual({
      rootCause: { any: ['hardware', 'network'] },
      year: { any: ['2024'] },
    });
  });

  it('adds, per facet with a selection, a search without that facet for its counts', () => {
    const plan = searchPlan(state({ q: 'disk', filters: { rootCause: ['hardware'], services: ['email'] } }));
    expect(plan.facets).toEqual({
      rootCause: { term: 'disk', options: { filters: { services: { any: ['email'] } }, sort: {} } },
      services: { term: 'disk', options: { filters: { rootCause: { any: ['hardware'] } }, sort: {} } },
    });
  });
});

describe('effectiveSort', () => {
  it('uses newest for an empty search that asked for relevance', () => {
    expect(effectiveSort({ q: '', sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: '', sort: 'longest' })).toBe('longest');
    expect(effectiveSort({ q: 'dns', sort: 'relevance' })).toBe('relevance');
  });
});

describe('pagefindFilters', () => {
  it('leaves out empty facets and the excepted one', () => {
    expect(pagefindFilters({ services: [], year: ['2023'] })).toEqual({ year: { any: ['2023'] } });
    expect(pagefindFilters({ year: ['2023'] }, 'year')).toEqual({});
  });
});

describe('facetCounts', () => {
  const main = {
    rootCause: { hardware: 2, network: 0 },
    services: { email: 2, dns: 0 },
    severity: { SEV1: 1, SEV2: 1 },
  };

  it('takes a selected facet’s counts from its own search and the rest from the main one', () => {
    const counts = facetCounts(main, {
      rootCause: { rootCause: { hardware: 2, network: 1 }, services: { email: 9 } },
    });
    expect(counts.rootCause).toEqual({ hardware: 2, network: 1 });
    expect(counts.services).toEqual({ email: 2, dns: 0 });
    expect(counts.severity).toEqual({ SEV1: 1, SEV2: 1 });
    expect(counts.year).toEqual({});
    expect(counts.followUp).toEqual({});
  });
});
