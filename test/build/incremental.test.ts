import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, testTempDir, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';
import { siteTree, treeDifferences } from '../helpers/site-tree';

/**
 * A rebuild on the cache of an earlier build renders again only what an edit changed (Astro's
 * incremental build with the keys of src/lib/cache-key.ts), and its output is byte for byte
 * what a cold build of the same content gives. The edits reach other pages than their own: a
 * root cause changes another incident's similar incidents and its category's recurring causes,
 * a taxonomy label changes every page that names the category.
 */
const EPOCH = String(Date.UTC(2025, 5, 1, 12) / 1000);
const env = { SOURCE_DATE_EPOCH: EPOCH };
let work: string;
let content: string;
let cacheDir: string;
let first: BuiltSite;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-incremental-'));
  content = path.join(work, 'content');
  fs.cpSync(fixtureContent('similarity'), content, { recursive: true });
  cacheDir = path.join(work, 'cache');
  first = await buildSite(content, { cacheDir, outDir: path.join(work, 'first'), env });
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let step = 0;

/** Applies an edit, rebuilds on the shared cache, builds the same content cold, and compares. */
async function rebuildMatchesColdBuild(edit: () => void) {
  edit();
  step++;
  const rebuilt = await buildSite(content, { cacheDir, outDir: path.join(work, `rebuilt-${step}`), env });
  const cold = await buildSite(content, { outDir: path.join(work, `cold-${step}`), env });
  const differing = treeDifferences(siteTree(rebuilt.outDir), siteTree(cold.outDir));
  expect(differing, `files that differ from a cold build:\n${differing.join('\n')}`).toEqual([]);
  return rebuilt;
}

const replaceIn = (file: string, from: string, to: string) => {
  const full = path.join(content, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain "${from}"`);
  fs.writeFileSync(full, text.replace(from, to));
};

describe('a rebuild after an edit', () => {
  it('copies unchanged pages from the last build and renders the edited one', async () => {
    const rebuilt = await rebuildMatchesColdBuild(() =>
      fs.appendFileSync(
        path.join(content, 'postmortems/2023-06-05-database-disk-full.md'),
        '\nThe slot was dropped during the review.\n',
      ),
    );
    expect(first.output).not.toContain('(restored)');
    expect(rebuilt.output).toMatch(/\/incidents\/2024-08-14-log-disk-full\/index\.html \(restored\)/);
    expect(rebuilt.output).not.toMatch(
      /\/incidents\/2023-06-05-database-disk-full\/index\.html \(restored\)/,
    );
    expect(await rebuilt.read('incidents/2023-06-05-database-disk-full/index.html')).toContain(
      'The slot was dropped during the review.',
    );
  });

  it('renders the pages whose similar incidents or recurring causes a root cause changes', async () => {
    await rebuildMatchesColdBuild(() =>
      replaceIn('postmortems/2024-08-14-log-disk-full.md', 'category: capacity', 'category: software-bug'),
    );
  });

  it('renders every page that names a category whose label changed', async () => {
    await rebuildMatchesColdBuild(() =>
      replaceIn('taxonomy/root-causes.yaml', 'label: Software bug', 'label: Defect in our code'),
    );
  });
});
