import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tryBuildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent } from '../helpers/fixtures';
import { findBrokenLinks } from '../helpers/links';
import { loadIndex, type LoadedIndex } from '../helpers/pagefind';

/**
 * One source, two audiences: `test/fixtures/visibility/` built for the internal audience (the
 * default) and with `HINDSIGHT_AUDIENCE=public`.
 *
 * | postmortem                                    | visibility       | sev  | root cause    | services                   | related to            |
 * | --------------------------------------------- | ---------------- | ---- | ------------- | -------------------------- | --------------------- |
 * | 2022-10-30-kestrelvault-certificate-expired   | internal         | SEV2 | time          | admin-console, status-page | (similar to P2)       |
 * | 2023-04-11-checkout-payment-provider-timeouts | public (P1)      | SEV2 | dependency    | checkout, billing          | quartzmoth            |
 * | 2023-09-14-quartzmoth-ledger-payment-timeouts | internal         | SEV1 | dependency    | billing, ledger            | P1                    |
 * | 2024-02-19-status-page-certificate-expired    | public (P2, MDX) | SEV3 | time          | status-page                | P3                    |
 * | 2025-01-27-brambleway-route-map-build-farm    | unset: internal  | SEV4 | config-change | dns, build-farm            | P3                    |
 * | 2025-06-03-dns-anycast-route-withdrawn        | public (P3)      | SEV1 | network       | dns, checkout              | P2, brambleway        |
 * | 2025-07-01-cdn-purge-public-draft             | public, draft    | SEV3 | config-change | cdn                        |                       |
 *
 * Open tasks: P1 1, P2 1, P3 1 (in progress), quartzmoth 2, brambleway 1, kestrelvault none.
 * P2's body has an `<Internal>` block. Both builds are as of 1 July 2025.
 */

const content = fixtureContent('visibility');
const SITE = 'https://hindsight.test';
const REPOSITORY = 'https://github.com/acme/postmortems';

const P1 = '2023-04-11-checkout-payment-provider-timeouts';
const P2 = '2024-02-19-status-page-certificate-expired';
const P3 = '2025-06-03-dns-anycast-route-withdrawn';
const KESTRELVAULT = '2022-10-30-kestrelvault-certificate-expired';
const QUARTZMOTH = '2023-09-14-quartzmoth-ledger-payment-timeouts';
const BRAMBLEWAY = '2025-01-27-brambleway-route-map-build-farm';
const DRAFT = '2025-07-01-cdn-purge-public-draft';

const PUBLIC = [P3, P2, P1];
const INTERNAL = [KESTRELVAULT, QUARTZMOTH, BRAMBLEWAY];

/**
 * What must never be in a public build, in any file: the internal postmortems' ids, titles and
 * distinctive words, the draft, the services only they name, the `<Internal>` passage of P2, the
 * internal-only fields of the public ones (authors, task owners, ticket links) and the
 * repository the postmortems live in.
 */
const NEVER_PUBLIC = [
  ...INTERNAL,
  DRAFT,
  'Kestrelvault intermediate certificate expired on the admin console',
  'Quartzmoth ledger replica stalled payment capture for enterprise accounts',
  "Brambleway route-map change withdrew the build farm's office prefixes",
  'Quartzmoth',
  'Kestrelvault',
  'Brambleway',
  'Wrenfield',
  'Fenwick Holdings',
  'Harrowgate',
  'ledger',
  'admin-console',
  'build-farm',
  'Larkspur',
  'sp-edge-07',
  'Marisol Quennell',
  'Tobiah Frankwell',
  'Ines Galloway-Park',
  'Oriel Vantongeren',
  'Tamsin Oyelaran-Frost',
  'Ysolde Marchbanks',
  'tracker.visibility.test',
  'github.com/acme',
];

const options = (audience: 'internal' | 'public') => ({
  config: { organization: 'Visibility Test Org', repository: { url: REPOSITORY } },
  env: { HINDSIGHT_AUDIENCE: audience, SOURCE_DATE_EPOCH: String(Date.UTC(2025, 6, 1) / 1000) },
});

let internal: BuiltSite;
let publicSite: BuiltSite;

