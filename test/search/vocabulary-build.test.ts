import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_OPTIONS } from '../../src/integrations/pagefind';
import {
  addPageWords,
  countWords,
  incidentPages,
  SHARDS,
  vocabularyShards,
  writeVocabularyFiles,
  type PageVocabulary,
} from '../../src/lib/indexed-vocabulary';
import { searchPage } from '../../src/lib/search/search-document';
import { parseVocabulary, suggest, VOCABULARY_DIR, vocabularyFile } from '../../src/lib/search/vocabulary';
import { testTempDir } from '../helpers/build-site';

const builtSite = path.join(import.meta.dirname, '..', 'fixtures', 'synonyms', 'built-site');
const page = (id: string) => fs.readFileSync(path.join(builtSite, 'incidents', id, 'index.html'), 'utf8');
const certificatePage = page('2024-01-02-expired-certificate');
const excluded = INDEX_OPTIONS.excludeSelectors ?? [];

/** The text of a built page that the build counts for the vocabulary: what Pagefind indexes of it. */
const indexedText = (html: string) => searchPage(html, excluded).text;

/** What the build writes for the vocabulary of a built site's incident pages. */
function writeVocabulary(siteDir: string, bundle: string) {
  const pages = incidentPages(siteDir);
  const vocabulary: PageVocabulary = { pages: pages.length, counts: new Map() };
  for (const file of pages) addPageWords(vocabulary, indexedText(fs.readFileSync(file, 'utf8')));
  return writeVocabularyFiles(bundle, vocabulary);
}

describe('the indexed text of a page', () => {
  const words = new Set(indexedText(certificatePage).toLowerCase().split(/\W+/));

  it('reads the article Pagefind indexes, with its metadata', () => {
    for (const word of ['expired', 'certificate', 'renewal', 'cronjob', 'apiserver', 'metatagword'])
      expect(words, word).toContain(word);
  });

  it('leaves out what Pagefind leaves out', () => {
    for (const word of [
      'headerword',
      'navword',
      'footerword',
      'scriptword',
      'stylerule',
      'ignoredlabel',
      'similarword',
      'hiddenword',
      'anchorword',
    ])
      expect(words, word).not.toContain(word);
  });

  it('keeps words of neighbouring elements apart and decodes entities', () => {
    const text = indexedText('<article data-pagefind-body><h1>Disk</h1><p>failed&amp;x</p></article>');
    expect(text.split(/\s+/).filter(Boolean)).toEqual(['Disk', 'failed&x']);
  });
});

describe('countWords', () => {
  it('counts the pages a word is on, not how often, and leaves out numbers and ids', () => {
    const counts = countWords(['Disk disk DISK failed at 08:00', 'disk replaced, ticket 3fa9c2e1', '']);
    expect(counts).toEqual(
      new Map([
        ['disk', 2],
        ['failed', 1],
        ['replaced', 1],
        ['ticket', 1],
      ]),
    );
  });
});

