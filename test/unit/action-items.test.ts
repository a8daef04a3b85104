import { describe, expect, it } from 'vitest';
import {
  actionItems,
  actionItemTotals,
  ageText,
  overdueText,
  compareActionItems,
  completionRate,
  daysBetween,
  formatRate,
  ownerCounts,
  quarterCompletion,
  taskCounts,
  ticketLabel,
  typeCounts,
  type ActionItem,
} from '../../src/lib/action-items';
import { incident, type Frontmatter } from './helpers';

/** A fixed "now": 10:00 UTC on Tuesday 2 April 2024. */
const now = new Date('2024-04-02T10:00:00Z');
const utc = { now, timeZone: 'UTC' };

/** An incident that started at `startedAt` (lasting an hour) with these tasks. */
function withTasks(id: string, startedAt: string, tasks: Frontmatter[]) {
  const start = new Date(startedAt);
  return incident(id, {
    title: `Incident ${id}`,
    severity: 'SEV2',
    startedAt: start.toISOString(),
    resolvedAt: new Date(start.getTime() + 3600_000).toISOString(),
    tasks,
  });
}

const titles = (items: readonly ActionItem[]) => items.map((item) => item.title);

describe('daysBetween', () => {
  it('counts calendar days, negative backwards, across month and leap-day boundaries', () => {
    expect(daysBetween('2024-04-01', '2024-04-02')).toBe(1);
    expect(daysBetween('2024-04-02', '2024-04-02')).toBe(0);
    expect(daysBetween('2024-04-02', '2024-03-31')).toBe(-2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
  });
});

describe('actionItems', () => {
  it('flattens every task with its incident and keeps what the task says', () => {
    const incidents = [
      withTasks('a', '2024-03-01T08:00:00Z', [
        {
          title: 'Fix the alert',
          type: 'detect',
          status: 'in-progress',
          owner: 'sre',
          due: '2024-05-01',
          link: 'https://tracker.example/OPS-1',
        },
      ]),
      withTasks('b', '2024-01-10T08:00:00Z', [{ title: 'Write the runbook', type: 'process' }]),
    ];
    const [first, second] = actionItems(incidents, utc);
    expect(first).toEqual({
      title: 'Fix the alert',
      type: 'detect',
      status: 'in-progress',
      owner: 'sre',
      due: '2024-05-01',
      link: 'https://tracker.example/OPS-1',
      incident: {
        id: 'a',
        title: 'Incident a',
        severity: 'SEV2',
        startedAt: new Date('2024-03-01T08:00:00Z'),
      },
      position: 0,
      outstanding: true,
      overdue: false,
      daysOverdue: undefined,
      // 1 March to 2 April 2024.
      ageDays: 32,
      quarter: '2024-Q1',
    });
    expect(second).toMatchObject({
      title: 'Write the runbook',
      status: 'open',
      owner: undefined,
      due: undefined,
      link: undefined,
      outstanding: true,
      overdue: false,
      ageDays: 83,
    });
  });

  it('is empty without incidents or tasks', () => {
    expect(actionItems([], utc)).toEqual([]);
    expect(actionItems([withTasks('a', '2024-03-01T08:00:00Z', [])], utc)).toEqual([]);
  });

  describe('overdue, with a fixed now', () => {
    const item = (task: Frontmatter, timeZone = 'UTC', at = now) =>
      actionItems([withTasks('a', '2024-01-01T08:00:00Z', [{ title: 't', type: 'prevent', ...task }])], {
        now: at,
        timeZone,
      })[0] as ActionItem;

    it('is outstanding work past its due day, with the days it is late', () => {
      expect(item({ due: '2024-04-01' })).toMatchObject({ overdue: true, daysOverdue: 1 });
      expect(item({ due: '2024-03-02', status: 'in-progress' })).toMatchObject({
        overdue: true,
        daysOverdue: 31,
      });
    });

    it('is not a task due today, later, or without a due date', () => {
      expect(item({ due: '2024-04-02' })).toMatchObject({ overdue: false, daysOverdue: undefined });
      expect(item({ due: '2024-04-03' })).toMatchObject({ overdue: false, daysOverdue: undefined });
      expect(item({})).toMatchObject({ overdue: false, daysOverdue: undefined });
    });

    it('is never closed work, which has no age either', () => {
      expect(item({ due: '2024-01-05', status: 'done' })).toMatchObject({
        overdue: false,
        daysOverdue: undefined,
        outstanding: false,
        ageDays: undefined,
      });
      expect(item({ due: '2024-01-05', status: 'wont-do' })).toMatchObject({
        overdue: false,
        outstanding: false,
      });
    });

    it('reads today on the calendar of the time zone', () => {
      // 23:30 UTC on 1 April is already 2 April in Tokyo, and still 1 April in Los Angeles.
      const late = new Date('2024-04-01T23:30:00Z');
      expect(item({ due: '2024-04-01' }, 'UTC', late).overdue).toBe(false);
      expect(item({ due: '2024-04-01' }, 'Asia/Tokyo', late)).toMatchObject({
        overdue: true,
        daysOverdue: 1,
      });
      expect(item({ due: '2024-03-31' }, 'America/Los_Angeles', late)).toMatchObject({
        overdue: true,
        daysOverdue: 1,
      });
      expect(item({ due: '2024-04-01' }, 'America/Los_Angeles', late).overdue).toBe(false);
    });

    it('counts ages from the incident start day on the same calendar', () => {
      // Started 08:00 UTC on 1 January; now 23:30 UTC on 1 April: day 91 in UTC, 92 in Tokyo.
      const late = new Date('2024-04-01T23:30:00Z');
      expect(item({}, 'UTC', late).ageDays).toBe(91);
      expect(item({}, 'Asia/Tokyo', late).ageDays).toBe(92);
    });
  });

  it('lists overdue work first (longest overdue first), then open work by due date, undated last, then closed work by newest incident', () => {
    const incidents = [
      withTasks('old', '2023-11-20T08:00:00Z', [
        { title: 'old: done', type: 'prevent', status: 'done', due: '2023-12-01' },
        { title: 'old: overdue since March', type: 'prevent', due: '2024-03-01' },
        { title: 'old: undated', type: 'detect' },
        { title: 'old: due in May', type: 'process', status: 'in-progress', due: '2024-05-01' },
      ]),
      withTasks('new', '2024-03-20T08:00:00Z', [
        { title: 'new: due today', type: 'mitigate', due: '2024-04-02' },
        { title: 'new: overdue since January', type: 'mitigate', status: 'in-progress', due: '2024-01-15' },
        { title: 'new: undated', type: 'detect' },
        { title: "new: won't do", type: 'prevent', status: 'wont-do', due: '2024-03-25' },
        { title: 'new: done', type: 'detect', status: 'done' },
        { title: 'new: overdue since March', type: 'prevent', due: '2024-03-01' },
      ]),
    ];
    expect(titles(actionItems(incidents, utc))).toEqual([
      'new: overdue since January',
      // Same due day: the newer incident first.
      'new: overdue since March',
      'old: overdue since March',
      'new: due today',
      'old: due in May',
      // Undated: newest incident first.
      'new: undated',
      'old: undated',
      // Closed: newest incident first, then the postmortem's own order.
      "new: won't do",
      'new: done',
      'old: done',
    ]);
  });

  it('gives every build the same order for tasks that tie on everything', () => {
    const a = withTasks('b-incident', '2024-03-20T08:00:00Z', [{ title: 'same', type: 'prevent' }]);
    const b = withTasks('a-incident', '2024-03-20T08:00:00Z', [{ title: 'same', type: 'prevent' }]);
    const forwards = actionItems([a, b], utc).map((item) => item.incident.id);
    const backwards = actionItems([b, a], utc).map((item) => item.incident.id);
    expect(forwards).toEqual(['a-incident', 'b-incident']);
    expect(backwards).toEqual(forwards);
    const [first, second] = actionItems([a, b], utc) as [ActionItem, ActionItem];
    expect(compareActionItems(first, second)).toBeLessThan(0);
    expect(compareActionItems(second, first)).toBeGreaterThan(0);
  });
});

/**
 * Eleven tasks with hand-counted figures, now = 2 April 2024 in UTC:
 *
 * | incident (start)   | task | type     | status      | owner        | due        | overdue |
 * | ------------------ | ---- | -------- | ----------- | ------------ | ---------- | ------- |
 * | q4 (2023-12-31)    | 1    | prevent  | done        | Platform     |            |         |
 * | q4                 | 2    | detect   | open        | platform     | 2024-01-31 | yes     |
 * | q4                 | 3    | process  | wont-do     | SRE          |            |         |
 * | q1 (2024-02-10)    | 4    | mitigate | done        | SRE          | 2024-02-12 |         |
 * | q1                 | 5    | prevent  | in-progress | SRE          | 2024-03-30 | yes     |
 * | q1                 | 6    | prevent  | open        | (none)       | 2024-03-01 | yes     |
 * | q1                 | 7    | detect   | done        | (none)       |            |         |
 * | q2 (2024-04-01)    | 8    | mitigate | open        | (none)       |            |         |
 * | q2                 | 9    | mitigate | done        | Dana         | 2024-04-01 |         |
 * | q2                 | 10   | prevent  | wont-do     | Dana         |            |         |
 * | q2                 | 11   | detect   | open        | Dana         | 2024-04-02 | (today) |
 */
const corpus = [
  withTasks('q4', '2023-12-31T12:00:00Z', [
    { title: '1', type: 'prevent', status: 'done', owner: 'Platform' },
    { title: '2', type: 'detect', owner: 'platform', due: '2024-01-31' },
    { title: '3', type: 'process', status: 'wont-do', owner: 'SRE' },
  ]),
  withTasks('q1', '2024-02-10T12:00:00Z', [
    { title: '4', type: 'mitigate', status: 'done', owner: 'SRE', due: '2024-02-12' },
    { title: '5', type: 'prevent', status: 'in-progress', owner: 'SRE', due: '2024-03-30' },
    { title: '6', type: 'prevent', due: '2024-03-01' },
    { title: '7', type: 'detect', status: 'done' },
  ]),
  withTasks('q2', '2024-04-01T12:00:00Z', [
    { title: '8', type: 'mitigate' },
    { title: '9', type: 'mitigate', status: 'done', owner: 'Dana', due: '2024-04-01' },
    { title: '10', type: 'prevent', status: 'wont-do', owner: 'Dana' },
    { title: '11', type: 'detect', owner: 'Dana', due: '2024-04-02' },
  ]),
];
const items = actionItems(corpus, utc);

describe('counts', () => {
  it('adds up every task by where it stands; overdue is part of open', () => {
    expect(taskCounts(items)).toEqual({ open: 5, overdue: 3, done: 4, wontDo: 2, total: 11 });
    expect(taskCounts([])).toEqual({ open: 0, overdue: 0, done: 0, wontDo: 0, total: 0 });
  });

  it('totals the list: unowned open work, completion and the oldest open task', () => {
    expect(actionItemTotals(items)).toEqual({
      open: 5,
      overdue: 3,
      done: 4,
      wontDo: 2,
      total: 11,
      // Tasks 6 and 8.
      unownedOpen: 2,
      // 4 done of 11 - 2 won't do.
      completionRate: 4 / 9,
      // Task 2: 31 Dec 2023 to 2 Apr 2024.
      oldestOpenDays: 93,
    });
    expect(actionItemTotals([])).toMatchObject({
      total: 0,
      completionRate: undefined,
      oldestOpenDays: undefined,
    });
  });

  it('counts per owner, unowned work first, then most overdue, most open, most tasks, by name', () => {
    expect(ownerCounts(items)).toEqual([
      { owner: undefined, open: 2, overdue: 1, done: 1, wontDo: 0, total: 3 },
      // SRE and Platform both have one overdue and one open task; SRE has more tasks.
      { owner: 'SRE', open: 1, overdue: 1, done: 1, wontDo: 1, total: 3 },
      // "Platform" and "platform" are one owner; a tie in spellings goes to the capitalised one.
      { owner: 'Platform', open: 1, overdue: 1, done: 1, wontDo: 0, total: 2 },
      { owner: 'Dana', open: 1, overdue: 0, done: 1, wontDo: 1, total: 3 },
    ]);
  });

  it('shows an owner as most of their tasks spell it and has no unowned row when every task is owned', () => {
    const owned = actionItems(
      [
        withTasks('x', '2024-03-01T08:00:00Z', [
          { title: 'a', type: 'prevent', owner: 'db  team' },
          { title: 'b', type: 'prevent', owner: 'DB team' },
          { title: 'c', type: 'prevent', owner: 'DB team' },
        ]),
      ],
      utc,
    );
    expect(ownerCounts(owned)).toEqual([
      { owner: 'DB team', open: 3, overdue: 0, done: 0, wontDo: 0, total: 3 },
    ]);
  });

  it('counts per type, every type in the schema order, zero rows included', () => {
    expect(typeCounts(items)).toEqual([
      { type: 'mitigate', open: 1, overdue: 0, done: 2, wontDo: 0, total: 3, completionRate: 2 / 3 },
      { type: 'prevent', open: 2, overdue: 2, done: 1, wontDo: 1, total: 4, completionRate: 1 / 3 },
      { type: 'detect', open: 2, overdue: 1, done: 1, wontDo: 0, total: 3, completionRate: 1 / 3 },
      { type: 'process', open: 0, overdue: 0, done: 0, wontDo: 1, total: 1, completionRate: undefined },
    ]);
    expect(typeCounts([]).map((row) => [row.type, row.total])).toEqual([
      ['mitigate', 0],
      ['prevent', 0],
      ['detect', 0],
      ['process', 0],
    ]);
  });
});

describe('completion', () => {
  it("is done over every task but the won't-do ones", () => {
    expect(completionRate({ done: 2, wontDo: 1, total: 4 })).toBe(2 / 3);
    expect(completionRate({ done: 0, wontDo: 0, total: 3 })).toBe(0);
    expect(completionRate({ done: 3, wontDo: 0, total: 3 })).toBe(1);
  });

  it("is not a number when there is nothing to judge: no tasks, or only won't-do ones", () => {
    expect(completionRate({ done: 0, wontDo: 0, total: 0 })).toBeUndefined();
    expect(completionRate({ done: 0, wontDo: 2, total: 2 })).toBeUndefined();
  });

  it('formats as a whole percentage, or a dash', () => {
    expect(formatRate(4 / 9)).toBe('44%');
    expect(formatRate(2 / 3)).toBe('67%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(undefined)).toBe('—');
  });

  it("per quarter of the incident's start, newest first", () => {
    expect(quarterCompletion(items)).toEqual([
      { quarter: '2024-Q2', open: 2, overdue: 0, done: 1, wontDo: 1, total: 4, completionRate: 1 / 3 },
      { quarter: '2024-Q1', open: 2, overdue: 2, done: 2, wontDo: 0, total: 4, completionRate: 2 / 4 },
      { quarter: '2023-Q4', open: 1, overdue: 1, done: 1, wontDo: 1, total: 3, completionRate: 1 / 2 },
    ]);
    expect(quarterCompletion([])).toEqual([]);
  });

  it('lists quiet quarters between busy ones, with no rate', () => {
    const spread = actionItems(
      [
        withTasks('early', '2023-05-01T08:00:00Z', [{ title: 'a', type: 'prevent', status: 'done' }]),
        withTasks('late', '2024-01-15T08:00:00Z', [{ title: 'b', type: 'prevent' }]),
      ],
      utc,
    );
    expect(quarterCompletion(spread).map((row) => [row.quarter, row.total, row.completionRate])).toEqual([
      ['2024-Q1', 1, 0],
      ['2023-Q4', 0, undefined],
      ['2023-Q3', 0, undefined],
      ['2023-Q2', 1, 1],
    ]);
  });

  it("puts an incident in the quarter of its start on the site's calendar", () => {
    // 23:30 on 31 March in New York is 03:30 on 1 April in UTC.
    const edge = [
      withTasks('edge', '2024-04-01T03:30:00Z', [{ title: 'a', type: 'prevent', status: 'done' }]),
    ];
    expect(quarterCompletion(actionItems(edge, utc)).map((row) => row.quarter)).toEqual(['2024-Q2']);
    expect(
      quarterCompletion(actionItems(edge, { now, timeZone: 'America/New_York' })).map((row) => row.quarter),
    ).toEqual(['2024-Q1']);
  });
});

describe('ticketLabel', () => {
  it('names a ticket by the last part of its address', () => {
    expect(ticketLabel('https://tracker.example/browse/OPS-42')).toBe('OPS-42');
    expect(ticketLabel('https://tracker.example/browse/OPS-42/')).toBe('OPS-42');
    expect(ticketLabel('https://github.com/acme/api/issues/123')).toBe('123');
    expect(ticketLabel('https://bugs.example/show_bug.cgi?id=123')).toBe('123');
    expect(ticketLabel('https://tracker.example/t/caf%C3%A9')).toBe('café');
    expect(ticketLabel('https://tracker.example/t/100%25%zz')).toBe('100%25%zz');
    expect(ticketLabel('https://tracker.example/')).toBe('tracker.example');
  });
});

describe('words', () => {
  it('says how late and how old work is, in the singular for one day', () => {
    expect(overdueText(1)).toBe('Overdue by 1 day');
    expect(overdueText(31)).toBe('Overdue by 31 days');
    expect(ageText(0)).toBe("Since today's incident");
    expect(ageText(1)).toBe('1 day since the incident');
    expect(ageText(45)).toBe('45 days since the incident');
  });
});
