/**
 * The verification every build ends with: nothing lost, nothing broken. It reads the built
 * site once (`site-scan.ts`) and the postmortems that belong in it from their files
 * (`expected.ts`, with the leak check's reader and the same audience rules), then checks that
 * each has one incident page (`incident-pages.ts`), one search record (`search-index.ts`), one
 * row in every list it belongs in (`lists.ts`), one feed item, one JSON entry and one sitemap
 * entry (`feeds.ts`), and that no internal link or anchor is broken (`links.ts`).
 */
import path from 'node:path';
import type { HindsightConfig } from '../../schemas/config';
import { postmortemsInBuild } from './expected';
import { checkFeed, checkIncidentsJson, checkSitemap } from './feeds';
import { checkIncidentPages } from './incident-pages';
import { normaliseBase, type BrokenLink } from './link-checker';
import { checkLists } from './lists';
import { checkSearchIndex } from './search-index';
import { scanSite } from './site-scan';
import type { Finding } from './tally';

export { findBrokenLinks, indexedUrls, type BrokenLink, type LinkCheckOptions } from './links';
export type { Finding } from './tally';
export { formatVerified, formatFailure } from './report';

export interface VerifyOptions {
  /** The built site, such as `dist/`. */
  siteDir: string;
  /** The folder with `postmortems/` the site was built from. */
  contentDir: string;
  config: Pick<HindsightConfig, 'audience' | 'timezone'> & {
    visibility: Pick<HindsightConfig['visibility'], 'default'>;
  };
  /** The path the site is served under, as Astro resolved it. Default `/`. */
  base?: string;
  /** The site's address, when configured: absolute links to it are internal. */
  site?: string | undefined;
  /** Postmortem files are named relative to this folder. Default: the working directory. */
  cwd?: string;
}

export interface VerifyResult {
  /** Postmortems that belong in the build. */
  postmortems: number;
  /** HTML pages read, and files in the build. */
  pages: number;
  files: number;
  /** Search records read. */
  records: number;
  /** Lists and their pages checked. */
  findings: Finding[];
  brokenLinks: BrokenLink[];
  ms: number;
}

/** Verifies the built site (see the module comment); an empty `findings` and `brokenLinks` is a pass. */
export function verifyBuiltSite(options: VerifyOptions): VerifyResult {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const base = normaliseBase(options.base ?? '/');
  const postmortems = postmortemsInBuild(options.contentDir, {
    audience: options.config.audience,
    defaultVisibility: options.config.visibility.default,
    timeZone: options.config.timezone,
    name: (file) => path.relative(cwd, file) || file,
  });
  const scan = scanSite(options.siteDir, { base, site: options.site });
  const findings = [
    ...checkIncidentPages(scan, postmortems, base),
    ...checkSearchIndex(scan, postmortems),
    ...checkLists(scan, postmortems, base),
    ...checkFeed(scan, postmortems, base),
    ...checkIncidentsJson(scan, postmortems),
    ...checkSitemap(scan, postmortems, base),
  ];
  return {
    postmortems: postmortems.length,
    pages: scan.pages.size,
    files: scan.files.size,
    records: scan.records?.length ?? 0,
    findings,
    brokenLinks: scan.brokenLinks,
    ms: Math.round(performance.now() - started),
  };
}
