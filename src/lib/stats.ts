import { quantileSorted } from 'd3-array';

/**
 * How a set of durations is summarised everywhere on the site: count, median and 90th
 * percentile, never a mean. Incident durations are long-tailed (a few very long outages), and a
 * mean moves with the tail, so "MTTR went up" can mean one bad day; the median and p90 say how
 * a typical incident and a bad one went.
 *
 * Quantiles are R-7 (linear interpolation between closest ranks), which is what `d3-array`'s
 * `quantile` computes and what spreadsheets call PERCENTILE.INC.
 */
export interface Summary {
  /** How many values were counted. */
  count: number;
  /** The 50th percentile; `null` when nothing was counted. */
  median: number | null;
  /** The 90th percentile; `null` when nothing was counted. */
  p90: number | null;
}

/** The R-7 quantile `p` (0-1) of `values`; `null` for none. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, p) ?? null;
}

/**
 * Count, median and p90 of `values`, the summary every duration figure on the site uses (see
 * `Summary`); an empty list gives `count: 0` and `null` quantiles rather than `NaN`, so a
 * group with no data says so instead of showing a made-up number.
 */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: sorted.length ? (quantileSorted(sorted, 0.5) ?? null) : null,
    p90: sorted.length ? (quantileSorted(sorted, 0.9) ?? null) : null,
  };
}
