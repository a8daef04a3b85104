import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/lib/insights/build-insights';
import type { Incident } from '../../src/lib/incidents';
import { postmortemSchema } from '../../src/schemas/postmortem';
import { rootCauseIds, severityIds, taxonomy, validPostmortem } from './helpers';
import { after, filed, timed, timeline } from './insights-fixture';

const NOW = new Date('2024-07-10T12:00:00Z');
const incidents = [
  timed(
    '2024-05-09-disk',
    { detect: 10, mitigate: 60, resolve: 120 },
    {
      ...filed('SEV1', 'hardware'),
      ...timeline('2024-05-09T08:00:00Z', true),
      tasks: [
        { title: 'Add a spare', type: 'prevent', status: 'open' },
        { title: 'Alert on disks', type: 'detect', status: 'done' },
      ],
    },
  ),
  timed(
    '2024-06-02-deploy',
    { startedAt: '2024-06-02T10:00:00Z', mitigate: 20, resolve: 30 },
    { ...filed('SEV2', 'deployment'), tasks: [{ title: 'Canary', type: 'prevent', status: 'in-progress' }] },
  ),
];
const insights = buildInsights(incidents, taxonomy, { timeZone: 'UTC', now: NOW });

describe('buildInsights', () => {
  it('gives the three time metrics exactly the promised shape: all, bySeverity, byRootCause', () => {
    for (const metric of ['timeToDetect', 'timeToMitigate', 'timeToResolve'] as const) {
      expect(Object.keys(insights[metric])).toEqual(['all', 'bySeverity', 'byRootCause']);
      expect(Object.keys(insights[metric].all)).toEqual(['count', 'median', 'p90']);
    }
    // 30, 120: median 75, p90 = 30 + 0.9 × 90 = 111.
    expect(insights.timeToResolve.all).toEqual({ count: 2, median: 75, p90: 111 });
    expect(insights.timeToDetect.all).toEqual({ count: 1, median: 10, p90: 10 });
  });

  it('says what it was computed from', () => {
    expect(insights.generatedFrom).toEqual({
      incidents: 2,
      drafts: 0,
      timeZone: 'UTC',
      asOf: '2024-07-10',
      firstStartedAt: '2024-05-09T08:00:00.000Z',
      lastStartedAt: '2024-06-02T10:00:00.000Z',
    });
    expect(insights.severities.map((entry) => entry.id)).toEqual(severityIds);
    expect(insights.rootCauses.map((entry) => entry.id)).toEqual(rootCauseIds);
  });

  it('names the incidents each metric leaves out', () => {
    expect(insights.coverage.timeToDetect).toEqual({
      field: 'detectedAt',
      counted: 1,
      missing: ['2024-06-02-deploy'],
    });
    expect(insights.coverage.timeToResolve).toEqual({ field: 'resolvedAt', counted: 2, missing: [] });
  });

  it('runs the series up to now and compares this quarter with the last', () => {
    expect(insights.incidentsPerMonth.map((month) => month.month)).toEqual(['2024-05', '2024-06', '2024-07']);
    expect(insights.quarters.map((quarter) => [quarter.quarter, quarter.incidents])).toEqual([
      ['2024-Q2', 2],
      ['2024-Q3', 0],
    ]);
    expect(insights.quarterOverQuarter.current?.quarter).toBe('2024-Q3');
    expect(insights.quarterOverQuarter.previous?.quarter).toBe('2024-Q2');
  });

  it('counts open follow-up tasks (open and in progress)', () => {
    expect(insights.followUp.openTasks).toBe(2);
  });

  it('counts the misleading path and the impact per root cause', () => {
    expect(insights.misleadingPaths.withTimeline).toBe(1);
    expect(insights.impactByRootCause['hardware']?.totalMinutes).toBe(120);
  });

  it('survives JSON unchanged, so the endpoint serves what the page shows', () => {
    expect(JSON.parse(JSON.stringify(insights))).toEqual(insights);
  });

  it('counts drafts it is given (development builds) and says how many, leaving an open one out of time to resolve', () => {
    const draft = timed(
      '2024-07-01-draft',
      { startedAt: '2024-07-01T09:00:00Z', detect: 3 },
      filed('SEV3', 'network'),
    );
    const withDraft = buildInsights([...incidents, draft], taxonomy, { timeZone: 'UTC', now: NOW });
    expect(withDraft.generatedFrom).toMatchObject({ incidents: 3, drafts: 1 });
    expect(withDraft.timeToResolve.all.count).toBe(2);
    expect(withDraft.coverage.timeToResolve.missing).toEqual(['2024-07-01-draft']);
    expect(withDraft.timeToDetect.bySeverity['SEV3']).toEqual({ count: 1, median: 3, p90: 3 });
  });

  it('is all zeros and empty series with no incidents', () => {
    const empty = buildInsights([], taxonomy, { timeZone: 'UTC', now: NOW });
    expect(empty.timeToResolve.all).toEqual({ count: 0, median: null, p90: null });
    expect(empty.incidentsPerMonth).toEqual([]);
    expect(empty.quarters).toEqual([]);
    expect(empty.quarterOverQuarter).toEqual({ current: null, previous: null });
    expect(empty.generatedFrom).toMatchObject({ incidents: 0, firstStartedAt: null, lastStartedAt: null });
    expect(Object.keys(empty.timeToResolve.bySeverity)).toEqual(severityIds);
  });

  it('picks up a new category, a new severity and a new year from the taxonomy and the data alone', () => {
    const extended = {
      severities: [
        ...taxonomy.severities,
        { id: 'SEV5', label: 'SEV5 · Cosmetic', description: 'Cosmetic.' },
      ],
      rootCauses: [
        ...taxonomy.rootCauses,
        { id: 'solar-flare', label: 'Solar flare', description: 'Space weather.' },
      ],
    };
    const schema = postmortemSchema({
      rootCauseIds: [...rootCauseIds, 'solar-flare'],
      severityIds: [...severityIds, 'SEV5'],
    });
    const startedAt = '2026-02-03T04:00:00Z';
    const flare: Incident = {
      id: '2026-02-03-flare',
      data: schema.parse(
        validPostmortem({
          ...filed('SEV5', 'solar-flare'),
          startedAt,
          detectedAt: after(startedAt, 7),
          resolvedAt: after(startedAt, 50),
        }),
      ),
    };
    const figures = buildInsights([...incidents, flare], extended, { timeZone: 'UTC' });
    expect(figures.timeToResolve.byRootCause['solar-flare']).toEqual({ count: 1, median: 50, p90: 50 });
    expect(figures.timeToDetect.bySeverity['SEV5']).toEqual({ count: 1, median: 7, p90: 7 });
    expect(figures.impactByRootCause['solar-flare']).toEqual({ incidents: 1, counted: 1, totalMinutes: 50 });
    expect(figures.incidentsPerMonth.at(-1)).toMatchObject({ month: '2026-02', total: 1 });
    expect(figures.incidentsPerMonth.at(-1)?.bySeverity['SEV5']).toBe(1);
    expect(figures.quarters.at(-1)).toMatchObject({ quarter: '2026-Q1', incidents: 1 });
    expect(figures.severities.at(-1)?.id).toBe('SEV5');
  });
});
