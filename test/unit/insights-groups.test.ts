import { describe, expect, it } from 'vitest';
import { metricBreakdown, summariesBy } from '../../src/lib/insights/groups';
import { taxonomy } from './helpers';
import { filed, timed } from './insights-fixture';

const incidents = [
  timed('a', { detect: 10, resolve: 60 }, filed('SEV1', 'hardware')),
  timed('b', { detect: 20, resolve: 120 }, filed('SEV1', 'deployment')),
  timed('c', { resolve: 30 }, filed('SEV2', 'hardware')),
  timed('d', { detect: 40, resolve: 240 }, filed('SEV2', 'hardware')),
];

describe('metricBreakdown', () => {
  const ttr = metricBreakdown(incidents, 'timeToResolve', taxonomy);
  const ttd = metricBreakdown(incidents, 'timeToDetect', taxonomy);

  it('summarises all incidents', () => {
    // 30, 60, 120, 240: median = 60 + 0.5 × 60 = 90; p90: h = 2.7, 120 + 0.7 × 120 = 204.
    expect(ttr.all).toEqual({ count: 4, median: 90, p90: 204 });
  });

  it('has every severity in the taxonomy’s order, empty ones with count 0 and no quantiles', () => {
    expect(Object.keys(ttr.bySeverity)).toEqual(taxonomy.severities.map((entry) => entry.id));
    // SEV1: 60, 120: median 90, p90 = 60 + 0.9 × 60 = 114.
    expect(ttr.bySeverity['SEV1']).toEqual({ count: 2, median: 90, p90: 114 });
    // SEV2: 30, 240: median 135, p90 = 30 + 0.9 × 210 = 219.
    expect(ttr.bySeverity['SEV2']).toEqual({ count: 2, median: 135, p90: 219 });
    expect(ttr.bySeverity['SEV4']).toEqual({ count: 0, median: null, p90: null });
  });

  it('has every root cause in the taxonomy’s order', () => {
    expect(Object.keys(ttr.byRootCause)).toEqual(taxonomy.rootCauses.map((entry) => entry.id));
    // hardware: 30, 60, 240: median 60, p90: h = 1.8, 60 + 0.8 × 180 = 204.
    expect(ttr.byRootCause['hardware']).toEqual({ count: 3, median: 60, p90: 204 });
    expect(ttr.byRootCause['deployment']).toEqual({ count: 1, median: 120, p90: 120 });
    expect(ttr.byRootCause['network']).toEqual({ count: 0, median: null, p90: null });
  });

  it('counts only the incidents that have the timestamp, in every group', () => {
    // c lacks detectedAt: 10, 20, 40 overall; SEV2 has only d.
    expect(ttd.all).toEqual({ count: 3, median: 20, p90: 36 });
    expect(ttd.bySeverity['SEV2']).toEqual({ count: 1, median: 40, p90: 40 });
    expect(ttd.byRootCause['hardware']).toEqual({ count: 2, median: 25, p90: 37 });
  });
});

describe('summariesBy', () => {
  it('follows whatever entries it is given, so a new category needs no code', () => {
    const entries = [{ id: 'hardware' }, { id: 'brand-new' }];
    const summaries = summariesBy(incidents, 'timeToResolve', entries, (i) => i.data.rootCause.category);
    expect(Object.keys(summaries)).toEqual(['hardware', 'brand-new']);
    expect(summaries['brand-new']?.count).toBe(0);
  });
});
