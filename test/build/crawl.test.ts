import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

/**
 * What crawlers and link previews see: a robots.txt that points to the sitemap, a canonical
 * address on every page that has one, and a 404 page that asks not to be indexed and claims no
 * address of its own (it is served for every missing URL). Built under a base path, the way a
 * project site on GitHub Pages is.
 */

const fixture = path.join(projectRoot, 'test/fixtures/basic/content');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(fixture, { env: { HINDSIGHT_BASE: '/postmortems/' } });
});

describe('crawl hygiene', () => {
  it('writes robots.txt pointing to the sitemap under the base path, and the sitemap exists', async () => {
    const robots = await site.read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Sitemap: https:\/\/hindsight\.test\/postmortems\/sitemap-index\.xml$/m);
    expect(await site.exists('sitemap-index.xml')).toBe(true);
  });

  it('gives the 404 page noindex and no canonical link', async () => {
    const doc = parse(await site.read('404.html'));
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('gives other pages a canonical link under the base path and no noindex', async () => {
    const doc = parse(await site.read('incidents/index.html'));
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://hindsight.test/postmortems/incidents/',
    );
    expect(doc.querySelector('meta[name="robots"]')).toBeNull();
  });
});
