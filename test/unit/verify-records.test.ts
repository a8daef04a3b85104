import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeed, checkIncidentsJson, checkSitemap } from '../../src/lib/verify/feeds';
import { checkIncidentPages } from '../../src/lib/verify/incident-pages';
import { checkSearchIndex } from '../../src/lib/verify/search-index';
import { scanSite } from '../../src/lib/verify/site-scan';
import { testTempDir } from '../helpers/build-site';
import { buildPostmortem, edit, fragment, write, writeDist } from './verify-site';

const BUILD = ['a', 'b'].map((id) => buildPostmortem(id));
const dist = (base = '/') =>
  writeDist(
    fs.mkdtempSync(path.join(testTempDir(), 'hindsight-verify-records-')),
    [{ id: 'a' }, { id: 'b' }],
    { base },
  );

describe('checkIncidentPages', () => {
  it('passes with one page per incident, under a base path too', () => {
    expect(checkIncidentPages(scanSite(dist()), BUILD, '/')).toEqual([]);
    expect(checkIncidentPages(scanSite(dist('/docs/')), BUILD, '/docs/')).toEqual([]);
  });

  it('names a missing page, a copy under another address (by its canonical link) and a page not in the build', () => {
    const dir = dist();
    fs.rmSync(path.join(dir, 'incidents/b'), { recursive: true });
    fs.cpSync(path.join(dir, 'incidents/a'), path.join(dir, 'incidents/a-copy'), { recursive: true });
    fs.cpSync(path.join(dir, 'incidents/a'), path.join(dir, 'incidents/secret'), { recursive: true });
    edit(dir, 'incidents/secret/index.html', (text) => text.replace(/<link rel="canonical"[^>]*>/, ''));
    expect(checkIncidentPages(scanSite(dir), BUILD, '/')).toEqual([
      {
        where: 'incident pages',
        id: 'a',
        problem: 'has 2 pages (incidents/a/index.html, incidents/a-copy/index.html)',
      },
      { where: 'incident pages', id: 'b', problem: 'has no page' },
      {
        where: 'incident pages',
        id: 'secret',
        problem: 'is not in the build, yet has a page (incidents/secret/index.html)',
      },
    ]);
  });

  it('does not take the later pages of the incident list for an incident called "page"', () => {
    const dir = dist();
    write(dir, 'incidents/page/2/index.html', '<html><body></body></html>');
    write(dir, 'incidents/page/index.html', '<html><body></body></html>');
    expect(checkIncidentPages(scanSite(dir), BUILD, '/')).toEqual([]);
  });
});

describe('checkSearchIndex', () => {
  it('passes with one record per incident; names a missing, doubled or foreign record', () => {
    const dir = dist();
    expect(checkSearchIndex(scanSite(dir), BUILD)).toEqual([]);
    fs.rmSync(path.join(dir, 'pagefind/fragment/en_b.pf_fragment'));
    write(dir, 'pagefind/fragment/en_a2.pf_fragment', fragment('/incidents/a/'));
    write(dir, 'pagefind/fragment/en_x.pf_fragment', fragment('/guide/'));
    expect(checkSearchIndex(scanSite(dir), BUILD)).toEqual([
      {
        where: 'the search index',
        id: 'a',
        problem: 'has 2 records (pagefind/fragment/en_a.pf_fragment, pagefind/fragment/en_a2.pf_fragment)',
      },
      { where: 'the search index', id: 'b', problem: 'has no record' },
      {
        where: 'the search index',
        id: '(/guide/)',
        problem: 'is a record of a page that is no incident (pagefind/fragment/en_x.pf_fragment)',
      },
    ]);
  });

  it('says once that the index is missing, rather than once per incident', () => {
    const dir = dist();
    fs.rmSync(path.join(dir, 'pagefind'), { recursive: true });
    expect(checkSearchIndex(scanSite(dir), BUILD)).toEqual([
      { where: 'the search index', problem: 'is missing: the build has no pagefind/fragment/ folder' },
    ]);
    expect(checkSearchIndex(scanSite(dir), [])).toEqual([]);
  });
});

describe('the feed, the JSON and the sitemap', () => {
  it('pass when each lists every incident once, under a base path too', () => {
    for (const base of ['/', '/docs/']) {
      const scan = scanSite(dist(base));
      expect([
        ...checkFeed(scan, BUILD, base),
        ...checkIncidentsJson(scan, BUILD),
        ...checkSitemap(scan, BUILD, base),
      ]).toEqual([]);
    }
  });

  it('name the incident an item is missing for, doubled or foreign', () => {
    const dir = dist();
    edit(dir, 'rss.xml', (text) => text.replace(/<item><title>b<\/title>.*?<\/item>/, ''));
    edit(dir, 'api/incidents.json', (text) => {
      const data = JSON.parse(text) as { incidents: { id: string }[] };
      return JSON.stringify({ incidents: [...data.incidents, data.incidents[0], { id: 'secret' }] });
    });
    edit(dir, 'sitemap-0.xml', (text) =>
      text.replace('</urlset>', '<url><loc>https://hindsight.test/incidents/b/</loc></url></urlset>'),
    );
    const scan = scanSite(dir);
    expect([
      ...checkFeed(scan, BUILD, '/'),
      ...checkIncidentsJson(scan, BUILD),
      ...checkSitemap(scan, BUILD, '/'),
    ]).toEqual([
      { where: 'rss.xml', id: 'b', problem: 'has no entry' },
      { where: 'api/incidents.json', id: 'a', problem: 'has 2 entries (api/incidents.json)' },
      {
        where: 'api/incidents.json',
        id: 'secret',
        problem: 'is not in the build, yet is listed (api/incidents.json)',
      },
      { where: 'the sitemap', id: 'b', problem: 'has 2 entries (sitemap-0.xml)' },
    ]);
  });

  it('say when the feed or the JSON is missing or unreadable, and skip a sitemap the build does not have', () => {
    const dir = dist();
    fs.rmSync(path.join(dir, 'rss.xml'));
    fs.rmSync(path.join(dir, 'sitemap-0.xml'));
    fs.writeFileSync(path.join(dir, 'api/incidents.json'), '{"incidents": [');
    const scan = scanSite(dir);
    expect(checkFeed(scan, BUILD, '/')).toEqual([{ where: 'rss.xml', problem: 'is missing' }]);
    expect(checkIncidentsJson(scan, BUILD)[0]?.problem).toMatch(/^is not JSON: /);
    expect(checkSitemap(scan, BUILD, '/')).toEqual([]);
  });
});
