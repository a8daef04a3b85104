import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';
import { findBrokenLinks } from '../helpers/links';

/**
 * The browse pages built from `test/fixtures/browse/content/`, on New York time, with figures
 * computed by hand from the ten postmortems (times UTC unless said):
 *
 * | postmortem                  | sev  | services       | root cause    | start (New York)   | duration |
 * | --------------------------- | ---- | -------------- | ------------- | ------------------ | -------- |
 * | 2023-03-14-api-latency      | SEV2 | api, database  | software-bug  | 14 Mar 2023        | 2h       |
 * | 2023-07-02-dns-outage       | SEV1 | dns, api       | network       | 2 Jul 2023         | 1h 30m   |
 * | 2023-11-20-database-disk    | SEV2 | database       | hardware      | 20 Nov 2023        | 6h       |
 * | 2023-12-31-auth-certificate | SEV3 | auth           | network       | 31 Dec 2023 23:30  | 1h       |
 * | 2024-01-15-login-errors     | SEV3 | auth, api      | software-bug  | 15 Jan 2024        | 30m      |
 * | 2024-02-29-leap-day-billing | SEV2 | billing        | software-bug  | 29 Feb 2024        | 4h       |
 * | 2024-05-31-queue-backlog    | SEV3 | queue          | software-bug  | 31 May 2024 22:00  | 1h 30m   |
 * | 2024-08-10-storage-failure  | SEV1 | database, api  | hardware      | 10 Aug 2024        | 10h      |
 * | 2024-09-05-cache-draft      | SEV2 | api, cache     | software-bug  | draft: not built   | open     |
 * | 2024-10-01-config-rollout   | SEV3 | billing        | config-change | 1 Oct 2024         | 40m      |
 *
 * The certificate incident began on 1 January 2024 in UTC, the queue backlog on 1 June: on
 * this site they belong to 2023 and to May. Nobody filed a SEV4 or a capacity incident.
 */
const options = { config: { timezone: 'America/New_York' } };

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(fixtureContent('browse'), options);
});

const page = async (file: string) => parse(await site.read(file));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The rows of a table body as the text of their cells, row header first. */
const rows = (table: HTMLElement | null | undefined) =>
  (table?.querySelectorAll('tbody tr') ?? []).map((tr) =>
    tr.querySelectorAll('th, td').map((cell) => text(cell)),
  );

/** The stat cards of a group page as `{ label: value }`. */
const figures = (doc: HTMLElement) =>
  Object.fromEntries(
    doc
      .querySelectorAll('dl.group-figures > div')
      .map((div) => [text(div.querySelector('dt')), text(div.querySelector('dd'))]),
  );

/** The incident links of every table in `main` (or in `scope`), in order. */
const incidentLinks = (doc: HTMLElement, scope = 'main') =>
  doc.querySelectorAll(`${scope} tbody a[href^="/incidents/"]`).map((a) => a.getAttribute('href'));

const incident = (id: string) => `/incidents/${id}/`;

describe('services', () => {
  it('lists every service with its count, total and median duration and last incident, most incidents first', async () => {
    const doc = await page('services/index.html');
    expect(text(doc.querySelector('h1'))).toBe('Services');
    const table = doc.querySelector('main table');
    expect(text(table?.querySelector('caption'))).toBe('Services, most incidents first, then by name');
    expect(rows(table)).toEqual([
      // 2h, 1h 30m, 30m and 10h: the median of 30m, 1h 30m, 2h, 10h is 1h 45m.
      ['api', '4', '14 hours', '1 hour 45 minutes', '10 Aug 2024'],
      ['database', '3', '18 hours', '6 hours', '10 Aug 2024'],
      ['auth', '2', '1 hour 30 minutes', '45 minutes', '15 Jan 2024'],
      ['billing', '2', '4 hours 40 minutes', '2 hours 20 minutes', '1 Oct 2024'],
      ['dns', '1', '1 hour 30 minutes', '1 hour 30 minutes', '2 Jul 2023'],
      // 02:00 UTC on 1 June is 31 May in New York.
      ['queue', '1', '1 hour 30 minutes', '1 hour 30 minutes', '31 May 2024'],
    ]);
    expect(doc.querySelectorAll('main tbody th[scope="row"] a').map((a) => a.getAttribute('href'))).toEqual(
      ['api', 'database', 'auth', 'billing', 'dns', 'queue'].map((slug) => `/services/${slug}/`),
    );
    expect(doc.querySelector('header a[aria-current="page"]')?.getAttribute('href')).toBe('/services/');
  });

  it('gives a service a page with its figures, its severities and its incidents, newest first', async () => {
    const doc = await page('services/api/index.html');
    expect(text(doc.querySelector('h1'))).toBe('Service: api');
    expect(figures(doc)).toEqual({
      Incidents: '4',
      'Total time in incident': '14 hours',
      'Median duration': '1 hour 45 minutes',
      'Last incident': '10 Aug 2024',
    });
    expect(rows(doc.querySelector('section[aria-labelledby="by-severity"] table'))).toEqual([
      ['SEV1 · Critical', '2'],
      ['SEV2 · Major', '1'],
      ['SEV3 · Minor', '1'],
    ]);
    expect(incidentLinks(doc)).toEqual(
      [
        '2024-08-10-storage-failure',
        '2024-01-15-login-errors',
        '2023-07-02-dns-outage',
        '2023-03-14-api-latency',
      ].map(incident),
    );
    expect(text(doc.querySelector('section[aria-labelledby="incidents"] caption'))).toBe(
      'Incidents affecting api, newest first',
    );
    expect(
      doc
        .querySelectorAll('nav[aria-label="Breadcrumb"] li')
        .map((li) => [text(li), li.querySelector('a')?.getAttribute('href')]),
    ).toEqual([
      ['Services', '/services/'],
      ['api', undefined],
    ]);
  });

  it('has no page for a service only a draft names', async () => {
    expect(await site.exists('services/cache/index.html')).toBe(false);
    expect(await site.read('services/index.html')).not.toContain('cache');
  });
});

