import type { Incident } from '../incidents';
import { monthKey, monthRange } from '../calendar';
import { seriesSpan, type SeriesOptions } from './span';

/** How many incidents started in one calendar month, in total and per severity. */
export interface MonthCount {
  /** `YYYY-MM` on the site's calendar. */
  month: string;
  total: number;
  /** Every severity id of the taxonomy, in its order, with 0 for none. */
  bySeverity: Record<string, number>;
}

/**
 * Incidents per month by the month they started in, on the calendar of `timeZone` (an
 * incident at 23:30 on 31 March in New York counts in March there), from the first incident's
 * month to the last one's (or `now`'s), quiet months included as zero so the chart's gaps are
 * real.
 */
export function incidentsPerMonth(
  incidents: readonly Incident[],
  severities: readonly { id: string }[],
  { timeZone, now }: SeriesOptions,
): MonthCount[] {
  const span = seriesSpan(incidents, now);
  if (!span) return [];
  const months = monthRange(monthKey(span.first, timeZone), monthKey(span.last, timeZone)).map(
    (month): MonthCount => ({
      month,
      total: 0,
      bySeverity: Object.fromEntries(severities.map((severity) => [severity.id, 0])),
    }),
  );
  const byKey = new Map(months.map((entry) => [entry.month, entry]));
  for (const incident of incidents) {
    const entry = byKey.get(monthKey(incident.data.startedAt, timeZone));
    if (!entry) continue;
    entry.total += 1;
    const { severity } = incident.data;
    entry.bySeverity[severity] = (entry.bySeverity[severity] ?? 0) + 1;
  }
  return months;
}
