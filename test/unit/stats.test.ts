import { describe, expect, it } from 'vitest';
import { quantile, summarize } from '../../src/lib/stats';

/**
 * R-7 by hand: for n sorted values and p, h = (n - 1)p; the quantile is
 * x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 */
describe('summarize', () => {
  it('gives the R-7 median and 90th percentile', () => {
    // n = 4. Median: h = 1.5, 20 + 0.5 × 10 = 25. p90: h = 2.7, 30 + 0.7 × 10 = 37.
    const { count, median, p90 } = summarize([10, 20, 30, 40]);
    expect(count).toBe(4);
    expect(median).toBeCloseTo(25, 10);
    expect(p90).toBeCloseTo(37, 10);
  });

  it('sorts its input first', () => {
    expect(summarize([40, 10, 30, 20])).toEqual(summarize([10, 20, 30, 40]));
  });

  it('takes the middle value of an odd count and interpolates a long tail', () => {
    // n = 5: median h = 2 → 3. p90: h = 3.6, 4 + 0.6 × (100 - 4) = 61.6.
    const { median, p90 } = summarize([1, 2, 3, 4, 100]);
    expect(median).toBe(3);
    expect(p90).toBeCloseTo(61.6, 10);
  });

  it('gives the one value for a single value', () => {
    expect(summarize([42])).toEqual({ count: 1, median: 42, p90: 42 });
  });

  it('gives no quantiles, not NaN, for no values', () => {
    expect(summarize([])).toEqual({ count: 0, median: null, p90: null });
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantile', () => {
  it('is R-7 at any p, with the ends at the extremes', () => {
    const values = [40, 10, 30, 20];
    expect(quantile(values, 0)).toBe(10);
    expect(quantile(values, 1)).toBe(40);
    // h = 0.75: 10 + 0.75 × 10.
    expect(quantile(values, 0.25)).toBeCloseTo(17.5, 10);
  });

  it('is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});
