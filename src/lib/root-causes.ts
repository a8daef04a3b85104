import type { TaxonomyEntry } from '../schemas/taxonomy';
import { byRootCause } from './aggregates';
import type { Incident } from './incidents';
import { NOUNS, plural } from './labels';
import { routes } from './routes';
import { searchHref } from './search/state';

/**
 * The browse-by-root-cause pages: one row per taxonomy category, in the taxonomy's order and
 * with empty categories kept ("we have never had a DNS outage" is worth knowing), and one page
 * per category listing its incidents newest first. Plain HTML, no script needed.
 */

export interface RootCauseRow {
  category: TaxonomyEntry;
  count: number;
  /** The category's newest incident, if it has any. */
  latest: Incident | undefined;
  href: string;
}

export function rootCauseRows(
  incidents: readonly Incident[],
  rootCauses: readonly TaxonomyEntry[],
): RootCauseRow[] {
  return byRootCause(incidents, rootCauses).map(({ key, incidents: list }) => ({
    category: key,
    count: list.length,
    latest: list[0],
    href: routes.rootCause(key.id),
  }));
}

export interface RootCausePage {
  params: { id: string };
  props: { category: TaxonomyEntry; incidents: Incident[] };
}

/** `getStaticPaths` for `/root-causes/<id>/`: every category gets a page, even an empty one. */
export function rootCausePages(
  incidents: readonly Incident[],
  rootCauses: readonly TaxonomyEntry[],
): RootCausePage[] {
  return byRootCause(incidents, rootCauses).map(({ key, incidents: list }) => ({
    params: { id: key.id },
    props: { category: key, incidents: list },
  }));
}

/** The search page filtered to one category, for "search within these incidents". */
export const rootCauseSearchHref = (id: string) =>
  searchHref(routes.search(), { q: '', filters: { rootCause: [id] }, sort: 'relevance' });

/** "3 incidents", "1 incident", "No incidents". */
export const incidentCount = (count: number) =>
  count === 0 ? 'No incidents' : plural(count, NOUNS.incident);