describe('severities', () => {
  it('lists every level of the taxonomy, most severe first, the empty one too', async () => {
    const doc = await page('severities/index.html');
    const table = doc.querySelector('main table');
    expect(text(table?.querySelector('caption'))).toBe(
      'Severity levels, most severe first, as the taxonomy lists them',
    );
    expect(rows(table)).toEqual([
      [
        'SEV1 · Critical',
        'A core service is down for most users.',
        '2',
        '11 hours 30 minutes',
        '5 hours 45 minutes',
        '10 Aug 2024',
      ],
      ['SEV2 · Major', 'A core service is badly degraded.', '3', '12 hours', '4 hours', '29 Feb 2024'],
      [
        'SEV3 · Minor',
        'A non-core feature is down, or a core one is degraded for a few users.',
        '4',
        '3 hours 40 minutes',
        // 30m, 40m, 1h, 1h 30m.
        '50 minutes',
        '1 Oct 2024',
      ],
      ['SEV4 · Low', 'Little or no user impact; a near miss.', '0', '—', '—', 'None yet'],
    ]);
  });

  it('gives a level a page listing its incidents, newest first', async () => {
    const doc = await page('severities/SEV1/index.html');
    expect(text(doc.querySelector('h1'))).toBe('Severity: SEV1 · Critical');
    expect(figures(doc)).toMatchObject({ Incidents: '2', 'Median duration': '5 hours 45 minutes' });
    expect(incidentLinks(doc)).toEqual(['2024-08-10-storage-failure', '2023-07-02-dns-outage'].map(incident));
  });

  it('gives an empty level a page that says so and where to go instead', async () => {
    const doc = await page('severities/SEV4/index.html');
    expect(doc.querySelectorAll('main table')).toHaveLength(0);
    expect(text(doc.querySelector('[data-empty]'))).toBe(
      'No incidents have been filed at SEV4 · Low yet. See all severities or every incident.',
    );
  });
});

describe('years', () => {
  it('lists every year on the site’s calendar, newest first, with its figures', async () => {
    const doc = await page('years/index.html');
    const [years, months] = doc.querySelectorAll('main table');
    expect(text(years?.querySelector('caption'))).toBe('Years, newest year first');
    expect(rows(years)).toEqual([
      // 30m, 4h, 1h 30m, 10h, 40m.
      ['2024', '5', '16 hours 40 minutes', '1 hour 30 minutes', '1 Oct 2024'],
      // The certificate incident, at 23:30 on 31 December in New York, is 2023's last.
      ['2023', '4', '10 hours 30 minutes', '1 hour 45 minutes', '31 Dec 2023'],
    ]);
    expect(text(months?.querySelector('caption'))).toBe(
      'Incidents per month, newest year first, January to December',
    );
    expect(rows(months)).toEqual([
      ['2024', '1', '1', '0', '0', '1', '0', '0', '1', '0', '1', '0', '0'],
      ['2023', '0', '0', '1', '0', '0', '0', '1', '0', '0', '0', '1', '1'],
    ]);
    expect(months?.querySelector('td[data-month="2023-12"] a')?.getAttribute('href')).toBe(
      '/years/2023/#month-2023-12',
    );
    expect(months?.querySelector('td[data-month="2024-06"] a')).toBeNull();
  });

  it('lists a year’s incidents by month, newest first, dated on the site’s calendar', async () => {
    const doc = await page('years/2023/index.html');
    expect(text(doc.querySelector('h1'))).toBe('Incidents in 2023');
    const sections = doc.querySelectorAll('main section[aria-labelledby^="month-"]').map((section) => ({
      month: text(section.querySelector('h2')),
      rows: section.querySelectorAll('tbody tr').map((tr) => text(tr.querySelector('td'))),
      caption: text(section.querySelector('caption')),
    }));
    expect(sections).toEqual([
      { month: 'December 2023', rows: ['31 Dec 2023'], caption: 'Incidents in December 2023, newest first' },
      { month: 'November 2023', rows: ['20 Nov 2023'], caption: 'Incidents in November 2023, newest first' },
      { month: 'July 2023', rows: ['2 Jul 2023'], caption: 'Incidents in July 2023, newest first' },
      { month: 'March 2023', rows: ['14 Mar 2023'], caption: 'Incidents in March 2023, newest first' },
    ]);
    const year2024 = await page('years/2024/index.html');
    expect(incidentLinks(year2024, 'section[aria-labelledby="month-2024-05"]')).toEqual([
      incident('2024-05-31-queue-backlog'),
    ]);
  });
});

