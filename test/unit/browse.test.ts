import { describe, expect, it } from 'vitest';
import { durationFigure, figuresOf, severityCounts, unresolvedNote } from '../../src/lib/browse';
import { serviceGroups } from '../../src/lib/browse-services';
import { severityGroups } from '../../src/lib/browse-severities';
import { monthHeading, monthName, monthSections, yearGroups } from '../../src/lib/browse-years';
import { incidentRow } from '../../src/lib/incident-row';
import { idsOf, incident, taxonomy } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Three resolved incidents (2h, 30m, 6h) and an open draft, over two years and three services. */
const api = incident('2024-03-01-api', {
  startedAt: '2024-03-01T10:00:00Z',
  resolvedAt: '2024-03-01T12:00:00Z',
  severity: 'SEV2',
  services: ['api', 'database'],
});
const login = incident('2024-01-15-login', {
  startedAt: '2024-01-15T09:00:00Z',
  resolvedAt: '2024-01-15T09:30:00Z',
  severity: 'SEV3',
  services: ['auth', 'api'],
});
const disk = incident('2023-11-20-disk', {
  startedAt: '2023-11-20T14:00:00Z',
  resolvedAt: '2023-11-20T20:00:00Z',
  severity: 'SEV2',
  services: ['database'],
});
const draft = incident('2024-04-02-draft', {
  status: 'draft',
  startedAt: '2024-04-02T10:00:00Z',
  resolvedAt: undefined,
  severity: 'SEV1',
  services: ['api'],
});

describe('figuresOf', () => {
  it('counts the incidents, sums and takes the median of their durations, and names the newest', () => {
    const figures = figuresOf([disk, api, login]);
    expect(figures).toMatchObject({
      count: 3,
      resolved: 3,
      unresolved: 0,
      totalMs: 8.5 * HOUR,
      // 30m, 2h, 6h: the middle one.
      medianMs: 2 * HOUR,
    });
    expect(figures.last?.id).toBe('2024-03-01-api');
  });

  it('counts an open draft as not resolved instead of as zero minutes', () => {
    const figures = figuresOf([api, login, draft]);
    expect(figures).toMatchObject({ count: 3, resolved: 2, unresolved: 1, totalMs: 2.5 * HOUR });
    // The median of 30m and 2h; with the draft as 0 it would be 30m.
    expect(figures.medianMs).toBe(75 * MINUTE);
    expect(figures.last?.id).toBe('2024-04-02-draft');
    expect(unresolvedNote(figures)).toBe('1 not resolved');
  });

  it('has no duration figures, rather than zero, for a group with nothing resolved', () => {
    const figures = figuresOf([draft]);
    expect(figures).toMatchObject({ count: 1, resolved: 0, totalMs: null, medianMs: null });
    expect(durationFigure(figures.totalMs)).toBe('—');
    const empty = figuresOf([]);
    expect(empty).toMatchObject({ count: 0, unresolved: 0, totalMs: null, medianMs: null, last: undefined });
    expect(unresolvedNote(empty)).toBe('');
  });

  it('says a duration in words', () => {
    expect(durationFigure(105 * MINUTE)).toBe('1 hour 45 minutes');
    expect(durationFigure(0)).toBe('0 minutes');
  });
});

describe('severityCounts', () => {
  it('counts a group per severity, most severe first, leaving out levels with none', () => {
    const counts = severityCounts([login, api, disk, draft], taxonomy.severities);
    expect(counts.map(({ severity, count }) => [severity.id, count])).toEqual([
      ['SEV1', 1],
      ['SEV2', 2],
      ['SEV3', 1],
    ]);
    expect(counts[0]?.severity.rank).toBe(1);
  });

  it('keeps an id the taxonomy no longer lists, after the known ones', () => {
    const stray = { ...disk, data: { ...disk.data, severity: 'P0' } };
    expect(severityCounts([stray, api], taxonomy.severities).map(({ severity }) => severity.id)).toEqual([
      'SEV2',
      'P0',
    ]);
  });
});

