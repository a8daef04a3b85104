import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The page that holds the search app: the one page allowed to ship JavaScript. */
const SEARCH_PAGE = '/search/';

/** What a built site weighs, read from its folder. */
export interface OutputStats {
  files: number;
  bytes: number;
  /** HTML pages. */
  pages: number;
  /** Pagefind's folder. */
  indexFiles: number;
  indexBytes: number;
  /** The biggest page as written, uncompressed. */
  largestPage: { path: string; bytes: number; gzipBytes: number };
  /** The heaviest page but the search page, gzip-compressed, its HTML plus the stylesheets it links. */
  largestNonSearchPage: { path: string; gzipBytes: number };
  /** Pages other than the search page that carry a script other than JSON data. */
  pagesWithScript: string[];
}

/** Compressed as a static host serves text, at gzip's highest level (hosts that precompress use it). */
export const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** `incidents/x/index.html` → `/incidents/x/`; `404.html` → `/404.html`. */
export function pagePath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi;
const HREF = /\bhref=["']?([^"'\s>]+)/i;
const SCRIPT = /<script\b([^>]*)>/gi;
const DATA_SCRIPT = /\btype=["']?(application\/(ld\+)?json|importmap|text\/plain)["']?/i;

/** The stylesheets a page links, as site paths. */
export function linkedStylesheets(html: string): string[] {
  return [...html.matchAll(STYLESHEET)].flatMap((match) => {
    const href = HREF.exec(match[0])?.[1];
    return href && href.startsWith('/') ? [href] : [];
  });
}

/** Whether a page runs JavaScript: any `<script>` that is not a JSON or plain-text data block. */
export const hasScript = (html: string) =>
  [...html.matchAll(SCRIPT)].some((match) => !DATA_SCRIPT.test(match[1] ?? ''));

export function outputStats(outDir: string): OutputStats {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  let indexFiles = 0;
  let indexBytes = 0;
  let largestPage = { path: '', bytes: 0, gzipBytes: 0 };
  let largestNonSearchPage = { path: '', gzipBytes: 0 };
  const pagesWithScript: string[] = [];
  const cssGzip = new Map<string, number>();
  const indexDir = path.join(outDir, 'pagefind') + path.sep;
  for (const file of walk(outDir)) {
    const size = fs.statSync(file).size;
    files += 1;
    bytes += size;
    if (file.startsWith(indexDir)) {
      indexFiles += 1;
      indexBytes += size;
    }
    if (!file.endsWith('.html')) continue;
    pages += 1;
    const html = fs.readFileSync(file);
    const text = html.toString('utf8');
    const at = pagePath(path.relative(outDir, file));
    const gzipped = gzipSize(html);
    if (size > largestPage.bytes) largestPage = { path: at, bytes: size, gzipBytes: gzipped };
    if (at === SEARCH_PAGE) continue;
    if (hasScript(text)) pagesWithScript.push(at);
    const css = linkedStylesheets(text).reduce((sum, href) => {
      if (!cssGzip.has(href)) {
        const cssFile = path.join(outDir, decodeURIComponent(href));
        cssGzip.set(href, fs.existsSync(cssFile) ? gzipSize(fs.readFileSync(cssFile)) : 0);
      }
      return sum + (cssGzip.get(href) ?? 0);
    }, 0);
    if (gzipped + css > largestNonSearchPage.gzipBytes)
      largestNonSearchPage = { path: at, gzipBytes: gzipped + css };
  }
  return {
    files,
    bytes,
    pages,
    indexFiles,
    indexBytes,
    largestPage,
    largestNonSearchPage,
    pagesWithScript: pagesWithScript.sort(),
  };
}
