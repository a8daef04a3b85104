import { monthKey, monthLabel } from '../calendar';
import { NOUNS, plural, taxonomyEntry } from '../labels';
import type { TaxonomyEntry } from '../../schemas/taxonomy';
import type { RecurringCause } from './recurring';
import type { SimilarityIncident } from './similar';

/**
 * "Recurring causes" as a page shows it: a few of the largest groups, each named by what its
 * incidents share and when it kept happening, with its newest incidents. Long lists are cut so
 * that a collection of thousands still gives a page one can read; the cut is said, not hidden.
 */
export interface RecurringGroupView<T extends SimilarityIncident> {
  /** "3 incidents: “certificate”, “expired” and “tls”". */
  title: string;
  /** "Mar 2023 to Feb 2025", or one month when they all fell in it. */
  span: string;
  /** The root-cause category most of the group has. */
  category: TaxonomyEntry;
  /** Services two or more of them hit, "api, auth"; empty when none repeat. */
  services: string;
  /** The newest incidents of the group, at most `perGroup`. */
  incidents: T[];
  /** How many older incidents of the group are not listed. */
  more: number;
}

export interface RecurringView<T extends SimilarityIncident> {
  groups: RecurringGroupView<T>[];
  /** How many groups there are in all, shown or not. */
  total: number;
}

/** How much of the list to show. */
export interface RecurringViewOptions {
  /** Groups to show, largest first. Default 10. */
  limit?: number;
  /** Incidents to list per group, newest first. Default 8. */
  perGroup?: number;
}

const and = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** The groups to show and how each is described. */
export function recurringView<T extends SimilarityIncident>(
  groups: readonly RecurringCause<T>[],
  rootCauses: readonly TaxonomyEntry[],
  { limit = 10, perGroup = 8 }: RecurringViewOptions = {},
): RecurringView<T> {
  return {
    total: groups.length,
    groups: groups.slice(0, limit).map((group) => {
      const count = plural(group.incidents.length, NOUNS.incident);
      const first = monthLabel(monthKey(group.first));
      const last = monthLabel(monthKey(group.last));
      return {
        title: group.words.length ? `${count}: ${and.format(group.words.map((word) => `“${word}”`))}` : count,
        span: first === last ? first : `${first} to ${last}`,
        category: taxonomyEntry(rootCauses, group.category),
        services: group.services.join(', '),
        incidents: group.incidents.slice(0, perGroup),
        more: Math.max(0, group.incidents.length - perGroup),
      };
    }),
  };
}