describe('serviceGroups', () => {
  const groups = serviceGroups([disk, login, api, draft], taxonomy.severities);

  it('has one group per service any incident names, most incidents first, ties by name', () => {
    expect(groups.map((group) => [group.slug, group.figures.count])).toEqual([
      ['api', 3],
      ['database', 2],
      ['auth', 1],
    ]);
  });

  it('counts an incident for each service it hit, listing them newest first', () => {
    expect(idsOf(groups.find((group) => group.slug === 'database')?.incidents ?? [])).toEqual([
      '2024-03-01-api',
      '2023-11-20-disk',
    ]);
    expect(groups.find((group) => group.slug === 'database')?.figures).toMatchObject({
      totalMs: 8 * HOUR,
      medianMs: 4 * HOUR,
    });
  });

  it('keeps the open draft out of the durations of its service', () => {
    expect(groups[0]?.figures).toMatchObject({ count: 3, unresolved: 1, totalMs: 2.5 * HOUR });
    expect(groups[0]?.severities.map(({ severity, count }) => [severity.id, count])).toEqual([
      ['SEV1', 1],
      ['SEV2', 1],
      ['SEV3', 1],
    ]);
  });

  it('has no groups without incidents', () => {
    expect(serviceGroups([], taxonomy.severities)).toEqual([]);
  });
});

describe('severityGroups', () => {
  const groups = severityGroups([disk, login, api], taxonomy.severities);

  it('has every level of the taxonomy, in its order, empty ones kept', () => {
    expect(groups.map((group) => [group.severity.id, group.figures.count])).toEqual([
      ['SEV1', 0],
      ['SEV2', 2],
      ['SEV3', 1],
      ['SEV4', 0],
    ]);
    expect(groups[0]?.figures).toMatchObject({ totalMs: null, medianMs: null, last: undefined });
  });

  it('lists a level’s incidents newest first with their figures', () => {
    expect(idsOf(groups[1]?.incidents ?? [])).toEqual(['2024-03-01-api', '2023-11-20-disk']);
    expect(groups[1]?.figures).toMatchObject({ totalMs: 8 * HOUR, medianMs: 4 * HOUR });
    expect(groups[1]?.severity).toMatchObject({ label: 'SEV2 · Major', rank: 2 });
  });
});

