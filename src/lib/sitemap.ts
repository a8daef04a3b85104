/**
 * Which built URLs go in the sitemap: the HTML pages (directory URLs), not the feed, the JSON
 * files or robots.txt, and not the not-found page, which is served for every missing address
 * and has none of its own.
 */
export function isSitemapPage(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.endsWith('/') && !/\/404\/$/.test(pathname);
}
