import type { TaxonomyEntry } from '../../schemas/taxonomy';
import type { Summary } from '../stats';
import type { Incident } from '../incidents';
import { measure, type MetricId } from './metrics';
import { summarizeMinutes } from './minutes';

/**
 * One response-time metric broken down the ways a reliability review asks about it: overall,
 * per severity ("are SEV1s handled faster?") and per root cause ("which kind of failure takes
 * longest?"). This is the shape `/api/insights.json` promises for `timeToDetect`,
 * `timeToMitigate` and `timeToResolve`.
 */
export interface MetricBreakdown {
  all: Summary;
  /** Every severity of the taxonomy, in its order (most severe first), empty ones included. */
  bySeverity: Record<string, Summary>;
  /** Every root-cause category of the taxonomy, in its order, empty ones included. */
  byRootCause: Record<string, Summary>;
}

/** The taxonomy's two vocabularies, as far as insights need them. */
export interface InsightsTaxonomy {
  severities: readonly TaxonomyEntry[];
  rootCauses: readonly TaxonomyEntry[];
}

/**
 * `metric` summarised per taxonomy entry, keyed by id in the taxonomy's order. Entries with no
 * incidents are kept with a count of 0, because "never happened" is worth seeing, and because
 * a category a team adds shows up without any code knowing its name.
 */
export function summariesBy(
  incidents: readonly Incident[],
  metric: MetricId,
  entries: readonly { id: string }[],
  idOf: (incident: Incident) => string,
): Record<string, Summary> {
  const summaries: Record<string, Summary> = {};
  for (const entry of entries) {
    const members = incidents.filter((incident) => idOf(incident) === entry.id);
    summaries[entry.id] = summarizeMinutes(measure(members, metric).values);
  }
  return summaries;
}

/** `metric` overall, per severity and per root cause. */
export function metricBreakdown(
  incidents: readonly Incident[],
  metric: MetricId,
  taxonomy: InsightsTaxonomy,
): MetricBreakdown {
  return {
    all: summarizeMinutes(measure(incidents, metric).values),
    bySeverity: summariesBy(incidents, metric, taxonomy.severities, (incident) => incident.data.severity),
    byRootCause: summariesBy(
      incidents,
      metric,
      taxonomy.rootCauses,
      (incident) => incident.data.rootCause.category,
    ),
  };
}
