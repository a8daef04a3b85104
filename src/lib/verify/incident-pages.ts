import type { BuildPostmortem } from './expected';
import type { SiteScan } from './site-scan';
import { incidentIdOf, tally, type Entry, type Finding } from './tally';

/** `incidents/<id>/index.html`; `incidents/page/<n>/` holds the list's later pages. */
const INCIDENT_PAGE = /^incidents\/([^/]+)\/index\.html$/;

/**
 * Every postmortem in the build has exactly one incident page, and no incident page stands for
 * anything else. A page counts for the incident its canonical link names when it has one, so a
 * copy of a page under another address reads as a second page of that incident; a page is an
 * incident page by its address or by carrying `data-pagefind-body`, which only they do.
 */
export function checkIncidentPages(
  scan: SiteScan,
  postmortems: readonly BuildPostmortem[],
  base: string,
): Finding[] {
  const ids = new Set(postmortems.map((postmortem) => postmortem.id));
  const found: Entry[] = [];
  for (const [file, page] of scan.pages) {
    const byPath = INCIDENT_PAGE.exec(file)?.[1];
    const isListPage = byPath === 'page' && !ids.has('page');
    if (!page.indexed && (byPath === undefined || isListPage)) continue;
    const canonical = page.canonical ? incidentIdOf(page.canonical, base) : undefined;
    const id = canonical ?? byPath;
    if (id === undefined) {
      found.push({ id: `(${file})`, at: file });
      continue;
    }
    found.push({ id, at: file });
  }
  return tally(
    'incident pages',
    ids,
    found,
    (id) =>
      id.startsWith('(') ? 'is an incident page of no incident' : 'is not in the build, yet has a page',
    'page',
  );
}
