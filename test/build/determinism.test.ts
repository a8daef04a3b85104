import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, testTempDir } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';
import { siteTree, treeDifferences } from '../helpers/site-tree';

/**
 * Two builds of the same input are the same bytes: a deploy of an unchanged commit changes
 * nothing, and a diff of two builds shows only what an edit changed. `SOURCE_DATE_EPOCH` fixes
 * the build date, which decides what is overdue. The basic fixture has MDX and Markdown, a
 * draft, tasks with due dates and time zones; the build writes pages, the feed, the JSON, the
 * sitemap, the search index and its vocabulary.
 */
const EPOCH = String(Date.UTC(2024, 8, 20, 12) / 1000);

describe('two builds of the same input', () => {
  it('are byte-identical, into different folders', async () => {
    const work = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-determinism-'));
    const builds = [];
    for (const name of ['first', 'second']) {
      builds.push(
        await buildSite(fixtureContent('basic'), {
          outDir: path.join(work, name),
          env: { SOURCE_DATE_EPOCH: EPOCH },
        }),
      );
    }
    const [first, second] = builds.map((build) => siteTree(build.outDir)) as [
      Map<string, string>,
      Map<string, string>,
    ];
    const differing = treeDifferences(first, second);
    expect(differing, `files that differ between the builds:\n${differing.join('\n')}`).toEqual([]);
    // A build that wrote nothing would be identical too.
    expect(first.size).toBeGreaterThan(20);
    expect([...first.keys()]).toEqual(
      expect.arrayContaining(['rss.xml', 'api/incidents.json', 'pagefind/pagefind-entry.json']),
    );
  });
});
