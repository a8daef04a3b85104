import { formatDurationShort } from './duration';
import type { Incident } from './incidents';
import { POSTMORTEM_STATUS_LABELS, rankedSeverity, taxonomyEntry, type RankedSeverity } from './labels';
import { routes } from './routes';
import type { Taxonomy } from './taxonomy';
import { formatDate } from './time';

/**
 * One row of an incident table, as text and links: the same incident reads the same in the
 * list, on the home page, on a root-cause page and under "related incidents".
 */
export interface IncidentRow {
  id: string;
  href: string;
  title: string;
  /** When impact began, for `<time datetime>`. */
  startedAt: Date;
  /**
   * "9 May 2024": the day on one calendar for every row (UTC unless a zone is given; tables
   * pass the site's `timezone`), so rows compare across incidents whatever zone each names.
   */
  date: string;
  /** "Draft" or "In review" for an unfinished postmortem; `undefined` once published. */
  statusNote: string | undefined;
  severity: RankedSeverity;
  rootCause: { id: string; label: string; href: string };
  /** "email, mail-storage". */
  services: string;
  /** "3h 30m", or "ongoing" while unresolved. */
  duration: string;
}

/** The row for one incident, labelled from the organisation's taxonomy, dated on `timeZone`'s calendar. */
export function incidentRow(incident: Incident, taxonomy: Taxonomy, timeZone = 'UTC'): IncidentRow {
  const { data } = incident;
  const category = taxonomyEntry(taxonomy.rootCauses, data.rootCause.category);
  return {
    id: incident.id,
    href: routes.incident(incident.id),
    title: data.title,
    startedAt: data.startedAt,
    date: formatDate(data.startedAt, timeZone),
    statusNote: data.status === 'published' ? undefined : POSTMORTEM_STATUS_LABELS[data.status],
    severity: rankedSeverity(data.severity, taxonomy.severities),
    rootCause: { id: category.id, label: category.label, href: routes.rootCause(category.id) },
    services: data.services.join(', '),
    duration: data.durationMs === undefined ? 'ongoing' : formatDurationShort(data.durationMs),
  };
}
