import { describe, expect, it } from 'vitest';
import {
  incidentCount,
  rootCauseGroups,
  rootCauseRows,
  rootCauseSearchHref,
} from '../../src/lib/root-causes';
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

describe('rootCauseGroups', () => {
  it('makes a group per category with its incidents newest first', () => {
    const groups = rootCauseGroups(incidents, taxonomy.rootCauses);
    expect(groups).toHaveLength(taxonomy.rootCauses.length);
    const hardware = groups.find((group) => group.category.id === 'hardware');
    expect(hardware?.category.label).toBe('Hardware');
    expect(hardware?.incidents.map((i) => i.id)).toEqual(['2024-05-09-disk', '2024-02-22-disk']);
    expect(groups.find((group) => group.category.id === 'time')?.incidents).toEqual([]);
  });

  it('gives each category its count, total and median duration and last occurrence', () => {
    const hardware = rootCauseGroups(incidents, taxonomy.rootCauses).find(
      (group) => group.category.id === 'hardware',
    );
    // 2 hours and 3 hours 30 minutes: the median of two is their mean.
    expect(hardware?.figures).toMatchObject({
      count: 2,
      resolved: 2,
      unresolved: 0,
      totalMs: 5.5 * 3600_000,
      medianMs: 2.75 * 3600_000,
    });
    expect(hardware?.figures.last?.id).toBe('2024-05-09-disk');
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
