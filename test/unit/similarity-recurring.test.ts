import { describe, expect, it, vi } from 'vitest';
import {
  SIMILARITY,
  computeSimilarity,
  memoizeByItems,
  recurringCauses,
  recurringView,
} from '../../src/lib/similarity';
import { cause } from './similarity-helpers';

const list = [
  cause('cert-2023', 'The TLS certificate of the API gateway expired because its renewal was manual.', {
    category: 'security',
    services: ['api'],
    day: '2023-03-01',
  }),
  cause('disk-2024-01', 'A disk in the mail storage array failed and the array had no spare disk.', {
    day: '2024-01-10',
  }),
  cause('cert-2024', 'An expired TLS certificate on the status page: its manual renewal was forgotten.', {
    category: 'process',
    services: ['status-page'],
    day: '2024-04-20',
  }),
  cause('disk-2024-06', 'The mail storage array lost a disk; with no spare disk the array went read-only.', {
    day: '2024-06-02',
  }),
  cause('cert-2025', 'The TLS certificate of the API gateway expired again: renewal was still manual.', {
    category: 'security',
    services: ['api'],
    day: '2025-02-11',
  }),
  cause('dns-typo', 'A typo in a DNS zone file sent every lookup for the docs site to a retired host.', {
    category: 'config-change',
    services: ['dns'],
  }),
];

const groupIds = (groups: { incidents: { id: string }[] }[]) =>
  groups.map((g) => g.incidents.map((i) => i.id));

