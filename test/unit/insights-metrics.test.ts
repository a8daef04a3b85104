import { describe, expect, it } from 'vitest';
import { measure, metricMinutes, METRIC_IDS, METRICS } from '../../src/lib/insights/metrics';
import { roundMinutes, summarizeMinutes, toMinutes } from '../../src/lib/insights/minutes';
import { timed } from './insights-fixture';

describe('metricMinutes', () => {
  const full = timed('full', { detect: 12, mitigate: 45, resolve: 210 });

  it('measures detect, mitigate and resolve from the start of impact, in minutes', () => {
    expect(metricMinutes(full, 'timeToDetect')).toBe(12);
    expect(metricMinutes(full, 'timeToMitigate')).toBe(45);
    expect(metricMinutes(full, 'timeToResolve')).toBe(210);
  });

  it('is undefined, not 0, when the postmortem lacks the timestamp', () => {
    const sparse = timed('sparse', { resolve: 30 });
    expect(metricMinutes(sparse, 'timeToDetect')).toBeUndefined();
    expect(metricMinutes(sparse, 'timeToMitigate')).toBeUndefined();
    expect(metricMinutes(sparse, 'timeToResolve')).toBe(30);
  });

  it('keeps seconds as a fraction of a minute', () => {
    const quick = timed('quick', { startedAt: '2024-05-09T08:00:00Z', resolve: 1.5 });
    expect(metricMinutes(quick, 'timeToResolve')).toBe(1.5);
  });

  it('lists the metrics in review order, each with the timestamp it needs', () => {
    expect(METRIC_IDS).toEqual(['timeToDetect', 'timeToMitigate', 'timeToResolve']);
    expect(METRIC_IDS.map((id) => METRICS[id].field)).toEqual(['detectedAt', 'mitigatedAt', 'resolvedAt']);
  });
});

describe('measure', () => {
  it('excludes an incident without detectedAt and names it', () => {
    const incidents = [
      timed('a', { detect: 10, resolve: 60 }),
      timed('b', { resolve: 60 }),
      timed('c', { detect: 30, resolve: 60 }),
    ];
    expect(measure(incidents, 'timeToDetect')).toEqual({ values: [10, 30], missing: ['b'] });
    expect(measure(incidents, 'timeToResolve')).toEqual({ values: [60, 60, 60], missing: [] });
  });

  it('leaves an open draft (no resolvedAt) out of time to resolve', () => {
    const open = timed('open', { detect: 5 });
    expect(open.data.status).toBe('draft');
    expect(measure([open], 'timeToResolve')).toEqual({ values: [], missing: ['open'] });
  });
});

describe('minutes', () => {
  it('rounds to two decimals, removing interpolation noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundMinutes(0.1 + 0.2)).toBe(0.3);
    expect(roundMinutes(12.345)).toBe(12.35);
    expect(toMinutes(90_000)).toBe(1.5);
  });

  it('summarises with R-7 quantiles, rounded', () => {
    // [10, 20, 30, 40]: median 25, p90 = 30 + 0.7 × 10 = 37.
    expect(summarizeMinutes([40, 10, 30, 20])).toEqual({ count: 4, median: 25, p90: 37 });
    expect(summarizeMinutes([])).toEqual({ count: 0, median: null, p90: null });
  });
});
