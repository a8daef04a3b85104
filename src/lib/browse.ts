import { formatDuration } from './duration';
import { byNewest, type Incident } from './incidents';
import { rankedSeverity, type RankedSeverity } from './labels';
import { summarize } from './stats';
import type { TaxonomyEntry } from '../schemas/taxonomy';

/**
 * The figures every browse page shows for a group of incidents (a service, a severity, a
 * year, a root cause), computed one way so the same group reads the same on every page.
 *
 * Durations describe resolved incidents only. An incident without a duration is still open
 * (a draft, which only `astro dev` shows); counting it as zero minutes would pull the median
 * and total down, so it is counted apart as "not resolved" instead.
 */
export interface Figures {
  /** Incidents in the group, resolved or not. */
  count: number;
  /** Incidents with a duration: the ones `totalMs` and `medianMs` describe. */
  resolved: number;
  /** Incidents still open, left out of the duration figures. */
  unresolved: number;
  /** Time in incident, summed over resolved incidents; `null` when none is resolved. */
  totalMs: number | null;
  /** The median duration (R-7, see `summarize`); `null` when none is resolved. */
  medianMs: number | null;
  /** The group's newest incident: its "last occurrence"; `undefined` for an empty group. */
  last: Incident | undefined;
}

/** The figures of a group of incidents, in any order. */
export function figuresOf(incidents: readonly Incident[]): Figures {
  const durations = incidents.map((i) => i.data.durationMs).filter((ms): ms is number => ms !== undefined);
  const { median } = summarize(durations);
  return {
    count: incidents.length,
    resolved: durations.length,
    unresolved: incidents.length - durations.length,
    totalMs: durations.length ? durations.reduce((sum, ms) => sum + ms, 0) : null,
    medianMs: median,
    last: [...incidents].sort(byNewest)[0],
  };
}

/** A duration figure in words, or a dash when there is nothing to measure (no resolved incident). */
export const durationFigure = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/**
 * The note beside a duration figure when it leaves incidents out ("1 not resolved"), so a
 * reader knows the total is not the whole story; empty when every incident is counted.
 */
export const unresolvedNote = (figures: Pick<Figures, 'unresolved'>) =>
  figures.unresolved > 0 ? `${figures.unresolved} not resolved` : '';

/** How many of a group's incidents have each severity. */
export interface SeverityCount {
  severity: RankedSeverity;
  count: number;
}

/**
 * A group's incidents per severity, most severe first (the taxonomy's order); severities with
 * none are left out, since this is a breakdown of what happened, not the list of levels.
 */
export function severityCounts(
  incidents: readonly Incident[],
  severities: readonly TaxonomyEntry[],
): SeverityCount[] {
  const known = severities.map((entry) => entry.id);
  // Ids the taxonomy no longer lists still count, after the known ones.
  const ids = [
    ...known,
    ...new Set(incidents.map((i) => i.data.severity).filter((id) => !known.includes(id))),
  ];
  return ids
    .map((id) => ({
      severity: rankedSeverity(id, severities),
      count: incidents.filter((incident) => incident.data.severity === id).length,
    }))
    .filter((entry) => entry.count > 0);
}
