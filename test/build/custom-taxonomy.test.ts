import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site';
import { countBy, fixtureContent, publishedIncidents, taxonomyFile } from '../helpers/fixtures';
import { loadIndex, type LoadedIndex } from '../helpers/pagefind';
import { builtFacets } from '../search/built-facets';

/**
 * A team that renamed every taxonomy id: severities P1..P4 with their own labels and root
 * causes such as `vendor-outage` (`test/fixtures/custom-taxonomy/content/`). The built pages,
 * the search page's labels and the Pagefind filters must all follow the team's files; every
 * expectation is computed from the fixture's files.
 */
const content = fixtureContent('custom-taxonomy');
const severities = taxonomyFile(content, 'severities.yaml');
const rootCauses = taxonomyFile(content, 'root-causes.yaml');
const incidents = publishedIncidents(content);
const samples = fixtureContent('e2e');

const severityOf = (id: string) => severities.find((entry) => entry.id === id);
const rootCauseOf = (id: string) => rootCauses.find((entry) => entry.id === id);
const inCategory = (id: string) => incidents.filter((incident) => incident.data.rootCause.category === id);
const incidentHref = (id: string) => `/incidents/${id}/`;

let site: BuiltSite;
let index: LoadedIndex;

beforeAll(async () => {
  site = await buildSite(content);
  index = await loadIndex(site.outDir);
});

afterAll(() => index?.close());

const page = async (file: string) => parse(await site.read(file));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the fixture', () => {
  it('shares no id with the sample taxonomy', () => {
    for (const file of ['severities.yaml', 'root-causes.yaml'] as const) {
      const sampleIds = new Set(taxonomyFile(samples, file).map((entry) => entry.id));
      const ids = taxonomyFile(content, file).map((entry) => entry.id);
      expect(ids.length, file).toBeGreaterThan(0);
      expect(
        ids.filter((id) => sampleIds.has(id)),
        file,
      ).toEqual([]);
    }
  });

  it('publishes incidents under several categories and severities, and leaves one of each unused', () => {
    const used = new Set(incidents.map((incident) => incident.data.rootCause.category));
    expect(used.size).toBeGreaterThanOrEqual(3);
    expect(rootCauses.some((entry) => !used.has(entry.id))).toBe(true);
    const severitiesUsed = new Set(incidents.map((incident) => incident.data.severity));
    expect(severitiesUsed.size).toBeGreaterThanOrEqual(2);
    expect(severities.some((entry) => !severitiesUsed.has(entry.id))).toBe(true);
  });
});

describe('incident pages', () => {
  it.each(incidents.map((incident) => [incident.id, incident] as const))(
    '%s shows its severity label and links its root cause',
    async (id, incident) => {
      const doc = await page(`incidents/${id}/index.html`);
      const fact = (label: string) =>
        doc.querySelectorAll('.facts dt').find((dt) => text(dt) === label)?.nextElementSibling;
      const severity = severityOf(incident.data.severity);
      expect(text(fact('Severity'))).toBe(severity?.label);
      expect(fact('Severity')?.querySelector('.badge')?.getAttribute('title')).toBe(severity?.description);
      const category = fact('Root cause')?.querySelector('a');
      expect(category?.getAttribute('href')).toBe(`/root-causes/${incident.data.rootCause.category}/`);
      expect(text(category)).toBe(rootCauseOf(incident.data.rootCause.category)?.label);
    },
  );

  it('are built for published incidents only', async () => {
    const list = await page('incidents/index.html');
    const links = list
      .querySelectorAll('main table tbody a[href^="/incidents/"]')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(incidents.map((incident) => incidentHref(incident.id)));
  });
});

describe('incident list', () => {
  it('shows each severity id with its shade by rank in severities.yaml and its description', async () => {
    const list = await page('incidents/index.html');
    const rows = list.querySelectorAll('main table tbody tr').map((row) => ({
      href: row.querySelector('a[href^="/incidents/"]')?.getAttribute('href'),
      badge: text(row.querySelector('.badge')),
      shade: row.querySelector('.badge')?.classList.value.find((name) => name.startsWith('sev-')),
      title: row.querySelector('.badge')?.getAttribute('title'),
      cause: row.querySelector('a[href^="/root-causes/"]'),
    }));
    expect(rows).toHaveLength(incidents.length);
    for (const row of rows) {
      const incident = incidents.find((i) => incidentHref(i.id) === row.href);
      expect(incident, `row ${row.href}`).toBeDefined();
      if (!incident) continue;
      const rank = severities.findIndex((entry) => entry.id === incident.data.severity) + 1;
      expect(row.badge).toBe(incident.data.severity);
      expect(row.shade).toBe(`sev-${Math.min(rank, 4)}`);
      expect(row.title).toBe(severityOf(incident.data.severity)?.description);
      expect(row.cause?.getAttribute('href')).toBe(`/root-causes/${incident.data.rootCause.category}/`);
      expect(text(row.cause)).toBe(rootCauseOf(incident.data.rootCause.category)?.label);
    }
  });
});

