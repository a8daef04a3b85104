import { needsAllServices, type FacetData } from './facet-data';
import { countFacets, filterIds, type FilterValues } from './facet-membership';
import { mergeHits, type Hit, type MergedHit } from './merge';
import { effectiveSort, searchTermOf, sortIds, type FacetCounts } from './query';
import { FILTER_KEYS } from './record';
import {
  concept,
  correctedQuery,
  FEW_RESULTS,
  isStopword,
  limitAlternatives,
  MAX_ALTERNATIVES,
  queryConcepts,
  searchTerm,
  type Concept,
} from './relax';
import type { ResultFragment } from './results';
import type { SearchState } from './state';
import type { SynonymGroups } from './synonyms';
import { nearestWords, wordsOf, type Vocabulary } from './vocabulary';

/**
 * One search as the page runs it: the strict search Pagefind answers (every word), and when that
 * finds fewer than `FEW_RESULTS` incidents, the relaxed search (`relax.ts`, `merge.ts`), with
 * a correction for a word the index does not hold. Pagefind is passed in, so the decisions are
 * tested with a small index in memory.
 *
 * Filters, facet counts and sort orders are worked out in the page from the facet data the build
 * writes (`facet-data.ts`), not asked of Pagefind. The searches one query makes are bounded, and
 * all but the strict one run over index chunks the browser already holds, except a synonym's:
 * the strict search (one); one quoted search per meaningful word, to tell a word the index
 * holds from one it does not (at most `MAX_ALTERNATIVES`, 8: a query's later words are left
 * out); the strict search again for corrected words (one more); at most 8 searches for the
 * words and their synonyms; and, as results are shown, one search per combination of words they
 * matched, for excerpts that mark all of them (at most one per shown result, usually two or
 * three). Single-word searches are kept for the next query, so refining a query repeats none.
 */

/** One result as Pagefind's `search()` returns it: no fragment loaded until `data()`. */
export interface PagefindHit extends Hit {
  data(): Promise<ResultFragment>;
}

export interface PagefindResponse {
  results: PagefindHit[];
}

/** One call to Pagefind's `search()`, without filters or sorting. */
export type PagefindSearch = (term: string) => Promise<PagefindResponse>;

/** A result to show: its id, its facet values, and how to load what it displays. */
export interface ShownResult {
  id: string;
  values: FilterValues | undefined;
  data(): Promise<ResultFragment>;
}

/** A word that found nothing, with the nearest words the index holds, best first. */
export interface WordSuggestions {
  word: string;
  suggestions: string[];
}

/** What a relaxed search did, for the notice above its results. */
export interface Relaxation {
  /**
   * Whether the words were searched apart and the results merged; `false` when correcting a typo
   * was all it took (the corrected words together found enough).
   */
  apart: boolean;
  /** Incidents holding every word (the strict search); they come first. */
  strictCount: number;
  /** The words (or phrases) that found incidents, in query order, corrections in place of typos. */
  matched: string[];
  /** The words that found nothing anywhere, even corrected. */
  unmatched: string[];
  /** Words the index does not hold, replaced by the nearest word it does. */
  corrections: { from: string; to: string }[];
}

export interface SearchOutcome {
  results: ShownResult[];
  /** The facet counts among the results (each facet's own selection left out). */
  counts: FacetCounts;
  /** Present when the results are a relaxed search's rather than the strict one's. */
  relaxation?: Relaxation;
  /**
   * Words that found nothing, with words that would, when none was clearly the one meant: for
   * the notice of a relaxed search, or for a search that shows nothing.
   */
  didYouMean: WordSuggestions[];
}

/** The strict search's outcome, its results still Pagefind's (with scores, for merging). */
interface StrictOutcome extends Omit<SearchOutcome, 'results'> {
  results: PagefindHit[];
}

export interface SessionOptions {
  search: PagefindSearch;
  /** Every incident, as Pagefind's unfiltered `search(null)` lists them (index order). */
  all: readonly PagefindHit[];
  /** The facet data read against `all` (`readFacetData`). */
  facets: FacetData;
  /** The facet data with every incident's services (`services.json`), fetched when needed. */
  allServices(): Promise<FacetData>;
  /** Each incident's duration in minutes (`durations.json`), fetched when sorting by it. */
  durations(): Promise<ReadonlyMap<string, number>>;
  synonyms: SynonymGroups;
  /**
   * The vocabulary shard holding `word` (see `vocabulary.ts`), fetched when a word finds nothing;
   * `undefined` when it cannot be had, and then there are no suggestions.
   */
  vocabulary(word: string): Promise<Vocabulary | undefined>;
}

