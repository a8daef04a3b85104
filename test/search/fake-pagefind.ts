/**
 * A search index in memory that answers like Pagefind's `search()` where the search session
 * depends on it: every word must be on the page, a word matches the words it starts
 * ("disk" finds "disks"), a word no page holds is ignored (and a query of only such words finds
 * nothing), a quoted query is a phrase of whole words (Pagefind's stemming is left out), and
 * results carry a score and the metadata fields the words were found in. Its facet data is what
 * the build would write for the pages (`facet-data.ts`). It records every search and every
 * fragment loaded, so tests can count them.
 */
import {
  facetFiles,
  indexOrder,
  readDurations,
  readFacetData,
  withAllServices,
  type FacetData,
  type FacetRow,
} from '../../src/lib/search/facet-data';
import type { PagefindHit, PagefindSearch } from '../../src/lib/search/search-session';
import type { ResultFragment } from '../../src/lib/search/results';

export interface FakePage {
  id: string;
  /** The page's text. */
  body: string;
  /** The root-cause metadata field. */
  cause?: string;
  filters?: Record<string, string[]>;
  /** `started` (ISO 8601) and `duration` (minutes) as text. */
  sort?: Record<string, string>;
}

/** A page's facet row, as its incident page would state it. */
function rowOf(page: FakePage): FacetRow {
  const one = (key: string) => page.filters?.[key]?.[0] ?? '';
  return {
    rootCause: one('rootCause'),
    severity: one('severity'),
    year: one('year'),
    followUp: one('followUp'),
    services: page.filters?.['services'] ?? [],
    started: page.sort?.['started'] ?? '',
    duration: Number(page.sort?.['duration'] ?? 0),
    url: `/incidents/${page.id}/`,
  };
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export class FakePagefind {
  /** Every search, as `term`. */
  readonly searches: { term: string }[] = [];
  /** Ids whose fragment was loaded, in order. */
  readonly loaded: string[] = [];
  /** The pages in index order (newest first), as the build gives them to Pagefind. */
  private readonly ordered: FakePage[];

  constructor(readonly pages: readonly FakePage[]) {
    const rows = indexOrder(pages.map((page) => ({ ...rowOf(page), page })));
    this.ordered = rows.map((row) => row.page);
  }

  /** The session's view of it. */
  readonly search: PagefindSearch = async (term) => {
    this.searches.push({ term });
    return { results: this.hits(this.match(term).sort((a, b) => b.score - a.score)) };
  };

  /** Searches with a term (every search the session makes has one). */
  get termSearches() {
    return this.searches;
  }

  /** `search(null)`: every page, in index order. */
  all(): PagefindHit[] {
    return this.hits(this.ordered.map((page) => ({ page, score: 0, meta: [] })));
  }

  /** The files the build would write, for the pages in index order. */
  private files() {
    const rows = this.ordered.map(rowOf);
    return facetFiles(rows, new Map(rows.map((row, index) => [row.url, this.ordered[index]?.id ?? ''])));
  }

  /** The facet data as the page reads it; with `allServices`, after fetching `services.json`. */
  facetData(allServices = false): FacetData {
    const files = this.files();
    const data = readFacetData(
      files.facets,
      this.ordered.map((page) => page.id),
    );
    return allServices ? withAllServices(data, files.facets, files.services) : data;
  }

  /** Durations by id, as `durations.json` gives them. */
  durations(): ReadonlyMap<string, number> {
    return readDurations(this.facetData(), this.files().durations);
  }

  private hits(matched: { page: FakePage; score: number; meta: string[] }[]): PagefindHit[] {
    return matched.map(({ page, score, meta }) => ({
      id: page.id,
      score,
      ...(meta.length ? { matchedMetaFields: meta } : {}),
      data: async (): Promise<ResultFragment> => {
        this.loaded.push(page.id);
        return { url: `/incidents/${page.id}/`, excerpt: page.body.slice(0, 60), meta: { title: page.id } };
      },
    }));
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
}
