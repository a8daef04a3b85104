import fs from 'node:fs';
import path from 'node:path';

/**
 * Which pages `npm run lighthouse` audits, and what counts as a pass. Kept apart from the
 * script so both rules are unit-tested without a browser.
 */

export type PagePreset = 'desktop' | 'mobile';

export interface AuditedPage {
  /** A short name for the report: `home`, `incidents`, `incident`, … */
  name: string;
  /** The site path to load, such as `/incidents/2024-05-09-mail-storage-array-disk/`. */
  path: string;
}

export interface PageScores {
  page: string;
  path: string;
  preset: PagePreset;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Cumulative layout shift, unitless. */
  cls: number;
  fcpMs: number;
  /** Ids of the pass/fail audits that failed, to say why a score is below 100. */
  failing: string[];
}

/** Below this CLS a page counts as stable (Google calls 0.1 "good"; we hold ourselves to less). */
export const CLS_TARGET = 0.02;
/** Mobile performance at or above this passes; Lighthouse's mobile preset throttles the CPU 4x. */
export const MOBILE_PERFORMANCE_TARGET = 98;

/** The first page folder by name, skipping list pages such as `incidents/2/`. */
const firstDir = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !/^\d+$/.test(entry.name))
        .filter((entry) => fs.existsSync(path.join(dir, entry.name, 'index.html')))
        .map((entry) => entry.name)
        .sort()[0]
    : undefined;

/**
 * One page of each kind from a built site, read from `dist/` so the script works on any team's
 * content: the first incident and root cause by name, and a search for a word of that
 * incident's title (a search that finds something, which is where layout shift happened).
 * Kinds a site does not have (no incidents yet) are left out.
 */
export function lighthousePages(dist: string): AuditedPage[] {
  const pages: AuditedPage[] = [
    { name: 'home', path: '/' },
    { name: 'incidents', path: '/incidents/' },
  ];
  const incident = firstDir(path.join(dist, 'incidents'));
  if (incident) pages.push({ name: 'incident', path: `/incidents/${incident}/` });
  const rootCause = firstDir(path.join(dist, 'root-causes'));
  if (rootCause) pages.push({ name: 'root-cause', path: `/root-causes/${rootCause}/` });
  const word = incident ? searchWord(path.join(dist, 'incidents', incident, 'index.html')) : undefined;
  pages.push({ name: 'search', path: `/search/${word ? `?q=${encodeURIComponent(word)}` : ''}` });
  pages.push({ name: '404', path: '/404.html' });
  return pages;
}

/** The longest word of the page's `<h1>`: distinctive enough to find the incident. */
function searchWord(file: string): string | undefined {
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
  return heading
    .split(/[^\p{L}\p{N}]+/u)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .find((w) => w.length > 0)
    ?.toLowerCase();
}

/**
 * Audits a page fails on purpose. The 404 page carries `noindex` (it is served for every missing
 * URL and must not be indexed as a page of its own), and Lighthouse's SEO audit `is-crawlable`
 * fails any page that asks not to be indexed, whatever it is.
 */
export const INTENDED_FAILURES: Readonly<Record<string, { audits: readonly string[]; why: string }>> = {
  '404': { audits: ['is-crawlable'], why: 'noindex on the not-found page is intended' },
};

/** Whether every failing audit of the page is one it fails on purpose. */
export function failsOnlyAsIntended(r: PageScores): boolean {
  const intended = INTENDED_FAILURES[r.page]?.audits ?? [];
  return r.failing.length > 0 && r.failing.every((audit) => intended.includes(audit));
}

/** Every target a result misses, as a line for the report; none means all passed. */
export function missedTargets(results: readonly PageScores[]): string[] {
  return results.flatMap((r) => {
    const where = `${r.preset} ${r.page} (${r.path})`;
    const misses: string[] = [];
    const categories = {
      accessibility: r.accessibility,
      'best practices': r.bestPractices,
      // A score lowered only by an intended failure is not a miss; the report still prints it.
      ...(failsOnlyAsIntended(r) ? {} : { seo: r.seo }),
      ...(r.preset === 'desktop' ? { performance: r.performance } : {}),
    };
    for (const [name, score] of Object.entries(categories)) {
      if (score < 100)
        misses.push(
          `${where}: ${name} ${score}${r.failing.length ? ` (failing: ${r.failing.join(', ')})` : ''}`,
        );
    }
    if (r.preset === 'mobile' && r.performance < MOBILE_PERFORMANCE_TARGET) {
      misses.push(`${where}: performance ${r.performance}, below ${MOBILE_PERFORMANCE_TARGET}`);
    }
    if (r.cls >= CLS_TARGET) misses.push(`${where}: CLS ${r.cls.toFixed(3)}, not below ${CLS_TARGET}`);
    return misses;
  });
}
