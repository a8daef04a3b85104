/**
 * Every internal URL in one place, so a page never hand-builds a link another page would
 * build differently. All paths end in a slash, matching Astro's directory-style output.
 */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/**
 * Page 1 of a list lives at the list's own URL; page n at `<list>/page/<n>/` (see
 * `underPagePrefix` in `pagination.ts`). Not `<list>/<n>/`: in `/incidents/` and `/services/`
 * that would be the page of an incident or service named `2`, and `/years/2024/2/` reads as
 * February.
 */
const paged = (path: string, page = 1) => (page > 1 ? `${path}page/${page}/` : path);

export const routes = {
  home: () => `${base}/`,
  incidents: (page?: number) => paged(`${base}/incidents/`, page),
  incident: (id: string) => `${base}/incidents/${id}/`,
  rootCauses: () => `${base}/root-causes/`,
  rootCause: (id: string, page?: number) => paged(`${base}/root-causes/${id}/`, page),
  services: (page?: number) => paged(`${base}/services/`, page),
  service: (slug: string, page?: number) => paged(`${base}/services/${slug}/`, page),
  severities: () => `${base}/severities/`,
  severity: (id: string, page?: number) => paged(`${base}/severities/${id}/`, page),
  years: () => `${base}/years/`,
  year: (year: number, page?: number) => paged(`${base}/years/${year}/`, page),
  insights: () => `${base}/insights/`,
  actionItems: (page?: number) => paged(`${base}/action-items/`, page),
  guide: () => `${base}/guide/`,
  search: (query?: string) => `${base}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  feed: () => `${base}/rss.xml`,
  /** The machine-readable data: `insights.json`, `incidents.json`, `incidents.schema.json`. */
  api: (file: 'insights.json' | 'incidents.json' | 'incidents.schema.json') => `${base}/api/${file}`,
  /** A file from `public/`, such as `favicon.svg`. */
  asset: (file: string) => `${base}/${file.replace(/^\/+/, '')}`,
};
