import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readDurations,
  readFacetData,
  type DurationsFile,
  type FacetFile,
} from '../../src/lib/search/facet-data';
import { RANKING } from '../../src/lib/search/ranking';
import { SEARCH_WORDS_ID } from '../../src/lib/search/record';
import { bodyOnlyMatch, proseExcerpt } from '../../src/lib/search/results';
import { buildSearchIndex, CHUNK_SIZE_ENV, INDEX_CHUNK_SIZE } from '../../src/integrations/pagefind';
import { buildSite, testTempDir, type BuiltSite } from '../helpers/build-site';
import { loadIndex, type LoadedIndex, type PagefindFragment } from '../helpers/pagefind';
import { fixtureContent, taxonomy } from '../search/incidents';

/**
 * Builds the fixture site (four visible incidents and a draft) with the real `astro build`,
 * then loads the Pagefind index it wrote through Pagefind's own `pagefind.js`, as the search
 * page does, and checks it holds exactly the published incidents, with the facet data the page
 * filters, counts and sorts with.
 */

const INCIDENTS = {
  disk: '/incidents/2024-03-02-storage-node-disk-failure/',
  cache: '/incidents/2024-07-19-cache-stampede/',
  certificate: '/incidents/2023-11-30-expired-certificate-api/',
  config: '/incidents/2025-02-10-rate-limit-config-push/',
};

let site: BuiltSite;
let index: LoadedIndex;
let pagefind: LoadedIndex['pagefind'];

beforeAll(async () => {
  site = await buildSite(fixtureContent);
  index = await loadIndex(site.outDir);
  pagefind = index.pagefind;
});

afterAll(() => index?.close());

const urls = (term: string | null, options: object = {}) => index.urls(term, options);

/** The facet data the build wrote, read against Pagefind's unfiltered search as the page does. */
async function facetData() {
  const { results } = await pagefind.search(null);
  const ids = results.map((result) => (result as unknown as { id: string }).id);
  return readFacetData(JSON.parse(await site.read('pagefind/facets.json')) as FacetFile, ids);
}

