import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/lib/insights/build-insights';
import {
  countChange,
  coverageNote,
  draftNote,
  durationParts,
  formatDifference,
  formatMinutes,
  formatShare,
  incidentsPhrase,
  misleadingSummary,
  NO_FIGURE,
} from '../../src/lib/insights/text';
import {
  ALL_ROW,
  headlineItems,
  impactRows,
  monthlyCategories,
  periods,
  responseByQuarter,
  SHOWN_MONTHS,
  SHOWN_QUARTERS,
  responseByRootCause,
  responseBySeverity,
  severitySeries,
} from '../../src/lib/insights/views';
import { misleadingPaths } from '../../src/lib/insights/misleading';
import { taxonomy } from './helpers';
import { filed, timed, timeline } from './insights-fixture';

describe('text', () => {
  it('says minutes as the site says durations, and a dash for no figure', () => {
    expect(formatMinutes(210)).toBe('3 hours 30 minutes');
    expect(formatMinutes(97.5)).toBe('1 hour 38 minutes');
    expect(formatMinutes(0)).toBe('0 minutes');
    expect(formatMinutes(null)).toBe(NO_FIGURE);
    expect(durationParts(90)).toEqual(['1 hour', '30 minutes']);
    expect(durationParts(1500)).toEqual(['1 day', '1 hour']);
    expect(durationParts(45)).toEqual(['45 minutes']);
  });

  it('says shares as whole percentages', () => {
    expect(formatShare(0.5)).toBe('50%');
    expect(formatShare(0.3333)).toBe('33%');
    expect(formatShare(null)).toBe(NO_FIGURE);
  });

  it('says how many incidents a metric counted, and leaves room for the field it needs', () => {
    expect(coverageNote(10, 10)).toEqual({ lead: 'Counted all 10 incidents', rest: null });
    expect(coverageNote(1, 1)).toEqual({ lead: 'Counted the one incident', rest: null });
    expect(coverageNote(8, 10)).toEqual({ lead: 'Counted 8 of 10 incidents', rest: 'the rest lack' });
    expect(coverageNote(9, 10)).toEqual({ lead: 'Counted 9 of 10 incidents', rest: 'the other one lacks' });
    expect(coverageNote(0, 3)).toEqual({ lead: 'Counted 0 of 3 incidents', rest: 'they all lack' });
  });

  it('says differences and changes in words', () => {
    expect(formatDifference(75)).toBe('1 hour 15 minutes longer');
    expect(formatDifference(-30)).toBe('30 minutes shorter');
    expect(formatDifference(0.2)).toBe('no longer');
    expect(formatDifference(null)).toBe(NO_FIGURE);
    expect(countChange(2, 4, 'last quarter')).toBe('2 fewer than last quarter');
    expect(countChange(5, 4, 'last quarter')).toBe('1 more than last quarter');
    expect(countChange(4, 4, 'last quarter')).toBe('as many as last quarter');
  });

  it('speaks of the incidents and drafts counted', () => {
    expect(incidentsPhrase(12)).toBe('all 12 incidents');
    expect(incidentsPhrase(1)).toBe('the one incident');
    expect(draftNote(0)).toBeUndefined();
    expect(draftNote(2)).toContain('include 2 drafts');
  });

  it('sums up misleading paths in a sentence', () => {
    const start = '2024-05-09T08:00:00Z';
    const figures = misleadingPaths([
      timed('a', { resolve: 150 }, timeline(start, true)),
      timed('b', { resolve: 75 }, timeline(start, false)),
    ]);
    expect(misleadingSummary(figures)).toBe(
      '50% of the 2 incidents with a timeline record a misleading path (1 of 2); the typical one took 1 hour 15 minutes longer to resolve than those without.',
    );
    expect(misleadingSummary(misleadingPaths([timed('c', { resolve: 10 })]))).toContain(
      'No postmortem has a timeline',
    );
  });
});