describe('vocabularyShards', () => {
  const vocabulary = new Map([
    ['certificate', 3],
    ['cert', 1],
    ['kubernetes', 2],
    ['équipe', 1],
    ['5xx', 4],
  ]);

  it('writes every shard, each holding the words that start with its character', () => {
    const shards = vocabularyShards(vocabulary);
    expect(shards.map((shard) => shard.shard)).toEqual(SHARDS);
    const byName = new Map(shards.map((shard) => [shard.shard, shard]));
    expect(parseVocabulary(JSON.parse(byName.get('c')?.json ?? ''))).toEqual(
      new Map([
        ['cert', 1],
        ['certificate', 3],
      ]),
    );
    expect(parseVocabulary(JSON.parse(byName.get('_')?.json ?? ''))).toEqual(new Map([['équipe', 1]]));
    expect(parseVocabulary(JSON.parse(byName.get('5')?.json ?? ''))).toEqual(new Map([['5xx', 4]]));
    expect(parseVocabulary(JSON.parse(byName.get('z')?.json ?? ''))).toEqual(new Map());
    expect(byName.get('c')).toMatchObject({ words: 2, minPages: 1 });
  });

  it('reports the compressed size of each shard', () => {
    for (const shard of vocabularyShards(vocabulary))
      expect(shard.gzipBytes).toBe(gzipSync(shard.json, { level: 9 }).length);
  });

  it('leaves out the words on fewest pages from a shard over budget, until it fits', () => {
    const many = new Map<string, number>();
    for (let i = 0; i < 400; i++) many.set(`word${String.fromCharCode(97 + (i % 26))}${i}x`, 1);
    many.set('wordcommon', 5);
    many.set('wordusual', 2);
    const [full] = vocabularyShards(many).filter((shard) => shard.shard === 'w');
    expect(full).toMatchObject({ words: 402, minPages: 1 });

    const budget = gzipSync(JSON.stringify({ version: 1, words: { '2': 'wordusual', '5': 'wordcommon' } }), {
      level: 9,
    }).length;
    const [trimmed] = vocabularyShards(many, budget).filter((shard) => shard.shard === 'w');
    expect(trimmed).toMatchObject({ words: 2, minPages: 2 });
    expect(trimmed?.gzipBytes).toBeLessThanOrEqual(budget);
    expect(parseVocabulary(JSON.parse(trimmed?.json ?? ''))).toEqual(
      new Map([
        ['wordusual', 2],
        ['wordcommon', 5],
      ]),
    );
  });
});

describe('writeVocabulary', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A copy of the built fixture site to write into. */
  function site(): string {
    dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-vocabulary-'));
    fs.cpSync(builtSite, dir, { recursive: true });
    return dir;
  }
  const read = (bundle: string, word: string) =>
    parseVocabulary(JSON.parse(fs.readFileSync(path.join(bundle, vocabularyFile(word)), 'utf8')));

  it('writes one file per shard from the incident pages only', () => {
    const siteDir = site();
    const bundle = path.join(siteDir, 'pagefind');
    const written = writeVocabulary(siteDir, bundle);
    expect(fs.readdirSync(path.join(bundle, VOCABULARY_DIR)).sort()).toEqual(
      SHARDS.map((shard) => `${shard}.json`).sort(),
    );
    expect(written).toMatchObject({ pages: 2, trimmed: [] });
    expect(read(bundle, 'certificate').get('certificate')).toBe(2);
    expect(read(bundle, 'kubernetes').get('kubernetes')).toBe(1);
    expect(read(bundle, 'homepageword').has('homepageword')).toBe(false);
    expect(read(bundle, 'searchpageword').has('searchpageword')).toBe(false);
    expect(read(bundle, 'footerword').has('footerword')).toBe(false);
    expect(suggest('certficate', read(bundle, 'certficate'))).toEqual(['certificate']);
    expect(suggest('kubernets', read(bundle, 'kubernets'))).toEqual(['kubernetes']);
  });

  it('writes the same bytes for the same pages, and replaces what an earlier build left', () => {
    const siteDir = site();
    const bundle = path.join(siteDir, 'pagefind');
    writeVocabulary(siteDir, bundle);
    const first = fs.readFileSync(path.join(bundle, vocabularyFile('certificate')));
    fs.writeFileSync(path.join(bundle, VOCABULARY_DIR, 'stale.json'), '{}');
    writeVocabulary(siteDir, bundle);
    expect(fs.readFileSync(path.join(bundle, vocabularyFile('certificate')))).toEqual(first);
    expect(fs.existsSync(path.join(bundle, VOCABULARY_DIR, 'stale.json'))).toBe(false);
  });

  it('writes nothing for a site without incident pages, and removes an old vocabulary', () => {
    const siteDir = site();
    const bundle = path.join(siteDir, 'pagefind');
    writeVocabulary(siteDir, bundle);
    fs.rmSync(path.join(siteDir, 'incidents'), { recursive: true });
    expect(writeVocabulary(siteDir, bundle)).toMatchObject({ pages: 0, words: 0 });
    expect(fs.existsSync(path.join(bundle, VOCABULARY_DIR))).toBe(false);
  });
});
