import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARDS } from '../../src/lib/indexed-vocabulary';
import {
  parseVocabulary,
  suggest,
  VOCABULARY_DIR,
  vocabularyFile,
  type Vocabulary,
} from '../../src/lib/search/vocabulary';
import { buildSite, projectRoot, tryBuildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../search/incidents';

/**
 * Builds the search fixture (four published incidents and a draft, no synonyms file) with the
 * real `astro build` and reads the "did you mean" vocabulary it wrote beside the index, as the
 * search page fetches it.
 */

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(fixtureContent);
});

const bundleFile = (file: string) => `pagefind/${file}`;

/** The vocabulary shard that holds `word`, as the search page would fetch it. */
async function shardFor(word: string): Promise<Vocabulary> {
  return parseVocabulary(JSON.parse(await site.read(bundleFile(vocabularyFile(word)))));
}

describe('the vocabulary beside the search index', () => {
  it('has one file per shard in the Pagefind bundle, and the build says how many words it knows', () => {
    const dir = path.join(site.outDir, 'pagefind', VOCABULARY_DIR);
    expect(fs.readdirSync(dir).sort()).toEqual(SHARDS.map((shard) => `${shard}.json`).sort());
    expect(site.output).toMatch(/"Did you mean" knows \d+ words \(largest file \d+\.\d kB compressed\)/);
  });

  it('holds the words of the incident pages, with the number of pages each is on', async () => {
    expect((await shardFor('certificate')).get('certificate')).toBe(1);
    expect((await shardFor('throttled')).get('throttled')).toBe(1);
    // The disk failure and the cache stampede, whose write-up mentions a disk in passing.
    expect((await shardFor('disk')).get('disk')).toBe(2);
  });

  it('holds no word found only on other pages, in the page chrome or in a draft', async () => {
    // The writing guide, the home page, the site name in every header, the draft's title.
    for (const word of ['blameless', 'frontmatter', 'searchable', 'hindsight', 'blip'])
      expect((await shardFor(word)).has(word), word).toBe(false);
  });

  it('lets suggest() correct a typo from the file for its first letter', async () => {
    expect(suggest('certficate', await shardFor('certficate'))).toContain('certificate');
    expect(suggest('certficate', await shardFor('certficate'))[0]).toBe('certificate');
  });
});

describe('a build with a broken synonyms file', () => {
  it('stops with every mistake at its line, like a broken taxonomy', async () => {
    const result = await tryBuildSite(path.join(projectRoot, 'test/fixtures/synonyms/invalid'));
    expect('code' in result).toBe(true);
    const { output } = result;
    expect(output).toMatch(/taxonomy\/synonyms\.yaml:3:3 +group 2: must list at least two terms/);
    expect(output).toMatch(
      /taxonomy\/synonyms\.yaml:9:3 +group 8: has the same terms as the group on line 2/,
    );
    // The postmortems are still checked and reported in the same run.
    expect(output).toMatch(/2024-02-11-unknown-category\.md:14:13 +rootCause\.category: "gremlins"/);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
