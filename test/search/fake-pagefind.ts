/**
 * A search index in memory that answers like Pagefind's `search()` where the search session
 * depends on it: every word must be on the page, a word matches the words it starts
 * ("disk" finds "disks"), a word no page holds is ignored (and a query of only such words finds
 * nothing), a quoted query is a phrase of whole words (Pagefind's stemming is left out), filters take `any` of their values and narrow each other,
 * sorts order by a page's sort key, and results carry a score and the metadata fields the words
 * were found in. It records every search and every fragment loaded, so tests can count them.
 */
import type { PagefindHit, PagefindResponse, PagefindSearch } from '../../src/lib/search/search-session';
import type { ResultFragment } from '../../src/lib/search/results';

export interface FakePage {
  id: string;
  /** The page's text. */
  body: string;
  /** The root-cause metadata field. */
  cause?: string;
  filters?: Record<string, string[]>;
  sort?: Record<string, string>;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export class FakePagefind {
  /** Every search, as `term` (or `null`) with its filters and sort. */
  readonly searches: { term: string | null; options: object }[] = [];
  /** Ids whose fragment was loaded, in order. */
  readonly loaded: string[] = [];

  constructor(readonly pages: readonly FakePage[]) {}

  /** The session's view of it. */
  readonly search: PagefindSearch = async (term, options) => {
    this.searches.push({ term, options });
    return this.answer(term, options);
  };

  /** Searches with a term, not counting filter-only ones. */
  get termSearches() {
    return this.searches.filter((entry) => entry.term !== null);
  }

  /** `pagefind.filters()`: every value's count across the index. */
  totals(): Record<string, Record<string, number>> {
    return this.counts(this.pages);
  }

  private answer(term: string | null, options: Parameters<PagefindSearch>[1]): PagefindResponse {
    const filters = options.filters ?? {};
    const passes = (page: FakePage) =>
      Object.entries(filters).every(([key, { any }]) =>
        any.some((value) => page.filters?.[key]?.includes(value)),
      );
    let matched: { page: FakePage; score: number; meta: string[] }[];
    if (term === null) matched = this.pages.map((page) => ({ page, score: 0, meta: [] }));
    else matched = this.match(term);
    matched = matched.filter(({ page }) => passes(page));
    const sort = Object.entries(options.sort ?? {})[0];
    if (sort) {
      const [key, direction] = sort;
      matched.sort((a, b) => {
        const order = (a.page.sort?.[key] ?? '').localeCompare(b.page.sort?.[key] ?? '', 'en', {
          numeric: true,
        });
        return direction === 'asc' ? order : -order;
      });
    } else matched.sort((a, b) => b.score - a.score);
    const results: PagefindHit[] = matched.map(({ page, score, meta }) => ({
      id: page.id,
      score,
      ...(meta.length ? { matchedMetaFields: meta } : {}),
      data: async (): Promise<ResultFragment> => {
        this.loaded.push(page.id);
        return {
          url: `/incidents/${page.id}/`,
          excerpt: page.body.slice(0, 60),
          meta: { title: page.id },
          filters: page.filters ?? {},
        };
      },
    }));
    return { results, filters: this.counts(matched.map(({ page }) => page)) };
  }

  private match(term: string) {
    const phrase = /^\s*".+"\s*$/.test(term);
    const wanted = words(term);
    const vocabulary = this.pages.flatMap((page) => [...words(page.body), ...words(page.cause ?? '')]);
    const known = phrase ? wanted : wanted.filter((word) => vocabulary.some((held) => held.startsWith(word)));
    if (known.length === 0) return [];
    const out: { page: FakePage; score: number; meta: string[] }[] = [];
    for (const page of this.pages) {
      const body = words(page.body);
      const cause = words(page.cause ?? '');
      const count = (text: string[], word: string) => text.filter((held) => held.startsWith(word)).length;
      if (phrase) {
        const found = [body, cause].some((text) =>
          text.some((_, start) => known.every((word, offset) => text[start + offset] === word)),
        );
        if (found) out.push({ page, score: known.length, meta: [] });
        continue;
      }
      if (!known.every((word) => count(body, word) + count(cause, word) > 0)) continue;
      const inCause = known.some((word) => count(cause, word) > 0);
      const score = known.reduce((sum, word) => sum + count(body, word) + 3 * count(cause, word), 0);
      out.push({ page, score, meta: inCause ? ['cause'] : [] });
    }
    return out;
  }

  private counts(pages: readonly FakePage[]) {
    const counts: Record<string, Record<string, number>> = {};
    for (const page of pages) {
      for (const [key, values] of Object.entries(page.filters ?? {})) {
        for (const value of values) {
          const forKey = (counts[key] ??= {});
          forKey[value] = (forKey[value] ?? 0) + 1;
        }
      }
    }
    return counts;
  }
}