/** Single-word searches kept for reuse while a reader refines a query. */
const CACHE_SIZE = 200;

/** A concept's own word, checked against the index (see `SearchSession.check`). */
interface WordCheck {
  word: string;
  /** Whether the index holds the word, or words it begins. */
  known: boolean;
  /** Nearest words the index holds, best first, for a word it does not. */
  suggestions: string[];
  /**
   * Whether the first suggestion is clearly the word meant: fewer edits away than the next one.
   * Only then is it searched in the word's place; otherwise the reader is asked.
   */
  confident: boolean;
}

export class SearchSession {
  private readonly searches = new Map<string, Promise<PagefindHit[]>>();
  private facets: FacetData;
  private readonly place: ReadonlyMap<string, number>;

  constructor(private readonly options: SessionOptions) {
    this.facets = options.facets;
    this.place = new Map(options.facets.ids.map((id, index) => [id, index]));
  }

  /** Site-wide counts per value of every facet: which values exist. */
  get totals(): FacetData['totals'] {
    return this.facets.totals;
  }

  /** Whether every incident's services are known, so every service's count is exact. */
  get allServices(): boolean {
    return this.facets.allServices;
  }

  /** Fetches every incident's services (a reader asked to see every service). */
  async loadAllServices(): Promise<void> {
    if (!this.facets.allServices) this.facets = await this.options.allServices();
  }

  async run(state: SearchState): Promise<SearchOutcome> {
    if (needsAllServices(this.facets, state.filters.services)) await this.loadAllServices();
    const strict = await this.strict(state);
    if (!state.q) return this.toShown(strict);
    const found = strict.results.length;
    if (state.strict)
      return this.toShown(found ? strict : { ...strict, didYouMean: await this.didYouMean(state.q) });
    // A pasted error message can hold dozens of words; the first ones are the reader's own.
    const concepts = queryConcepts(state.q, this.options.synonyms).concepts.slice(0, MAX_ALTERNATIVES);
    const checks = await Promise.all(
      concepts
        .filter((entry) => !entry.term.includes(' '))
        .map((entry) => this.check(entry.term, found < FEW_RESULTS)),
    );
    const allKnown = checks.every((check) => check.known);
    if (found >= FEW_RESULTS && allKnown) return this.toShown(strict);
    // Given a word it does not hold, Pagefind answers for the start of it ("redus" finds "red…"):
    // those results hold none of what was typed.
    const trusted = allKnown ? strict : nothingFound;
    const relaxed = await this.relaxed(state, trusted, concepts, checks);
    if (relaxed) return relaxed;
    return this.toShown({ ...trusted, didYouMean: suggestionsOf(checks) });
  }

  /**
   * The search Pagefind answers as typed (every incident when there are no words), filtered,
   * counted and sorted here from the facet data.
   */
  private async strict(state: SearchState): Promise<StrictOutcome> {
    const term = searchTermOf(state);
    const found = term === null ? this.options.all : (await this.options.search(term)).results;
    const ids = found.map((hit) => hit.id);
    const { membership } = this.facets;
    const byId = new Map(found.map((hit) => [hit.id, hit]));
    const kept = await this.arrange(filterIds(ids, membership, state.filters), state);
    const ordered = kept.map((id) => byId.get(id) as PagefindHit);
    return { results: ordered, counts: countFacets(ids, membership, state.filters), didYouMean: [] };
  }

  /** `ids` in the order the state's sort asks for. */
  private async arrange(ids: readonly string[], state: SearchState): Promise<string[]> {
    const sort = effectiveSort(state);
    return sortIds(ids, sort, this.place, sort === 'longest' ? await this.options.durations() : undefined);
  }

  /** A strict outcome as the page shows it: each result with its facet values. */
  private toShown(outcome: StrictOutcome): SearchOutcome {
    return {
      ...outcome,
      results: outcome.results.map((hit) => ({
        id: hit.id,
        values: this.valuesOf(hit.id),
        data: () => hit.data(),
      })),
    };
  }

  private valuesOf(id: string): FilterValues | undefined {
    return this.facets.membership.get(id);
  }

