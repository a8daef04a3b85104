/**
 * Phrase patterns, matched word by word over the words of a sentence (nlcst `WordNode`s).
 *
 * A pattern is words separated by spaces, compared ignoring case and apostrophe style:
 * `should've` matches "Should’ve". A word ending in `*` matches any word that starts with it
 * (`careless*`: careless, carelessly, carelessness), so a team lists a word's variants in one
 * entry. `{person}` matches a person's name (one or two words) and `{person}'s` its possessive;
 * what counts as a name is the caller's `personAt`. Written small and ours rather than with
 * `nlcst-search`, because the person placeholder and the "only after"/"unless before" contexts
 * need the word list anyway.
 */

/** One word of a pattern. */
export type PatternToken =
  { kind: 'word'; text: string; prefix: boolean } | { kind: 'person'; possessive: boolean };

/** A word of the text being linted, as the matcher sees it. */
export interface TextWord {
  /** Lowercase, apostrophes straightened: what patterns compare against. */
  norm: string;
  /** As written, for the name heuristics. */
  raw: string;
  /** Whether only whitespace separates it from the previous word; false for the first word. */
  joined: boolean;
  /**
   * Whether it opens a sentence or clause (first word, or after punctuation other than a
   * comma), where any word is capitalised and capitals say nothing about names.
   */
  opens: boolean;
}

/** Decides how many words at `index` form a person's name: candidate lengths, longest first. */
export type PersonAt = (words: readonly TextWord[], index: number, possessive: boolean) => number[];

const PERSON = '{person}';
const POSSESSIVE = "{person}'s";
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'-]*\*?$|^'[\p{L}]+$/u;

/** Straightens apostrophes and lowercases, so patterns and text compare the way readers do. */
export const normalizeWord = (word: string): string =>
  word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");

/** Why a phrase cannot match anything, in words a team editing the rules file can act on. */
export function phraseProblem(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'is empty: write the words to flag';
  for (const word of words) {
    const normal = normalizeWord(word);
    if (normal === PERSON || normal === POSSESSIVE) continue;
    if (/[{}]/.test(word)) {
      return `has "${word}": the only placeholders are {person} and {person}'s`;
    }
    if (word.slice(0, -1).includes('*') || word === '*') {
      return `has "${word}": * may only end a word, as in careless*`;
    }
    if (!WORD.test(normal)) {
      return `has "${word}": a phrase is words separated by spaces; only letters, digits, ' and - can match`;
    }
  }
  return undefined;
}

/** Turns a valid phrase (see `phraseProblem`) into tokens. */
export function compilePhrase(phrase: string): PatternToken[] {
  return phrase
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word): PatternToken => {
      const normal = normalizeWord(word);
      if (normal === PERSON) return { kind: 'person', possessive: false };
      if (normal === POSSESSIVE) return { kind: 'person', possessive: true };
      const prefix = normal.endsWith('*');
      return { kind: 'word', text: prefix ? normal.slice(0, -1) : normal, prefix };
    });
}

/**
 * Matches `tokens` starting at `words[start]`, each word after the first joined to the one
 * before by whitespace only; returns the index after the match, or -1.
 */
export function matchAt(
  tokens: readonly PatternToken[],
  words: readonly TextWord[],
  start: number,
  personAt: PersonAt,
): number {
  return matchFrom(tokens, 0, words, start, personAt);
}

/**
 * `matchAt` from token `t` at word `w`. A module function rather than a closure in `matchAt`:
 * the lint calls it for every rule, phrase and word, and a closure made on each call was slow.
 */
function matchFrom(
  tokens: readonly PatternToken[],
  t: number,
  words: readonly TextWord[],
  w: number,
  personAt: PersonAt,
): number {
  if (t === tokens.length) return w;
  const token = tokens[t];
  const word = words[w];
  if (!token || !word || (t > 0 && !word.joined)) return -1;
  if (token.kind === 'word') {
    const hit = token.prefix ? word.norm.startsWith(token.text) : word.norm === token.text;
    return hit ? matchFrom(tokens, t + 1, words, w + 1, personAt) : -1;
  }
  for (const length of personAt(words, w, token.possessive)) {
    const joined = words.slice(w + 1, w + length).every((next) => next.joined);
    const end = joined ? matchFrom(tokens, t + 1, words, w + length, personAt) : -1;
    if (end >= 0) return end;
  }
  return -1;
}

/** Whether one of `patterns` ends right before `words[start]`, joined to it. */
export function precededBy(
  patterns: readonly PatternToken[][],
  words: readonly TextWord[],
  start: number,
  personAt: PersonAt,
): boolean {
  if (!words[start]?.joined) return false;
  return patterns.some((tokens) => {
    for (let from = start - 1; from >= Math.max(0, start - tokens.length - 1); from--) {
      if (matchAt(tokens, words, from, personAt) === start) return true;
    }
    return false;
  });
}

/** Whether one of `patterns` starts right at `words[end]`, joined to the word before. */
export function followedBy(
  patterns: readonly PatternToken[][],
  words: readonly TextWord[],
  end: number,
  personAt: PersonAt,
): boolean {
  if (!words[end]?.joined) return false;
  return patterns.some((tokens) => matchAt(tokens, words, end, personAt) >= 0);
}
