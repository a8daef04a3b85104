import { describe, expect, it } from 'vitest';
import { MAX_ALTERNATIVES } from '../../src/lib/search/relax';
import { SearchSession, type PagefindSearch } from '../../src/lib/search/search-session';
import { emptyState, type SearchState } from '../../src/lib/search/state';
import type { SynonymGroups } from '../../src/lib/search/synonyms';
import { wordsOf, type Vocabulary } from '../../src/lib/search/vocabulary';
import { FakePagefind, type FakePage } from './fake-pagefind';

/**
 * The search session against a small index in memory that answers like Pagefind
 * (`fake-pagefind.ts`): when it relaxes a search and how, what it corrects, and what it costs.
 */

const page = (
  id: string,
  body: string,
  cause: string,
  filters: Record<string, string[]>,
  started: string,
): FakePage => ({ id, body, cause, filters, sort: { started, duration: '60' } });

const PAGES: FakePage[] = [
  page(
    'pool',
    'Checkout requests hung while PgBouncer had no free database connections. Timeline.',
    'Capacity. Connection pool saturation.',
    { rootCause: ['capacity'], services: ['checkout'], year: ['2023'] },
    '2023-01-17',
  ),
  page(
    'cert',
    'The TLS certificate lapsed and card payments were declined. Timeline.',
    'Security. The certificate was not renewed.',
    { rootCause: ['security'], services: ['payments'], year: ['2023'] },
    '2023-03-08',
  ),
  page(
    'oom',
    'Resizer pods were OOMKilled in a loop; Kubernetes restarted them. Timeline.',
    'Software bug. A memory leak in libvips.',
    { rootCause: ['software-bug'], services: ['images'], year: ['2024'] },
    '2024-06-02',
  ),
  page(
    'dns',
    'The api hostname resolved to a retired balancer and clients could not connect. Timeline.',
    'Config change. A record edited by hand.',
    { rootCause: ['config-change'], services: ['api', 'mobile'], year: ['2024'] },
    '2024-07-14',
  ),
  page(
    'redis',
    'Shoppers were signed out as Redis evicted session keys; checkout carts were lost. Timeline.',
    'Capacity. The eviction policy removed sessions.',
    { rootCause: ['capacity'], services: ['auth', 'web'], year: ['2025'] },
    '2025-10-11',
  ),
];

/** Every word of the pages with the number of pages it is on, as the build writes it. */
const VOCABULARY: Vocabulary = (() => {
  const counts = new Map<string, number>();
  for (const { body, cause } of PAGES) {
    for (const word of new Set(wordsOf(`${body} ${cause}`))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
})();

/** A session over the pages; `vocabulary: null` for a site whose vocabulary cannot be fetched. */
function session(synonyms: SynonymGroups = [], vocabulary: Vocabulary | null = VOCABULARY) {
  const index = new FakePagefind(PAGES);
  const asked: string[] = [];
  const search = new SearchSession({
    ...facetOptions(index),
    synonyms,
    vocabulary: async (word) => {
      asked.push(word);
      return vocabulary ?? undefined;
    },
  });
  return { index, search, asked };
}

/** The options a session takes from the index and the build's facet data. */
function facetOptions(index: FakePagefind, search: PagefindSearch = index.search) {
  const fetched: string[] = [];
  return {
    search,
    all: index.all(),
    facets: index.facetData(),
    allServices: async () => (fetched.push('services'), index.facetData(true)),
    durations: async () => (fetched.push('durations'), index.durations()),
    fetched,
  };
}

const state = (overrides: Partial<SearchState>): SearchState => ({ ...emptyState(), ...overrides });
const ids = (outcome: { results: { id: string }[] }) => outcome.results.map((result) => result.id);

describe('the strict search', () => {
  it('is all there is when every word is known and it finds three incidents or more', async () => {
    const { search, index, asked } = session();
    const outcome = await search.run(state({ q: 'timeline' }));
    expect(ids(outcome)).toHaveLength(5);
    expect(outcome.relaxation).toBeUndefined();
    // The strict search and one exact check of the word; no vocabulary fetched.
    expect(index.termSearches.map((entry) => entry.term)).toEqual(['timeline', '"timeline"']);
    expect(asked).toEqual([]);
  });

  it('stays strict when asked, and offers suggestions when it finds nothing', async () => {
    const { search } = session();
    const apart = await search.run(state({ q: 'checkout connections sessions', strict: true }));
    expect(ids(apart)).toEqual([]);
    expect(apart.relaxation).toBeUndefined();
    expect(apart.didYouMean).toEqual([]);

    const typo = await search.run(state({ q: 'certficate', strict: true }));
    expect(ids(typo)).toEqual([]);
    expect(typo.didYouMean).toEqual([{ word: 'certficate', suggestions: ['certificate'] }]);
  });

  it('lists everything, newest first, for no words', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: '' }));
    expect(ids(outcome)).toEqual(['redis', 'dns', 'oom', 'cert', 'pool']);
    expect(outcome.counts.rootCause).toEqual({
      capacity: 2,
      security: 1,
      'software-bug': 1,
      'config-change': 1,
    });
  });
});