  /**
   * The relaxed search, or `undefined` when it would show nothing the strict search does not:
   * no word matches anything, or the only matches are the strict search's own. Typos are
   * corrected first; when the corrected words together find enough, that is the search shown.
   */
  private async relaxed(
    state: SearchState,
    strict: StrictOutcome,
    concepts: readonly Concept[],
    checks: readonly WordCheck[],
  ): Promise<SearchOutcome | undefined> {
    if (concepts.length === 0) return undefined;
    const corrections: Relaxation['corrections'] = [];
    const unknown = new Set<string>();
    const corrected = concepts.map((entry) => {
      const check = checks.find((candidate) => candidate.word === entry.term);
      if (!check || check.known) return entry;
      const [best] = check.suggestions;
      if (!best || !check.confident) {
        unknown.add(entry.term);
        return entry;
      }
      corrections.push({ from: entry.term, to: best });
      return concept(best, this.options.synonyms);
    });
    const didYouMean = suggestionsOf(checks.filter((check) => !check.confident));

    // After a correction, "every word" means the corrected words; no incident holds a word that
    // is in no incident.
    const pinned =
      unknown.size > 0
        ? nothingFound
        : corrections.length
          ? await this.strict({ ...state, q: correctedQuery(state.q, corrections) })
          : strict;
    const relaxation = (matched: string[], unmatched: string[], apart = true): Relaxation => ({
      apart,
      strictCount: pinned.results.length,
      matched,
      unmatched,
      corrections,
    });
    if (corrections.length && pinned.results.length >= FEW_RESULTS) {
      const terms = corrected.map((entry) => entry.term);
      return { ...this.toShown(pinned), relaxation: relaxation(terms, [], false), didYouMean };
    }

    const searched = limitAlternatives(await this.synonymsWhereNeeded(corrected, unknown));
    const hits = await this.searchAll(searched, unknown);
    const pinnedIds = pinned.results.map((result) => result.id);
    const merged = mergeHits(searched, hits, this.facets.ids.length, pinnedIds, this.place);
    if (merged.length === 0) return undefined;
    const all = merged.map((hit) => hit.id);
    const { membership } = this.facets;
    const ids = await this.arrange(filterIds(all, membership, state.filters), state);
    const onlyPinned = ids.length === pinnedIds.length && ids.every((id) => pinnedIds.includes(id));
    if (onlyPinned && corrections.length === 0) return undefined;

    const byId = new Map(merged.map((hit) => [hit.id, hit]));
    const pinnedById = new Map(pinned.results.map((result) => [result.id, result]));
    return {
      results: ids.map((id) => this.shown(byId.get(id) as MergedHit<PagefindHit>, pinnedById.get(id))),
      counts: countFacets(all, membership, state.filters),
      relaxation: relaxation(
        searched.filter((entry) => foundAny(entry, hits)).map((entry) => entry.term),
        searched.filter((entry) => !foundAny(entry, hits)).map((entry) => entry.term),
      ),
      didYouMean,
    };
  }

  /**
   * The concepts with their synonyms kept only for words that find fewer than `FEW_RESULTS`
   * incidents on their own. A synonym is there for the word the authors did not use ("db" where
   * they wrote "database"); a word that already finds incidents ranks them well enough without
   * it, and each synonym is a search that may download a part of the index the query did not
   * need, which at 10,000 postmortems is tens of kilobytes.
   */
  private async synonymsWhereNeeded(concepts: readonly Concept[], unknown: ReadonlySet<string>) {
    return Promise.all(
      concepts.map(async (entry) => {
        if (entry.term.includes(' ') || unknown.has(entry.term)) return entry;
        const own = await this.cached(entry.term);
        return own.length >= FEW_RESULTS ? { term: entry.term, alternatives: [entry.term] } : entry;
      }),
    );
  }

  /**
   * A merged result's fragment. The excerpt should mark every word the incident matched, so it
   * comes from the strict search when that found it, else from one search for the words it
   * matched together (shared by every result matching the same words), else from its one search.
   */
  private shown(hit: MergedHit<PagefindHit>, strict: PagefindHit | undefined): ShownResult {
    const alternatives = [...new Set(hit.hits.map((entry) => entry.alternative))];
    const single = [...hit.hits].sort((a, b) => b.hit.score - a.hit.score)[0]?.hit;
    return {
      id: hit.id,
      values: this.valuesOf(hit.id),
      data: async () => {
        if (strict) return strict.data();
        if (alternatives.length > 1) {
          const together = await this.cached(alternatives.join(' '));
          const match = together.find((result) => result.id === hit.id);
          if (match) return match.data();
        }
        if (!single) throw new Error(`No search found result ${hit.id}`);
        return single.data();
      },
    };
  }

