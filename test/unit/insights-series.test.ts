import { describe, expect, it } from 'vitest';
import { incidentsPerMonth } from '../../src/lib/insights/months';
import { compareQuarters, quarterFigures } from '../../src/lib/insights/quarters';
import { seriesSpan } from '../../src/lib/insights/span';
import { taxonomy } from './helpers';
import { filed, timed } from './insights-fixture';

// 23:30 on 31 March in New York: March and Q1 there, April and Q2 in UTC.
const lateMarch = timed(
  'late-march',
  { startedAt: '2024-03-31T23:30:00-04:00', resolve: 60 },
  filed('SEV1', 'hardware'),
);
const january = timed(
  'january',
  { startedAt: '2024-01-15T12:00:00Z', detect: 5, resolve: 20 },
  filed('SEV2', 'network'),
);
const june = timed(
  'june',
  { startedAt: '2024-06-10T12:00:00Z', detect: 15, resolve: 100 },
  filed('SEV2', 'hardware'),
);
const incidents = [june, lateMarch, january];
const NEW_YORK = 'America/New_York';

describe('seriesSpan', () => {
  it('runs from the first start to the later of the last start and now', () => {
    expect(seriesSpan(incidents)).toEqual({ first: january.data.startedAt, last: june.data.startedAt });
    const now = new Date('2024-09-01T00:00:00Z');
    expect(seriesSpan(incidents, now)?.last).toEqual(now);
    expect(seriesSpan(incidents, new Date('2024-02-01T00:00:00Z'))?.last).toEqual(june.data.startedAt);
  });

  it('is undefined with no incidents', () => {
    expect(seriesSpan([], new Date())).toBeUndefined();
  });
});

describe('incidentsPerMonth', () => {
  const severities = taxonomy.severities;

  it('counts by the month on the site’s calendar, quiet months as zero, every severity listed', () => {
    const months = incidentsPerMonth(incidents, severities, { timeZone: NEW_YORK });
    expect(months.map((month) => [month.month, month.total])).toEqual([
      ['2024-01', 1],
      ['2024-02', 0],
      ['2024-03', 1],
      ['2024-04', 0],
      ['2024-05', 0],
      ['2024-06', 1],
    ]);
    expect(months[2]?.bySeverity).toEqual({ SEV1: 1, SEV2: 0, SEV3: 0, SEV4: 0 });
    expect(Object.keys(months[1]?.bySeverity ?? {})).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });

  it('puts the same instant in April on the UTC calendar', () => {
    const months = incidentsPerMonth(incidents, severities, { timeZone: 'UTC' });
    expect(months.find((month) => month.month === '2024-03')?.total).toBe(0);
    expect(months.find((month) => month.month === '2024-04')?.bySeverity['SEV1']).toBe(1);
  });

  it('runs up to now, so the quiet months since the last incident show', () => {
    const months = incidentsPerMonth(incidents, severities, {
      timeZone: NEW_YORK,
      now: new Date('2024-08-31T23:00:00-04:00'),
    });
    expect(months.at(-1)).toEqual({
      month: '2024-08',
      total: 0,
      bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
    });
    expect(months).toHaveLength(8);
  });

  it('is empty with no incidents', () => {
    expect(incidentsPerMonth([], severities, { timeZone: 'UTC', now: new Date() })).toEqual([]);
  });
});

describe('quarterFigures', () => {
  it('buckets by the quarter on the site’s calendar and summarises each', () => {
    const quarters = quarterFigures(incidents, { timeZone: NEW_YORK });
    expect(quarters.map((quarter) => [quarter.quarter, quarter.incidents])).toEqual([
      ['2024-Q1', 2],
      ['2024-Q2', 1],
    ]);
    // Q1: january (20) and late-march (60): median 40, p90 = 20 + 0.9 × 40 = 56.
    expect(quarters[0]?.timeToResolve).toEqual({ count: 2, median: 40, p90: 56 });
    // Only january records detectedAt.
    expect(quarters[0]?.timeToDetect).toEqual({ count: 1, median: 5, p90: 5 });
    expect(quarters[0]?.timeToMitigate).toEqual({ count: 0, median: null, p90: null });
  });

  it('moves the late-March incident into Q2 on the UTC calendar', () => {
    const quarters = quarterFigures(incidents, { timeZone: 'UTC' });
    expect(quarters.map((quarter) => quarter.incidents)).toEqual([1, 2]);
  });

  it('includes quiet quarters up to now', () => {
    const quarters = quarterFigures(incidents, { timeZone: NEW_YORK, now: new Date('2025-01-05T00:00:00Z') });
    expect(quarters.map((quarter) => [quarter.quarter, quarter.incidents])).toEqual([
      ['2024-Q1', 2],
      ['2024-Q2', 1],
      ['2024-Q3', 0],
      ['2024-Q4', 0],
      ['2025-Q1', 0],
    ]);
    expect(quarters.at(-1)?.timeToResolve).toEqual({ count: 0, median: null, p90: null });
  });
});

describe('compareQuarters', () => {
  it('takes the quarter of now, so far, and the one before', () => {
    const options = { timeZone: NEW_YORK, now: new Date('2024-07-20T00:00:00Z') };
    const { current, previous } = compareQuarters(quarterFigures(incidents, options), options);
    expect(current?.quarter).toBe('2024-Q3');
    expect(current?.incidents).toBe(0);
    expect(previous?.quarter).toBe('2024-Q2');
  });

  it('takes the last quarter with data without now', () => {
    const options = { timeZone: NEW_YORK };
    const { current, previous } = compareQuarters(quarterFigures(incidents, options), options);
    expect([current?.quarter, previous?.quarter]).toEqual(['2024-Q2', '2024-Q1']);
  });

  it('has no previous quarter when the record starts this quarter, and nothing with no incidents', () => {
    const options = { timeZone: 'UTC', now: new Date('2024-01-20T00:00:00Z') };
    const only = compareQuarters(quarterFigures([january], options), options);
    expect([only.current?.quarter, only.previous]).toEqual(['2024-Q1', null]);
    expect(compareQuarters([], options)).toEqual({ current: null, previous: null });
  });
});
