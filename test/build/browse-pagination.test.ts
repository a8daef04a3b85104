import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, testTempDir, type BuiltSite } from '../helpers/build-site';
import { NEW_ID, writeManyIncidents } from '../fixtures/browse/many-incidents';
import { findBrokenLinks } from '../helpers/links';

/**
 * The browse fixture grown past one page (`writeManyIncidents`): 230 generated postmortems in
 * 2022 (each naming the service `bulk` and one service of its own, so the service list outgrows
 * a page too), and one postmortem in what the code has never seen: a new year (2025), a new
 * service (`ledger`) and a root-cause category added to the taxonomy file (`dependency`).
 * 9 + 230 + 1 = 240 published incidents.
 */
const GENERATED = 230;
const PUBLISHED = 9 + GENERATED + 1;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(
    await writeManyIncidents(await fs.mkdtemp(path.join(testTempDir(), 'browse-pagination-')), GENERATED),
    { config: { timezone: 'America/New_York' } },
  );
});

const page = async (file: string) => parse(await site.read(file));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const incidentRows = (doc: HTMLElement) =>
  doc.querySelectorAll('main tbody tr').filter((tr) => tr.querySelector('a[href^="/incidents/"]'));
const rel = (doc: HTMLElement, name: 'prev' | 'next') =>
  doc.querySelector(`head link[rel="${name}"]`)?.getAttribute('href');
/** The page bar as its entries' text, the current page in brackets. */
const bar = (doc: HTMLElement) =>
  doc
    .querySelectorAll('main nav.pagination li')
    .map((li) => (li.querySelector('[aria-current="page"]') ? `[${text(li)}]` : text(li)));