beforeAll(async () => {
  internal = await buildSite(content, options('internal'));
  publicSite = await buildSite(content, options('public'));
});

const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const page = async (site: BuiltSite, file: string) => parse(await site.read(file));
const json = async <T>(site: BuiltSite, file: string) => JSON.parse(await site.read(file)) as T;

/** The rows of the first table in `main` as the text of their cells, row header first. */
const rows = (doc: HTMLElement) =>
  (doc.querySelector('main table')?.querySelectorAll('tbody tr') ?? []).map((tr) =>
    tr.querySelectorAll('th, td').map((cell) => text(cell)),
  );

/** The column headers of a table. */
const columns = (table: HTMLElement | null | undefined) =>
  (table?.querySelectorAll('thead th') ?? []).map((th) => text(th));

/** The home page's totals as `{ label: value }`. */
const stats = (doc: HTMLElement) =>
  Object.fromEntries(
    doc
      .querySelectorAll('dl.stats > div')
      .map((div) => [text(div.querySelector('dt')), text(div.querySelector('dd'))]),
  );

/** The ids of the incident pages a build has. */
const incidentPages = (site: BuiltSite) =>
  fs
    .readdirSync(path.join(site.outDir, 'incidents'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'page')
    .map((entry) => entry.name)
    .sort();

/** The incident ids a page links to, in order. */
const linkedIncidents = (doc: HTMLElement, scope = 'main') =>
  doc
    .querySelectorAll(`${scope} a[href^="/incidents/"]`)
    .map((a) => /^\/incidents\/([^/]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1])
    .filter((id): id is string => id !== undefined && id !== 'page');

/** Every file of a build as text, the search index's compressed files decompressed. */
function filesOf(site: BuiltSite): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(site.outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes = fs.readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
    files.set(path.relative(site.outDir, file), bytes.toString('utf8'));
  }
  return files;
}