describe('the relaxed search', () => {
  it('searches the words apart when no incident holds them all, most words and root cause first', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'checkout connections sessions' }));
    // Both hold two of the words; "sessions" is in redis's root cause.
    expect(ids(outcome)).toEqual(['redis', 'pool']);
    expect(outcome.relaxation).toEqual({
      apart: true,
      strictCount: 0,
      matched: ['checkout', 'connections', 'sessions'],
      unmatched: [],
      corrections: [],
    });
  });

  it('leaves out words that carry little meaning', async () => {
    const { search, index } = session();
    await search.run(state({ q: 'the checkout was not the sessions' }));
    const terms = index.termSearches.map((entry) => entry.term ?? '');
    for (const word of ['the', 'was', 'not']) {
      expect(terms.filter((term) => term !== 'the checkout was not the sessions').join(' ')).not.toMatch(
        new RegExp(`\\b${word}\\b`),
      );
    }
  });

  it('puts what the strict search found first', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'checkout evicted' }));
    expect(ids(outcome)).toEqual(['redis', 'pool']);
    expect(outcome.relaxation?.strictCount).toBe(1);
  });

  it('finds incidents through the team synonyms', async () => {
    const groups = [['db', 'database']];
    const withSynonyms = await session(groups).search.run(state({ q: 'db sessions' }));
    expect(ids(withSynonyms)).toEqual(['redis', 'pool']);
    const without = await session([]).search.run(state({ q: 'db sessions' }));
    expect(ids(without)).toEqual(['redis']);
    expect(without.relaxation).toMatchObject({ matched: ['sessions'], unmatched: ['db'] });
  });

  it('searches synonyms only for words that find fewer than three incidents on their own', async () => {
    const groups = [
      ['timeline', 'chronology'],
      ['db', 'database'],
    ];
    const { search, index } = session(groups);
    await search.run(state({ q: 'timeline db sessions' }));
    const terms = index.termSearches.map((entry) => entry.term);
    expect(terms).toContain('"database"');
    expect(terms).not.toContain('"chronology"');
  });

  it('shows the strict search when searching apart adds nothing', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'libvips leak' }));
    expect(ids(outcome)).toEqual(['oom']);
    expect(outcome.relaxation).toBeUndefined();
  });

  it('corrects a word the index does not hold and says so', async () => {
    const { search, asked } = session();
    const outcome = await search.run(state({ q: 'certficate' }));
    expect(ids(outcome)).toEqual(['cert']);
    expect(outcome.relaxation).toEqual({
      apart: true,
      strictCount: 1,
      matched: ['certificate'],
      unmatched: [],
      corrections: [{ from: 'certficate', to: 'certificate' }],
    });
    expect(asked).toEqual(['certficate']);
  });

  it('corrects the typo and searches the other words with it', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'certficate payments shoppers' }));
    expect(ids(outcome)).toEqual(['cert', 'redis']);
    expect(outcome.relaxation?.corrections).toEqual([{ from: 'certficate', to: 'certificate' }]);
    expect(outcome.relaxation?.matched).toEqual(['certificate', 'payments', 'shoppers']);
  });

  it('shows the corrected words together when they find enough, saying only that it corrected', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'timelime' }));
    expect(ids(outcome)).toHaveLength(5);
    expect(outcome.relaxation).toEqual({
      apart: false,
      strictCount: 5,
      matched: ['timeline'],
      unmatched: [],
      corrections: [{ from: 'timelime', to: 'timeline' }],
    });
  });

  it('does not correct a word typed halfway, which begins words the index holds', async () => {
    const { search, asked } = session();
    const outcome = await search.run(state({ q: 'kubern' }));
    expect(ids(outcome)).toEqual(['oom']);
    expect(outcome.relaxation).toBeUndefined();
    expect(asked).toEqual(['kubern']);
  });

  it('asks rather than corrects when two words are as close', async () => {
    const vocabulary = new Map([...VOCABULARY, ['rebus', 1]]);
    const { search } = session([], vocabulary);
    // "redus" is one edit from both "redis" and "rebus".
    const alone = await search.run(state({ q: 'redus' }));
    expect(ids(alone)).toEqual([]);
    expect(alone.didYouMean).toEqual([{ word: 'redus', suggestions: ['rebus', 'redis'] }]);

    const withOthers = await search.run(state({ q: 'checkout sessions redus' }));
    expect(ids(withOthers)).toEqual(['redis', 'pool']);
    expect(withOthers.relaxation).toMatchObject({ unmatched: ['redus'], corrections: [] });
    expect(withOthers.didYouMean).toEqual([{ word: 'redus', suggestions: ['rebus', 'redis'] }]);
  });

  it('fetches no vocabulary for a word being typed while the search finds enough', async () => {
    const { search, asked } = session();
    const outcome = await search.run(state({ q: 'timelin' }));
    expect(ids(outcome)).toHaveLength(5);
    expect(asked).toEqual([]);
  });

  it('does not show what Pagefind finds for the start of a word the index does not hold', async () => {
    const index = new FakePagefind(PAGES);
    // Pagefind answers "redus" as if it were "red…": here, as the one page with "libvips".
    const search = new SearchSession({
      ...facetOptions(index, (term) => index.search(term === 'redus' ? 'libvips' : term)),
      synonyms: [],
      vocabulary: async () => new Map([...VOCABULARY, ['rebus', 1]]),
    });
    const alone = await search.run(state({ q: 'redus' }));
    expect(ids(alone)).toEqual([]);
    expect(alone.didYouMean).toEqual([{ word: 'redus', suggestions: ['rebus', 'redis'] }]);
    expect(alone.counts.rootCause).toEqual({});
  });

  it('says which words found nothing at all', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'checkout sessions zzxqv' }));
    expect(outcome.relaxation).toMatchObject({ matched: ['checkout', 'sessions'], unmatched: ['zzxqv'] });
  });

  it('finds nothing only when no word matches anything, with what it knows of the words', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q: 'zzxqv plmoq' }));
    expect(ids(outcome)).toEqual([]);
    expect(outcome.relaxation).toBeUndefined();
    expect(outcome.didYouMean).toEqual([]);
  });

  it('works without a vocabulary, with no corrections', async () => {
    const { search } = session([], null);
    const outcome = await search.run(state({ q: 'certficate' }));
    expect(ids(outcome)).toEqual([]);
    expect(outcome.didYouMean).toEqual([]);
  });
});

