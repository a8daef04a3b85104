import { describe, expect, it } from 'vitest';
import {
  byNewest,
  hasOutstandingTasks,
  isVisible,
  outstandingTasks,
  relatedById,
  startYear,
  type Incident,
} from '../../src/lib/incidents';
import { idsOf, incident } from './helpers';

/** What an incident page gets: its entry in the map of the whole list. */
const relatedIncidents = (id: string, incidents: readonly Incident[]) => relatedById(incidents).get(id) ?? [];

/** An incident that started at `startedAt` and was resolved an hour later. */
const startingAt = (id: string, startedAt: string, overrides: Record<string, unknown> = {}) =>
  incident(id, {
    startedAt,
    resolvedAt: new Date(new Date(startedAt).getTime() + 3600_000).toISOString(),
    ...overrides,
  });

describe('relatedIncidents', () => {
  const old = startingAt('2024-02-22-old', '2024-02-22T10:00:00Z');
  const newer = startingAt('2024-05-09-newer', '2024-05-09T08:00:00Z', { related: ['2024-02-22-old'] });
  const newest = startingAt('2024-06-01-newest', '2024-06-01T08:00:00Z', {
    related: ['2024-02-22-old', '2024-01-01-gone'],
  });
  const unrelated = startingAt('2024-03-03-unrelated', '2024-03-03T08:00:00Z');
  const all = [old, newer, newest, unrelated];

  it('includes the incidents an incident lists', () => {
    expect(idsOf(relatedIncidents('2024-05-09-newer', all))).toEqual(['2024-02-22-old']);
  });

  it('includes the incidents that list it, newest first', () => {
    expect(idsOf(relatedIncidents('2024-02-22-old', all))).toEqual(['2024-06-01-newest', '2024-05-09-newer']);
  });

  it('drops ids that are not among the incidents', () => {
    expect(idsOf(relatedIncidents('2024-06-01-newest', all))).toEqual(['2024-02-22-old']);
  });

  it('drops an incident that was filtered out, such as a draft in production', () => {
    expect(idsOf(relatedIncidents('2024-05-09-newer', [newer, newest, unrelated]))).toEqual([]);
  });

  it('lists an incident once when both sides link to each other', () => {
    const a = startingAt('a', '2024-01-01T00:00:00Z', { related: ['b'] });
    const b = startingAt('b', '2024-01-02T00:00:00Z', { related: ['a'] });
    expect(idsOf(relatedIncidents('a', [a, b]))).toEqual(['b']);
  });

  it('never includes the incident itself', () => {
    const self = startingAt('self', '2024-01-01T00:00:00Z', { related: ['self', '2024-02-22-old'] });
    expect(idsOf(relatedIncidents('self', [self, old]))).toEqual(['2024-02-22-old']);
  });

  it('is empty for an incident with no links', () => {
    expect(relatedIncidents('2024-03-03-unrelated', all)).toEqual([]);
  });

  it('has an entry for every incident, and only those', () => {
    expect([...relatedById(all).keys()]).toEqual(idsOf(all));
  });
});

describe('isVisible', () => {
  const draft = incident('draft', { status: 'draft', resolvedAt: undefined });
  const inReview = incident('in-review', { status: 'in-review' });
  const published = incident('published');

  it('hides drafts unless includeDrafts', () => {
    expect(isVisible(draft, { includeDrafts: false })).toBe(false);
    expect(isVisible(draft, { includeDrafts: true })).toBe(true);
  });

  it('shows postmortems in review and published ones either way', () => {
    for (const includeDrafts of [false, true]) {
      expect(isVisible(inReview, { includeDrafts })).toBe(true);
      expect(isVisible(published, { includeDrafts })).toBe(true);
    }
  });

  it('filters a list down to what production shows', () => {
    const shown = [draft, inReview, published].filter((i) => isVisible(i, { includeDrafts: false }));
    expect(idsOf(shown)).toEqual(['in-review', 'published']);
  });
});

describe('byNewest', () => {
  it('sorts by start time, newest first, comparing instants across offsets', () => {
    const utc = startingAt('utc', '2024-05-09T08:00:00Z');
    // 06:00 at -05:00 is 11:00Z: later than 08:00Z, although "06:00" reads earlier.
    const offset = startingAt('offset', '2024-05-09T06:00:00-05:00');
    const older = startingAt('older', '2023-12-31T23:00:00Z');
    expect(idsOf([older, utc, offset].sort(byNewest))).toEqual(['offset', 'utc', 'older']);
  });

  it('breaks ties by id so the order is stable', () => {
    const b = startingAt('b', '2024-05-09T08:00:00Z');
    const a = startingAt('a', '2024-05-09T08:00:00Z');
    expect(idsOf([b, a].sort(byNewest))).toEqual(['a', 'b']);
  });
});

describe('outstanding tasks', () => {
  const tasks = ['open', 'in-progress', 'done', 'wont-do'].map((status) => ({
    title: `A task that is ${status}`,
    type: 'prevent',
    status,
  }));

  it('are the open and in-progress ones', () => {
    const withTasks = incident('tasks', { tasks });
    expect(outstandingTasks(withTasks).map((task) => task.status)).toEqual(['open', 'in-progress']);
    expect(hasOutstandingTasks(withTasks)).toBe(true);
  });

  it('count a task with no status as open', () => {
    expect(
      outstandingTasks(incident('default', { tasks: [{ title: 'Do it', type: 'detect' }] })),
    ).toHaveLength(1);
  });

  it('are none when every task is closed', () => {
    expect(hasOutstandingTasks(incident('closed', { tasks: tasks.slice(2) }))).toBe(false);
    expect(hasOutstandingTasks(incident('none'))).toBe(false);
  });
});

describe('startYear', () => {
  it('is the UTC year, even when the local date is already the next year', () => {
    expect(startYear(startingAt('nye', '2024-01-01T01:00:00+05:30'))).toBe(2023);
  });
});
