/**
 * Words for comparing root causes: lowercase, split on anything that is not a letter or a digit,
 * common English words dropped, and a light suffix stripping so that "disk", "disks" and "failed",
 * "failing" count as the same word. Deliberately simple and predictable: an author can see why
 * two incidents matched, and a team writing in another language can replace the word list.
 */

/**
 * English words that say nothing about a cause: articles, pronouns, auxiliaries, prepositions,
 * conjunctions and a few vague adverbs. Short on purpose; TF-IDF already gives words that occur
 * in most postmortems ("service", "users") little weight.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also although am an and any are as at be because been
  before being below between both but by can could did do does doing done down during each either
  even ever every few for from further had has have having he her here hers him his how however
  i if in into is it its itself just least less let like made make many may me might more most
  much must my neither no nor not now of off on once one only or other our ours out over own per
  rather same she should since so some such than that the their theirs them then there these they
  this those though through thus to too under until up upon us very via was we were what when
  where whether which while who whom whose why will with within without would yet you your`.split(/\s+/),
);

/** Words shorter than this are left out: single letters and digits carry no meaning alone. */
export const MIN_WORD_LENGTH = 2;

/**
 * Numbers are left out: counts, years and sizes ("12 connections", "in 2022") coincide between
 * unrelated incidents far more often than they point to the same cause.
 */
const NUMBER = /^\p{N}+$/u;

/** Letters and digits in any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Strips one common English suffix, keeping at least four letters of stem, so that inflected
 * forms of a word meet: "disks" → "disk", "policies" → "policy", "caches" → "cache" → "cach",
 * "failed"/"failing" → "fail", "expired"/"expire" → "expir". The stem is only ever compared,
 * never shown: pages show the word as authors wrote it (see `SurfaceForms`).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w) && w.length - 2 >= 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length - 1 >= 4) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 4) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length - 1 >= 4) w = w.slice(0, -1);
  return w;
}

/** One word of a text: the stem that is compared and the word as written (lowercased). */
export interface Token {
  term: string;
  word: string;
}

/** The words of `text` worth comparing, in order, each with its stem. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [match] of text.toLowerCase().matchAll(WORD)) {
    if (match.length < MIN_WORD_LENGTH || STOP_WORDS.has(match) || NUMBER.test(match)) continue;
    tokens.push({ term: stem(match), word: match });
  }
  return tokens;
}

/** Just the stems of `text`, for when the written words do not matter. */
export const terms = (text: string) => tokenize(text).map((token) => token.term);
