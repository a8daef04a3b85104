/**
 * A small link checker for a built site: every internal `href` and `src` in every HTML page,
 * every link in the feed and the sitemap and every page URL in the search index must name a
 * file in the build, and every `#fragment` an element on its target page. Used by the build
 * tests (under a base path too) and by the generic checks of a team's own content.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

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

/** Elements and the attributes on them that point at a resource. */
const LINK_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
];

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Every file below `dir`, relative to it, with forward slashes. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** `/a/b/` and `/a/b` name `a/b/index.html` (or the file `a/b`), as static hosts serve them. */
function fileFor(outDir: string, sitePath: string): string | undefined {
  const relative = decodeURIComponent(sitePath).replace(/^\/+/, '');
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [`${relative}index.html`]
      : [relative, `${relative}/index.html`];
  return candidates.find((candidate) =>
    fs.statSync(path.join(outDir, candidate), { throwIfNoEntry: false })?.isFile(),
  );
}

/** Ids (and names) of elements in a built page, read once per page. */
function anchorsOf(outDir: string, file: string, cache: Map<string, Set<string>>): Set<string> {
  let anchors = cache.get(file);
  if (!anchors) {
    const root = parse(fs.readFileSync(path.join(outDir, file), 'utf8'));
    anchors = new Set(
      root
        .querySelectorAll('[id], a[name]')
        .map((element) => element.getAttribute('id') ?? element.getAttribute('name') ?? ''),
    );
    cache.set(file, anchors);
  }
  return anchors;
}

/** The page URLs the Pagefind index holds (site-root paths; the search page adds the base). */
export function indexedUrls(outDir: string): string[] {
  const dir = path.join(outDir, 'pagefind', 'fragment');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).map((name) => {
    const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, name)));
    // Pagefind prefixes its data with a 12-byte signature, `pagefind_dcd`.
    return (JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string }).url;
  });
}

/** Checks the whole build in `outDir`; returns every broken link, empty when there are none. */
export function findBrokenLinks(outDir: string, { base = '/', site }: LinkCheckOptions = {}): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const siteOrigin = site ? new URL(site).origin : undefined;

  /** Checks `url`, written in `from` (a page at `pageUrl`), against the build. */
  const check = (from: string, pageUrl: string, url: string, { withBase = true } = {}) => {
    let target: URL;
    if (EXTERNAL.test(url)) {
      if (!siteOrigin || !url.startsWith(siteOrigin)) return;
      target = new URL(url);
    } else {
      target = new URL(url, `http://site.invalid${pageUrl}`);
    }
    let sitePath = target.pathname;
    if (withBase) {
      if (!sitePath.startsWith(base) && `${sitePath}/` !== base) {
        broken.push({ from, url, reason: `is outside the base path ${base}` });
        return;
      }
      sitePath = `/${sitePath.slice(base.length)}`;
    }
    const file = fileFor(outDir, sitePath);
    if (!file) {
      broken.push({ from, url, reason: 'names no file in the build' });
      return;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && file.endsWith('.html') && !anchorsOf(outDir, file, anchorCache).has(fragment)) {
      broken.push({ from, url, reason: `names no element with id "${fragment}" on ${file}` });
    }
  };

  for (const file of filesIn(outDir)) {
    if (file.endsWith('.html')) {
      // The URL the page is served at, so relative links resolve as a browser resolves them.
      const pageUrl = `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const root = parse(fs.readFileSync(path.join(outDir, file), 'utf8'));
      for (const [selector, attribute] of LINK_ATTRIBUTES) {
        for (const element of root.querySelectorAll(selector) as HTMLElement[]) {
          const url = element.getAttribute(attribute)?.trim();
          if (url) check(file, pageUrl, url);
        }
      }
    } else if (file.endsWith('.xml')) {
      const xml = fs.readFileSync(path.join(outDir, file), 'utf8');
      // `<link>` in the feed, `<loc>` in the sitemap and its index.
      for (const match of xml.matchAll(/<(link|loc)>([^<]+)<\/\1>/g)) check(file, base, match[2] ?? '');
    }
  }
  for (const url of indexedUrls(outDir)) check('pagefind/fragment', '/', url, { withBase: false });
  return broken;
}
