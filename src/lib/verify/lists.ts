import { ALL_INCIDENTS, LIST_FAMILIES, listsOf, type BuildPostmortem } from './expected';
import type { SiteScan } from './site-scan';
import { incidentIdOf, pageUrlOf, tally, type Entry, type Finding } from './tally';

/**
 * The list a built page is a page of: `incidents` for `incidents/index.html` and
 * `incidents/page/3/index.html`, `services/email` for `services/email/page/2/index.html`;
 * `undefined` for any other page. `services/page/2/` is page 2 of the list of services, not of
 * a service's list.
 */
export function listOfPage(file: string): string | undefined {
  const folder = /^(.*)\/index\.html$/.exec(file)?.[1];
  if (folder === undefined) return undefined;
  const list = /^(.*)\/page\/\d+$/.exec(folder)?.[1] ?? folder;
  if (list === ALL_INCIDENTS) return list;
  const [family, name, ...rest] = list.split('/');
  return name && rest.length === 0 && (LIST_FAMILIES as readonly string[]).includes(family ?? '')
    ? list
    : undefined;
}

/**
 * Every postmortem in the build is exactly one row of every list it belongs in (all incidents,
 * its root cause, each of its services, its severity, its year), across all the pages of each
 * list, and no row of a list is an incident that does not belong there. A row is an incident
 * link in a table body; a list is told from its pages' addresses (`listOfPage`).
 */
export function checkLists(scan: SiteScan, postmortems: readonly BuildPostmortem[], base: string): Finding[] {
  const inBuild = new Set(postmortems.map((postmortem) => postmortem.id));
  const expected = new Map<string, string[]>();
  for (const postmortem of postmortems) {
    for (const list of listsOf(postmortem)) {
      const ids = expected.get(list);
      if (ids) ids.push(postmortem.id);
      else expected.set(list, [postmortem.id]);
    }
  }
  const found = new Map<string, Entry[]>();
  for (const [file, page] of scan.pages) {
    const list = listOfPage(file);
    if (list === undefined) continue;
    const pageUrl = pageUrlOf(base, file);
    const rows = found.get(list) ?? [];
    found.set(list, rows);
    for (const link of page.rowLinks) {
      const id = incidentIdOf(link, base, pageUrl);
      if (id !== undefined) rows.push({ id, at: file });
    }
  }

  const unexpected = (id: string) =>
    inBuild.has(id)
      ? 'is listed, though it does not belong in this list'
      : 'is not in the build, yet is listed';
  const findings: Finding[] = [];
  for (const [list, ids] of expected) {
    const rows = found.get(list);
    if (rows === undefined) {
      findings.push({
        where: `${list}/`,
        problem: `has no page, though ${ids.length} incidents belong in it`,
      });
      continue;
    }
    findings.push(...tally(`${list}/`, ids, rows, unexpected));
  }
  for (const [list, rows] of found) {
    if (expected.has(list)) continue;
    // Root causes and severities come from the taxonomy: an empty one keeps its page.
    const [family] = list.split('/');
    if (family === 'services' || family === 'years') {
      findings.push({ where: `${list}/`, problem: 'is a list of no incident in the build' });
    }
    findings.push(...tally(`${list}/`, [], rows, unexpected));
  }
  return findings;
}