describe('root-cause pages', () => {
  it('list every category of root-causes.yaml in file order with its count, zero included', async () => {
    const doc = await page('root-causes/index.html');
    const rows = doc.querySelectorAll('main tbody tr').map((row) => ({
      label: text(row.querySelector('th a')),
      href: row.querySelector('th a')?.getAttribute('href'),
      count: Number(text(row.querySelector('.count'))),
    }));
    expect(rows).toEqual(
      rootCauses.map((entry) => ({
        label: entry.label,
        href: `/root-causes/${entry.id}/`,
        count: inCategory(entry.id).length,
      })),
    );
  });

  it.each(rootCauses.map((entry) => [entry.id, entry] as const))(
    'give %s a page with its label and its incidents, newest first',
    async (id, entry) => {
      const doc = await page(`root-causes/${id}/index.html`);
      expect(text(doc.querySelector('h1'))).toBe(entry.label);
      const links = doc
        .querySelectorAll('main tbody a[href^="/incidents/"]')
        .map((a) => a.getAttribute('href'));
      expect(links).toEqual(inCategory(id).map((incident) => incidentHref(incident.id)));
      if (links.length === 0)
        expect(text(doc.querySelector('main'))).toContain(
          `No incidents have been filed under ${entry.label} yet.`,
        );
      else expect(doc.querySelector(`a[href="/search/?rootCause=${id}"]`)).not.toBeNull();
    },
  );

  it('are not built for the sample categories', async () => {
    for (const entry of taxonomyFile(samples, 'root-causes.yaml'))
      expect(await site.exists(`root-causes/${entry.id}/index.html`), entry.id).toBe(false);
  });

  it('are what the home page links its most common root causes to', async () => {
    const doc = await page('index.html');
    const chips = doc.querySelectorAll('main a.chip').map((a) => ({
      href: a.getAttribute('href'),
      text: text(a),
    }));
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) {
      const id = chip.href?.match(/^\/root-causes\/([^/]+)\/$/)?.[1] ?? '';
      expect(chip.text).toBe(`${rootCauseOf(id)?.label} (${inCategory(id).length})`);
    }
  });
});

describe('search', () => {
  it('gives the search page the taxonomy labels for facets and results', async () => {
    const doc = await page('search/index.html');
    const labels = JSON.parse(doc.querySelector('[data-search]')?.getAttribute('data-labels') ?? 'null');
    expect(labels).toEqual({
      rootCauses: rootCauses.map(({ id, label }) => ({ id, label })),
      severities: severities.map(({ id, label }) => ({ id, label })),
    });
  });

  it('indexes the root-cause and severity ids as filter values, with their counts', async () => {
    const filters = (await builtFacets(site.outDir, index)).data.totals;
    expect(filters['rootCause']).toEqual(countBy(incidents, (i) => [i.data.rootCause.category]));
    expect(filters['severity']).toEqual(countBy(incidents, (i) => [i.data.severity]));
  });

  it('tags each incident with its own ids', async () => {
    const fragments = await index.fragments();
    const { byUrl } = await builtFacets(site.outDir, index);
    expect([...fragments.keys()].sort()).toEqual(incidents.map((i) => incidentHref(i.id)).sort());
    for (const incident of incidents) {
      const fragment = fragments.get(incidentHref(incident.id));
      expect(byUrl.get(incidentHref(incident.id))?.rootCause).toEqual([incident.data.rootCause.category]);
      expect(byUrl.get(incidentHref(incident.id))?.severity).toEqual([incident.data.severity]);
      expect(fragment?.meta['severity']).toBe(incident.data.severity);
    }
  });

  it.each(rootCauses.map((entry) => entry.id))('filters by the %s root cause', async (id) => {
    const { byUrl } = await builtFacets(site.outDir, index);
    const urls = [...byUrl].filter(([, values]) => values.rootCause?.includes(id)).map(([url]) => url);
    expect(urls.sort()).toEqual(
      inCategory(id)
        .map((incident) => incidentHref(incident.id))
        .sort(),
    );
  });

  it('finds an incident by words of its custom root-cause label', async () => {
    for (const entry of rootCauses.filter((e) => inCategory(e.id).length > 0)) {
      const expected = inCategory(entry.id).map((incident) => incidentHref(incident.id));
      const top = (await index.urls(entry.label)).slice(0, expected.length);
      expect(top.sort(), entry.label).toEqual(expected.sort());
    }
  });
});

describe('feed', () => {
  it('prefixes each title with its severity id', async () => {
    const xml = await site.read('rss.xml');
    const titles = [...xml.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(incidents.map((incident) => `[${incident.data.severity}] ${incident.data.title}`));
  });
});
