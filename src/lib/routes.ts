/**
 * Every internal URL in one place, so a page never hand-builds a link another page would
 * build differently. All paths end in a slash, matching Astro's directory-style output.
 */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export const routes = {
  home: () => `${base}/`,
  incidents: () => `${base}/incidents/`,
  incident: (id: string) => `${base}/incidents/${id}/`,
  rootCauses: () => `${base}/root-causes/`,
  rootCause: (id: string) => `${base}/root-causes/${id}/`,
  search: (query?: string) => `${base}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  feed: () => `${base}/rss.xml`,
  /** A file from `public/`, such as `favicon.svg`. */
  asset: (file: string) => `${base}/${file.replace(/^\/+/, '')}`,
};
