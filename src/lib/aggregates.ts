import type { TaxonomyEntry } from '../schemas/taxonomy';
import { byNewest, outstandingTasks, startYear, type Incident } from './incidents';

/** A taxonomy entry with the incidents filed under it. */
export interface Group<T = TaxonomyEntry> {
  key: T;
  incidents: Incident[];
}

/**
 * Incidents per taxonomy entry, in the taxonomy's order, with empty entries kept: a category
 * with no incidents is information too ("we have never had a DNS outage").
 */
export function groupByTaxonomy(
  incidents: readonly Incident[],
  entries: readonly TaxonomyEntry[],
  idOf: (incident: Incident) => string,
): Group[] {
  return entries.map((entry) => ({
    key: entry,
    incidents: incidents.filter((incident) => idOf(incident) === entry.id).sort(byNewest),
  }));
}

export const byRootCause = (incidents: readonly Incident[], rootCauses: readonly TaxonomyEntry[]) =>
  groupByTaxonomy(incidents, rootCauses, (incident) => incident.data.rootCause.category);

/**
 * The root causes with the most incidents, most first, for the home page. Categories with none
 * are left out; ties keep the taxonomy's order, so the list does not reshuffle between builds.
 */
export function topRootCauses(
  incidents: readonly Incident[],
  rootCauses: readonly TaxonomyEntry[],
  limit: number,
): Group[] {
  return byRootCause(incidents, rootCauses)
    .filter((group) => group.incidents.length > 0)
    .sort((a, b) => b.incidents.length - a.incidents.length)
    .slice(0, limit);
}

/** Incidents per UTC year, newest year first. */
export function byYear(incidents: readonly Incident[]): { year: number; incidents: Incident[] }[] {
  const map = new Map<number, Incident[]>();
  for (const incident of incidents) {
    const year = startYear(incident);
    map.set(year, [...(map.get(year) ?? []), incident]);
  }
  return [...map]
    .map(([year, list]) => ({ year, incidents: list.sort(byNewest) }))
    .sort((a, b) => b.year - a.year);
}

/** Totals for the home page. */
export function totals(incidents: readonly Incident[]) {
  const durations = incidents.map((i) => i.data.durationMs).filter((ms): ms is number => ms !== undefined);
  return {
    incidents: incidents.length,
    openTasks: incidents.reduce((sum, i) => sum + outstandingTasks(i).length, 0),
    services: new Set(incidents.flatMap((i) => i.data.services)).size,
    totalDowntimeMs: durations.reduce((sum, ms) => sum + ms, 0),
  };
}