  /**
   * Each alternative's hits in the whole index (no filter), by alternative. A concept's own word
   * is searched as Pagefind searches it, so "kube" still finds "kubernetes"; synonyms and
   * phrases are searched exactly (see `searchTerm`); a word the index does not hold finds nothing.
   */
  private async searchAll(
    concepts: readonly Concept[],
    unknown: ReadonlySet<string>,
  ): Promise<Map<string, PagefindHit[]>> {
    const terms = new Map<string, string | undefined>();
    for (const entry of concepts) {
      entry.alternatives.forEach((alternative, index) => {
        if (terms.has(alternative)) return;
        if (unknown.has(alternative)) terms.set(alternative, undefined);
        else
          terms.set(
            alternative,
            index === 0 && !alternative.includes(' ') ? alternative : searchTerm(alternative),
          );
      });
    }
    const alternatives = [...terms.keys()];
    const results = await Promise.all(
      alternatives.map((alternative) => {
        const term = terms.get(alternative);
        return term === undefined ? [] : this.cached(term);
      }),
    );
    return new Map(alternatives.map((alternative, index) => [alternative, results[index] ?? []]));
  }

  /**
   * Whether the index holds a word. Pagefind, given a word it does not hold, answers for the
   * longest start of it that it does ("databse" finds every page with "data…"), so a plain search
   * cannot tell. A quoted one can: it finds the word or its stem ("failing" finds "failed") and
   * nothing else. When it finds nothing, the word may still begin words the index holds (a word
   * typed halfway, "kubern"); the vocabulary says, and otherwise gives the nearest words.
   *
   * The vocabulary is a download, so it is fetched only when it can change what the page shows:
   * when the search as typed found too little (`thorough`), or when the word finds nothing even
   * as the start of a word. While a query finds enough, a word being typed costs nothing.
   */
  private async check(word: string, thorough: boolean): Promise<WordCheck> {
    const known = { word, known: true, suggestions: [], confident: false };
    if ((await this.cached(searchTerm(word))).length > 0) return known;
    const plain = (await this.cached(word)).length > 0;
    if (plain && !thorough) return known;
    const vocabulary = await this.options.vocabulary(word);
    if (!vocabulary) return plain ? known : { ...known, known: false };
    for (const held of vocabulary.keys()) if (held.startsWith(word)) return known;
    const near = nearestWords(word, vocabulary);
    const [first, second] = near;
    const confident = first !== undefined && (second === undefined || first.edits < second.edits);
    return { word, known: false, suggestions: near.map((entry) => entry.word), confident };
  }

  /** One unfiltered search, by relevance; kept for the next query. */
  private cached(term: string): Promise<PagefindHit[]> {
    const known = this.searches.get(term);
    if (known) return known;
    const pending = this.options.search(term).then((response) => response.results);
    // A failed search is not kept, so the next query tries again.
    pending.catch(() => this.searches.delete(term));
    this.searches.set(term, pending);
    if (this.searches.size > CACHE_SIZE) {
      const oldest = this.searches.keys().next().value;
      if (oldest !== undefined) this.searches.delete(oldest);
    }
    return pending;
  }

  /** For a strict search that found nothing: its words the index does not hold, with suggestions. */
  private async didYouMean(q: string): Promise<WordSuggestions[]> {
    const words = [...new Set(wordsOf(q).filter((word) => !isStopword(word)))];
    return suggestionsOf(await Promise.all(words.map((word) => this.check(word, true))));
  }
}

/** The outcome of a search that found nothing. */
const nothingFound: StrictOutcome = {
  results: [],
  counts: Object.fromEntries(FILTER_KEYS.map((key) => [key, {}])) as FacetCounts,
  didYouMean: [],
};

const suggestionsOf = (checks: readonly WordCheck[]): WordSuggestions[] =>
  checks
    .filter((check) => !check.known && check.suggestions.length > 0)
    .map(({ word, suggestions }) => ({ word, suggestions }));

const foundAny = (entry: Concept, hits: ReadonlyMap<string, readonly Hit[]>) =>
  entry.alternatives.some((alternative) => (hits.get(alternative)?.length ?? 0) > 0);
