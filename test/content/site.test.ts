/**
 * Generic checks of a team's own `content/`: they hold for any valid set of postmortems and
 * taxonomies, so they stay green when the samples are replaced and ids renamed. Everything
 * else is tested on fixtures under `test/fixtures/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import { isVisible } from '../../src/lib/incidents';
import { parse } from 'node-html-parser';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';
import { findBrokenLinks, indexedUrls } from '../helpers/links';

const contentRoot = path.join(projectRoot, 'content');
const SITE = 'https://postmortems.test';

const { postmortems, problems } = checkContent(contentRoot);
const published = postmortems.filter((entry) => isVisible(entry, { includeDrafts: false })).map((entry) => entry.id);

let site: BuiltSite;
/** The base path the team configured, read back from the build (the feed link carries it). */
let base: string;

beforeAll(async () => {
  if (problems.length) return;
  site = await buildSite(contentRoot, {
    projectConfig: true,
    env: { HINDSIGHT_SITE: SITE },
  });
  const feed = parse(await site.read('index.html')).querySelector('link[type="application/rss+xml"]');
  base = feed?.getAttribute('href')?.replace(/rss\.xml$/, '') ?? '/';
});

describe("the project's own content", () => {
  it('passes the content check', () => {
    expect(problems.map((p) => `${path.relative(projectRoot, p.file)}:${p.line ?? ''} ${p.field} ${p.message}`)).toEqual(
      [],
    );
  });

  it('gives every published postmortem its page and no draft one', () => {
    for (const id of published) expect(fs.existsSync(path.join(site.outDir, 'incidents', id, 'index.html')), id).toBe(true);
    const pages = fs.readdirSync(path.join(site.outDir, 'incidents'), { withFileTypes: true });
    // `incidents/page/` holds pages 2 and on of the list once it is longer than one page.
    const listPages = (name: string) => name === 'page' && !published.includes('page');
    expect(
      pages
        .filter((entry) => entry.isDirectory() && !listPages(entry.name))
        .map((entry) => entry.name)
        .sort(),
    ).toEqual([...published].sort());
  });

  it('indexes every published postmortem for search exactly once', () => {
    expect(indexedUrls(site.outDir).sort()).toEqual(published.map((id) => `/incidents/${id}/`).sort());
  });

  it('lists every published postmortem on the incident list and in the feed', async () => {
    // Page 1 of the list, and pages 2 and on (`incidents/page/<n>/`) once it is longer than one page.
    const more = fs.existsSync(path.join(site.outDir, 'incidents/page'))
      ? fs.readdirSync(path.join(site.outDir, 'incidents/page')).filter((name) => /^\d+$/.test(name))
      : [];
    const list = (
      await Promise.all(['incidents/index.html', ...more.map((n) => `incidents/page/${n}/index.html`)].map(site.read))
    ).join('\n');
    const feed = await site.read('rss.xml');
    for (const id of published) {
      expect(list, id).toContain(`href="${base}incidents/${id}/"`);
      expect(feed, id).toContain(`<link>${SITE}${base}incidents/${id}/</link>`);
    }
  });

  it('passes the verification every build ends with, for every published postmortem', () => {
    // The build stops when the verification fails; this checks that it ran, and on how many.
    expect(site.output).toMatch(new RegExp(`\\[hindsight:verify\\] Verified ${published.length} postmortems`));
  });

  it('has no broken internal link, asset or anchor', () => {
    expect(findBrokenLinks(site.outDir, { base, site: SITE })).toEqual([]);
  });
});
