import { FILTER_KEYS, FOLLOW_UP, type FilterKey } from './record';
import type { FacetCounts, FilterCounts } from './query';
import type { SearchState } from './state';
import type { TaxonomyEntry } from '../../schemas/taxonomy';

/**
 * The facet lists the search page shows: every value the index knows (plus any selected in
 * the URL that it does not, so it can still be cleared), labelled from the taxonomy, in a
 * stable order so the lists do not jump about while counts change under the reader.
 */

/** Labels the page gets from the build: the taxonomies, in their files' order. */
export interface SearchLabels {
  rootCauses: readonly { id: string; label: string }[];
  severities: readonly { id: string; label: string }[];
}

type Entries = readonly TaxonomyEntry[];

/** The labels from the taxonomies, without the descriptions the page has no use for. */
export function searchLabels(taxonomy: { rootCauses: Entries; severities: Entries }): SearchLabels {
  const pick = (entries: Entries) => entries.map(({ id, label }) => ({ id, label }));
  return { rootCauses: pick(taxonomy.rootCauses), severities: pick(taxonomy.severities) };
}

export interface FacetOption {
  value: string;
  label: string;
  /** Matching incidents if this value were (or stays) selected, given the other facets. */
  count: number;
  selected: boolean;
}

export interface Facet {
  key: FilterKey;
  legend: string;
  options: FacetOption[];
}

export const FACET_LEGENDS: Record<FilterKey, string> = {
  rootCause: 'Root cause',
  services: 'Service',
  severity: 'Severity',
  year: 'Year',
  followUp: 'Follow-up work',
};

const FOLLOW_UP_LABELS: Record<string, string> = {
  [FOLLOW_UP.open]: 'Has open tasks',
  [FOLLOW_UP.closed]: 'No open tasks',
};

/** Where a value sorts within its facet; lower first. Unknown taxonomy ids go last. */
function orderOf(key: FilterKey, labels: SearchLabels, totals: Record<string, number>) {
  const byTaxonomy = (entries: SearchLabels['rootCauses']) => (value: string) => {
    const index = entries.findIndex((entry) => entry.id === value);
    return index === -1 ? entries.length : index;
  };
  switch (key) {
    case 'rootCause':
      return byTaxonomy(labels.rootCauses);
    case 'severity':
      return byTaxonomy(labels.severities);
    case 'services':
      // Busiest first: the services with most incidents are the ones people filter by.
      return (value: string) => -countOf(totals, value);
    case 'year':
      return (value: string) => -Number(value);
    case 'followUp':
      return (value: string) => Object.keys(FOLLOW_UP_LABELS).indexOf(value);
  }
}

/**
 * The count for `value`, 0 when it has none. Values are authors' words, and a service called
 * `constructor` must not read `Object`'s own property off a plain object's prototype.
 */
export function countOf(counts: Readonly<Record<string, number>> | undefined, value: string): number {
  return counts && Object.hasOwn(counts, value) ? (counts[value] ?? 0) : 0;
}

export function facetLabel(key: FilterKey, value: string, labels: SearchLabels): string {
  if (key === 'rootCause') return labels.rootCauses.find((entry) => entry.id === value)?.label ?? value;
  if (key === 'severity') return labels.severities.find((entry) => entry.id === value)?.label ?? value;
  if (key === 'followUp') return (Object.hasOwn(FOLLOW_UP_LABELS, value) && FOLLOW_UP_LABELS[value]) || value;
  return value;
}

/**
 * @param totals Site-wide counts per value (`pagefind.filters()`), which fix the list of values.
 * @param counts Counts for the current search, per facet (see `facetCounts`).
 */
export function buildFacets(
  totals: FilterCounts,
  counts: FacetCounts,
  state: SearchState,
  labels: SearchLabels,
): Facet[] {
  return FILTER_KEYS.map((key) => {
    const siteWide = totals[key] ?? {};
    const selected = state.filters[key] ?? [];
    const values = [...new Set([...Object.keys(siteWide), ...selected])];
    const order = orderOf(key, labels, siteWide);
    values.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    return {
      key,
      legend: FACET_LEGENDS[key],
      options: values.map((value) => ({
        value,
        label: facetLabel(key, value, labels),
        count: countOf(counts[key], value),
        selected: selected.includes(value),
      })),
    };
  });
}
