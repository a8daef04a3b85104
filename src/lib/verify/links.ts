/**
 * The link check of a built site: every internal `href` and `src` in every HTML page, every
 * link in the feed and the sitemap and every page URL in the search index must name a file in
 * the build, and every `#fragment` an element on its target page. Every build runs it (see
 * `src/integrations/verify-build.ts`); the build tests call `findBrokenLinks` too.
 */
import { readIndexRecords, scanSite, type SiteScan } from './site-scan';

export interface BrokenLink {
  /** The file the link is in, relative to the build. */
  from: string;
  /** The link as written. */
  url: string;
  /** Why it is broken. */
  reason: string;
}

export interface LinkCheckOptions {
  /** The path the site is served under (`/` or `/postmortems/`); internal links must start with it. */
  base?: string;
  /** The configured site URL; absolute links to it count as internal. */
  site?: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The base with one slash at each end: `/`, `/postmortems/`. */
export const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** `/a/b/` and `/a/b` name `a/b/index.html` (or the file `a/b`), as static hosts serve them. */
export function fileFor(files: ReadonlySet<string>, sitePath: string): string | undefined {
  const relative = decode(sitePath).replace(/^\/+/, '');
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [`${relative}index.html`]
      : [relative, `${relative}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** Checks a scanned build; returns every broken link, empty when there are none. */
export function brokenLinks(
  scan: SiteScan,
  { base: rawBase = '/', site }: LinkCheckOptions = {},
): BrokenLink[] {
  const base = normaliseBase(rawBase);
  const broken: BrokenLink[] = [];
  const siteOrigin = site ? new URL(site).origin : undefined;
  // Most links are the same few site paths on every page: resolve each once.
  const resolved = new Map<string, { file: string } | { reason: string }>();

  const resolve = (sitePath: string, withBase: boolean) => {
    const key = `${withBase ? 'b' : 'r'}${sitePath}`;
    let found = resolved.get(key);
    if (!found) {
      let relative = sitePath;
      if (withBase && !sitePath.startsWith(base) && `${sitePath}/` !== base) {
        found = { reason: `is outside the base path ${base}` };
      } else {
        if (withBase) relative = `/${sitePath.slice(base.length)}`;
        const file = fileFor(scan.files, relative);
        found = file ? { file } : { reason: 'names no file in the build' };
      }
      resolved.set(key, found);
    }
    return found;
  };

  /** Checks `url`, written in `from` (a page at `pageUrl`), against the build. */
  const check = (from: string, pageUrl: string, url: string, { withBase = true } = {}) => {
    let target: URL;
    try {
      if (EXTERNAL.test(url)) {
        if (!siteOrigin || !url.startsWith(siteOrigin)) return;
        target = new URL(url);
      } else {
        target = new URL(url, `http://site.invalid${pageUrl}`);
      }
    } catch {
      broken.push({ from, url, reason: 'is not a valid URL' });
      return;
    }
    const found = resolve(target.pathname, withBase);
    if ('reason' in found) {
      broken.push({ from, url, reason: found.reason });
      return;
    }
    const fragment = decode(target.hash.slice(1));
    if (fragment && found.file.endsWith('.html') && !scan.pages.get(found.file)?.ids.has(fragment)) {
      broken.push({ from, url, reason: `names no element with id "${fragment}" on ${found.file}` });
    }
  };

  for (const [file, page] of scan.pages) {
    // The URL the page is served at, so relative links resolve as a browser resolves them.
    const pageUrl = `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const url of page.urls) check(file, pageUrl, url);
  }
  for (const [file, xml] of scan.xml) for (const url of xml.links) check(file, base, url);
  for (const record of scan.records ?? []) check(record.fragment, '/', record.url, { withBase: false });
  return broken;
}

/** Reads the build in `outDir` and checks its links (see `brokenLinks`). */
export const findBrokenLinks = (outDir: string, options: LinkCheckOptions = {}): BrokenLink[] =>
  brokenLinks(scanSite(outDir), options);

/** The page URLs the search index holds (site-root paths; the search page adds the base). */
export const indexedUrls = (outDir: string): string[] =>
  (readIndexRecords(outDir) ?? []).map((record) => record.url);
