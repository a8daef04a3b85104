import type { Incident } from '../incidents';
import { outstandingTasks } from '../incidents';
import { isoDateInZone } from '../time';
import { metricBreakdown, type InsightsTaxonomy, type MetricBreakdown } from './groups';
import { impactByRootCause, type RootCauseImpact } from './impact';
import { measure, METRIC_IDS, METRICS, type MetricId, type MilestoneField } from './metrics';
import { misleadingPaths, type MisleadingPaths } from './misleading';
import { incidentsPerMonth, type MonthCount } from './months';
import { compareQuarters, quarterFigures, type QuarterComparison, type QuarterFigures } from './quarters';
import { seriesSpan, type SeriesOptions } from './span';

/** How many incidents a metric could be computed for, and which ones lack its timestamp. */
export interface Coverage {
  /** The timestamp the metric needs besides `startedAt`. */
  field: MilestoneField;
  counted: number;
  /** Ids of the incidents left out because they lack `field`. */
  missing: string[];
}

/**
 * Everything `/insights/` shows, and exactly what `/api/insights.json` serves: the page and the
 * endpoint both render this one object, so they cannot disagree. Durations are in minutes;
 * severities and root causes are keyed by taxonomy id, in the taxonomy's order (the
 * `severities` and `rootCauses` lists give that order explicitly, for consumers whose JSON
 * parser does not keep key order).
 */
export type Insights = Record<MetricId, MetricBreakdown> & {
  /** What the figures were computed from. */
  generatedFrom: {
    /** Every incident counted: published and in-review postmortems (drafts too under `astro dev`). */
    incidents: number;
    /** Of those, drafts: always 0 in a production build. */
    drafts: number;
    /** The zone whose calendar months and quarters follow. */
    timeZone: string;
    /** The build date on that calendar (`YYYY-MM-DD`), up to which series run; `null` if not given. */
    asOf: string | null;
    /** The first and last incident's start, ISO 8601 UTC; `null` with no incidents. */
    firstStartedAt: string | null;
    lastStartedAt: string | null;
  };
  severities: { id: string; label: string }[];
  rootCauses: { id: string; label: string }[];
  /** Per metric, how many incidents it counts and which ones lack its timestamp. */
  coverage: Record<MetricId, Coverage>;
  /** Incidents per calendar month, by severity, quiet months as zero. */
  incidentsPerMonth: MonthCount[];
  /** Incidents and response times per calendar quarter, quiet quarters included. */
  quarters: QuarterFigures[];
  /** This quarter (so far) and the one before, out of `quarters`. */
  quarterOverQuarter: QuarterComparison;
  /** Total incident time per root cause, in minutes. */
  impactByRootCause: Record<string, RootCauseImpact>;
  misleadingPaths: MisleadingPaths;
  /** Follow-up tasks still `open` or `in-progress`, across every counted incident. */
  followUp: { openTasks: number };
};

/**
 * Computes the insights for `incidents`: every incident it is given counts. Pages pass
 * `getIncidents()`, so a production build counts published and in-review postmortems and never
 * drafts; `astro dev` shows drafts everywhere, here too, so an author sees how a new postmortem
 * moves the figures. An incident that lacks a timestamp a metric needs (an open draft has no
 * `resolvedAt`) is left out of that metric only, and `coverage` names it.
 */
export function buildInsights(
  incidents: readonly Incident[],
  taxonomy: InsightsTaxonomy,
  options: SeriesOptions,
): Insights {
  const { timeZone, now } = options;
  const span = seriesSpan(incidents);
  const quarters = quarterFigures(incidents, options);
  const metrics = Object.fromEntries(
    METRIC_IDS.map((metric) => [metric, metricBreakdown(incidents, metric, taxonomy)]),
  ) as Record<MetricId, MetricBreakdown>;
  const coverage = Object.fromEntries(
    METRIC_IDS.map((metric) => {
      const { values, missing } = measure(incidents, metric);
      return [metric, { field: METRICS[metric].field, counted: values.length, missing }];
    }),
  ) as Record<MetricId, Coverage>;
  return {
    generatedFrom: {
      incidents: incidents.length,
      drafts: incidents.filter((incident) => incident.data.status === 'draft').length,
      timeZone,
      asOf: now ? isoDateInZone(now, timeZone) : null,
      firstStartedAt: span?.first.toISOString() ?? null,
      lastStartedAt: span?.last.toISOString() ?? null,
    },
    severities: taxonomy.severities.map(({ id, label }) => ({ id, label })),
    rootCauses: taxonomy.rootCauses.map(({ id, label }) => ({ id, label })),
    ...metrics,
    coverage,
    incidentsPerMonth: incidentsPerMonth(incidents, taxonomy.severities, options),
    quarters,
    quarterOverQuarter: compareQuarters(quarters, options),
    impactByRootCause: impactByRootCause(incidents, taxonomy.rootCauses),
    misleadingPaths: misleadingPaths(incidents),
    followUp: { openTasks: incidents.reduce((sum, incident) => sum + outstandingTasks(incident).length, 0) },
  };
}
