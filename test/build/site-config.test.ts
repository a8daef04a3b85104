import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

/**
 * A team's settings reach every page: one build of a one-incident fixture with every option of
 * `hindsight()` set to something other than its default.
 */
const CONFIG = {
  title: 'Acme Postmortems',
  tagline: 'What broke at Acme, and what we changed.',
  organization: 'Acme Platform',
  site: 'https://sre.acme.example',
  repository: { url: 'https://github.com/acme/postmortems', branch: 'trunk' },
  timezone: 'Asia/Tokyo',
  notice: 'Internal: do not share outside Acme.',
};
const ID = '2024-08-01-billing-export-stalled';
const content = path.join(projectRoot, 'test/fixtures/site-config/content');

let site: BuiltSite;
const page = async (file: string) => parse(await site.read(file));
const text = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  site = await buildSite(content, { config: CONFIG });
});

describe('a site with its own configuration', () => {
  it.each([
    'index.html',
    'incidents/index.html',
    `incidents/${ID}/index.html`,
    'search/index.html',
    '404.html',
  ])('shows the title, organisation and notice on %s', async (file) => {
    const html = await page(file);
    expect(text(html.querySelector('title'))).toContain('Acme Postmortems');
    expect(text(html.querySelector('.site-header .brand'))).toBe('Acme Postmortems');
    expect(text(html.querySelector('footer.site-footer'))).toContain('Acme Postmortems · Acme Platform');
    // A sentence and the link after it stay apart ("pull requests. Browse", not "requests.Browse").
    expect(text(html.querySelector('footer.site-footer'))).toMatch(/pull requests\. Browse by root cause/);
    expect(text(html.querySelector('aside.site-notice'))).toBe(CONFIG.notice);
    expect(html.toString()).not.toContain('Hindsight');
  });

  it('uses the tagline for the home page title and as the default description', async () => {
    const home = await page('index.html');
    expect(text(home.querySelector('title'))).toBe(
      'Acme Postmortems · What broke at Acme, and what we changed.',
    );
    const list = await page('incidents/index.html');
    expect(list.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(CONFIG.tagline);
  });

  it('names the site and organisation in the feed', async () => {
    const feed = await site.read('rss.xml');
    expect(feed).toContain('<title>Acme Postmortems: Acme Platform postmortems</title>');
    expect(feed).toContain(`<link>https://sre.acme.example/incidents/${ID}/</link>`);
  });

  it('shows times in the default time zone when a postmortem names none', async () => {
    const incident = await page(`incidents/${ID}/index.html`);
    // 15:00 UTC is 00:00 the next day in Tokyo.
    const started = incident.querySelector('time[datetime="2024-08-01T15:00:00.000Z"]');
    expect(text(started)).toMatch(/2 Aug 2024.*00:00/);
    expect(incident.toString()).toContain('Asia/Tokyo');
  });

  it('links each incident to its file and history in the repository', async () => {
    const incident = await page(`incidents/${ID}/index.html`);
    const file = `test/fixtures/site-config/content/postmortems/${ID}.md`;
    const hrefs = incident.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(`https://github.com/acme/postmortems/edit/trunk/${file}`);
    expect(hrefs).toContain(`https://github.com/acme/postmortems/commits/trunk/${file}`);
  });
});
