import { editDistance } from '../edit-distance';

/**
 * "Did you mean": the words the search index holds, so a word that finds nothing (`certficate`,
 * `kubernets`) can be answered with the nearest words that would (`certificate`, `kubernetes`).
 * The build writes the vocabulary beside the Pagefind index from the text Pagefind indexed
 * (`src/lib/indexed-vocabulary.ts`), so it holds no word a reader could not find by searching.
 *
 * It is split into one file per first character, and the page fetches only the file for the
 * word it needs, once a word has found nothing: an ordinary search transfers none of it. Typos
 * rarely hit the first letter, and a file holds a few per cent of the words; at 10,000
 * postmortems a file that would pass 20 kB compressed keeps only the words on more pages
 * (`SHARD_BUDGET_BYTES`). The cost is that a slip in the first letter (`xertificate`) gets no
 * suggestion.
 */

/** The vocabulary's folder inside the Pagefind bundle (`dist/pagefind/vocabulary/`). */
export const VOCABULARY_DIR = 'vocabulary';

/** Bumped when the file's shape changes, so a page never misreads a file of another build. */
export const VOCABULARY_VERSION = 1;

/** Each known word and the number of incident pages it appears on. */
export type Vocabulary = ReadonlyMap<string, number>;

/** A word as the vocabulary holds it: lowercase, composed accents. */
export const normalizeWord = (word: string): string => word.normalize('NFC').trim().toLowerCase();

/**
 * The shard a word lives in: its first letter or digit (`a` … `z`, `0` … `9`); `_` for words
 * starting with anything else, such as an accented letter.
 */
export function vocabularyShard(word: string): string {
  const first = normalizeWord(word).charAt(0);
  return /^[a-z0-9]$/.test(first) ? first : '_';
}

/**
 * The file holding `word`'s neighbours, relative to the Pagefind bundle folder
 * (`vocabulary/c.json`); resolve it against the same base as `pagefind.js`.
 */
export const vocabularyFile = (word: string): string => `${VOCABULARY_DIR}/${vocabularyShard(word)}.json`;

/**
 * The words of some text as the vocabulary counts them: runs of letters and digits, lowercase,
 * with apostrophes dropped (`didn't` is `didnt`, `team's` is `team`), split at hyphens and
 * dots as Pagefind splits `mail-relay` and `api.example`.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/['’]s\b/gu, '')
      .replace(/['’]/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Longest word kept; longer runs are identifiers, keys and URLs, not words anyone types. */
export const MAX_WORD_LENGTH = 24;

/**
 * Whether a word is worth suggesting. Numbers, times, versions, hashes and ids fill a
 * vocabulary without ever being a correction for a typo, so they are left out: a word must have
 * at least three characters, more letters than digits (`k8s`, `ipv6` and `ec2`
 * stay; `10ms`, `v1234` go), and must not look like a hexadecimal id (`3fa9c2e`).
 */
export function isVocabularyWord(word: string): boolean {
  if (word.length < 3 || word.length > MAX_WORD_LENGTH) return false;
  const letters = word.match(/\p{L}/gu)?.length ?? 0;
  const digits = word.match(/\p{N}/gu)?.length ?? 0;
  if (letters === 0 || digits >= letters) return false;
  return !(digits > 0 && word.length >= 7 && /^[0-9a-f]+$/.test(word));
}

/**
 * One shard as the build writes it: words grouped by how many pages they appear on, each group
 * one space-separated string in alphabetical order. Grouping drops the per-word count and
 * punctuation that a `{ "word": count }` object would repeat for every word.
 */
export interface VocabularyFile {
  version: typeof VOCABULARY_VERSION;
  /** Page count (as a decimal string, JSON's only key type) to the words with that count. */
  words: Record<string, string>;
}

/** The file for one shard; keys and words in a fixed order, so the same pages give the same bytes. */
export function vocabularyFileContent(vocabulary: Vocabulary): VocabularyFile {
  const byCount = new Map<number, string[]>();
  for (const [word, count] of vocabulary) {
    const words = byCount.get(count);
    if (words) words.push(word);
    else byCount.set(count, [word]);
  }
  const counts = [...byCount.keys()].sort((a, b) => a - b);
  return {
    version: VOCABULARY_VERSION,
    words: Object.fromEntries(
      counts.map((count) => [String(count), (byCount.get(count) ?? []).sort().join(' ')]),
    ),
  };
}

/**
 * Reads a vocabulary file fetched by the page. Throws when it is not one (another version, or
 * an error page served in its place), so the page can tell "no suggestion" from "no file".
 */
export function parseVocabulary(json: unknown): Vocabulary {
  if (!json || typeof json !== 'object') throw new TypeError('The vocabulary file is not a JSON object.');
  const { version, words } = json as Partial<Record<keyof VocabularyFile, unknown>>;
  if (version !== VOCABULARY_VERSION || !words || typeof words !== 'object') {
    throw new TypeError(
      `The vocabulary file is not version ${VOCABULARY_VERSION} of Hindsight's vocabulary.`,
    );
  }
  const vocabulary = new Map<string, number>();
  for (const [count, list] of Object.entries(words)) {
    const pages = Number(count);
    if (!Number.isInteger(pages) || pages < 1 || typeof list !== 'string') continue;
    for (const word of list.split(' ')) if (word) vocabulary.set(word, pages);
  }
  return vocabulary;
}

/**
 * How many edits a suggestion may be from the word typed: one for short words, where two edits
 * turn almost any word into another (`dns` into `dev`), two for longer ones.
 */
export const maxEdits = (word: string): number => ([...word].length <= 4 ? 1 : 2);

/** A known word near the one typed: how many edits away, and on how many pages. */
export interface NearWord {
  word: string;
  edits: number;
  pages: number;
}

/**
 * The known words nearest to `word`, best first: fewer edits first (a swap of neighbouring
 * letters is one edit), then the word on more pages, then alphabetical so the answer never
 * wobbles. Never the word itself; empty for words under three letters (every short word is
 * near some other) and when nothing is within `maxEdits`. The edits come along, so a caller
 * can tell a clear winner from a tie without measuring again.
 */
export function nearestWords(word: string, vocabulary: Vocabulary, limit = 3): NearWord[] {
  const typed = normalizeWord(word);
  const length = [...typed].length;
  if (length < 3 || limit < 1) return [];
  const max = maxEdits(typed);
  const found: NearWord[] = [];
  for (const [known, pages] of vocabulary) {
    if (known === typed || Math.abs(known.length - typed.length) > max) continue;
    const edits = editDistance(typed, known, max);
    if (edits <= max) found.push({ word: known, edits, pages });
  }
  found.sort(
    (a, b) => a.edits - b.edits || b.pages - a.pages || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
  return found.slice(0, limit);
}

/** The words of `nearestWords`, best first. */
export const suggest = (word: string, vocabulary: Vocabulary, limit = 3): string[] =>
  nearestWords(word, vocabulary, limit).map((near) => near.word);