describe('a paginated list', () => {
  it('puts the first 100 incidents at the list’s own address, with a link to the next page', async () => {
    const doc = await page('incidents/index.html');
    expect(incidentRows(doc)).toHaveLength(100);
    expect(rel(doc, 'prev')).toBeUndefined();
    expect(rel(doc, 'next')).toBe('/incidents/page/2/');
    expect(bar(doc)).toEqual(['← Previous', '[1]', '2', '3', 'Next →']);
    expect(doc.querySelector('nav.pagination')?.getAttribute('aria-label')).toBe('Pages');
    expect(text(doc.querySelector('main .lede'))).toBe(
      `Showing 1–100 of ${PUBLISHED} postmortems, newest first.`,
    );
    // The newest incident, in the new year, comes first.
    expect(incidentRows(doc)[0]?.querySelector('a')?.getAttribute('href')).toBe(`/incidents/${NEW_ID}/`);
  });

  it('numbers the next pages in their title, heading and text, linked both ways', async () => {
    const second = await page('incidents/page/2/index.html');
    expect(text(second.querySelector('title'))).toBe('All incidents, page 2 · Hindsight');
    expect(text(second.querySelector('h1'))).toBe('All incidents, page 2');
    expect(text(second.querySelector('main .lede'))).toBe(
      `Showing 101–200 of ${PUBLISHED} postmortems, newest first.`,
    );
    expect(incidentRows(second)).toHaveLength(100);
    expect([rel(second, 'prev'), rel(second, 'next')]).toEqual(['/incidents/', '/incidents/page/3/']);
    expect(bar(second)).toEqual(['← Previous', '1', '[2]', '3', 'Next →']);
    expect(second.querySelector('main nav.pagination a[aria-current="page"]')?.getAttribute('href')).toBe(
      '/incidents/page/2/',
    );

    const last = await page('incidents/page/3/index.html');
    expect(incidentRows(last)).toHaveLength(PUBLISHED - 200);
    expect([rel(last, 'prev'), rel(last, 'next')]).toEqual(['/incidents/page/2/', undefined]);
    expect(await site.exists('incidents/page/4/index.html')).toBe(false);
  });

  it('pages the incidents of a service, a year, a severity and a root cause the same way', async () => {
    for (const [list, pages] of [
      ['services/bulk/', 3],
      ['years/2022/', 3],
      ['severities/SEV2/', 3],
      ['root-causes/capacity/', 3],
    ] as const) {
      for (let n = 1; n <= pages; n++) {
        const file = `${list}${n > 1 ? `page/${n}/` : ''}index.html`;
        const doc = await page(file);
        expect(incidentRows(doc).length, file).toBe(
          n < pages ? 100 : (list === 'severities/SEV2/' ? GENERATED + 3 : GENERATED) - 200,
        );
        expect(rel(doc, 'next'), file).toBe(n < pages ? `/${list}page/${n + 1}/` : undefined);
        if (n > 1) expect(text(doc.querySelector('h1')), file).toMatch(new RegExp(`, page ${n}$`));
      }
      expect(await site.exists(`${list}page/${pages + 1}/index.html`), list).toBe(false);
    }
  });

  it('pages the list of services once there are more than 100', async () => {
    // bulk, 230 of their own, and the fixture's api, database, auth, billing, dns, queue and the new ledger.
    const services = 1 + GENERATED + 7;
    const first = await page('services/index.html');
    expect(first.querySelectorAll('main tbody tr')).toHaveLength(100);
    expect(first.querySelector('main tbody tr th a')?.getAttribute('href')).toBe('/services/bulk/');
    expect(rel(first, 'next')).toBe('/services/page/2/');
    const last = await page('services/page/3/index.html');
    expect(last.querySelectorAll('main tbody tr')).toHaveLength(services - 200);
    expect(text(last.querySelector('main p:not(.lede)'))).toBe(
      `Showing 201–${services} of ${services} services, most incidents first, then by name.`,
    );
  });

  it('starts a month continued from the previous page under a "continued" heading', async () => {
    const second = await page('years/2022/page/2/index.html');
    const first = await page('years/2022/index.html');
    const lastMonthOfFirst = first.querySelectorAll('main section h2').at(-1);
    const firstMonthOfSecond = second.querySelector('main section h2');
    expect(text(firstMonthOfSecond)).toBe(`${text(lastMonthOfFirst)} (continued)`);
  });

  it('never puts more than 100 rows in a table or 100 incidents on a page', async () => {
    const files = (await fs.readdir(site.outDir, { recursive: true }))
      .map(String)
      .filter((file) => file.endsWith('index.html'))
      .filter((file) => /^(incidents|services|severities|years|root-causes)\//.test(file))
      .filter((file) => !/^incidents\/(?!page\/)[^/]+\/index\.html$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const doc = await page(file);
      expect(incidentRows(doc).length, file).toBeLessThanOrEqual(100);
      for (const table of doc.querySelectorAll('main table'))
        expect(table.querySelectorAll('tbody tr').length, file).toBeLessThanOrEqual(100);
    }
  });

  it('links every month of the archive to the page its heading is on', () => {
    // The link checker follows `/years/2022/page/2/#month-2022-05`-style links to their anchors.
    expect(findBrokenLinks(site.outDir, { base: '/', site: 'https://hindsight.test' })).toEqual([]);
  });
});

describe('a postmortem in a new year, service and category', () => {
  it('gets a year page and a row in the archive', async () => {
    const years = await page('years/index.html');
    expect(years.querySelector('main table tbody tr th')?.textContent.trim()).toBe('2025');
    const doc = await page('years/2025/index.html');
    expect(incidentRows(doc).map((tr) => tr.querySelector('a')?.getAttribute('href'))).toEqual([
      `/incidents/${NEW_ID}/`,
    ]);
    expect(text(doc.querySelector('section h2'))).toBe('February 2025');
  });

  it('gets a service page and a row in the list of services', async () => {
    const doc = await page('services/ledger/index.html');
    expect(text(doc.querySelector('h1'))).toBe('Service: ledger');
    expect(incidentRows(doc)).toHaveLength(1);
    const lists = await Promise.all(['', 'page/2/', 'page/3/'].map((p) => page(`services/${p}index.html`)));
    const row = lists
      .flatMap((doc) => doc.querySelectorAll('main tbody tr'))
      .find((tr) => tr.querySelector('th a')?.getAttribute('href') === '/services/ledger/');
    expect(row?.querySelectorAll('th, td').map((cell) => text(cell))).toEqual([
      'ledger',
      '1',
      '45 minutes',
      '45 minutes',
      '3 Feb 2025',
    ]);
  });

  it('fills its category from the taxonomy file, and its severity’s empty page', async () => {
    const causes = await page('root-causes/index.html');
    const row = causes.querySelector('main tbody tr[data-group="dependency"]');
    expect(row?.querySelectorAll('th, td').map((cell) => text(cell))).toEqual([
      'Third-party dependency',
      'A provider outside our control failed.',
      '1',
      '45 minutes',
      '45 minutes',
      '3 Feb 2025',
    ]);
    const category = await page('root-causes/dependency/index.html');
    expect(incidentRows(category)).toHaveLength(1);
    const severity = await page('severities/SEV4/index.html');
    expect(incidentRows(severity).map((tr) => tr.querySelector('a')?.getAttribute('href'))).toEqual([
      `/incidents/${NEW_ID}/`,
    ]);
  });

  it('links its facts to all of them', async () => {
    const doc = await page(`incidents/${NEW_ID}/index.html`);
    expect(doc.querySelectorAll('.facts a').map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining([
        '/severities/SEV4/',
        '/services/ledger/',
        '/years/2025/',
        '/root-causes/dependency/',
      ]),
    );
  });
});
