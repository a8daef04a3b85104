import type { BuildPostmortem } from './expected';
import type { SiteScan } from './site-scan';
import { incidentIdOf, tally, type Entry, type Finding } from './tally';

export const SEARCH_INDEX = 'the search index';

/**
 * Every postmortem in the build has exactly one record in the search index (one Pagefind
 * fragment naming its page), and no record names anything else.
 */
export function checkSearchIndex(scan: SiteScan, postmortems: readonly BuildPostmortem[]): Finding[] {
  if (scan.records === undefined) {
    return postmortems.length === 0
      ? []
      : [{ where: SEARCH_INDEX, problem: 'is missing: the build has no pagefind/fragment/ folder' }];
  }
  // Pagefind's URLs are from the site's root: the search page adds the base.
  const found: Entry[] = scan.records.map((record) => ({
    id: incidentIdOf(record.url, '/') ?? `(${record.url})`,
    at: record.fragment,
  }));
  return tally(
    SEARCH_INDEX,
    postmortems.map((postmortem) => postmortem.id),
    found,
    (id) =>
      id.startsWith('(')
        ? 'is a record of a page that is no incident'
        : 'is not in the build, yet has a record',
    'record',
  );
}
