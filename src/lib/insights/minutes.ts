import { summarize, type Summary } from '../stats';

/**
 * Insights count time in minutes: the unit incident reviews speak in, and the unit of
 * `/api/insights.json`. Figures keep two decimals (under a second), enough for an interpolated
 * percentile such as 37.5 minutes, without the floating-point noise (37.000000000000004) that
 * interpolation leaves behind.
 */

export const MINUTE_MS = 60_000;

/** Rounds minutes to two decimals; see above for why. */
export const roundMinutes = (minutes: number) => Math.round(minutes * 100) / 100;

/** Milliseconds as minutes, rounded like every other figure. */
export const toMinutes = (ms: number) => roundMinutes(ms / MINUTE_MS);

/** Minutes back to milliseconds, for `formatDuration`. */
export const toMs = (minutes: number) => minutes * MINUTE_MS;

/** `summarize()` of durations in minutes, its median and p90 rounded like every other figure. */
export function summarizeMinutes(minutes: readonly number[]): Summary {
  const { count, median, p90 } = summarize(minutes);
  return {
    count,
    median: median === null ? null : roundMinutes(median),
    p90: p90 === null ? null : roundMinutes(p90),
  };
}