describe('views', () => {
  const incidents = [
    timed(
      'a',
      { startedAt: '2024-03-05T10:00:00Z', detect: 5, resolve: 60 },
      {
        ...filed('SEV1', 'hardware'),
        tasks: [{ title: 'Fix', type: 'prevent', status: 'open' }],
      },
    ),
    timed('b', { startedAt: '2024-04-20T10:00:00Z', resolve: 30 }, filed('SEV3', 'deployment')),
    timed('c', { startedAt: '2024-04-22T10:00:00Z', resolve: 90 }, filed('SEV3', 'deployment')),
  ];
  const insights = buildInsights(incidents, taxonomy, {
    timeZone: 'UTC',
    now: new Date('2024-05-15T00:00:00Z'),
  });

  it('reads every row off the insights object: all incidents first, then each severity', () => {
    const rows = responseBySeverity(insights);
    expect(rows.map((row) => row.id)).toEqual([ALL_ROW, 'SEV1', 'SEV2', 'SEV3', 'SEV4']);
    expect(rows[0]?.figures.timeToResolve).toBe(insights.timeToResolve.all);
    expect(rows[3]?.figures.timeToResolve).toBe(insights.timeToResolve.bySeverity['SEV3']);
    expect(responseByRootCause(insights).map((row) => row.id)).toEqual(
      taxonomy.rootCauses.map((entry) => entry.id),
    );
    expect(responseByQuarter(insights).map((row) => [row.label, row.incidents])).toEqual([
      ['Q1 2024', 1],
      ['Q2 2024', 2],
    ]);
  });

  it('names the months for the chart and the table, and shades severities as the badges do', () => {
    expect(
      monthlyCategories(insights).map((month) => [month.key, month.label, month.group, month.name]),
    ).toEqual([
      ['2024-03', 'Mar', '2024', 'Mar 2024'],
      ['2024-04', 'Apr', '2024', 'Apr 2024'],
      ['2024-05', 'May', '2024', 'May 2024'],
    ]);
    expect(severitySeries(insights).map((entry) => [entry.id, entry.shade])).toEqual([
      ['SEV1', 1],
      ['SEV2', 2],
      ['SEV3', 3],
      ['SEV4', 4],
    ]);
  });

  it('gives each root cause its share of all impact time', () => {
    const rows = impactRows(insights);
    // 60 + 30 + 90 = 180 minutes: hardware 60 (1/3), deployment 120 (2/3).
    expect(rows.find((row) => row.id === 'hardware')).toMatchObject({
      minutes: 60,
      incidents: 1,
      counted: 1,
    });
    expect(rows.find((row) => row.id === 'hardware')?.share).toBeCloseTo(1 / 3, 10);
    expect(rows.find((row) => row.id === 'deployment')?.share).toBeCloseTo(2 / 3, 10);
    expect(rows.find((row) => row.id === 'network')?.share).toBe(0);
  });

  it('opens with this quarter against the last', () => {
    const items = headlineItems(insights);
    expect(items.map((item) => [item.id, item.value, item.note])).toEqual([
      ['this-quarter', '2', 'Q2 2024 so far; 1 more than last quarter'],
      ['last-quarter', '1', 'Q1 2024'],
      // Q2: 30 and 90 minutes, median 60. Q1: 60.
      ['time-to-resolve', '1 hour', 'Last quarter: 1 hour'],
      ['misleading', NO_FIGURE, 'No postmortem has a timeline yet'],
      ['open-tasks', '1', 'Open or in progress, across all incidents'],
    ]);
  });

  it('says the periods the series cover', () => {
    expect(periods(insights)).toEqual({
      months: 'Mar 2024 to May 2024',
      quarters: 'Q1 2024 to Q2 2024',
      asOf: '15 May 2024',
      shortened: false,
    });
    const empty = buildInsights([], taxonomy, { timeZone: 'UTC' });
    expect(periods(empty)).toEqual({ months: '', quarters: '', asOf: undefined, shortened: false });
    expect(headlineItems(empty).map((item) => item.id)).toEqual(['misleading', 'open-tasks']);
  });

  it('shows the last two years of months and three of quarters, and says so when there is more', () => {
    // One incident a month for five years: 60 months, 20 quarters.
    const long = Array.from({ length: 60 }, (_, n) => {
      const month = String((n % 12) + 1).padStart(2, '0');
      return timed(`m${n}`, { startedAt: `${2020 + Math.floor(n / 12)}-${month}-10T10:00:00Z`, resolve: 30 });
    });
    const history = buildInsights(long, taxonomy, { timeZone: 'UTC' });
    expect(history.incidentsPerMonth).toHaveLength(60);
    const months = monthlyCategories(history);
    expect(months).toHaveLength(SHOWN_MONTHS);
    expect([months[0]?.key, months.at(-1)?.key]).toEqual(['2023-01', '2024-12']);
    const quarters = responseByQuarter(history);
    expect(quarters).toHaveLength(SHOWN_QUARTERS);
    expect([quarters[0]?.label, quarters.at(-1)?.label]).toEqual(['Q1 2022', 'Q4 2024']);
    expect(periods(history)).toMatchObject({
      months: 'Jan 2023 to Dec 2024',
      quarters: 'Q1 2022 to Q4 2024',
      shortened: true,
    });
  });
});
