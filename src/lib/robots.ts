/**
 * The text of `robots.txt`. Crawlers may read every page; the sitemap line is there only when
 * the site has an absolute address, because `@astrojs/sitemap` writes a sitemap only then.
 * The sitemap sits under the base path (`/postmortems/sitemap-index.xml`), where Astro writes it.
 */
export function robotsTxt({ site, base = '/' }: { site?: URL | undefined; base?: string }): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) {
    const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
    lines.push('', `Sitemap: ${new URL('sitemap-index.xml', root).href}`);
  }
  return `${lines.join('\n')}\n`;
}
