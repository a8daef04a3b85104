import { eng } from 'stopword';
import { synonymsFor, synonymUnits, type SynonymGroups } from './synonyms';
import { wordsOf } from './vocabulary';

/**
 * How a query is loosened when searching for all of its words finds too little. Pagefind only
 * answers "pages holding every word", and one word the author did not use empties that answer;
 * so a relaxed search looks for each meaningful word of the query (each with the words the team
 * treats as the same) on its own, and `merge.ts` ranks the incidents by how many of them they
 * hold. This module decides which words those are.
 */

/**
 * Below this many incidents the strict search is relaxed. A responder reads the first three
 * results; when the strict search cannot fill them, incidents that hold most of the words are
 * worth showing after the ones that hold all of them.
 */
export const FEW_RESULTS = 3;

/**
 * Most searches one relaxed query makes for its words and their synonyms, each one Pagefind
 * search, and most words of a query it searches for. A responder's query has two to five
 * meaningful words; eight leaves room for a synonym or two each. The words' own searches run
 * over index chunks the strict search has already loaded; a synonym may need one more, so the
 * cap also bounds what a relaxed search can download.
 */
export const MAX_ALTERNATIVES = 8;

/**
 * Words the stopword list has but incident queries need. None so far: the list's words that
 * occur in incidents ("up", "out", "over", "after") only mean something in a phrase ("timed
 * out", "backed up"), and phrases reach the search whole through the synonym groups, which are
 * matched before any word is left out. Alone they also match by prefix ("out" finds "outage",
 * "output", "outbound"), which ranks the wrong incidents. Kept here so a team that finds one
 * can add it in one place.
 */
const KEEP = new Set<string>([]);

/**
 * Words the list lacks but that carry no meaning in a search of postmortems: negations and the
 * contracted auxiliaries around them. The index cannot search for "not" ("rollback did not
 * help" can only find incidents that mention rollback), and as a prefix "not" matches
 * "notification" and "note". "down" is not here: responders type it for an outage ("email
 * down"), and it is a synonym of outage.
 */
const EXTRA = [
  'not',
  'no',
  'nor',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'wont',
  'couldnt',
  'shouldnt',
  'wouldnt',
  'hasnt',
  'havent',
  'hadnt',
  'does',
  'doing',
  'done',
  'keep',
  'keeps',
];

const STOPWORDS = new Set([...eng, ...EXTRA].filter((word) => !KEEP.has(word)));

/** Whether a word carries too little meaning to search for on its own. */
export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/** One thing the reader asked for: a word or phrase, and what stands for it in the index. */
export interface Concept {
  /** The word or phrase as typed (lowercase), or the correction searched in its place. */
  term: string;
  /** What to search for: `term` first, then its synonyms. */
  alternatives: string[];
}

export interface QueryConcepts {
  concepts: Concept[];
  /** Words left out because they carry little meaning, in query order. */
  dropped: string[];
}

/**
 * The concepts of a query: its words, with the team's multi-word terms ("out of memory") kept
 * whole and the words that carry little meaning left out. A word that is a synonym of an
 * earlier one ("db database") adds nothing and is folded into it.
 */
export function queryConcepts(q: string, synonyms: SynonymGroups): QueryConcepts {
  const concepts: Concept[] = [];
  const dropped: string[] = [];
  for (const unit of synonymUnits(wordsOf(q), synonyms)) {
    const phrase = unit.includes(' ');
    if (!phrase && isStopword(unit)) {
      if (!dropped.includes(unit)) dropped.push(unit);
      continue;
    }
    if (concepts.some((concept) => concept.alternatives.includes(unit))) continue;
    concepts.push(concept(unit, synonyms));
  }
  return { concepts, dropped };
}

/** A concept for one term: the term itself, then its synonyms, each once. */
export function concept(term: string, synonyms: SynonymGroups): Concept {
  return { term, alternatives: [...new Set([term, ...synonymsFor(term, synonyms)])] };
}

/**
 * Trims the concepts' alternatives to `MAX_ALTERNATIVES` searches: every concept's own term
 * first, then one synonym of each concept in turn, so a concept with many synonyms ("db") cannot
 * crowd out the others.
 */
export function limitAlternatives(concepts: readonly Concept[], max = MAX_ALTERNATIVES): Concept[] {
  const kept = concepts.map(() => [] as string[]);
  let budget = max;
  for (let round = 0; budget > 0; round++) {
    let added = false;
    concepts.forEach((concept, index) => {
      const next = concept.alternatives[round];
      if (next === undefined || budget === 0) return;
      kept[index]?.push(next);
      budget--;
      added = true;
    });
    if (!added) break;
  }
  return concepts.map((concept, index) => ({ term: concept.term, alternatives: kept[index] ?? [] }));
}

/**
 * What Pagefind is asked for a synonym or a phrase: in quotes, which Pagefind reads as "these
 * words, in this order" and matches by stem ("failing" finds "failed") but never by prefix, so
 * "timed out" finds the phrase rather than every page with "time" and a word starting "out",
 * and a synonym the index does not hold finds nothing rather than whatever starts like it.
 */
export const searchTerm = (alternative: string): string => `"${alternative}"`;

/** The query with each corrected word replaced, keeping everything else as typed. */
export function correctedQuery(q: string, corrections: readonly { from: string; to: string }[]): string {
  return corrections.reduce((query, { from, to }) => replaceWord(query, from, to), q);
}

/** `q` with every whole-word `from` (any case) replaced by `to`. */
export function replaceWord(q: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return q.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), to);
}