describe('root causes', () => {
  it('add total and median duration and the last occurrence to every category, empty ones kept', async () => {
    const doc = await page('root-causes/index.html');
    const table = doc.querySelector('main table');
    expect(text(table?.querySelector('caption'))).toBe(
      'Root-cause categories, in the order of the root-cause taxonomy',
    );
    expect(rows(table).map(([label, , ...figures]) => [label, ...figures])).toEqual([
      ['Hardware', '2', '16 hours', '8 hours', '10 Aug 2024'],
      // 2h, 30m, 4h, 1h 30m.
      ['Software bug', '4', '8 hours', '1 hour 45 minutes', '31 May 2024'],
      ['Network', '2', '2 hours 30 minutes', '1 hour 15 minutes', '31 Dec 2023'],
      ['Configuration change', '1', '40 minutes', '40 minutes', '1 Oct 2024'],
      ['Capacity', '0', '—', '—', 'None yet'],
    ]);
  });

  it('show a category’s figures above its incidents', async () => {
    const doc = await page('root-causes/network/index.html');
    expect(figures(doc)).toEqual({
      Incidents: '2',
      'Total time in incident': '2 hours 30 minutes',
      'Median duration': '1 hour 15 minutes',
      'Last incident': '31 Dec 2023',
    });
    expect(incidentLinks(doc)).toEqual(
      ['2023-12-31-auth-certificate', '2023-07-02-dns-outage'].map(incident),
    );
    expect(await site.read('root-causes/capacity/index.html')).toContain(
      'No incidents have been filed under Capacity yet.',
    );
  });
});

describe('links into the browse pages', () => {
  it('from an incident’s facts to its severity, services and year on the site’s calendar', async () => {
    const doc = await page('incidents/2023-12-31-auth-certificate/index.html');
    const hrefs = doc.querySelectorAll('.facts a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/severities/SEV3/',
        '/services/auth/',
        '/years/2023/',
        '/root-causes/network/',
      ]),
    );
    const storage = await page('incidents/2024-08-10-storage-failure/index.html');
    expect(storage.querySelectorAll('.facts a.chip').map((a) => a.getAttribute('href'))).toEqual([
      '/services/database/',
      '/services/api/',
    ]);
  });

  it('from the home page and the header', async () => {
    const doc = await page('index.html');
    const browse = doc.querySelectorAll('nav[aria-labelledby="browse"] a').map((a) => a.getAttribute('href'));
    expect(browse).toEqual(['/incidents/', '/years/', '/services/', '/severities/', '/root-causes/']);
    expect(doc.querySelector('header nav a[href="/services/"]')).not.toBeNull();
  });

  it('from the incident list, which fits on one page and has no page bar', async () => {
    const doc = await page('incidents/index.html');
    expect(incidentLinks(doc)).toHaveLength(9);
    expect(text(doc.querySelector('main .lede'))).toBe('9 postmortems, newest first.');
    expect(doc.querySelector('nav[aria-label="Years"] a[href="/years/2023/"]')).not.toBeNull();
    expect(doc.querySelector('nav.pagination')).toBeNull();
    expect(doc.querySelector('link[rel="next"]')).toBeNull();
    expect(await site.exists('incidents/page/2/index.html')).toBe(false);
  });

  it('every list is a table whose caption states its order', async () => {
    for (const file of [
      'incidents/index.html',
      'services/index.html',
      'services/api/index.html',
      'severities/index.html',
      'severities/SEV1/index.html',
      'years/index.html',
      'years/2024/index.html',
      'root-causes/index.html',
      'root-causes/hardware/index.html',
    ]) {
      const captions = (await page(file))
        .querySelectorAll('main table caption')
        .map((caption) => text(caption));
      expect(captions.length, file).toBeGreaterThan(0);
      for (const caption of captions) expect(caption, file).toMatch(/first|order/);
    }
  });

  it('none is broken', () => {
    expect(findBrokenLinks(site.outDir, { base: '/', site: 'https://hindsight.test' })).toEqual([]);
  });
});
