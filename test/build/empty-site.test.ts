import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, testTempDir, type BuiltSite } from '../helpers/build-site';

/** A team that has just adopted Hindsight: taxonomies in place, one draft, nothing published. */
let site: BuiltSite;

beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-empty-'));
  await fs.cp(path.join(projectRoot, 'test/fixtures/basic/content/taxonomy'), path.join(dir, 'taxonomy'), {
    recursive: true,
  });
  await fs.mkdir(path.join(dir, 'postmortems'));
  await fs.writeFile(
    path.join(dir, 'postmortems/2024-06-01-unfinished-draft.md'),
    [
      '---',
      'title: A draft nobody has finished',
      'summary: Still being written.',
      'status: draft',
      'severity: SEV4',
      'startedAt: 2024-06-01T10:00:00Z',
      'services: [cache]',
      'impact: { summary: Not known yet. }',
      'rootCause: { category: unknown, summary: Under investigation. }',
      '---',
      'Draft body.',
    ].join('\n'),
  );
  site = await buildSite(dir);
});

describe('a site with nothing published yet', () => {
  it('builds, and says how to add the first postmortem', async () => {
    expect(await site.read('incidents/index.html')).toContain('No postmortems yet');
    expect(await site.exists('incidents/2024-06-01-unfinished-draft/index.html')).toBe(false);
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
