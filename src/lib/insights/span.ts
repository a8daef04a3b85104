import type { Incident } from '../incidents';

/** When figures over time are read, and on which calendar. */
export interface SeriesOptions {
  /** The IANA zone whose calendar months and quarters follow: the site's `timezone` option. */
  timeZone: string;
  /**
   * "Today" (the build date). Series run up to it, so quiet months since the last incident
   * show as zero instead of the chart stopping at the last bad day. Left out, series end at
   * the last incident.
   */
  now?: Date | undefined;
}

/**
 * The instants a time series covers: the first incident's start, and the later of the last
 * incident's start and `now`. `undefined` with no incidents, where there is no series at all.
 */
export function seriesSpan(
  incidents: readonly Incident[],
  now?: Date,
): { first: Date; last: Date } | undefined {
  if (incidents.length === 0) return undefined;
  // A loop, not Math.min(...starts): spreading a large corpus overflows the call stack.
  let first = Infinity;
  let last = now ? now.getTime() : -Infinity;
  for (const incident of incidents) {
    const start = incident.data.startedAt.getTime();
    first = Math.min(first, start);
    last = Math.max(last, start);
  }
  return { first: new Date(first), last: new Date(last) };
}
