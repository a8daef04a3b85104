import type { Incident } from '../incidents';
import type { Summary } from '../stats';
import { quarterKey, quarterRange } from '../calendar';
import { measure, METRIC_IDS, type MetricId } from './metrics';
import { summarizeMinutes } from './minutes';
import { seriesSpan, type SeriesOptions } from './span';

/**
 * One calendar quarter of a reliability review: how many incidents started in it and how
 * quickly they were detected, mitigated and resolved. Read down the quarters, it answers "is
 * it getting better?".
 */
export type QuarterFigures = { quarter: string; incidents: number } & Record<MetricId, Summary>;

/**
 * Figures per calendar quarter on the calendar of `timeZone`, by the quarter each incident
 * started in, from the first incident's quarter to the last one's (or `now`'s), quiet
 * quarters included.
 */
export function quarterFigures(
  incidents: readonly Incident[],
  { timeZone, now }: SeriesOptions,
): QuarterFigures[] {
  const span = seriesSpan(incidents, now);
  if (!span) return [];
  // Bucket once: reading a date on a zone's calendar is the slow part.
  const buckets = new Map<string, Incident[]>();
  for (const incident of incidents) {
    const key = quarterKey(incident.data.startedAt, timeZone);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(incident);
    else buckets.set(key, [incident]);
  }
  return quarterRange(quarterKey(span.first, timeZone), quarterKey(span.last, timeZone)).map((quarter) => {
    const members = buckets.get(quarter) ?? [];
    const metrics = Object.fromEntries(
      METRIC_IDS.map((metric) => [metric, summarizeMinutes(measure(members, metric).values)]),
    ) as Record<MetricId, Summary>;
    return { quarter, incidents: members.length, ...metrics };
  });
}

/** The quarter a review is about and the one before, for "this quarter against last". */
export interface QuarterComparison {
  /** The quarter `now` falls in (so far), or the last quarter with data without `now`. */
  current: QuarterFigures | null;
  /** The quarter before it; `null` when the knowledge base starts with `current`. */
  previous: QuarterFigures | null;
}

/** Picks this quarter and last quarter out of `quarterFigures()`. */
export function compareQuarters(
  quarters: readonly QuarterFigures[],
  { timeZone, now }: SeriesOptions,
): QuarterComparison {
  const key = now ? quarterKey(now, timeZone) : quarters.at(-1)?.quarter;
  const index = quarters.findIndex((entry) => entry.quarter === key);
  if (index === -1) return { current: null, previous: null };
  return { current: quarters[index] ?? null, previous: quarters[index - 1] ?? null };
}
