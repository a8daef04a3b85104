import { figuresOf, type Figures } from './browse';
import { byNewest, type Incident } from './incidents';
import { rankedSeverity, type RankedSeverity } from './labels';
import type { TaxonomyEntry } from '../schemas/taxonomy';

/**
 * The browse-by-severity pages: one per level of `severities.yaml`, most severe first, and a
 * level with no incidents is kept ("no SEV1 this year" is worth seeing), so renaming or adding
 * a level in the file changes the pages with no code to touch.
 */
export interface SeverityGroup {
  severity: RankedSeverity;
  /** Its incidents, newest first. */
  incidents: Incident[];
  figures: Figures;
}

/** The order `/severities/` lists levels in, as its caption says it. */
export const SEVERITY_ORDER = 'most severe first, as the taxonomy lists them';

/** Every severity level of the taxonomy, in its order, empty ones included. */
export function severityGroups(
  incidents: readonly Incident[],
  severities: readonly TaxonomyEntry[],
): SeverityGroup[] {
  return severities.map((entry) => {
    const list = incidents.filter((incident) => incident.data.severity === entry.id).sort(byNewest);
    return { severity: rankedSeverity(entry.id, severities), incidents: list, figures: figuresOf(list) };
  });
}
