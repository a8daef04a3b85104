import { describe, expect, it } from 'vitest';
import { byRootCause, byYear, topRootCauses, totals } from '../../src/lib/aggregates';
import { idsOf, incident, taxonomy } from './helpers';

const HOUR = 3600_000;

const disk = incident('2024-05-09-disk', {
  startedAt: '2024-05-09T08:00:00Z',
  resolvedAt: '2024-05-09T11:30:00Z',
  severity: 'SEV1',
  services: ['email', 'mail-storage'],
  rootCause: { category: 'hardware', summary: 'A disk failed.' },
  tasks: [
    { title: 'Add failover', type: 'prevent', status: 'in-progress' },
    { title: 'Monitor disks', type: 'detect', status: 'done' },
  ],
});
const oldDisk = incident('2024-02-22-disk', {
  startedAt: '2024-02-22T23:00:00Z',
  resolvedAt: '2024-02-23T01:00:00Z',
  severity: 'SEV2',
  services: ['email'],
  rootCause: { category: 'hardware', summary: 'A disk failed.' },
  tasks: [{ title: 'Replace old disks', type: 'prevent' }],
});
const flag = incident('2023-11-30-flag', {
  startedAt: '2023-11-30T12:00:00Z',
  resolvedAt: '2023-11-30T12:45:00Z',
  severity: 'SEV2',
  services: ['checkout'],
  rootCause: { category: 'config-change', summary: 'A flag went to everyone.' },
});
const incidents = [flag, disk, oldDisk];

describe('byRootCause', () => {
  const groups = byRootCause(incidents, taxonomy.rootCauses);

  it('has one group per category in root-causes.yaml, in the file’s order, empty ones included', () => {
    expect(groups.map((group) => group.key.id)).toEqual(taxonomy.rootCauses.map((entry) => entry.id));
    expect(groups.find((group) => group.key.id === 'network')?.incidents).toEqual([]);
  });

  it('files each incident under its category, newest first', () => {
    const counts = Object.fromEntries(groups.map((group) => [group.key.id, idsOf(group.incidents)]));
    expect(counts['hardware']).toEqual(['2024-05-09-disk', '2024-02-22-disk']);
    expect(counts['config-change']).toEqual(['2023-11-30-flag']);
    expect(groups.reduce((sum, group) => sum + group.incidents.length, 0)).toBe(3);
  });

  it('carries the taxonomy entry for labels', () => {
    expect(groups[0]?.key).toEqual(taxonomy.rootCauses[0]);
  });
});

describe('topRootCauses', () => {
  const outage = (id: string, category: string) =>
    incident(id, { rootCause: { category, summary: 'Something broke.' } });
  const entry = (id: string) => ({ id, label: id, description: `About ${id}.` });
  // The test's own order, so ties can be told from the taxonomy file's order.
  const rootCauses = ['network', 'config-change', 'hardware', 'software-bug'].map(entry);
  const list = [
    outage('a', 'hardware'),
    outage('b', 'config-change'),
    outage('c', 'hardware'),
    outage('d', 'network'),
    outage('e', 'hardware'),
  ];

  it('puts the categories with most incidents first and leaves out empty ones', () => {
    expect(topRootCauses(list, rootCauses, 6).map((group) => [group.key.id, group.incidents.length])).toEqual(
      [
        ['hardware', 3],
        ['network', 1],
        ['config-change', 1],
      ],
    );
  });

  it('breaks ties by the taxonomy’s order', () => {
    const reversed = [...rootCauses].reverse();
    expect(topRootCauses(list, reversed, 6).map((group) => group.key.id)).toEqual([
      'hardware',
      'config-change',
      'network',
    ]);
  });

  it('stops at the limit', () => {
    expect(topRootCauses(list, rootCauses, 2).map((group) => group.key.id)).toEqual(['hardware', 'network']);
    expect(topRootCauses([], rootCauses, 6)).toEqual([]);
  });
});

describe('byYear', () => {
  it('groups by UTC start year, newest year first, newest incident first', () => {
    expect(byYear(incidents).map((g) => [g.year, idsOf(g.incidents)])).toEqual([
      [2024, ['2024-05-09-disk', '2024-02-22-disk']],
      [2023, ['2023-11-30-flag']],
    ]);
  });

  it('files an incident by its UTC year, not the local one', () => {
    // 31 Dec 2023 20:00 in New York is already 1 Jan 2024 in UTC.
    const nye = incident('nye', {
      startedAt: '2023-12-31T20:00:00-05:00',
      resolvedAt: '2024-01-01T03:00:00Z',
    });
    expect(byYear([nye]).map((g) => g.year)).toEqual([2024]);
  });
});

describe('totals', () => {
  it('counts incidents, outstanding tasks, distinct services and downtime', () => {
    expect(totals(incidents)).toEqual({
      incidents: 3,
      openTasks: 2,
      services: 3,
      totalDowntimeMs: 3.5 * HOUR + 2 * HOUR + 0.75 * HOUR,
    });
  });

  it('leaves an open draft out of the downtime', () => {
    const draft = incident('draft', { status: 'draft', resolvedAt: undefined });
    expect(totals([draft, flag]).totalDowntimeMs).toBe(0.75 * HOUR);
  });
});
