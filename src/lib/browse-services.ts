import { figuresOf, severityCounts, type Figures, type SeverityCount } from './browse';
import { byNewest, type Incident } from './incidents';
import type { TaxonomyEntry } from '../schemas/taxonomy';

/**
 * The browse-by-service pages. Services are not a taxonomy: they are whatever slugs
 * postmortems list under `services`, so a service appears the first time a postmortem names
 * it, with no file to edit. An incident that hit several services counts once for each.
 */
export interface ServiceGroup {
  /** The slug as postmortems write it, which is also its URL segment and its label. */
  slug: string;
  /** The incidents that list the service, newest first. */
  incidents: Incident[];
  figures: Figures;
  /** Its incidents per severity, most severe first. */
  severities: SeverityCount[];
}

/** The order `/services/` lists services in, as its caption says it. */
export const SERVICE_ORDER = 'most incidents first, then by name';

/** Every service any incident lists, most incidents first, ties by name (so builds agree). */
export function serviceGroups(
  incidents: readonly Incident[],
  severities: readonly TaxonomyEntry[],
): ServiceGroup[] {
  const bySlug = new Map<string, Incident[]>();
  for (const incident of incidents) {
    for (const slug of incident.data.services) {
      const list = bySlug.get(slug);
      if (list) list.push(incident);
      else bySlug.set(slug, [incident]);
    }
  }
  return [...bySlug]
    .map(([slug, list]) => {
      const sorted = [...list].sort(byNewest);
      return {
        slug,
        incidents: sorted,
        figures: figuresOf(sorted),
        severities: severityCounts(sorted, severities),
      };
    })
    .sort((a, b) => b.figures.count - a.figures.count || a.slug.localeCompare(b.slug));
}