describe('yearGroups', () => {
  // 23:30 on 31 December in New York is 04:30 on 1 January in UTC.
  const newYearsEve = incident('2023-12-31-nye', {
    startedAt: '2023-12-31T23:30:00-05:00',
    resolvedAt: '2024-01-01T00:30:00-05:00',
  });
  // 22:00 on 31 May in New York is 1 June in UTC.
  const endOfMay = incident('2024-05-31-late', {
    startedAt: '2024-06-01T02:00:00Z',
    resolvedAt: '2024-06-01T03:30:00Z',
  });
  const leapDay = incident('2024-02-29-leap', {
    startedAt: '2024-02-29T12:00:00Z',
    resolvedAt: '2024-02-29T16:00:00Z',
  });
  const incidents = [newYearsEve, endOfMay, leapDay, disk];

  it('files an incident under the year and month of the site’s time zone', () => {
    const groups = yearGroups(incidents, 'America/New_York');
    expect(groups.map((group) => [group.year, idsOf(group.incidents)])).toEqual([
      [2024, ['2024-05-31-late', '2024-02-29-leap']],
      [2023, ['2023-12-31-nye', '2023-11-20-disk']],
    ]);
    const months = (year: number) =>
      groups
        .find((group) => group.year === year)
        ?.months.filter((month) => month.count > 0)
        .map((month) => month.key);
    expect(months(2024)).toEqual(['2024-02', '2024-05']);
    expect(months(2023)).toEqual(['2023-11', '2023-12']);
  });

  it('files the same incidents by UTC’s calendar on a UTC site', () => {
    const groups = yearGroups(incidents, 'UTC');
    expect(groups.map((group) => [group.year, idsOf(group.incidents)])).toEqual([
      [2024, ['2024-05-31-late', '2024-02-29-leap', '2023-12-31-nye']],
      [2023, ['2023-11-20-disk']],
    ]);
    const june = groups[0]?.months.find((month) => month.key === '2024-06');
    expect(june?.count).toBe(1);
  });

  it('has all twelve months of a year, quiet ones at 0, with the figures of the year', () => {
    const [year2024] = yearGroups(incidents, 'America/New_York');
    expect(year2024?.months.map((month) => month.month)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
    expect(year2024?.months.map((month) => month.count)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(year2024?.months[1]).toMatchObject({ label: 'February 2024', anchor: 'month-2024-02', page: 1 });
    expect(year2024?.months[0]?.page).toBeUndefined();
    expect(year2024?.figures).toMatchObject({ count: 2, totalMs: 5.5 * HOUR, medianMs: 2.75 * HOUR });
  });

  it('says on which page of the year’s list each month starts', () => {
    // One incident a day from 1 January to 29 April, newest first; 50 rows a page.
    const daily = Array.from({ length: 120 }, (_, day) =>
      incident(`day-${day}`, {
        startedAt: new Date(Date.UTC(2024, 0, 1 + day, 12)).toISOString(),
        resolvedAt: new Date(Date.UTC(2024, 0, 1 + day, 13)).toISOString(),
      }),
    );
    const [year] = yearGroups(daily, 'UTC', 50);
    const pages = Object.fromEntries(
      year?.months
        .filter((month) => month.count > 0)
        .map((month) => [month.key, [month.count, month.page]]) ?? [],
    );
    // April's 29 days are rows 0-28, March's rows 29-59, February's start at row 60: page 2.
    expect(pages).toEqual({
      '2024-04': [29, 1],
      '2024-03': [31, 1],
      '2024-02': [29, 2],
      '2024-01': [31, 2],
    });
  });
});

describe('monthSections', () => {
  const may = (day: number) =>
    incident(`2024-05-${day}`, {
      startedAt: `2024-05-${String(day).padStart(2, '0')}T12:00:00Z`,
      resolvedAt: `2024-05-${String(day).padStart(2, '0')}T13:00:00Z`,
    });
  const april = incident('2024-04-30', {
    startedAt: '2024-04-30T12:00:00Z',
    resolvedAt: '2024-04-30T13:00:00Z',
  });

  it('cuts a page into runs of one month, in the page’s order', () => {
    const sections = monthSections([may(20), may(3), april], 'UTC');
    expect(sections.map((section) => [section.label, idsOf(section.incidents), section.continued])).toEqual([
      ['May 2024', ['2024-05-20', '2024-05-3'], false],
      ['April 2024', ['2024-04-30'], false],
    ]);
    expect(sections[0]?.anchor).toBe('month-2024-05');
  });

  it('marks the first month as continued when the previous page ended in it', () => {
    expect(monthSections([may(3), april], 'UTC', may(20))[0]?.continued).toBe(true);
    expect(monthSections([april], 'UTC', may(20))[0]?.continued).toBe(false);
  });

  it('reads months on the given calendar', () => {
    // 02:00 UTC on 1 May is still 30 April in New York.
    const late = incident('late', { startedAt: '2024-05-01T02:00:00Z', resolvedAt: '2024-05-01T03:00:00Z' });
    expect(monthSections([late], 'America/New_York')[0]?.label).toBe('April 2024');
    expect(monthSections([late], 'UTC')[0]?.label).toBe('May 2024');
  });
});

describe('month names', () => {
  it('names months in full for headings and short for columns', () => {
    expect(monthHeading('2024-09')).toBe('September 2024');
    expect(monthName('02')).toBe('February');
    expect(monthName('05', 'short')).toBe('May');
  });
});

describe('incidentRow dates', () => {
  it('dates a row on the calendar it is given, UTC by default', () => {
    const nye = incident('nye', {
      startedAt: '2023-12-31T23:30:00-05:00',
      resolvedAt: '2024-01-01T06:00:00Z',
    });
    expect(incidentRow(nye, taxonomy).date).toBe('1 Jan 2024');
    expect(incidentRow(nye, taxonomy, 'America/New_York').date).toBe('31 Dec 2023');
  });
});
