import { hasOutstandingTasks, startYear, type Incident } from '../incidents';
import type { FacetRow } from './facet-data';

/**
 * What each incident page tells search besides its text: its facet values (filters and sort
 * keys), which the build gathers into the compact files of `facet-data.ts` rather than giving
 * them to Pagefind, and the metadata fields a result shows without loading the page. The page
 * (through `PagefindMeta.astro`) and the search script both read the names from here, so a
 * renamed facet cannot leave the two out of step.
 */

/** Facets, in the order the search page shows them. `services` is the only multi-valued one. */
export const FILTER_KEYS = ['rootCause', 'services', 'severity', 'year', 'followUp'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The `id` of the paragraph that holds the write-up, timeline and task text as distinct words
 * in the copy of the page Pagefind indexes (`search-document.ts`); a result whose matches all
 * lie at or after it found the words only there.
 */
export const SEARCH_WORDS_ID = 'search-words';

/** Values of the `followUp` facet: whether an incident still has open or in-progress tasks. */
export const FOLLOW_UP = { open: 'open', closed: 'closed' } as const;

/**
 * Metadata. `title`, `date`, `severity` and `summary` are what a result renders from. Pagefind
 * also matches words in metadata, boosting a field by its `ranking.metaWeights` entry (see
 * `ranking.ts`): `cause` (category, root cause and trigger) is there to be boosted, so
 * an incident whose root cause matches the query outranks one that only mentions the words;
 * `tags` is there to be found at all, since the page shows tags in its footer and Pagefind
 * never indexes footers. `services` is what a result lists (the facet data holds only the
 * busiest services for every incident until a reader asks for more).
 */
export const META_KEYS = ['title', 'date', 'severity', 'summary', 'tags', 'cause', 'services'] as const;
export type MetaKey = (typeof META_KEYS)[number];

export interface SearchRecord {
  /** The incident's facet values; the build adds its URL. */
  facets: Omit<FacetRow, 'url'>;
  meta: Record<MetaKey, string>;
}

const MINUTE = 60_000;

/** @param rootCauseLabel The category's label from the taxonomy, e.g. "Network". */
export function searchRecord(incident: Incident, rootCauseLabel: string): SearchRecord {
  const { data } = incident;
  return {
    facets: {
      rootCause: data.rootCause.category,
      services: [...data.services],
      severity: data.severity,
      year: String(startYear(incident)),
      followUp: hasOutstandingTasks(incident) ? FOLLOW_UP.open : FOLLOW_UP.closed,
      started: data.startedAt.toISOString(),
      // An open draft (dev builds only) has no duration yet; it sorts as zero.
      duration: Math.round((data.durationMs ?? 0) / MINUTE),
    },
    meta: {
      title: data.title,
      date: data.startedAt.toISOString(),
      severity: data.severity,
      summary: data.summary,
      tags: (data.tags ?? []).join(', '),
      cause: [`${rootCauseLabel}.`, data.rootCause.summary, data.rootCause.trigger ?? ''].join(' ').trim(),
      services: data.services.join(', '),
    },
  };
}

/**
 * The record as attribute values: the facet values as one JSON attribute (`facet-data.ts` reads
 * it), and one `data-pagefind-meta` value per field. Pagefind splits `key:value` at the first
 * colon and takes the rest literally, so values may hold commas and colons.
 */
export function searchAttributes(record: SearchRecord) {
  return {
    facets: JSON.stringify(record.facets),
    meta: Object.entries(record.meta)
      .filter(([, value]) => Boolean(value))
      .map(([key, value]) => `${key}:${value}`),
  };
}
