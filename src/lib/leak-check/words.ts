/**
 * The one way the leak check splits text into words, used alike for what must not appear and
 * for the built files, so that case, punctuation, markup leftovers and Unicode forms cannot
 * make the same words compare unequal.
 */

/** A text as words: lowercase, in order, with where each was written. */
export interface Words {
  words: string[];
  /**
   * 1 where a word follows the previous one across exactly one hyphen (`mail-relay`), so that
   * an id such as `2024-05-09-mail` can be told from the start of `2024-05-09-mail-storage`
   * or from "2024-05-09" and "Mail" in two table cells.
   */
  joined: Uint8Array;
  /** Start and end (exclusive) of each word in the normalised text, for quoting it. */
  starts: number[];
  ends: number[];
}

/** Anything beyond ASCII, which may need folding. */
const BEYOND_ASCII = /[\u0080-\u{10ffff}]/u;

/**
 * Compatibility forms folded (NFKC: full-width letters, ligatures, composed accents) and
 * lowercased; the string the word offsets refer to. Plain ASCII, most of a built site, skips
 * the fold, which would leave it unchanged.
 */
export const normalise = (text: string) =>
  (BEYOND_ASCII.test(text) ? text.normalize('NFKC') : text).toLowerCase();

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
/** Whether each non-ASCII code point seen so far is part of a word; a site uses few distinct ones. */
const wordCharacters = new Map<number, boolean>();

function isWordCodePoint(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  let known = wordCharacters.get(code);
  if (known === undefined) {
    // Letters, digits and combining marks (a decomposed accent belongs to its letter).
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(code));
    wordCharacters.set(code, known);
  }
  return known;
}

/**
 * Calls `visit` with the start, end and `joined` flag of every word of an already normalised
 * text. A hand-written scanner rather than a Unicode regular expression: it runs over every
 * byte of a built site, and this is several times faster.
 */
export function forEachWord(
  normal: string,
  visit: (start: number, end: number, joined: 0 | 1) => void,
): void {
  let start = -1;
  let previousEnd = -2;
  const length = normal.length;
  for (let i = 0; i <= length;) {
    let code = i < length ? normal.charCodeAt(i) : 32;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      code = normal.codePointAt(i) ?? code;
      width = code > 0xffff ? 2 : 1;
    }
    const inWord = i < length && isWordCodePoint(code);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      visit(start, i, previousEnd === start - 1 && normal.charCodeAt(start - 1) === 45 ? 1 : 0);
      previousEnd = i;
      start = -1;
    }
    i += width;
  }
}

/** Splits `text` into lowercase words (see `Words`). */
export function words(text: string): Words {
  const normal = normalise(text);
  const found: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const joined: number[] = [];
  forEachWord(normal, (start, end, isJoined) => {
    found.push(normal.slice(start, end));
    starts.push(start);
    ends.push(end);
    joined.push(isJoined);
  });
  return { words: found, joined: Uint8Array.from(joined), starts, ends };
}

/** The words of `text` alone, for counting and for keys. */
export function wordList(text: string): string[] {
  const normal = normalise(text);
  const found: string[] = [];
  forEachWord(normal, (start, end) => found.push(normal.slice(start, end)));
  return found;
}

/** How many letters and digits the words have: what says whether a value can match by chance. */
export const letterCount = (wordsOf: readonly string[]) =>
  wordsOf.reduce((total, word) => total + word.length, 0);
