import type { Incident } from '../incidents';
import { metricMinutes } from './metrics';
import { roundMinutes } from './minutes';

/** How much incident time one root-cause category accounts for. */
export interface RootCauseImpact {
  /** Incidents filed under the category. */
  incidents: number;
  /** Of those, how many record `resolvedAt` and so have a duration to add up. */
  counted: number;
  /** The sum of their durations (`resolvedAt - startedAt`), in minutes. */
  totalMinutes: number;
}

/**
 * Total impact time per root cause: the sum of the incidents' durations, from impact to
 * resolution, the same "time in incident" the home page totals. Counts say how often a cause
 * bites; this says how much it costs, and the two rankings often differ (one long storage
 * outage can outweigh ten short deploy rollbacks). Every category of the taxonomy is listed in
 * its order, empty ones with zero.
 */
export function impactByRootCause(
  incidents: readonly Incident[],
  rootCauses: readonly { id: string }[],
): Record<string, RootCauseImpact> {
  const impact: Record<string, RootCauseImpact> = {};
  for (const { id } of rootCauses) {
    const members = incidents.filter((incident) => incident.data.rootCause.category === id);
    const minutes = members
      .map((incident) => metricMinutes(incident, 'timeToResolve'))
      .filter((value) => value !== undefined);
    impact[id] = {
      incidents: members.length,
      counted: minutes.length,
      totalMinutes: roundMinutes(minutes.reduce((sum, value) => sum + value, 0)),
    };
  }
  return impact;
}
