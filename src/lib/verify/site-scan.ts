import fs from 'node:fs';
import path from 'node:path';
import { listFiles, unpack } from '../leak-check/site-files';
import { decodeAttribute, detach, scanHtml, type PageScan } from './html-scan';
import { LinkChecker, type BrokenLink, type LinkCheckOptions } from './link-checker';

/** What an XML file (the feed, the sitemap and its index) links to. */
export interface XmlScan {
  /** Every `<link>` and `<loc>`, entities decoded: what the link check follows. */
  links: string[];
  /** The `<link>` of each `<item>`, in order: a feed's entries. */
  itemLinks: string[];
  /** Every `<loc>` inside a `<url>`: a sitemap's pages. */
  pageLocs: string[];
}

/** One record of the Pagefind index: the fragment file and the page URL it names. */
export interface IndexRecord {
  fragment: string;
  url: string;
}

/** What the checks keep of a page: everything `scanHtml` reads but its links, checked as it is read. */
export type PageFacts = Omit<PageScan, 'urls'>;

/**
 * A built site read once for every check of the verification: the list of files, every HTML
 * page scanned (`scanHtml`), every XML file's links, the search index's records, and the
 * broken links among all of them. A page's links are checked as it is read and not kept, so
 * the scan of ten thousand pages holds little more than their ids.
 */
export interface SiteScan {
  dir: string;
  /** Every file, relative to `dir`, with `/` separators. */
  files: Set<string>;
  pages: Map<string, PageFacts>;
  xml: Map<string, XmlScan>;
  /** `undefined` when the build has no `pagefind/fragment/` folder. */
  records: IndexRecord[] | undefined;
  brokenLinks: BrokenLink[];
}

/** The folder of Pagefind's fragments: one gzip'd JSON file per indexed page. */
export const FRAGMENT_DIR = 'pagefind/fragment/';

/** Pagefind starts every decompressed data file with this 12-byte signature. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

const text = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

export function scanXml(xml: string): XmlScan {
  const values = (source: string, pattern: RegExp) =>
    [...source.matchAll(pattern)].map((match) =>
      detach(decodeAttribute((match[2] ?? match[1] ?? '').trim())),
    );
  const blocks = (name: string) =>
    [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((match) => match[1] ?? '');
  return {
    links: values(xml, /<(link|loc)>([^<]+)<\/\1>/g),
    itemLinks: blocks('item').flatMap((item) => values(item, /<link>([^<]*)<\/link>/g).slice(0, 1)),
    pageLocs: blocks('url').flatMap((entry) => values(entry, /<loc>([^<]*)<\/loc>/g).slice(0, 1)),
  };
}

/**
 * The page URL a Pagefind fragment names (from the site's root; the search page adds the
 * base), or `undefined` when the file is not a fragment Pagefind could read.
 */
export function fragmentUrl(bytes: Buffer, name: string): string | undefined {
  const data = unpack(bytes, name).bytes.toString('utf8');
  if (!data.startsWith(PAGEFIND_SIGNATURE)) return undefined;
  try {
    const url = (JSON.parse(data.slice(PAGEFIND_SIGNATURE.length)) as { url?: unknown }).url;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The search index's records: one per fragment file, `undefined` when the build has no
 * `pagefind/fragment/` folder.
 */
export function readIndexRecords(dir: string, files?: Iterable<string>): IndexRecord[] | undefined {
  const folder = path.join(dir, FRAGMENT_DIR);
  if (!fs.existsSync(folder)) return undefined;
  const names = files
    ? [...files].filter((file) => file.startsWith(FRAGMENT_DIR))
    : fs
        .readdirSync(folder)
        .sort()
        .map((name) => `${FRAGMENT_DIR}${name}`);
  return names.flatMap((fragment) => {
    const url = fragmentUrl(fs.readFileSync(path.join(dir, fragment)), fragment);
    // An unreadable fragment is a record of no page: the page it stood for shows as missing.
    return url === undefined ? [] : [{ fragment, url }];
  });
}

/** Reads the built site in `dir` once (see `SiteScan`); `links` says how to read its links. */
export function scanSite(dir: string, links: LinkCheckOptions = {}): SiteScan {
  const files = new Set(listFiles(dir));
  const checker = new LinkChecker(files, links);
  const pages = new Map<string, PageFacts>();
  const xml = new Map<string, XmlScan>();
  for (const file of files) {
    if (file.endsWith('.html')) {
      const { urls, ...facts } = scanHtml(text(dir, file));
      checker.page(file, { urls, ids: facts.ids });
      pages.set(file, facts);
    } else if (file.endsWith('.xml')) {
      const scanned = scanXml(text(dir, file));
      checker.xml(file, scanned);
      xml.set(file, scanned);
    }
  }
  const records = readIndexRecords(dir, files);
  if (records) checker.records(records);
  const brokenLinks = checker.result((file) => pages.get(file)?.ids);
  return { dir, files, pages, xml, records, brokenLinks };
}
