import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic, type StaticServer } from './serve';

/** One search result as Pagefind's `result.data()` returns it. */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The part of Pagefind's browser API (`pagefind/pagefind.js`) the tests use. */
export interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string | null,
    options?: object,
  ): Promise<{
    results: { data(): Promise<PagefindFragment> }[];
    filters: Record<string, Record<string, number>>;
  }>;
}

export interface LoadedIndex {
  pagefind: Pagefind;
  /** The result URLs for a search, best first. */
  urls(term: string | null, options?: object): Promise<string[]>;
  /** Every indexed page's data, by URL. */
  fragments(): Promise<Map<string, PagefindFragment>>;
  close(): Promise<void>;
}

/**
 * Loads the search index a build wrote through Pagefind's own `pagefind.js`, as the search page
 * does. In Node, pagefind.js cannot fetch file: URLs, so the site is served over HTTP and the
 * index read from there like a browser would.
 */
export async function loadIndex(outDir: string): Promise<LoadedIndex> {
  const server: StaticServer = await serveStatic(outDir);
  const pagefind = (await import(
    pathToFileURL(path.join(outDir, 'pagefind', 'pagefind.js')).href
  )) as Pagefind;
  await pagefind.options({ basePath: server.url('/pagefind/'), baseUrl: '/' });
  await pagefind.init();
  const urls = async (term: string | null, options: object = {}) => {
    const { results } = await pagefind.search(term, options);
    return Promise.all(results.map(async (result) => (await result.data()).url));
  };
  const fragments = async () => {
    const { results } = await pagefind.search(null);
    const data = await Promise.all(results.map((result) => result.data()));
    return new Map(data.map((fragment) => [fragment.url, fragment]));
  };
  return { pagefind, urls, fragments, close: () => server.close() };
}
