import type { Incident } from '../incidents';
import { toMinutes } from './minutes';

/**
 * The three response times the insights report, each measured from `startedAt` (when impact
 * began), not from the previous milestone, so "time to resolve" is the whole incident and the
 * three can be read against one another: detect ≤ mitigate ≤ resolve.
 */
export const METRICS = {
  /** From impact to someone (or something) noticing: how good the alerting is. */
  timeToDetect: { field: 'detectedAt', label: 'Time to detect' },
  /** From impact to impact stopping, even by a stop-gap: how long users were hurt. */
  timeToMitigate: { field: 'mitigatedAt', label: 'Time to mitigate' },
  /** From impact to the incident being closed: the incident's duration. */
  timeToResolve: { field: 'resolvedAt', label: 'Time to resolve' },
} as const;

export type MetricId = keyof typeof METRICS;

/** The metrics in the order pages and the JSON list them. */
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

/** The timestamp a metric needs besides `startedAt`. */
export type MilestoneField = (typeof METRICS)[MetricId]['field'];

/**
 * The metric for one incident in minutes, or `undefined` when the postmortem does not record
 * the milestone: optional fields are often left out, and a guess would skew the percentiles.
 */
export function metricMinutes(incident: Incident, metric: MetricId): number | undefined {
  const end = incident.data[METRICS[metric].field];
  return end ? toMinutes(end.getTime() - incident.data.startedAt.getTime()) : undefined;
}

/** A metric over many incidents: the values that could be measured, and who could not be. */
export interface Measured {
  /** Minutes, one per incident that records the milestone, in the incidents' order. */
  values: number[];
  /** Ids of the incidents that lack the milestone, so a reader can go and fill them in. */
  missing: string[];
}

/** Measures `metric` for each incident, keeping apart those that lack its milestone. */
export function measure(incidents: readonly Incident[], metric: MetricId): Measured {
  const values: number[] = [];
  const missing: string[] = [];
  for (const incident of incidents) {
    const minutes = metricMinutes(incident, metric);
    if (minutes === undefined) missing.push(incident.id);
    else values.push(minutes);
  }
  return { values, missing };
}
