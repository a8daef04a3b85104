import fs from 'node:fs';
import path from 'node:path';
import type { BuildPostmortem } from './expected';
import type { SiteScan } from './site-scan';
import { incidentIdOf, tally, type Entry, type Finding } from './tally';

export const FEED = 'rss.xml';
export const INCIDENTS_JSON = 'api/incidents.json';

const notInBuild = () => 'is not in the build, yet is listed';

/** Every postmortem in the build is exactly one `<item>` of the feed, and nothing else is. */
export function checkFeed(scan: SiteScan, postmortems: readonly BuildPostmortem[], base: string): Finding[] {
  const feed = scan.xml.get(FEED);
  if (!feed) return [{ where: FEED, problem: 'is missing' }];
  const found: Entry[] = feed.itemLinks.map((link) => ({
    id: incidentIdOf(link, base) ?? `(${link})`,
    at: FEED,
  }));
  return tally(
    FEED,
    postmortems.map((postmortem) => postmortem.id),
    found,
    notInBuild,
  );
}

/** Every postmortem in the build is exactly one entry of `api/incidents.json`, and nothing else is. */
export function checkIncidentsJson(scan: SiteScan, postmortems: readonly BuildPostmortem[]): Finding[] {
  if (!scan.files.has(INCIDENTS_JSON)) return [{ where: INCIDENTS_JSON, problem: 'is missing' }];
  let incidents: unknown;
  try {
    incidents = (
      JSON.parse(fs.readFileSync(path.join(scan.dir, INCIDENTS_JSON), 'utf8')) as { incidents?: unknown }
    ).incidents;
  } catch (error) {
    return [{ where: INCIDENTS_JSON, problem: `is not JSON: ${(error as Error).message}` }];
  }
  if (!Array.isArray(incidents)) return [{ where: INCIDENTS_JSON, problem: 'has no "incidents" list' }];
  const found: Entry[] = incidents.map((entry: unknown, index) => {
    const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    return { id: typeof id === 'string' ? id : `(entry ${index + 1} without an id)`, at: INCIDENTS_JSON };
  });
  return tally(
    INCIDENTS_JSON,
    postmortems.map((postmortem) => postmortem.id),
    found,
    notInBuild,
  );
}

/** The sitemap's files: `sitemap-0.xml` and on; `sitemap-index.xml` only names them. */
const SITEMAP = /^sitemap-(?!index\.xml$)[^/]+\.xml$/;

/**
 * When the build has a sitemap (it needs the site's address), every postmortem in the build
 * has exactly one incident page in it, and no other incident does.
 */
export function checkSitemap(
  scan: SiteScan,
  postmortems: readonly BuildPostmortem[],
  base: string,
): Finding[] {
  const files = [...scan.xml.keys()].filter((file) => SITEMAP.test(file));
  if (files.length === 0) return [];
  const found: Entry[] = files.flatMap((file) =>
    (scan.xml.get(file)?.pageLocs ?? []).flatMap((loc) => {
      const id = incidentIdOf(loc, base);
      return id === undefined ? [] : [{ id, at: file }];
    }),
  );
  return tally(
    'the sitemap',
    postmortems.map((postmortem) => postmortem.id),
    found,
    notInBuild,
  );
}