describe('the build', () => {
  it('writes the index in the same step, and says how many pages it indexed', async () => {
    expect(await site.exists('pagefind/pagefind.js')).toBe(true);
    expect(site.output).toMatch(/Indexed 4 incident pages for search/);
  });

  it('marks only incident pages as searchable content', async () => {
    const incident = parse(await site.read('incidents/2024-03-02-storage-node-disk-failure/index.html'));
    expect(incident.querySelectorAll('[data-pagefind-body]')).toHaveLength(1);
    expect(incident.querySelector('article')?.hasAttribute('data-pagefind-body')).toBe(true);
    expect(incident.querySelector('.site-header')?.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(incident.querySelector('.site-footer')?.getAttribute('data-pagefind-ignore')).toBe('all');
    for (const file of [
      'index.html',
      'search/index.html',
      'root-causes/index.html',
      'incidents/index.html',
    ]) {
      expect(await site.read(file), file).not.toContain('data-pagefind-body');
    }
  });

  it('weights the root cause above body text, as RANKING says', async () => {
    const doc = parse(await site.read('incidents/2024-03-02-storage-node-disk-failure/index.html'));
    const weighted = doc
      .querySelectorAll('.root-cause [data-pagefind-weight]')
      .map((el) => [el.getAttribute('data-pagefind-weight'), el.textContent.trim().slice(0, 30)]);
    const weights = RANKING.rootCauseWeights;
    expect(weighted).toEqual([
      [String(weights.category), 'Hardware'],
      [String(weights.summary), 'A disk failure in storage node'],
      [String(weights.trigger), 'The disk stopped answering aft'],
      [String(weights.contributingFactors), 'The cluster ran with the minim'],
    ]);
    expect(Math.min(...Object.values(weights))).toBeGreaterThan(1);
  });
});

describe('the index', () => {
  it('holds exactly one record per published or in-review incident, and no draft', async () => {
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([4]);
    const all = await urls(null);
    expect(all).toHaveLength(4);
    expect(new Set(all)).toEqual(new Set(Object.values(INCIDENTS)));
  });

  it("writes facet data that Pagefind's unfiltered search lines up with, newest first", async () => {
    const data = await facetData();
    expect(data.ids).toHaveLength(4);
    expect(data.totals).toEqual({
      rootCause: { hardware: 1, 'software-bug': 1, security: 1, 'config-change': 1 },
      services: { storage: 1, uploads: 1, web: 1, cache: 1, api: 2, auth: 1 },
      severity: { SEV1: 1, SEV2: 1, SEV3: 1, SEV4: 1 },
      year: { '2023': 1, '2024': 2, '2025': 1 },
      followUp: { open: 2, closed: 2 },
    });
    // search(null) lists pages in the order the build added them: newest first.
    expect(await urls(null)).toEqual([
      INCIDENTS.config,
      INCIDENTS.cache,
      INCIDENTS.disk,
      INCIDENTS.certificate,
    ]);
  });

  it("keys each incident's facet values by its Pagefind id, the name of its fragment", async () => {
    const { results } = await pagefind.search(null);
    const data = await facetData();
    const valuesByUrl = Object.fromEntries(
      await Promise.all(
        results.map(async (result) => {
          const { id } = result as unknown as { id: string };
          expect(fs.existsSync(path.join(site.outDir, 'pagefind', 'fragment', `${id}.pf_fragment`))).toBe(
            true,
          );
          const values = data.membership.get(id);
          return [
            (await result.data()).url,
            { ...values, services: [...(values?.services ?? [])].sort() },
          ] as const;
        }),
      ),
    );
    expect(valuesByUrl[INCIDENTS.disk]).toEqual({
      rootCause: ['hardware'],
      services: ['storage', 'uploads'],
      severity: ['SEV2'],
      year: ['2024'],
      followUp: ['open'],
    });
    expect(valuesByUrl[INCIDENTS.cache]).toEqual({
      rootCause: ['software-bug'],
      services: ['cache', 'web'],
      severity: ['SEV3'],
      year: ['2024'],
      followUp: ['closed'],
    });
    expect(valuesByUrl[INCIDENTS.certificate]).toEqual({
      rootCause: ['security'],
      services: ['api', 'auth'],
      severity: ['SEV1'],
      year: ['2023'],
      followUp: ['closed'],
    });
    expect(valuesByUrl[INCIDENTS.config]).toMatchObject({ rootCause: ['config-change'], services: ['api'] });
  });

  it('gives durations in index order for sorting by duration', async () => {
    const data = await facetData();
    const durations = readDurations(
      data,
      JSON.parse(await site.read('pagefind/durations.json')) as DurationsFile,
    );
    // config 40m, cache 20m, disk 90m, certificate 3h.
    expect(data.ids.map((id) => durations.get(id))).toEqual([40, 20, 90, 180]);
  });

  it('has no Pagefind filters or sorts, which every search would download', async () => {
    expect(await pagefind.filters()).toEqual({});
    expect(fs.existsSync(path.join(site.outDir, 'pagefind', 'filter'))).toBe(false);
  });

  it('tags each incident with the metadata results show', async () => {
    const { results } = await pagefind.search(null);
    const byUrl = Object.fromEntries(
      await Promise.all(
        results.map(async (result) => [(await result.data()).url, await result.data()] as const),
      ),
    );
    expect(byUrl[INCIDENTS.disk]?.meta).toMatchObject({
      title: 'Uploads failed in one region after a storage node lost a disk',
      date: '2024-03-02T09:00:00.000Z',
      severity: 'SEV2',
      services: 'storage, uploads',
      summary:
        "For 90 minutes uploads to the eu-west bucket failed because one storage node's disk died and the cluster stopped accepting writes.",
    });
  });

  it('indexes the write-up, timeline and tasks as their distinct words, after the prose', async () => {
    const { results } = await pagefind.search(null);
    const fragments = await Promise.all(results.map((result) => result.data()));
    const disk = fragments.find((fragment) => fragment.url === INCIDENTS.disk) as PagefindFragment & {
      anchors: { id: string; location: number }[];
    };
    const words = disk.anchors.find((anchor) => anchor.id === SEARCH_WORDS_ID);
    expect(words).toBeDefined();
    const tail = disk.content.split(/\s+/).slice(words?.location);
    // Each word once, however often the write-up uses it.
    const lower = tail.map((word) => word.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    // The page in dist/ keeps its prose.
    const page = parse(await site.read('incidents/2024-03-02-storage-node-disk-failure/index.html'));
    expect(page.querySelector('.write-up p')).not.toBeNull();
    expect(page.getElementById(SEARCH_WORDS_ID)).toBeNull();
  });

  it('finds a word used only in the tasks, and shows the summary for such a match', async () => {
    const { results } = await pagefind.search('spare');
    expect(results).toHaveLength(1);
    const fragment = await results[0]?.data();
    expect(fragment?.url).toBe(INCIDENTS.disk);
    expect(bodyOnlyMatch(fragment as never)).toBe(true);
    const { results: inSummary } = await pagefind.search('eu-west');
    expect(bodyOnlyMatch((await inSummary[0]?.data()) as never)).toBe(false);
  });

  it('draws the excerpt from the prose when a query matches both the prose and the distinct words', async () => {
    const { results } = await pagefind.search('disk spare');
    const fragment = (await results[0]?.data()) as PagefindFragment & {
      anchors: { id: string; location: number }[];
      locations: number[];
    };
    expect(fragment.url).toBe(INCIDENTS.disk);
    const start = fragment.anchors.find((anchor) => anchor.id === SEARCH_WORDS_ID)?.location ?? 0;
    expect(fragment.locations.some((location) => location >= start)).toBe(true);
    const excerpt = proseExcerpt(fragment);
    const marked = excerpt?.filter((part) => part.marked).map((part) => part.text.toLowerCase()) ?? [];
    // The positions Pagefind gives land on the matched words of its text.
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^disk/);
    const prose = fragment.content
      .split(/[\r\n\s]+/g)
      .slice(0, start)
      .join(' ');
    const text = (excerpt ?? [])
      .map((part) => part.text)
      .join('')
      .replace(/^… | …$/g, '');
    expect(prose).toContain(text);
  });

  it('ranks the incident whose root cause matches above one that only mentions the words', async () => {
    expect(await urls('disk failure')).toEqual([INCIDENTS.disk, INCIDENTS.cache]);
    expect((await urls('expired certificate'))[0]).toBe(INCIDENTS.certificate);
    expect((await urls('bad config push'))[0]).toBe(INCIDENTS.config);
  });

  it('returns highlighted excerpts', async () => {
    const { results } = await pagefind.search('certificate');
    expect((await results[0]?.data())?.excerpt).toContain('<mark>certificate</mark>');
  });

  it('finds incidents by their tags, which the page shows only in its footer', async () => {
    expect(await urls('smartmon')).toEqual([INCIDENTS.disk]);
  });

  it('leaves navigation, the site chrome and other incidents out of the text', async () => {
    const { results } = await pagefind.search(null);
    for (const result of results) {
      const { url, content } = await result.data();
      for (const chrome of [
        'Skip to content',
        'Search postmortems',
        'kept in git',
        'Breadcrumb',
        'Related incidents',
      ]) {
        expect(content, `${url} indexes "${chrome}"`).not.toContain(chrome);
      }
    }
    // The cache incident lists the disk incident as related; that row is the other page's text.
    const cache = await Promise.all(results.map((result) => result.data()));
    const cacheContent = cache.find((f) => f.url === INCIDENTS.cache)?.content;
    expect(cacheContent).toBeDefined();
    expect(cacheContent).not.toContain('Uploads failed in one region');
  });
});

describe('index chunk size', () => {
  // Pagefind reads the chunk size only from an environment variable it calls unstable; if a new
  // Pagefind stops reading it, the next query at 10,000 incidents downloads several times more.
  it('is set through the environment Pagefind reads, which still takes effect', async () => {
    const copy = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-chunks-'));
    const chunks = async (size: string | undefined) => {
      fs.cpSync(site.outDir, copy, { recursive: true });
      const before = process.env[CHUNK_SIZE_ENV];
      if (size === undefined) Reflect.deleteProperty(process.env, CHUNK_SIZE_ENV);
      else process.env[CHUNK_SIZE_ENV] = size;
      try {
        await buildSearchIndex(copy, { info: () => undefined, warn: () => undefined });
        // Unset, the build sets it before Pagefind starts.
        expect(process.env[CHUNK_SIZE_ENV]).toBe(size ?? String(INDEX_CHUNK_SIZE));
      } finally {
        if (before === undefined) Reflect.deleteProperty(process.env, CHUNK_SIZE_ENV);
        else process.env[CHUNK_SIZE_ENV] = before;
      }
      return fs.readdirSync(path.join(copy, 'pagefind', 'index')).length;
    };
    try {
      expect(await chunks(undefined)).toBe(1);
      expect(await chunks('50')).toBeGreaterThan(5);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('root-cause pages', () => {
  it('lists every category of the taxonomy with its count, zero included', async () => {
    const doc = parse(await site.read('root-causes/index.html'));
    const rows = doc.querySelectorAll('tbody tr').map((row) => ({
      label: row.querySelector('th a')?.textContent.trim(),
      href: row.querySelector('th a')?.getAttribute('href'),
      count: Number(row.querySelector('.count')?.textContent.trim()),
    }));
    expect(rows.map((row) => row.label)).toEqual(taxonomy.rootCauses.map((entry) => entry.label));
    const count = (id: string) => rows.find((row) => row.href === `/root-causes/${id}/`)?.count;
    expect([count('hardware'), count('software-bug'), count('security'), count('config-change')]).toEqual([
      1, 1, 1, 1,
    ]);
    // The only network incident is a draft, which a production build leaves out.
    expect(count('network')).toBe(0);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(4);
  });

  it('gives each category a page listing its incidents, without a root-cause column', async () => {
    const doc = parse(await site.read('root-causes/hardware/index.html'));
    expect(doc.querySelector('h1')?.textContent.trim()).toBe('Hardware');
    const links = doc.querySelectorAll('tbody tr td a').map((a) => a.getAttribute('href'));
    expect(links).toEqual([INCIDENTS.disk]);
    expect(doc.querySelectorAll('thead th').map((th) => th.textContent.trim())).not.toContain('Root cause');
    expect(doc.querySelector(`a[href="/search/?rootCause=hardware"]`)).not.toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('lists a category’s incidents newest first', async () => {
    const doc = parse(await site.read('root-causes/security/index.html'));
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(1);
    const empty = parse(await site.read('root-causes/network/index.html'));
    expect(empty.querySelector('main')?.textContent).toContain(
      'No incidents have been filed under Network yet.',
    );
  });

  it('links every root-cause category on an incident page to its page', async () => {
    const doc = parse(await site.read('incidents/2023-11-30-expired-certificate-api/index.html'));
    const links = doc.querySelectorAll('main a[href^="/root-causes/"]').map((a) => a.getAttribute('href'));
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set(['/root-causes/security/']));
  });
});

describe('search page', () => {
  it('works as a labelled form without JavaScript and says what JavaScript adds', async () => {
    const doc = parse(await site.read('search/index.html'));
    const form = doc.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.getAttribute('method')).toBe('get');
    const input = form?.querySelector('input[name="q"]');
    expect(doc.querySelector(`label[for="${input?.getAttribute('id')}"]`)).not.toBeNull();
    expect(doc.querySelector('noscript')?.textContent).toContain('needs JavaScript');
    expect(doc.querySelector('[role="status"]')).not.toBeNull();
    expect(fs.existsSync(path.join(site.outDir, 'search', 'index.html'))).toBe(true);
  });
});
