/**
 * The link check of a built site: every internal `href` and `src` in every HTML page, every
 * link in the feed and the sitemap and every page URL in the search index must name a file in
 * the build, and every `#fragment` an element on its target page (`link-checker.ts`). Every
 * build runs it as part of its verification; the build tests call `findBrokenLinks` too.
 */
import { readIndexRecords, scanSite } from './site-scan';
import type { BrokenLink, LinkCheckOptions } from './link-checker';

export { fileFor, normaliseBase, type BrokenLink, type LinkCheckOptions } from './link-checker';

/** Reads the build in `outDir` and returns every broken link, empty when there are none. */
export const findBrokenLinks = (outDir: string, options: LinkCheckOptions = {}): BrokenLink[] =>
  scanSite(outDir, options).brokenLinks;

/** The page URLs the search index holds (site-root paths; the search page adds the base). */
export const indexedUrls = (outDir: string): string[] =>
  (readIndexRecords(outDir) ?? []).map((record) => record.url);
