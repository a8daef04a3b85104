import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  isVocabularyWord,
  VOCABULARY_DIR,
  vocabularyFileContent,
  vocabularyShard,
  wordsOf,
  type Vocabulary,
} from './search/vocabulary';

/**
 * Builds the "did you mean" vocabulary (see `src/lib/search/vocabulary.ts`) from the pages the
 * build indexed: from the text Pagefind read, not from the postmortems, so it holds exactly the
 * words a search can find and nothing a page leaves out of its index (fields kept off a public
 * build, ignored labels, the header and footer).
 */

/** Adds the words of one more page's indexed text (`searchPage(…).text`) to `vocabulary`. */
export function addPageWords(vocabulary: PageVocabulary, text: string): void {
  for (const [word] of countWords([text]))
    vocabulary.counts.set(word, (vocabulary.counts.get(word) ?? 0) + 1);
}

/** Each vocabulary word of these texts and the number of texts (pages) it appears in. */
export function countWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(wordsOf(text).filter(isVocabularyWord)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * Largest a shard may be, gzip-compressed (as a static host serves JSON). The search page
 * fetches one shard for a word that found nothing, so this is the most "did you mean" adds to
 * a search; it keeps well inside the 50 KB a follow-up search may transfer.
 */
export const SHARD_BUDGET_BYTES = 20_000;

/** Every shard name, so each file exists and the page never fetches one that is missing. */
export const SHARDS = [...'abcdefghijklmnopqrstuvwxyz0123456789_'];

export interface VocabularyShard {
  /** `a` … `z`, `0` … `9` or `_` (see `vocabularyShard`). */
  shard: string;
  /** The file's JSON text. */
  json: string;
  /** Words it holds. */
  words: number;
  /** Its size gzip-compressed, in bytes. */
  gzipBytes: number;
  /** The fewest pages a word in it appears on: 1 unless words were left out to fit the budget. */
  minPages: number;
}

const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length;

/**
 * The vocabulary split into shards by first character. A shard over `budget` bytes compressed
 * keeps only words on at least 2 pages, then 3, and so on until it fits: a word on one page of
 * thousands is the least likely to be the one a reader meant (often it is another author's
 * typo), and dropping whole page counts keeps the rule easy to state. A small site keeps every
 * word. The same words give the same bytes.
 */
export function vocabularyShards(vocabulary: Vocabulary, budget = SHARD_BUDGET_BYTES): VocabularyShard[] {
  const byShard = new Map<string, [string, number][]>(SHARDS.map((shard) => [shard, []]));
  for (const entry of vocabulary) byShard.get(vocabularyShard(entry[0]))?.push(entry);
  return SHARDS.map((shard) => {
    const entries = byShard.get(shard) ?? [];
    const counts = [...new Set(entries.map(([, pages]) => pages))].sort((a, b) => a - b);
    let minPages = 1;
    let kept = entries;
    let json = JSON.stringify(vocabularyFileContent(new Map(kept)));
    let gzipBytes = gzipSize(json);
    for (const count of counts) {
      if (gzipBytes <= budget) break;
      minPages = count + 1;
      kept = entries.filter(([, pages]) => pages >= minPages);
      json = JSON.stringify(vocabularyFileContent(new Map(kept)));
      gzipBytes = gzipSize(json);
    }
    return { shard, json, words: kept.length, gzipBytes, minPages };
  });
}

/** The incident pages of a built site (`index.html` in each folder of `incidents/`), in path order. */
export function incidentPages(siteDir: string): string[] {
  const dir = path.join(siteDir, 'incidents');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name, 'index.html'))
    .filter((file) => fs.existsSync(file))
    .sort();
}

export interface WrittenVocabulary {
  /** Incident pages read. */
  pages: number;
  /** Words written, over all shards. */
  words: number;
  /** The largest shard, gzip-compressed, in bytes. */
  largestGzipBytes: number;
  /** Shards that left out their rarest words to fit `SHARD_BUDGET_BYTES`. */
  trimmed: string[];
}

/** The words of a built site's incident pages, as `writeVocabularyFiles` takes them. */
export interface PageVocabulary {
  /** Incident pages read. */
  pages: number;
  /** Each word and the number of pages it appears on. */
  counts: Map<string, number>;
}

/**
 * Writes a vocabulary into `bundleDir/vocabulary/`, one file per shard, replacing what an
 * earlier build left there. A site with no incident pages gets no files: its search page has
 * nothing to search, so it never asks for a suggestion.
 */
export function writeVocabularyFiles(
  bundleDir: string,
  { pages, counts }: PageVocabulary,
): WrittenVocabulary {
  const dir = path.join(bundleDir, VOCABULARY_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  if (!pages) return { pages: 0, words: 0, largestGzipBytes: 0, trimmed: [] };
  const shards = vocabularyShards(counts);
  fs.mkdirSync(dir, { recursive: true });
  for (const { shard, json } of shards) fs.writeFileSync(path.join(dir, `${shard}.json`), json);
  return {
    pages,
    words: shards.reduce((sum, shard) => sum + shard.words, 0),
    largestGzipBytes: Math.max(...shards.map((shard) => shard.gzipBytes)),
    trimmed: shards.filter((shard) => shard.minPages > 1).map((shard) => shard.shard),
  };
}