describe('filters, counts and sort of a relaxed search', () => {
  const q = 'checkout connections sessions payments';

  it('filters the merged incidents and counts each facet as selecting a value would give', async () => {
    const { search } = session();
    const all = await search.run(state({ q }));
    expect([...ids(all)].sort()).toEqual(['cert', 'pool', 'redis']);
    expect(all.counts.rootCause).toEqual({ capacity: 2, security: 1 });

    const filtered = await search.run(state({ q, filters: { rootCause: ['capacity'] } }));
    expect(ids(filtered).sort()).toEqual(['pool', 'redis']);
    // Root cause ignores its own selection; services count within it.
    expect(filtered.counts.rootCause).toEqual({ capacity: 2, security: 1 });
    expect(filtered.counts.services).toEqual({ checkout: 1, auth: 1, web: 1 });
    expect(filtered.relaxation).toBeDefined();

    for (const [value, count] of Object.entries(all.counts.services)) {
      const narrowed = await search.run(state({ q, filters: { services: [value] } }));
      expect(ids(narrowed), value).toHaveLength(count);
    }
  });

  it('sorts merged incidents newest first when asked', async () => {
    const { search } = session();
    const outcome = await search.run(state({ q, sort: 'newest' }));
    expect(ids(outcome)).toEqual(['redis', 'cert', 'pool']);
  });

  it('sorts by duration once durations.json is fetched, only for that sort', async () => {
    const index = new FakePagefind(
      PAGES.map((entry, place) => ({
        ...entry,
        sort: { ...entry.sort, duration: String(10 * (place + 1)) },
      })),
    );
    const options = facetOptions(index);
    const search = new SearchSession({ ...options, synonyms: [], vocabulary: async () => VOCABULARY });
    await search.run(state({ q, sort: 'newest' }));
    expect(options.fetched).toEqual([]);
    const longest = await search.run(state({ q: '', sort: 'longest' }));
    expect(ids(longest)).toEqual(['redis', 'dns', 'oom', 'cert', 'pool']);
    expect(options.fetched).toEqual(['durations']);
  });

  it('filters and counts the strict search from the facet data, with no search per filter', async () => {
    const { search, index } = session();
    const outcome = await search.run(state({ q: 'timeline', filters: { year: ['2024'] } }));
    expect(ids(outcome).sort()).toEqual(['dns', 'oom']);
    expect(outcome.counts.year).toEqual({ '2023': 2, '2024': 2, '2025': 1 });
    expect(outcome.counts.rootCause).toEqual({ 'software-bug': 1, 'config-change': 1 });
    // Every search is a search for words; none asks Pagefind to filter.
    expect(index.termSearches.every((entry) => /timeline/.test(entry.term))).toBe(true);
  });
});