describe('recurringCauses', () => {
  const groups = recurringCauses(list);

  it('groups incidents whose causes read alike, largest group first, each newest first', () => {
    expect(groupIds(groups)).toEqual([
      ['cert-2025', 'cert-2024', 'cert-2023'],
      ['disk-2024-06', 'disk-2024-01'],
    ]);
  });

  it('describes each group: the usual category, shared words, repeated services, first and last', () => {
    const [certs, disks] = groups;
    expect(certs?.category).toBe('security');
    expect(certs?.words).toEqual(expect.arrayContaining(['certificate', 'expired', 'tls']));
    expect(certs?.services).toEqual(['api']);
    expect(certs?.first.toISOString()).toBe('2023-03-01T08:00:00.000Z');
    expect(certs?.last.toISOString()).toBe('2025-02-11T08:00:00.000Z');
    expect(disks?.category).toBe('hardware');
    expect(disks?.words).toContain('disk');
    expect(disks?.words.length).toBeLessThanOrEqual(SIMILARITY.reasonWords);
  });

  it('groups incidents alike to one centre, even when the ends are not alike to each other', () => {
    const chain = [
      cause('backup', 'The nightly backup job filled the disk of the database primary.'),
      cause('both', 'The database primary ran out of disk during the nightly backup job; replicas lagged.'),
      cause('lag', 'Replicas lagged behind the database primary after a vacuum stalled.'),
    ];
    const loose = { ...SIMILARITY, threshold: 0, minTextSimilarity: 0 };
    const score = (a: number, b: number) =>
      [...computeSimilarity(chain, loose).pairs].find((pair) => pair.a === a && pair.b === b)?.score ?? 0;
    // A threshold that the two ends miss but both links to the middle reach.
    const ends = score(0, 2);
    const links = Math.min(score(0, 1), score(1, 2));
    expect(links).toBeGreaterThan(ends);
    const threshold = (ends + links) / 2;
    const groups = recurringCauses(chain, { config: { ...loose, recurring: { threshold, minSize: 2 } } });
    expect(groupIds(groups)).toEqual([['backup', 'both', 'lag']]);
    const withoutMiddle = recurringCauses(
      [chain[0], chain[2]].filter((incident) => incident !== undefined),
      {
        config: { ...loose, recurring: { threshold, minSize: 2 } },
      },
    );
    expect(withoutMiddle).toEqual([]);
  });

  it('does not chain a long line of pairwise-alike incidents into one group', () => {
    // Six incidents where each is alike only to its neighbours in the line: following links
    // would make one group of six; groups around centres keep them apart.
    const line = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => cause(id, `Cause ${id}.`));
    const base = computeSimilarity(line);
    const pairs = [0, 1, 2, 3, 4].map((a) => ({ a, b: a + 1, score: 1, textSimilarity: 1 }));
    const groups = recurringCauses(line, { similarity: { ...base, pairs } });
    expect(groupIds(groups).map((ids) => [...ids].sort())).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('takes the most-linked incident as a centre first', () => {
    const star = ['hub', 'x', 'y', 'z', 'w'].map((id) => cause(id, `Cause ${id}.`));
    const base = computeSimilarity(star);
    // x-y is a pair too, but the hub is alike to all four.
    const pairs = [
      { a: 0, b: 1, score: 1, textSimilarity: 1 },
      { a: 0, b: 2, score: 1, textSimilarity: 1 },
      { a: 0, b: 3, score: 1, textSimilarity: 1 },
      { a: 0, b: 4, score: 1, textSimilarity: 1 },
      { a: 1, b: 2, score: 1, textSimilarity: 1 },
    ];
    const groups = recurringCauses(star, { similarity: { ...base, pairs } });
    expect(groupIds(groups).map((ids) => [...ids].sort())).toEqual([['hub', 'w', 'x', 'y', 'z']]);
  });

  it('leaves out groups smaller than `minSize`', () => {
    const large = recurringCauses(list, {
      config: { ...SIMILARITY, recurring: { threshold: 0.4, minSize: 3 } },
    });
    expect(groupIds(large)).toEqual([['cert-2025', 'cert-2024', 'cert-2023']]);
  });

  it('filters by category: groups with at least one incident of it', () => {
    expect(groupIds(recurringCauses(list, { category: 'process' }))).toEqual([
      ['cert-2025', 'cert-2024', 'cert-2023'],
    ]);
    expect(groupIds(recurringCauses(list, { category: 'hardware' }))).toEqual([
      ['disk-2024-06', 'disk-2024-01'],
    ]);
    expect(recurringCauses(list, { category: 'config-change' })).toEqual([]);
  });

  it('needs pairs at the recurring threshold, which is stricter than the one for similar incidents', () => {
    const strict = { ...SIMILARITY, recurring: { threshold: 5, minSize: 2 } };
    expect(recurringCauses(list, { config: strict })).toEqual([]);
    expect(computeSimilarity(list, strict).similarTo('disk-2024-01')).not.toEqual([]);
  });

  it('reuses a computation it is given', () => {
    const similarity = computeSimilarity(list);
    expect(groupIds(recurringCauses(list, { similarity }))).toEqual(groupIds(groups));
  });

  it('finds nothing in an empty collection', () => {
    expect(recurringCauses([])).toEqual([]);
  });
});

describe('memoizeByItems', () => {
  it('computes once for the same items, again when one changes or the length does', () => {
    const compute = vi.fn((items: readonly { data: object }[]) => items.length);
    const memo = memoizeByItems(compute, (item) => item.data);
    const a = { data: {} };
    const b = { data: {} };
    expect(memo([a, b])).toBe(2);
    // New wrapper objects around the same data, as each getCollection() call returns.
    expect(memo([{ data: a.data }, { data: b.data }])).toBe(2);
    expect(compute).toHaveBeenCalledTimes(1);
    memo([a, { data: {} }]);
    expect(compute).toHaveBeenCalledTimes(2);
    memo([a]);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});

describe('recurringView', () => {
  const rootCauses = [
    { id: 'security', label: 'Security', description: '' },
    { id: 'hardware', label: 'Hardware', description: '' },
  ];

  it('names each group by its count and shared words, with its months, category and services', () => {
    const view = recurringView(recurringCauses(list), rootCauses);
    expect(view.total).toBe(2);
    const [certs, disks] = view.groups;
    expect(certs?.title).toMatch(/^3 incidents: “[^”]+”(, “[^”]+”)* and “[^”]+”$/);
    expect(certs?.title).toContain('“certificate”');
    expect(certs?.span).toBe('Mar 2023 to Feb 2025');
    expect(certs?.category).toEqual(rootCauses[0]);
    expect(certs?.services).toBe('api');
    expect(certs?.incidents.map((incident) => incident.id)).toEqual(['cert-2025', 'cert-2024', 'cert-2023']);
    expect(certs?.more).toBe(0);
    expect(disks?.span).toBe('Jan 2024 to Jun 2024');
    expect(disks?.services).toBe('email');
  });

  it('shows the largest groups and the newest incidents of each, saying how many are left out', () => {
    const view = recurringView(recurringCauses(list), rootCauses, { limit: 1, perGroup: 2 });
    expect(view.total).toBe(2);
    expect(view.groups).toHaveLength(1);
    expect(view.groups[0]?.incidents.map((incident) => incident.id)).toEqual(['cert-2025', 'cert-2024']);
    expect(view.groups[0]?.more).toBe(1);
  });

  it('gives one month when a group fell within it, and a stand-in label for an unknown category', () => {
    const same = [
      cause('one', 'A disk in the mail storage array failed.', { day: '2024-05-02', category: 'unknown' }),
      cause('two', 'A disk in the mail storage array failed again.', {
        day: '2024-05-20',
        category: 'unknown',
      }),
    ];
    const [group] = recurringView(recurringCauses(same), rootCauses).groups;
    expect(group?.span).toBe('May 2024');
    expect(group?.category.label).toBe('unknown');
  });
});
