import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site';
import { fixtureContent, publishedIncidents } from '../helpers/fixtures';
import { describeErrors, validatorFor } from '../helpers/json-schema';
import { findBrokenLinks } from '../helpers/links';

/**
 * Similar incidents, the incidents API, link previews and the sitemap, on one build of
 * `test/fixtures/similarity/`: three expired-certificate incidents (two of them linked by their
 * authors as related), two full disks, an unrelated DNS typo and a certificate draft that must
 * not show anywhere. One build for all of it, because builds are the slow part of the suite.
 */

const content = fixtureContent('similarity');
const SITE = 'https://hindsight.test';
const CERT_2023 = '2023-03-01-api-gateway-certificate-expired';
const CERT_2024 = '2024-04-20-status-page-certificate-expired';
const CERT_2025 = '2025-02-11-api-gateway-certificate-expired-again';
const DISK_2023 = '2023-06-05-database-disk-full';
const DISK_2024 = '2024-08-14-log-disk-full';
const DNS_TYPO = '2024-07-01-dns-zone-typo';
const DRAFT = '2025-03-01-certificate-draft';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(content);
});

const page = async (file: string) => parse(await site.read(file));
const incidentPage = (id: string) => page(`incidents/${id}/index.html`);
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The incident ids a similar-incidents list links to, in order. */
const linkedIds = (list: HTMLElement | null) =>
  (list?.querySelectorAll('li > a') ?? []).map(
    (a) => a.getAttribute('href')?.match(/incidents\/([^/]+)\//)?.[1],
  );

/** The similar section: its heading, and the ids under "Before" and "Since". */
async function similarSection(id: string) {
  const doc = await incidentPage(id);
  const section = doc.querySelector('section#similar, section[aria-labelledby="similar"]');
  return {
    section,
    heading: text(section?.querySelector('h2')),
    earlier: linkedIds(section?.querySelector('ol[aria-labelledby="similar-earlier"]') ?? null),
    later: linkedIds(section?.querySelector('ol[aria-labelledby="similar-later"]') ?? null),
  };
}

describe('"This has happened before" on incident pages', () => {
  it('lists earlier incidents first, then later ones, under their own headings', async () => {
    const similar = await similarSection(CERT_2024);
    expect(similar.heading).toBe('This has happened before');
    expect(similar.earlier).toEqual([CERT_2023]);
    expect(similar.later).toEqual([CERT_2025]);
    const headings = similar.section?.querySelectorAll('h3').map((h3) => text(h3));
    expect(headings).toEqual(['Before this incident', 'Since this incident']);
  });

  it('says why each matched, with its date and severity, and keeps the section out of search', async () => {
    const { section } = await similarSection(CERT_2024);
    expect(section?.getAttribute('data-pagefind-ignore')).toBe('all');
    const item = section?.querySelector('li');
    expect(text(item?.querySelector('.similar-why'))).toMatch(/^Shares the words .*“certificate”.*“expired”/);
    expect(item?.querySelector('time')?.getAttribute('datetime')).toBe('2023-03-01T00:00:00.000Z');
    expect(text(item?.querySelector('.badge'))).toBe('SEV2');
  });

  it('names the shared category and service when there are', async () => {
    const { section } = await similarSection(DISK_2024);
    expect(text(section?.querySelector('.similar-why'))).toContain('the same root cause, Capacity');
  });

  it('calls a match that came only later a repeat', async () => {
    const similar = await similarSection(DISK_2023);
    expect(similar.heading).toBe('It happened again');
    expect(similar.earlier).toEqual([]);
    expect(similar.later).toEqual([DISK_2024]);
  });

  it('does not repeat an incident the authors listed as related, which keeps its own section', async () => {
    const similar = await similarSection(CERT_2025);
    expect(similar.earlier).toEqual([CERT_2024]);
    const doc = await incidentPage(CERT_2025);
    const related = doc.querySelectorAll('section[aria-labelledby="related"] tbody a[href*="/incidents/"]');
    expect(related.map((a) => a.getAttribute('href'))).toEqual([`/incidents/${CERT_2023}/`]);
  });

  it('shows no section for an incident like no other, and never mentions a draft', async () => {
    expect((await similarSection(DNS_TYPO)).section).toBeNull();
    for (const incident of publishedIncidents(content)) {
      expect(await site.read(`incidents/${incident.id}/index.html`)).not.toContain(DRAFT);
    }
  });

  it('links only to pages that exist, in the sitemap too', () => {
    expect(findBrokenLinks(site.outDir, { base: '/', site: SITE })).toEqual([]);
  });
});

/** The `content` of every `<meta>` with this `property` or `name`. */
const meta = (doc: HTMLElement, key: string) =>
  doc
    .querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)
    .map((element) => element.getAttribute('content'));

