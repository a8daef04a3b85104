import { hasOutstandingTasks, startYear, type Incident } from '../incidents';

/**
 * What each incident page tells Pagefind besides its text: the filters the search page offers
 * as facets, the keys it sorts by and the fields a result shows without loading the page.
 * The page (through `PagefindMeta.astro`) and the search script both read the names from here,
 * so a renamed filter cannot leave the two out of step.
 */

/** Facets, in the order the search page shows them. `services` is the only multi-valued one. */
export const FILTER_KEYS = ['rootCause', 'services', 'severity', 'year', 'followUp'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Values of the `followUp` filter: whether an incident still has open or in-progress tasks. */
export const FOLLOW_UP = { open: 'open', closed: 'closed' } as const;

/** Sort keys: `started` is the UTC start as ISO 8601 (sorts as text), `duration` whole minutes. */
export const SORT_KEYS = ['started', 'duration'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * Metadata. `title`, `date`, `severity` and `summary` are what a result renders from. Pagefind
 * also matches words in metadata, boosting a field by its `ranking.metaWeights` entry (see
 * `ranking.ts`): `cause` (category, root cause and trigger) is there to be boosted, so
 * an incident whose root cause matches the query outranks one that only mentions the words;
 * `tags` is there to be found at all, since the page shows tags in its footer and Pagefind
 * never indexes footers.
 */
export const META_KEYS = ['title', 'date', 'severity', 'summary', 'tags', 'cause'] as const;
export type MetaKey = (typeof META_KEYS)[number];

export interface SearchRecord {
  filters: Record<FilterKey, string[]>;
  sort: Record<SortKey, string>;
  meta: Record<MetaKey, string>;
}

const MINUTE = 60_000;

/** @param rootCauseLabel The category's label from the taxonomy, e.g. "Network". */
export function searchRecord(incident: Incident, rootCauseLabel: string): SearchRecord {
  const { data } = incident;
  return {
    filters: {
      rootCause: [data.rootCause.category],
      services: [...data.services],
      severity: [data.severity],
      year: [String(startYear(incident))],
      followUp: [hasOutstandingTasks(incident) ? FOLLOW_UP.open : FOLLOW_UP.closed],
    },
    sort: {
      started: data.startedAt.toISOString(),
      // Pagefind leaves a page out of a sorted search when it lacks the key, so an open draft
      // (dev builds only) sorts as zero rather than vanishing.
      duration: String(Math.round((data.durationMs ?? 0) / MINUTE)),
    },
    meta: {
      title: data.title,
      date: data.startedAt.toISOString(),
      severity: data.severity,
      summary: data.summary,
      tags: (data.tags ?? []).join(', '),
      cause: [`${rootCauseLabel}.`, data.rootCause.summary, data.rootCause.trigger ?? ''].join(' ').trim(),
    },
  };
}

/**
 * The record as `data-pagefind-*` attribute values, one per element. Pagefind splits
 * `key:value` at the first colon and takes the rest literally, so values may hold commas
 * and colons; one element per value keeps multi-valued filters unambiguous.
 */
export function searchAttributes(record: SearchRecord) {
  const pairs = <K extends string>(entries: Record<K, string | string[]>) =>
    Object.entries<string | string[]>(entries).flatMap(([key, values]) =>
      (Array.isArray(values) ? values : [values]).filter(Boolean).map((value) => `${key}:${value}`),
    );
  return { filters: pairs(record.filters), sort: pairs(record.sort), meta: pairs(record.meta) };
}