describe('services beyond the busiest', () => {
  // Ten services on one page and one each on others: the tenth busiest is not in facets.json.
  const many = Array.from({ length: 10 }, (_, n) => `svc${n}`);
  const pages: FakePage[] = [
    {
      id: 'a',
      body: 'alpha',
      filters: { services: many, rootCause: ['x'] },
      sort: { started: '2024-01-01' },
    },
    {
      id: 'b',
      body: 'alpha',
      filters: { services: many.slice(0, 9), rootCause: ['x'] },
      sort: { started: '2024-01-02' },
    },
  ];

  it("fetches every incident's services only when a rarer one is selected", async () => {
    const index = new FakePagefind(pages);
    const options = facetOptions(index);
    const search = new SearchSession({ ...options, synonyms: [], vocabulary: async () => undefined });
    const common = await search.run(state({ filters: { services: ['svc0'] } }));
    expect(ids(common)).toEqual(['b', 'a']);
    expect(options.fetched).toEqual([]);
    const rare = await search.run(state({ filters: { services: ['svc9'] } }));
    expect(ids(rare)).toEqual(['a']);
    expect(options.fetched).toEqual(['services']);
    expect(rare.counts.services['svc9']).toBe(1);
    expect(search.allServices).toBe(true);
  });
});

describe('what a relaxed search costs', () => {
  it('loads no fragment until a result is shown, and one per result shown', async () => {
    const { search, index } = session();
    const outcome = await search.run(state({ q: 'checkout connections sessions' }));
    expect(index.loaded).toEqual([]);
    await outcome.results[0]?.data();
    expect(index.loaded).toEqual(['redis']);
  });

  it('takes a shown excerpt from one search for all the words the incident matched', async () => {
    const { search, index } = session();
    const outcome = await search.run(state({ q: 'checkout connections sessions' }));
    await Promise.all(outcome.results.map((result) => result.data()));
    const terms = index.termSearches.map((entry) => entry.term);
    expect(terms).toContain('checkout sessions');
    expect(terms).toContain('checkout connections');
  });

  it('makes at most one search per word and synonym, on top of the strict search and the checks', async () => {
    const groups = [
      ['checkout', 'basket', 'cart'],
      ['sessions', 'logins', 'cookies'],
      ['connections', 'sockets', 'links'],
    ];
    const { search, index } = session(groups);
    const q = 'checkout connections sessions payments declined hung';
    await search.run(state({ q }));
    const words = 6;
    const terms = new Set(index.termSearches.map((entry) => entry.term));
    expect(terms.size).toBeLessThanOrEqual(1 + words + MAX_ALTERNATIVES);
  });
});
