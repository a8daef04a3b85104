import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lighthousePages, missedTargets, type PageScores } from '../../scripts/lib/lighthouse-pages';
import { testTempDir } from '../helpers/build-site';

const page = (file: string, html: string, root: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), html);
};

describe('the pages npm run lighthouse audits', () => {
  it('takes one of each kind from the built site, and searches a word of the incident', () => {
    const dist = fs.mkdtempSync(path.join(testTempDir(), 'lighthouse-'));
    page('incidents/2/index.html', '<h1>Incidents, page 2</h1>', dist);
    page('incidents/b-second/index.html', '<h1>Second</h1>', dist);
    page('incidents/a-first/index.html', '<h1>Mail down after a disk failed</h1>', dist);
    page('root-causes/hardware/index.html', '<h1>Hardware</h1>', dist);
    expect(lighthousePages(dist)).toEqual([
      { name: 'home', path: '/' },
      { name: 'incidents', path: '/incidents/' },
      { name: 'incident', path: '/incidents/a-first/' },
      { name: 'root-cause', path: '/root-causes/hardware/' },
      { name: 'search', path: '/search/?q=failed' },
      { name: '404', path: '/404.html' },
    ]);
  });

  it('leaves out the kinds an empty site does not have', () => {
    const dist = fs.mkdtempSync(path.join(testTempDir(), 'lighthouse-'));
    expect(lighthousePages(dist).map((p) => p.name)).toEqual(['home', 'incidents', 'search', '404']);
  });
});

describe('the Lighthouse targets', () => {
  const perfect: PageScores = {
    page: 'search',
    path: '/search/?q=disk',
    preset: 'desktop',
    performance: 100,
    accessibility: 100,
    bestPractices: 100,
    seo: 100,
    cls: 0,
    fcpMs: 300,
    failing: [],
  };

  it('passes a perfect page', () => {
    expect(missedTargets([perfect, { ...perfect, preset: 'mobile', performance: 98 }])).toEqual([]);
  });

  it('holds desktop to 100 in every category, and says which audits failed', () => {
    expect(missedTargets([{ ...perfect, performance: 99, failing: ['bf-cache'] }])).toEqual([
      'desktop search (/search/?q=disk): performance 99 (failing: bf-cache)',
    ]);
  });

  it('holds mobile performance to 98 and every page to CLS below 0.02', () => {
    expect(missedTargets([{ ...perfect, preset: 'mobile', performance: 97, cls: 0.02 }])).toEqual([
      'mobile search (/search/?q=disk): performance 97, below 98',
      'mobile search (/search/?q=disk): CLS 0.020, not below 0.02',
    ]);
  });
});

describe('intended failures', () => {
  const notFound: PageScores = {
    page: '404',
    path: '/404.html',
    preset: 'desktop',
    performance: 100,
    accessibility: 100,
    bestPractices: 100,
    seo: 63,
    cls: 0,
    fcpMs: 200,
    failing: ['is-crawlable'],
  };

  it('accepts the 404 page failing is-crawlable, which its noindex causes', () => {
    expect(missedTargets([notFound])).toEqual([]);
  });

  it('still reports the 404 page failing anything else', () => {
    expect(missedTargets([{ ...notFound, failing: ['is-crawlable', 'document-title'] }])).toEqual([
      'desktop 404 (/404.html): seo 63 (failing: is-crawlable, document-title)',
    ]);
  });

  it('does not excuse is-crawlable on any other page', () => {
    expect(missedTargets([{ ...notFound, page: 'home', path: '/' }])).toEqual([
      'desktop home (/): seo 63 (failing: is-crawlable)',
    ]);
  });
});
