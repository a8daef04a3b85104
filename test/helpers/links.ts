/**
 * The link checker every build runs (`src/lib/verify/links.ts`), for the build tests (under a
 * base path too) and the generic checks of a team's own content: every internal `href` and
 * `src`, every link in the feed and the sitemap and every page URL in the search index names a
 * file in the build, and every `#fragment` an element on its target page.
 */
export {
  findBrokenLinks,
  indexedUrls,
  type BrokenLink,
  type LinkCheckOptions,
} from '../../src/lib/verify/links';
