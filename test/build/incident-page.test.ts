import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

const fixture = path.join(projectRoot, 'test/fixtures/basic/content');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(fixture);
});

const page = async (file: string) => parse(await site.read(file));
const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The `<dd>` that follows the `<dt>` with this label inside the facts card. */
function fact(doc: HTMLElement, label: string): string {
  const term = doc.querySelectorAll('.facts dt').find((dt) => text(dt) === label);
  return text(term?.nextElementSibling ?? null);
}

describe('incident page', () => {
  it('shows the header card in the incident zone with UTC alongside', async () => {
    const doc = await page('incidents/2024-03-10-queue-backlog/index.html');
    expect(text(doc.querySelector('h1'))).toBe('Webhook deliveries delayed by a queue backlog');
    expect(fact(doc, 'Severity')).toBe('SEV3 · Minor');
    expect(fact(doc, 'Status')).toBe('Published');
    // 01:30 PST to 04:00 PDT is 90 minutes of real time across the DST change.
    expect(fact(doc, 'Duration')).toBe('1 hour 30 minutes');
    expect(fact(doc, 'Started')).toBe('10 Mar 2024, 01:30 PST (2024-03-10 09:30 UTC)');
    expect(fact(doc, 'Resolved')).toBe('10 Mar 2024, 04:00 PDT (2024-03-10 11:00 UTC)');
    expect(fact(doc, 'Detected')).toContain('15 minutes after start');
    expect(fact(doc, 'Time zone')).toBe('America/Los_Angeles');
    expect(fact(doc, 'Services')).toBe('webhooks');
    expect(fact(doc, 'Impact')).toContain('12.5% of users affected');
    expect(fact(doc, 'Root cause')).toContain('Capacity');
    const category = doc.querySelector('.facts a[href="/root-causes/capacity/"]');
    expect(text(category)).toBe('Capacity');
  });

  it('computes the duration when the author left it out', async () => {
    const doc = await page('incidents/2023-11-05-dns-failover/index.html');
    expect(fact(doc, 'Duration')).toBe('1 hour 35 minutes');
    expect(fact(doc, 'Started')).toBe('5 Nov 2023, 03:30 EST (2023-11-05 08:30 UTC)');
  });

  it('marks misleading paths and escalations in the timeline', async () => {
    const doc = await page('incidents/2023-11-05-dns-failover/index.html');
    const entries = doc.querySelectorAll('.timeline > li');
    expect(entries.map((li) => li.getAttribute('data-kind'))).toEqual([
      'detection',
      'misleading',
      'mitigation',
    ]);
    const misleading = entries[1];
    expect(text(misleading?.querySelector('.kind') ?? null)).toBe('Misleading path');
    expect(text(misleading ?? null)).toContain('Suspected the identity provider');
    expect(misleading?.querySelector('time')?.getAttribute('datetime')).toBe('2023-11-05T09:00:00.000Z');
    // Times show in the incident's zone (EST after the 5 Nov change).
    expect(text(misleading?.querySelector('time') ?? null)).toBe('04:00');
  });

  it('lists tasks with type, owner, due date and status', async () => {
    const doc = await page('incidents/2024-03-10-queue-backlog/index.html');
    const rows = doc
      .querySelectorAll('table.tasks tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => text(td)));
    expect(rows).toEqual([
      ['Re-enable autoscaling for webhook consumers', 'Mitigate', 'platform', '2024-03-15', 'Done'],
      ['Lower the queue-depth alert threshold', 'Detect', 'Dana Ortiz', '2024-04-01 Overdue', 'Open'],
      ['Load-test consumers with bulk imports', 'Prevent', 'Unassigned', '—', 'In progress'],
    ]);
    const link = doc.querySelector('table.tasks a');
    expect(link?.getAttribute('href')).toBe('https://tracker.example/OPS-42');
  });

  it('renders the MDX body, with GFM tables', async () => {
    const doc = await page('incidents/2024-03-10-queue-backlog/index.html');
    expect(text(doc.querySelector('.write-up h2'))).toBe('Narrative');
    expect(text(doc.querySelector('.write-up strong'))).toBe('ninety minutes');
    expect(doc.querySelectorAll('.write-up table td').map((td) => text(td))).toContain('2,000,000');
  });

  it('links related incidents both ways', async () => {
    const from = await page('incidents/2024-03-10-queue-backlog/index.html');
    const to = await page('incidents/2023-11-05-dns-failover/index.html');
    const relatedLinks = (doc: HTMLElement) =>
      doc
        .querySelectorAll('section[aria-labelledby="related"] tbody a[href^="/incidents/"]')
        .map((a) => a.getAttribute('href'));
    expect(relatedLinks(from)).toEqual(['/incidents/2023-11-05-dns-failover/']);
    // The older incident names nobody, but the newer one names it: the link shows from both sides.
    expect(relatedLinks(to)).toEqual(['/incidents/2024-03-10-queue-backlog/']);
  });

  it('ships no client JavaScript on incident pages', async () => {
    const html = await site.read('incidents/2024-03-10-queue-backlog/index.html');
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });
});

describe('drafts', () => {
  it('are left out of a production build', async () => {
    expect(await site.exists('incidents/2024-06-01-unfinished-draft/index.html')).toBe(false);
    const list = await site.read('incidents/index.html');
    expect(list).not.toContain('half-understood cache stampede');
    expect(await site.read('index.html')).not.toContain('Draft about');
  });

  it('do not leak through related links', async () => {
    const doc = await page('incidents/2024-03-10-queue-backlog/index.html');
    expect(doc.toString()).not.toContain('2024-06-01-unfinished-draft');
  });
});

describe('incident list and home page', () => {
  it('lists every published incident once, newest first', async () => {
    const doc = await page('incidents/index.html');
    const links = doc
      .querySelectorAll('main table tbody a[href^="/incidents/"]')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/incidents/2024-03-10-queue-backlog/', '/incidents/2023-11-05-dns-failover/']);
  });

  it('shows totals and a search box on the home page', async () => {
    const doc = await page('index.html');
    const stats = Object.fromEntries(
      doc
        .querySelectorAll('.stats > div')
        .map((div) => [text(div.querySelector('dt')), text(div.querySelector('dd'))]),
    );
    expect(stats).toMatchObject({ Incidents: '2', 'Services affected': '3', 'Open follow-up tasks': '2' });
    const form = doc.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.querySelector('input[name="q"]')).not.toBeNull();
  });
});

describe('feed and not-found page', () => {
  it('lists published incidents in the RSS feed, newest first, without drafts', async () => {
    const xml = await site.read('rss.xml');
    const links = [...xml.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((match) => match[1]);
    // Absolute links on the site the test config sets, which the channel links to.
    const home = xml.match(/<channel>.*?<link>([^<]+)<\/link>/s)?.[1] ?? '';
    expect(home).toMatch(/^https:\/\/[^/]+\/$/);
    expect(links).toEqual(
      ['incidents/2024-03-10-queue-backlog/', 'incidents/2023-11-05-dns-failover/'].map(
        (pathname) => new URL(pathname, home).href,
      ),
    );
    expect(xml).toContain('[SEV3] Webhook deliveries delayed by a queue backlog');
    expect(xml).not.toContain('unfinished-draft');
  });

  it('builds a 404 page that offers search', async () => {
    const doc = await page('404.html');
    expect(text(doc.querySelector('h1'))).toBe('Page not found');
    expect(doc.querySelector('main form[role="search"] input[name="q"]')).not.toBeNull();
  });
});
