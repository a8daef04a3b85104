import { describe, expect, it } from 'vitest';
import { impactByRootCause } from '../../src/lib/insights/impact';
import { hasMisleadingPath, misleadingPaths } from '../../src/lib/insights/misleading';
import { taxonomy } from './helpers';
import { filed, timed, timeline } from './insights-fixture';

const START = '2024-05-09T08:00:00Z';

describe('impactByRootCause', () => {
  const incidents = [
    timed('a', { resolve: 600 }, filed('SEV1', 'hardware')),
    timed('b', { resolve: 45 }, filed('SEV2', 'hardware')),
    timed('c', { resolve: 30 }, filed('SEV2', 'deployment')),
    timed('open', {}, filed('SEV2', 'deployment')),
  ];
  const impact = impactByRootCause(incidents, taxonomy.rootCauses);

  it('adds up the durations per category', () => {
    expect(impact['hardware']).toEqual({ incidents: 2, counted: 2, totalMinutes: 645 });
  });

  it('counts an incident without resolvedAt but adds no time for it', () => {
    expect(impact['deployment']).toEqual({ incidents: 2, counted: 1, totalMinutes: 30 });
  });

  it('lists every category in the taxonomy’s order, empty ones with zero', () => {
    expect(Object.keys(impact)).toEqual(taxonomy.rootCauses.map((entry) => entry.id));
    expect(impact['network']).toEqual({ incidents: 0, counted: 0, totalMinutes: 0 });
  });
});

describe('misleadingPaths', () => {
  const incidents = [
    timed('misled-1', { resolve: 120 }, timeline(START, true)),
    timed('misled-2', { resolve: 300 }, timeline(START, true)),
    timed('straight-1', { resolve: 30 }, timeline(START, false)),
    timed('straight-2', { resolve: 60 }, timeline(START, false)),
    timed('straight-3', { resolve: 90 }, timeline(START, false)),
    timed('no-timeline', { resolve: 1000 }),
  ];
  const figures = misleadingPaths(incidents);

  it('tells whether a timeline records a wrong turn', () => {
    expect(incidents.map(hasMisleadingPath)).toEqual([true, true, false, false, false, false]);
  });

  it('takes the share among incidents with a timeline, leaving the others out', () => {
    expect(figures.withTimeline).toBe(5);
    expect(figures.withMisleadingPath).toBe(2);
    expect(figures.share).toBe(0.4);
  });

  it('compares time to resolve with and without a misleading path by their medians', () => {
    // With: 120, 300: median 210, p90 = 120 + 0.9 × 180 = 282. Without: 30, 60, 90: median 60,
    // p90: h = 1.8, 60 + 0.8 × 30 = 84. The difference of medians: 210 - 60 = 150.
    expect(figures.timeToResolve.withMisleadingPath).toEqual({ count: 2, median: 210, p90: 282 });
    expect(figures.timeToResolve.withoutMisleadingPath).toEqual({ count: 3, median: 60, p90: 84 });
    expect(figures.timeToResolve.medianDifference).toBe(150);
  });

  it('rounds the share to four decimals', () => {
    const third = misleadingPaths(incidents.slice(1, 4));
    expect(third.share).toBe(0.3333);
  });

  it('has no share and no difference without timelines or without one side', () => {
    const none = misleadingPaths([timed('x', { resolve: 10 })]);
    expect(none.share).toBeNull();
    expect(none.timeToResolve.medianDifference).toBeNull();
    const allMisled = misleadingPaths(incidents.slice(0, 2));
    expect(allMisled.share).toBe(1);
    expect(allMisled.timeToResolve.medianDifference).toBeNull();
  });
});