describe('a public build', () => {
  it('has a page for exactly the public postmortems that are not drafts', () => {
    expect(incidentPages(publicSite)).toEqual([...PUBLIC].sort());
    expect(incidentPages(internal)).toEqual([...PUBLIC, ...INTERNAL].sort());
  });

  it('carries nothing of an internal postmortem or an internal-only field in any file, search index included', () => {
    const files = filesOf(publicSite);
    expect(files.size).toBeGreaterThan(40);
    expect([...files.keys()].some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    const found = [...files].flatMap(([file, body]) =>
      NEVER_PUBLIC.filter((phrase) => body.toLowerCase().includes(phrase.toLowerCase())).map(
        (phrase) => `${file}: ${phrase}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('has no broken links, and links only to public incident pages', async () => {
    expect(findBrokenLinks(publicSite.outDir, { site: SITE })).toEqual([]);
    for (const [file, body] of filesOf(publicSite)) {
      if (!file.endsWith('.html')) continue;
      for (const id of linkedIncidents(parse(body), 'html'))
        expect(PUBLIC, `${file} links to ${id}`).toContain(id);
    }
  });

  it('counts only the public postmortems on the home page and the browse pages', async () => {
    const home = await page(publicSite, 'index.html');
    expect(stats(home)).toEqual({
      Incidents: '3',
      'Services affected': '4',
      'Total time in incident': '5 hours 45 minutes',
      'Open follow-up tasks': '3',
    });
    expect(linkedIncidents(home)).toEqual(PUBLIC);
    expect(text(home.querySelector('.lede'))).toMatch(/^The postmortems we publish, searchable/);
    expect(text(home.querySelector('a[href="/incidents/"]:not(nav a)'))).toBe('All 3 incidents →');

    expect(linkedIncidents(await page(publicSite, 'incidents/index.html'))).toEqual(PUBLIC);
    expect(rows(await page(publicSite, 'services/index.html')).map((row) => [row[0], row[1]])).toEqual([
      ['checkout', '2'],
      ['billing', '1'],
      ['dns', '1'],
      ['status-page', '1'],
    ]);
    expect(rows(await page(publicSite, 'severities/index.html')).map((row) => row[2])).toEqual([
      '1',
      '1',
      '1',
      '0',
    ]);
    expect(rows(await page(publicSite, 'years/index.html')).map((row) => [row[0], row[1]])).toEqual([
      ['2025', '1'],
      ['2024', '1'],
      ['2023', '1'],
    ]);
    const causes = Object.fromEntries(
      rows(await page(publicSite, 'root-causes/index.html')).map((row) => [row[0], row[2]]),
    );
    expect(causes).toMatchObject({
      'Third-party dependency': '1',
      'Time and dates': '1',
      Network: '1',
      'Configuration change': '0',
    });
    expect(await publicSite.exists('years/2022/index.html')).toBe(false);
    expect(await publicSite.exists('services/ledger/index.html')).toBe(false);
    expect(
      linkedIncidents(await page(publicSite, 'root-causes/dependency/index.html'), 'main tbody'),
    ).toEqual([P1]);
    expect(linkedIncidents(await page(publicSite, 'services/dns/index.html'), 'main tbody')).toEqual([P3]);
  });

  it('computes insights and their JSON from the public postmortems alone', async () => {
    const insights = await json<{
      generatedFrom: { incidents: number; firstStartedAt: string };
      followUp: { openTasks: number };
      incidentsPerMonth: { month: string; total: number }[];
      timeToResolve: { all: { count: number; median: number } };
    }>(publicSite, 'api/insights.json');
    expect(insights.generatedFrom.incidents).toBe(3);
    expect(insights.generatedFrom.firstStartedAt).toBe('2023-04-11T13:00:00.000Z');
    expect(insights.followUp.openTasks).toBe(3);
    expect(insights.incidentsPerMonth.filter((month) => month.total > 0).map((month) => month.month)).toEqual(
      ['2023-04', '2024-02', '2025-06'],
    );
    // 95, 180 and 70 minutes.
    expect(insights.timeToResolve.all).toMatchObject({ count: 3, median: 95 });
  });

  it('serves only the public postmortems in the incidents JSON, without internal-only fields or internal related ids', async () => {
    const { incidents } = await json<{ incidents: Record<string, unknown>[] }>(
      publicSite,
      'api/incidents.json',
    );
    expect(incidents.map((incident) => incident['id'])).toEqual(PUBLIC);
    for (const incident of incidents) {
      expect(incident).not.toHaveProperty('authors');
      expect(incident['visibility']).toBe('public');
      for (const task of incident['tasks'] as Record<string, unknown>[]) {
        expect(task).not.toHaveProperty('owner');
        expect(task).not.toHaveProperty('link');
      }
    }
    const byId = new Map(incidents.map((incident) => [incident['id'], incident]));
    expect(byId.get(P1)).not.toHaveProperty('related');
    expect(byId.get(P3)?.['related']).toEqual([P2]);
  });

  it('lists only the public postmortems in the feed, the sitemap and the search index', async () => {
    const feed = await publicSite.read('rss.xml');
    expect([...feed.matchAll(/<link>[^<]*\/incidents\/([^/]+)\/<\/link>/g)].map((match) => match[1])).toEqual(
      PUBLIC,
    );
    const sitemap = await publicSite.read('sitemap-0.xml');
    expect([...sitemap.matchAll(/\/incidents\/([^/<]+)\/</g)].map((match) => match[1]).sort()).toEqual(
      [...PUBLIC].sort(),
    );
    let index: LoadedIndex | undefined;
    try {
      index = await loadIndex(publicSite.outDir);
      expect([...(await index.fragments()).keys()].sort()).toEqual(
        PUBLIC.map((id) => `/incidents/${id}/`).sort(),
      );
      expect(await index.urls('Quartzmoth')).toEqual([]);
      expect(await index.urls('Larkspur')).toEqual([]);
    } finally {
      await index?.close();
    }
  });

  it('shows related and similar incidents only among the public postmortems', async () => {
    const p1 = await page(publicSite, `incidents/${P1}/index.html`);
    expect(p1.querySelector('section[aria-labelledby="related"]')).toBeNull();
    const p3 = await page(publicSite, `incidents/${P3}/index.html`);
    expect(linkedIncidents(p3, 'section[aria-labelledby="related"]')).toEqual([P2]);
    const p2 = await page(publicSite, `incidents/${P2}/index.html`);
    expect(linkedIncidents(p2, 'section[aria-labelledby="related"]')).toEqual([P3]);
    // Internally P2 is most like the Kestrelvault expiry; publicly nothing is like it.
    expect(linkedIncidents(p2, 'section[aria-labelledby="similar"]')).toEqual([]);
  });

  it('leaves out the <Internal> block, the authors, task owners and ticket links, and the repository links', async () => {
    const p2 = await page(publicSite, `incidents/${P2}/index.html`);
    expect(p2.querySelector('.internal-only')).toBeNull();
    expect(text(p2.querySelector('.write-up'))).toBe(
      'At midnight UTC the status page’s certificate expired. Browsers showed a warning instead of the page, so during those hours customers could not read our status updates. We issued a new certificate by hand, then moved renewal to the same automation every other site of ours uses.',
    );
    const p1 = await page(publicSite, `incidents/${P1}/index.html`);
    expect(text(p1.querySelector('footer.meta'))).toBe('');
    expect(p1.querySelectorAll('a').map((a) => text(a))).not.toContain('Edit this postmortem');
    const tasks = p1.querySelector('section[aria-labelledby="tasks"] table');
    expect(text(tasks)).toContain('Retry timed-out charges with exponential backoff');
    expect(tasks?.querySelectorAll('a[href^="https://"]')).toEqual([]);
    expect(columns(tasks)).toEqual(['Task', 'Type', 'Due', 'Status']);
  });

  it('drops the owner and ticket columns and the figures per owner, rather than calling every task unassigned', async () => {
    const actionItems = await page(publicSite, 'action-items/index.html');
    expect(columns(actionItems.querySelector('table.action-items'))).toEqual([
      'Task',
      'Incident',
      'Due',
      'Type',
      'Status',
    ]);
    expect(actionItems.querySelector('#by-owner')).toBeNull();
    expect(text(actionItems.querySelector('dl.stats'))).not.toContain('unassigned');
    expect(text(actionItems.querySelector('main'))).not.toMatch(/Unassigned|Oriel|Ysolde|Tamsin/);
  });

  it('gives incident pages link previews of public postmortems only', async () => {
    const p3 = await page(publicSite, `incidents/${P3}/index.html`);
    const meta = (property: string) =>
      p3.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
    expect(meta('og:url')).toBe(`${SITE}/incidents/${P3}/`);
    expect(meta('og:title')).toContain('DNS lookups failed in Europe');
  });

  it('says in the header and the footer that it is the public site', async () => {
    const home = await page(publicSite, 'index.html');
    expect(text(home.querySelector('.site-header .audience-label'))).toBe('Public site');
    expect(text(home.querySelector('.site-header .brand'))).toBe('Hindsight');
    expect(text(home.querySelector('.site-footer .audience-note'))).toBe(
      'Public site: these postmortems are published for anyone to read.',
    );
  });
});

describe('the writing guide', () => {
  const navLabels = async (site: BuiltSite) =>
    (await page(site, 'index.html')).querySelectorAll('.site-header nav a').map((link) => text(link));

  it('is for authors, so only the internal site has it and links to it', async () => {
    expect(await internal.exists('guide/index.html')).toBe(true);
    expect(await navLabels(internal)).toContain('Guide');
    expect(await publicSite.exists('guide/index.html')).toBe(false);
    expect(await navLabels(publicSite)).not.toContain('Guide');
    expect(await navLabels(publicSite)).toContain('Search');
  });
});

describe('an internal build', () => {
  it('shows every published postmortem in lists, counts and insights', async () => {
    const home = await page(internal, 'index.html');
    expect(stats(home)).toEqual({
      Incidents: '6',
      'Services affected': '7',
      'Total time in incident': '13 hours 45 minutes',
      'Open follow-up tasks': '6',
    });
    expect(linkedIncidents(await page(internal, 'incidents/index.html'))).toEqual([
      P3,
      BRAMBLEWAY,
      P2,
      QUARTZMOTH,
      P1,
      KESTRELVAULT,
    ]);
    expect(rows(await page(internal, 'severities/index.html')).map((row) => row[2])).toEqual([
      '2',
      '2',
      '1',
      '1',
    ]);
    expect(rows(await page(internal, 'years/index.html')).map((row) => row[0])).toEqual([
      '2025',
      '2024',
      '2023',
      '2022',
    ]);
    const insights = await json<{ generatedFrom: { incidents: number }; followUp: { openTasks: number } }>(
      internal,
      'api/insights.json',
    );
    expect(insights.generatedFrom.incidents).toBe(6);
    expect(insights.followUp.openTasks).toBe(6);
    const { incidents } = await json<{ incidents: { id: string }[] }>(internal, 'api/incidents.json');
    expect(incidents.map((incident) => incident.id)).toHaveLength(6);
    expect(await internal.read('rss.xml')).toContain(QUARTZMOTH);
  });

  it('links public and internal postmortems to each other', async () => {
    const p1 = await page(internal, `incidents/${P1}/index.html`);
    expect(linkedIncidents(p1, 'section[aria-labelledby="related"]')).toEqual([QUARTZMOTH]);
    const p2 = await page(internal, `incidents/${P2}/index.html`);
    expect(linkedIncidents(p2, 'section[aria-labelledby="similar"]')).toEqual([KESTRELVAULT]);
  });

  it('shows the <Internal> block marked as internal, the authors, owners and repository links', async () => {
    const p2 = await page(internal, `incidents/${P2}/index.html`);
    const block = p2.querySelector('.write-up aside.internal-only');
    expect(block?.getAttribute('aria-label')).toBe('Internal only');
    expect(text(block?.querySelector('.internal-only-label'))).toBe('Internal only');
    expect(text(block)).toContain('The renewal cron ran on sp-edge-07 under the Larkspur service account');
    const p1 = await page(internal, `incidents/${P1}/index.html`);
    const meta = p1.querySelector('footer.meta');
    expect(text(meta?.querySelector('p'))).toBe('Written by Marisol Quennell.');
    expect(meta?.querySelectorAll('a').map((a) => [text(a), a.getAttribute('href')])).toEqual([
      [
        'Edit this postmortem',
        `${REPOSITORY}/edit/main/test/fixtures/visibility/content/postmortems/${P1}.md`,
      ],
      ['History', `${REPOSITORY}/commits/main/test/fixtures/visibility/content/postmortems/${P1}.md`],
    ]);
    expect(p1.querySelector('a[href="https://tracker.visibility.test/PAY-4411"]')).not.toBeNull();
    const tasks = p1.querySelector('section[aria-labelledby="tasks"] table');
    expect(columns(tasks)).toEqual(['Task', 'Type', 'Owner', 'Due', 'Status']);
    expect(text(tasks)).toContain('Oriel Vantongeren');
    const actionItems = await page(internal, 'action-items/index.html');
    expect(columns(actionItems.querySelector('table.action-items'))).toContain('Owner');
    expect(actionItems.querySelector('#by-owner')).not.toBeNull();
  });

  it('says in the header and the footer that it is the internal site', async () => {
    const home = await page(internal, 'index.html');
    expect(text(home.querySelector('.site-header .audience-label'))).toBe('Internal site');
    expect(text(home.querySelector('.site-footer .audience-note'))).toBe(
      'Internal site: do not share outside Visibility Test Org.',
    );
  });
});

describe('<Internal> in a .md postmortem', () => {
  it('stops the build, naming the file and line, since Markdown would show the block to everyone', async () => {
    const result = await tryBuildSite(fixtureContent('visibility-markdown'), {
      env: { HINDSIGHT_AUDIENCE: 'public' },
    });
    expect(result).toHaveProperty('code');
    // The content check, which runs before anything renders, names the file at the tag's line.
    expect(result.output).toContain('2024-05-01-internal-tag-in-markdown.md:18:1');
    expect(result.output).toContain(
      '<Internal> works only in .mdx postmortems: a .md file shows it as plain HTML to every reader, public builds included. Rename the file to .mdx, or take the tag out.',
    );
  });
});