describe('link previews', () => {
  it('give an incident page Open Graph article metadata led by severity', async () => {
    const doc = await incidentPage(CERT_2025);
    expect(meta(doc, 'og:type')).toEqual(['article']);
    expect(meta(doc, 'og:site_name')).toEqual(['Hindsight']);
    expect(meta(doc, 'og:title')).toEqual(['SEV1 · API down again after the gateway certificate expired']);
    expect(meta(doc, 'og:url')).toEqual([`${SITE}/incidents/${CERT_2025}/`]);
    expect(meta(doc, 'og:description')).toEqual([
      "SEV1 · Critical · 40 minutes · api, auth. API clients could not connect for 40 minutes because the gateway's TLS certificate expired a second time.",
    ]);
    expect(meta(doc, 'article:published_time')).toEqual(['2025-02-11T00:40:00.000Z']);
    expect(meta(doc, 'article:section')).toEqual(['SEV1 · Critical']);
    expect(meta(doc, 'article:tag')).toEqual(['Security', 'api', 'auth']);
  });

  it('give an incident page a Twitter summary card with the same title and description', async () => {
    const doc = await incidentPage(CERT_2025);
    expect(meta(doc, 'twitter:card')).toEqual(['summary']);
    expect(meta(doc, 'twitter:title')).toEqual(meta(doc, 'og:title'));
    expect(meta(doc, 'twitter:description')).toEqual(meta(doc, 'og:description'));
  });

  it('give other pages basic Open Graph metadata, and the 404 page no address', async () => {
    const list = await page('incidents/index.html');
    expect(meta(list, 'og:type')).toEqual(['website']);
    expect(meta(list, 'og:url')).toEqual([`${SITE}/incidents/`]);
    expect(meta(list, 'og:title')[0]).toBeTruthy();
    expect(meta(list, 'article:section')).toEqual([]);
    const notFound = await page('404.html');
    expect(meta(notFound, 'og:url')).toEqual([]);
    expect(meta(notFound, 'og:title')).toEqual(['Page not found']);
  });
});

describe('sitemap', () => {
  it('lists the home page and every published incident, but not the 404 page, drafts, the feed or data', async () => {
    expect(await site.read('sitemap-index.xml')).toContain(`<loc>${SITE}/sitemap-0.xml</loc>`);
    const locs = [...(await site.read('sitemap-0.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${SITE}/`);
    for (const incident of publishedIncidents(content))
      expect(locs).toContain(`${SITE}/incidents/${incident.id}/`);
    expect(locs.filter((loc) => /404|\.xml$|\.json$|\.txt$/.test(loc ?? ''))).toEqual([]);
    expect(locs.join('\n')).not.toContain(DRAFT);
  });
});

describe('feed', () => {
  it('keeps every published incident, with severity, root cause and services as categories', async () => {
    const xml = await site.read('rss.xml');
    const links = [...xml.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((m) => m[1]);
    expect(links).toEqual(publishedIncidents(content).map((incident) => `${SITE}/incidents/${incident.id}/`));
    const item = xml.match(
      new RegExp(`<item>(?:(?!</item>).)*${CERT_2025}(?:(?!</item>).)*</item>`, 's'),
    )?.[0];
    const categories = [...(item ?? '').matchAll(/<category>([^<]+)<\/category>/g)].map((m) => m[1]);
    expect(categories).toEqual(['SEV1', 'security', 'api', 'auth']);
  });
});

describe('/api/incidents.json', () => {
  const json = async (file: string) => JSON.parse(await site.read(file)) as unknown;

  it('validates against /api/incidents.schema.json', async () => {
    const validate = validatorFor((await json('api/incidents.schema.json')) as object);
    const valid = validate(await json('api/incidents.json'));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('lists every published incident once, newest first, with its page and computed minutes', async () => {
    const { incidents } = (await json('api/incidents.json')) as { incidents: Record<string, unknown>[] };
    expect(incidents.map((incident) => incident['id'])).toEqual(publishedIncidents(content).map((i) => i.id));
    const again = incidents.find((incident) => incident['id'] === CERT_2025);
    expect(again).toMatchObject({
      url: `${SITE}/incidents/${CERT_2025}/`,
      severity: 'SEV1',
      startedAt: '2025-02-11T00:00:00.000Z',
      related: [CERT_2023],
      durationMinutes: 40,
      timeToDetectMinutes: 5,
      timeToMitigateMinutes: null,
    });
  });

  it('describes this site’s taxonomy in the schema', async () => {
    const schema = (await json('api/incidents.schema.json')) as {
      properties: { incidents: { items: { properties: { severity: { enum: string[] } } } } };
    };
    expect(schema.properties.incidents.items.properties.severity.enum).toEqual([
      'SEV1',
      'SEV2',
      'SEV3',
      'SEV4',
    ]);
  });
});

describe('recurring causes', () => {
  /** The groups of a "Recurring causes" section: each title and its incident ids, in order. */
  async function recurringGroups(file: string) {
    const doc = await page(file);
    const section = doc.querySelector('section.recurring');
    return {
      section,
      groups: (section?.querySelectorAll('article.recurring-group') ?? []).map((group) => ({
        title: text(group.querySelector('h3, h4, h5')),
        ids: linkedIds(group.querySelector('ul')),
      })),
    };
  }

  it('groups the incidents whose causes read alike on /insights/, largest group first', async () => {
    const { section, groups } = await recurringGroups('insights/index.html');
    expect(section).not.toBeNull();
    expect(groups.map((group) => group.ids)).toEqual([
      [CERT_2025, CERT_2024, CERT_2023],
      [DISK_2024, DISK_2023],
    ]);
    expect(groups[0]?.title).toMatch(/^3 incidents: .*“certificate”/);
    // The DNS typo is like nothing else, and the draft is not published.
    expect(groups.flatMap((group) => group.ids)).not.toContain(DNS_TYPO);
    expect(groups.flatMap((group) => group.ids)).not.toContain(DRAFT);
  });

  it('shows a root-cause page only the groups with an incident of that category', async () => {
    const capacity = await recurringGroups('root-causes/capacity/index.html');
    expect(capacity.groups.map((group) => group.ids)).toEqual([[DISK_2024, DISK_2023]]);

    const config = await recurringGroups('root-causes/config-change/index.html');
    expect(config.groups).toEqual([]);
    expect(text(config.section)).toContain('No cause has recurred in this category yet');
  });
});
