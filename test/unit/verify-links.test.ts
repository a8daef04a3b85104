import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFor, findBrokenLinks, indexedUrls, normaliseBase } from '../../src/lib/verify/links';
import { testTempDir } from '../helpers/build-site';
import { fragment, write } from './verify-site';

const tempDist = () => fs.mkdtempSync(path.join(testTempDir(), 'hindsight-verify-links-'));
const html = (body: string) => `<!DOCTYPE html><html><head></head><body>${body}</body></html>`;

/** A three-page site under `base` whose links are all good. */
function goodSite(base = '/') {
  const dist = tempDist();
  write(
    dist,
    'index.html',
    html(
      `<a href="${base}guide/#fields">Fields</a><a href="guide/">Guide</a><a href="https://elsewhere.test/x">x</a>`,
    ),
  );
  write(
    dist,
    'guide/index.html',
    html(
      `<h2 id="fields">Fields</h2><a href="#fields">here</a><a href="../">home</a><img src="${base}logo.svg">`,
    ),
  );
  write(dist, 'logo.svg', '<svg/>');
  write(dist, 'rss.xml', `<rss><channel><link>https://hindsight.test${base}</link></channel></rss>`);
  write(dist, 'pagefind/fragment/en_1.pf_fragment', fragment('/guide/'));
  return dist;
}

describe('findBrokenLinks', () => {
  it('finds nothing in a site whose links, anchors, feed links and index records all resolve', () => {
    expect(findBrokenLinks(goodSite(), { site: 'https://hindsight.test' })).toEqual([]);
    expect(findBrokenLinks(goodSite('/docs/'), { base: '/docs/', site: 'https://hindsight.test' })).toEqual(
      [],
    );
  });

  it('names a link to a missing page, an anchor missing on its page, and a link outside the base', () => {
    const dist = goodSite('/docs/');
    write(
      dist,
      'guide/index.html',
      html(
        '<h2 id="fields">F</h2><a href="/docs/gone/">gone</a><a href="/docs/#nowhere">home</a><a href="/elsewhere/">out</a><a href="#fields">ok</a>',
      ),
    );
    expect(findBrokenLinks(dist, { base: '/docs', site: 'https://hindsight.test' })).toEqual([
      { from: 'guide/index.html', url: '/docs/gone/', reason: 'names no file in the build' },
      { from: 'guide/index.html', url: '/elsewhere/', reason: 'is outside the base path /docs/' },
      {
        from: 'guide/index.html',
        url: '/docs/#nowhere',
        reason: 'names no element with id "nowhere" on index.html',
      },
    ]);
  });

  it('checks absolute links to the site itself, the feed, the sitemap and the search index', () => {
    const dist = goodSite();
    write(dist, 'index.html', html('<a href="https://hindsight.test/missing/">m</a>'));
    write(
      dist,
      'rss.xml',
      '<rss><channel><item><link>https://hindsight.test/incidents/gone/</link></item></channel></rss>',
    );
    write(dist, 'sitemap-0.xml', '<urlset><url><loc>https://hindsight.test/old/</loc></url></urlset>');
    write(dist, 'pagefind/fragment/en_2.pf_fragment', fragment('/incidents/gone/'));
    expect(
      findBrokenLinks(dist, { site: 'https://hindsight.test' }).map((link) => [link.from, link.url]),
    ).toEqual([
      ['index.html', 'https://hindsight.test/missing/'],
      ['rss.xml', 'https://hindsight.test/incidents/gone/'],
      ['sitemap-0.xml', 'https://hindsight.test/old/'],
      ['pagefind/fragment/en_2.pf_fragment', '/incidents/gone/'],
    ]);
  });

  it('names a broken link once per page, however often the page repeats it', () => {
    const dist = goodSite();
    write(dist, 'index.html', html('<a href="/gone/">1</a><a href="/gone/">2</a>'));
    expect(findBrokenLinks(dist)).toHaveLength(1);
  });
});

describe('indexedUrls', () => {
  it('reads the page URL of every fragment, and nothing when there is no index', () => {
    expect(indexedUrls(goodSite())).toEqual(['/guide/']);
    expect(indexedUrls(tempDist())).toEqual([]);
  });
});

describe('fileFor and normaliseBase', () => {
  it('serve a folder URL from its index.html and a file URL as the file', () => {
    const files = new Set(['index.html', 'a/index.html', 'rss.xml']);
    expect([
      fileFor(files, '/'),
      fileFor(files, '/a/'),
      fileFor(files, '/a'),
      fileFor(files, '/rss.xml'),
      fileFor(files, '/b/'),
    ]).toEqual(['index.html', 'a/index.html', 'a/index.html', 'rss.xml', undefined]);
    expect(['/', '', '/docs', 'docs/', '/docs/'].map(normaliseBase)).toEqual([
      '/',
      '/',
      '/docs/',
      '/docs/',
      '/docs/',
    ]);
  });
});
