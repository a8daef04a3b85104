import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from '../helpers/build-site';

/** A team that has just adopted Hindsight: taxonomies in place, one draft, nothing published. */
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(path.join(projectRoot, 'test/fixtures/empty/content'));
});

describe('a site with nothing published yet', () => {
  it.each(['index.html', 'incidents/index.html', 'root-causes/index.html', 'search/index.html'])(
    'says on %s that nothing is published and how to add the first postmortem',
    async (file) => {
      const page = parse(await site.read(file));
      const empty = page.querySelector('[data-empty-site]');
      expect(empty?.querySelector('h2')?.textContent).toBe('No postmortems published yet');
      expect(empty?.textContent).toContain('content/postmortems/');
      expect(empty?.textContent).toContain('npm run check:content');
      // No empty tables of incidents next to it.
      expect(page.querySelectorAll('table').filter((table) => table.querySelector('tbody tr'))).toHaveLength(
        file === 'root-causes/index.html' ? 1 : 0,
      );
    },
  );

  it('still lists every root-cause category, each saying it has no incidents yet', async () => {
    const index = parse(await site.read('root-causes/index.html'));
    const counts = index.querySelectorAll('tbody tr td.count').map((cell) => cell.textContent.trim());
    expect(counts.length).toBeGreaterThan(0);
    expect(new Set(counts)).toEqual(new Set(['0']));
    expect(await site.read('root-causes/network/index.html')).toContain('No incidents have been filed under');
  });

  it('leaves drafts out', async () => {
    expect(await site.exists('incidents/2024-06-01-unfinished-draft/index.html')).toBe(false);
    expect(await site.read('rss.xml')).not.toContain('<item>');
  });

  it('indexes no page for search instead of falling back to every page', async () => {
    expect(site.output).toContain('Indexed 0 incident pages');
    expect(site.output).toContain('No incident pages were indexed');
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(pages).toBe(0);
  });
});
