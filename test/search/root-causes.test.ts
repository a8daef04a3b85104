import { describe, expect, it } from 'vitest';
import { incidentCount, rootCausePages, rootCauseRows, rootCauseSearchHref } from '../../src/lib/root-causes';
import { incident, taxonomy } from './incidents';

const incidents = [
  incident('2024-02-22-disk', { startedAt: '2024-02-22T15:00:00Z', resolvedAt: '2024-02-22T17:00:00Z' }),
  incident('2024-05-09-disk', { startedAt: '2024-05-09T08:00:00Z' }),
  incident('2023-06-17-attack', {
    startedAt: '2023-06-17T02:00:00Z',
    resolvedAt: '2023-06-17T04:00:00Z',
    rootCause: { category: 'security', summary: 'Credential stuffing.' },
  }),
];

describe('rootCauseRows', () => {
  const rows = rootCauseRows(incidents, taxonomy.rootCauses);

  it('lists every category of the taxonomy, in its order, empty ones included', () => {
    expect(rows.map((row) => row.category.id)).toEqual(taxonomy.rootCauses.map((entry) => entry.id));
    expect(rows.filter((row) => row.count === 0)).toHaveLength(taxonomy.rootCauses.length - 2);
  });

  it('counts each category and names its newest incident', () => {
    const hardware = rows.find((row) => row.category.id === 'hardware');
    expect(hardware).toMatchObject({ count: 2, href: '/root-causes/hardware/' });
    expect(hardware?.latest?.id).toBe('2024-05-09-disk');
    expect(rows.find((row) => row.category.id === 'network')).toMatchObject({ count: 0, latest: undefined });
  });
});

describe('rootCausePages', () => {
  it('makes a page per category with its incidents newest first', () => {
    const pages = rootCausePages(incidents, taxonomy.rootCauses);
    expect(pages).toHaveLength(taxonomy.rootCauses.length);
    const hardware = pages.find((page) => page.params.id === 'hardware');
    expect(hardware?.props.category.label).toBe('Hardware');
    expect(hardware?.props.incidents.map((i) => i.id)).toEqual(['2024-05-09-disk', '2024-02-22-disk']);
    expect(pages.find((page) => page.params.id === 'time')?.props.incidents).toEqual([]);
  });
});

describe('helpers', () => {
  it('links to the search filtered to the category', () => {
    expect(rootCauseSearchHref('config-change')).toBe('/search/?rootCause=config-change');
  });

  it('says counts in words', () => {
    expect([0, 1, 5].map(incidentCount)).toEqual(['No incidents', '1 incident', '5 incidents']);
  });
});
