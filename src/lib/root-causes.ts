import type { TaxonomyEntry } from '../schemas/taxonomy';
import { byRootCause } from './aggregates';
import { figuresOf, type Figures } from './browse';
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
  /** Its count, total and median duration and last occurrence, as every browse page shows them. */
  figures: Figures;
  href: string;
}

/** The order `/root-causes/` lists categories in, as its caption says it. */
export const ROOT_CAUSE_ORDER = 'in the order of the root-cause taxonomy';

export function rootCauseRows(
  incidents: readonly Incident[],
  rootCauses: readonly TaxonomyEntry[],
): RootCauseRow[] {
  return byRootCause(incidents, rootCauses).map(({ key, incidents: list }) => ({
    category: key,
    count: list.length,
    latest: list[0],
    figures: figuresOf(list),
    href: routes.rootCause(key.id),
  }));
}

/** A category with its incidents (newest first) and figures: what `/root-causes/<id>/` shows. */
export interface RootCauseGroup {
  category: TaxonomyEntry;
  incidents: Incident[];
  figures: Figures;
}

/**
 * Every category of the taxonomy with its incidents, for `/root-causes/<id>/`: every category
 * gets a page, even an empty one.
 */
export function rootCauseGroups(
  incidents: readonly Incident[],
  rootCauses: readonly TaxonomyEntry[],
): RootCauseGroup[] {
  return byRootCause(incidents, rootCauses).map(({ key, incidents: list }) => ({
    category: key,
    incidents: list,
    figures: figuresOf(list),
  }));
}

/** The search page filtered to one category, for "search within these incidents". */
export const rootCauseSearchHref = (id: string) =>
  searchHref(routes.search(), { q: '', filters: { rootCause: [id] }, sort: 'relevance' });

/** "3 incidents", "1 incident", "No incidents". */
export const incidentCount = (count: number) =>
  count === 0 ? 'No incidents' : plural(count, NOUNS.incident);
