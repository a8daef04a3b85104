import type { PageScan } from './html-scan';
import type { IndexRecord, XmlScan } from './site-scan';

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
  site?: string | undefined;
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

/** A link to an anchor on another page, checked once every page has been read. */
interface PendingAnchor {
  from: string;
  url: string;
  file: string;
  fragment: string;
}

/**
 * Checks links as the pages are read, one page at a time, so no page's links need be kept: a
 * link must name a file in the build (`files`, listed before any page is read), and its
 * `#fragment` an element on that page, which is checked at once on the same page and, for
 * another page, in `result` once every page's ids are known.
 */
export class LinkChecker {
  private readonly base: string;
  private readonly siteOrigin: string | undefined;
  private readonly broken: BrokenLink[] = [];
  private readonly pending: PendingAnchor[] = [];
  // Most links are the same few site paths on every page: resolve each once.
  private readonly resolved = new Map<string, { file: string } | { reason: string }>();

  constructor(
    private readonly files: ReadonlySet<string>,
    { base = '/', site }: LinkCheckOptions = {},
  ) {
    this.base = normaliseBase(base);
    this.siteOrigin = site ? new URL(site).origin : undefined;
  }

  /** Checks the links of the HTML page `file`. */
  page(file: string, page: Pick<PageScan, 'urls' | 'ids'>): void {
    // The URL the page is served at, so relative links resolve as a browser resolves them.
    const pageUrl = `${this.base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const url of page.urls) this.check(file, pageUrl, url, true, page.ids);
  }

  /** Checks `<link>` and `<loc>` of an XML file: the feed, the sitemap. */
  xml(file: string, xml: Pick<XmlScan, 'links'>): void {
    for (const url of xml.links) this.check(file, this.base, url, true);
  }

  /** Checks the page URLs of the search index's records, which are from the site's root. */
  records(records: readonly IndexRecord[]): void {
    for (const record of records) this.check(record.fragment, '/', record.url, false);
  }

  /** Every broken link found, once the ids of every page are known. */
  result(idsOf: (file: string) => ReadonlySet<string> | undefined): BrokenLink[] {
    for (const { from, url, file, fragment } of this.pending) {
      if (!idsOf(file)?.has(fragment)) this.anchorMissing(from, url, file, fragment);
    }
    this.pending.length = 0;
    return this.broken;
  }

  private anchorMissing(from: string, url: string, file: string, fragment: string) {
    this.broken.push({ from, url, reason: `names no element with id "${fragment}" on ${file}` });
  }

  private resolve(sitePath: string, withBase: boolean) {
    const key = `${withBase ? 'b' : 'r'}${sitePath}`;
    let found = this.resolved.get(key);
    if (!found) {
      if (withBase && !sitePath.startsWith(this.base) && `${sitePath}/` !== this.base) {
        found = { reason: `is outside the base path ${this.base}` };
      } else {
        const relative = withBase ? `/${sitePath.slice(this.base.length)}` : sitePath;
        const file = fileFor(this.files, relative);
        found = file ? { file } : { reason: 'names no file in the build' };
      }
      this.resolved.set(key, found);
    }
    return found;
  }

  /** Checks `url`, written in `from` (served at `pageUrl`, whose ids are `ownIds`). */
  private check(from: string, pageUrl: string, url: string, withBase: boolean, ownIds?: ReadonlySet<string>) {
    let target: URL;
    try {
      if (EXTERNAL.test(url)) {
        if (!this.siteOrigin || !url.startsWith(this.siteOrigin)) return;
        target = new URL(url);
      } else {
        target = new URL(url, `http://site.invalid${pageUrl}`);
      }
    } catch {
      this.broken.push({ from, url, reason: 'is not a valid URL' });
      return;
    }
    const found = this.resolve(target.pathname, withBase);
    if ('reason' in found) {
      this.broken.push({ from, url, reason: found.reason });
      return;
    }
    const fragment = decode(target.hash.slice(1));
    if (!fragment || !found.file.endsWith('.html')) return;
    if (found.file === from && ownIds) {
      if (!ownIds.has(fragment)) this.anchorMissing(from, url, found.file, fragment);
    } else {
      this.pending.push({ from, url, file: found.file, fragment });
    }
  }
}
