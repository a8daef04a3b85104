/**
 * Small synthetic builds for the unit tests of `src/lib/verify/`: a content folder of
 * postmortem files and a `dist/` written the way Hindsight's pages write theirs (incident
 * pages, paginated lists of table rows, the feed, the JSON, the sitemap, Pagefind fragments),
 * without running Astro, so that each test can break exactly one thing.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BuildPostmortem } from '../../src/lib/verify/expected';

export interface SyntheticPostmortem {
  id: string;
  severity?: string;
  rootCause?: string;
  services?: string[];
  startedAt?: string;
  status?: string;
  visibility?: string;
}

export const SITE = 'https://hindsight.test';

const defaults = (pm: SyntheticPostmortem) => ({
  severity: 'SEV2',
  rootCause: 'hardware',
  services: ['email'],
  startedAt: '2024-05-09T08:00:00Z',
  status: 'published',
  ...pm,
});

/**
 * A postmortem as `postmortemsInBuild` reads it from a file `writeContent` wrote with the same
 * defaults (the year is that of the default `startedAt`).
 */
export const buildPostmortem = (id: string, more: Partial<BuildPostmortem> = {}): BuildPostmortem => ({
  id,
  file: `${id}.md`,
  severity: 'SEV2',
  rootCause: 'hardware',
  services: ['email'],
  year: 2024,
  status: 'published',
  ...more,
});

/** Writes `content/postmortems/<id>.md` for each postmortem; returns the content folder. */
export function writeContent(root: string, postmortems: readonly SyntheticPostmortem[]): string {
  const dir = path.join(root, 'content', 'postmortems');
  fs.mkdirSync(dir, { recursive: true });
  for (const input of postmortems) {
    const pm = defaults(input);
    const lines = [
      '---',
      `title: Incident ${pm.id}`,
      `status: ${pm.status}`,
      ...(pm.visibility ? [`visibility: ${pm.visibility}`] : []),
      `severity: ${pm.severity}`,
      `startedAt: ${pm.startedAt}`,
      `services: [${pm.services.join(', ')}]`,
      'rootCause:',
      `  category: ${pm.rootCause}`,
      '  summary: Something broke.',
      '---',
      '',
      'What happened.',
      '',
    ];
    fs.writeFileSync(path.join(dir, `${pm.id}.md`), lines.join('\n'));
  }
  return path.join(root, 'content');
}

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}<style>a{}</style></head><body><header><a href="/">Home</a> <a href="/incidents/">Incidents</a></header><main>${body}</main></body></html>`;

const table = (ids: readonly string[], base: string) =>
  `<table><caption>Incidents</caption><thead><tr><th>Incident</th></tr></thead><tbody>${ids
    .map(
      (id) =>
        `<tr><td><a href="${base}incidents/${id}/">Incident ${id}</a></td><td><a href="${base}root-causes/hardware/">Hardware</a></td></tr>`,
    )
    .join('')}</tbody></table>`;

/** Writes a list's pages (`<list>/index.html`, `<list>/page/<n>/index.html`), `pageSize` rows each. */
function writeList(dist: string, list: string, ids: readonly string[], base: string, pageSize: number) {
  const pages = Math.max(1, Math.ceil(ids.length / pageSize));
  for (let n = 1; n <= pages; n++) {
    const folder = n === 1 ? list : `${list}/page/${n}`;
    write(
      dist,
      `${folder}/index.html`,
      page(`<h1>${list}</h1>${table(ids.slice((n - 1) * pageSize, n * pageSize), base)}`),
    );
  }
}

export function write(dist: string, file: string, text: string | Buffer) {
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.writeFileSync(path.join(dist, file), text);
}

/** Rewrites one file of a synthetic `dist/` with `change`, to break exactly one thing in it. */
export function edit(dist: string, file: string, change: (text: string) => string) {
  fs.writeFileSync(path.join(dist, file), change(fs.readFileSync(path.join(dist, file), 'utf8')));
}

/** A Pagefind fragment naming `url`, stored as Pagefind stores it. */
export const fragment = (url: string) =>
  zlib.gzipSync(
    Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: 'text', meta: {}, filters: {} })}`),
  );

/**
 * Writes a `dist/` that is complete for `postmortems` (only the published ones, as an
 * internal build shows them) under `base`; returns its folder.
 */
export function writeDist(
  root: string,
  postmortems: readonly SyntheticPostmortem[],
  {
    base = '/',
    pageSize = 100,
    timeZone = 'UTC',
  }: { base?: string; pageSize?: number; timeZone?: string } = {},
): string {
  const dist = path.join(root, 'dist');
  const shown = postmortems.map(defaults).filter((pm) => pm.status !== 'draft');
  const ids = shown.map((pm) => pm.id);
  const lists = new Map<string, string[]>([['incidents', ids]]);
  const add = (list: string, id: string) => lists.set(list, [...(lists.get(list) ?? []), id]);
  const yearOf = (iso: string) =>
    Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(new Date(iso)));
  for (const pm of shown) {
    add(`root-causes/${pm.rootCause}`, pm.id);
    for (const service of pm.services) add(`services/${service}`, pm.id);
    add(`severities/${pm.severity}`, pm.id);
    add(`years/${yearOf(pm.startedAt)}`, pm.id);
    write(
      dist,
      `incidents/${pm.id}/index.html`,
      page(
        `<article data-pagefind-body><h1 id="title">Incident ${pm.id}</h1><h2 id="timeline">Timeline</h2><a href="#timeline">Timeline</a></article>`,
        `<link rel="canonical" href="${SITE}${base}incidents/${pm.id}/">`,
      ),
    );
    write(dist, `pagefind/fragment/en_${pm.id}.pf_fragment`, fragment(`/incidents/${pm.id}/`));
  }
  write(dist, 'index.html', page('<h1>Home</h1>'));
  for (const [list, listed] of lists) writeList(dist, list, listed, base, pageSize);
  const items = ids.map(
    (id) => `<item><title>${id}</title><link>${SITE}${base}incidents/${id}/</link></item>`,
  );
  write(
    dist,
    'rss.xml',
    `<?xml version="1.0"?><rss><channel><link>${SITE}${base}</link>${items.join('')}</channel></rss>`,
  );
  write(
    dist,
    'api/incidents.json',
    JSON.stringify({ incidents: ids.map((id) => ({ id, url: `${SITE}${base}incidents/${id}/` })) }),
  );
  const urls = ['', ...ids.map((id) => `incidents/${id}/`)].map(
    (url) => `<url><loc>${SITE}${base}${url}</loc></url>`,
  );
  write(dist, 'sitemap-0.xml', `<?xml version="1.0"?><urlset>${urls.join('')}</urlset>`);
  write(
    dist,
    'sitemap-index.xml',
    `<?xml version="1.0"?><sitemapindex><sitemap><loc>${SITE}${base}sitemap-0.xml</loc></sitemap></sitemapindex>`,
  );
  return dist;
}
