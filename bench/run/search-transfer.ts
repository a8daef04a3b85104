import type { Page } from 'playwright-core';
import { ensureBrowser, launchBrowser } from '../../test/helpers/browser';
import { serveStatic } from '../../test/helpers/serve';

/** What searching costs a reader, in bytes over the wire (compressed, headers included). */
export interface SearchTransfer {
  firstQuery: string;
  /** Opening `/search/?q=…`: the page, its script, Pagefind's bundle, index chunks and fragments. */
  firstBytes: number;
  firstRequests: number;
  nextQuery: string;
  /** The next query in the same page. */
  nextBytes: number;
  nextRequests: number;
  /** Bytes by kind of file (`partOf`), for each of the two. */
  firstParts: Record<string, number>;
  nextParts: Record<string, number>;
}

/** What a response is, for telling where a search's bytes go. */
export function partOf(url: string): string {
  const { pathname } = new URL(url);
  if (/\/pagefind\/(pagefind[^/]*\.js|wasm\.[^/]+)$/.test(pathname)) return 'Pagefind code';
  if (pathname.endsWith('.pf_meta')) return 'index metadata';
  if (pathname.endsWith('.pf_index')) return 'index chunks';
  if (pathname.endsWith('.pf_fragment')) return 'fragments';
  if (pathname.endsWith('.pf_filter')) return 'Pagefind filters';
  if (/\/pagefind\/(facets|services|durations)\.json$/.test(pathname)) return 'facet data';
  if (pathname.includes('/pagefind/vocabulary/')) return 'vocabulary';
  if (pathname.includes('/pagefind/')) return 'other index files';
  return 'page and its assets';
}

/** Waits until the search page shows the results for exactly this query string (as the e2e tests do). */
async function shown(page: Page, query: string) {
  await page.waitForFunction(
    (want) => {
      const root = document.querySelector<HTMLElement>('[data-search]');
      const list = document.querySelector('[data-search-results]');
      return root?.dataset['shown'] === want && !list?.hasAttribute('aria-busy');
    },
    new URLSearchParams({ q: query }).toString(),
    { timeout: 120_000 },
  );
  // Fragments of shown results may still be arriving; give the network a moment to settle.
  await page.waitForLoadState('networkidle');
}

/**
 * Opens `/search/?q=<first>` in a fresh headless Chromium and then searches `next` in place, as
 * the page's own links do, counting the bytes of every response (headers and compressed body).
 */
export async function measureSearchTransfer(
  outDir: string,
  { first, next }: { first: string; next: string },
): Promise<SearchTransfer> {
  const { path: browserPath, problem } = ensureBrowser();
  if (!browserPath) throw new Error(problem);
  const server = await serveStatic(outDir, { gzip: true });
  const browser = await launchBrowser(browserPath);
  try {
    const page = await browser.context.newPage();
    // Pagefind fetches its index from a web worker, which a CDP session on the page does not see;
    // Playwright follows the worker too, and reads each size from the same DevTools events
    // (Network.loadingFinished's encodedDataLength: the body as sent, compressed).
    let pending: Promise<[string, number]>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(
        request
          .sizes()
          .then((sizes): [string, number] => [
            partOf(request.url()),
            sizes.responseBodySize + sizes.responseHeadersSize,
          ]),
      );
    });
    const take = async () => {
      const taken = pending;
      pending = [];
      const sizes = await Promise.all(taken);
      const parts: Record<string, number> = {};
      for (const [part, size] of sizes) parts[part] = (parts[part] ?? 0) + size;
      return { bytes: sizes.reduce((sum, [, size]) => sum + size, 0), requests: sizes.length, parts };
    };
    await page.goto(`${server.origin}/search/?${new URLSearchParams({ q: first })}`);
    await shown(page, first);
    const firstTaken = await take();
    await page.evaluate(
      (href) => {
        history.pushState(null, '', href);
        dispatchEvent(new PopStateEvent('popstate'));
      },
      `/search/?${new URLSearchParams({ q: next })}`,
    );
    await shown(page, next);
    const nextTaken = await take();
    return {
      firstQuery: first,
      firstBytes: firstTaken.bytes,
      firstRequests: firstTaken.requests,
      nextQuery: next,
      nextBytes: nextTaken.bytes,
      nextRequests: nextTaken.requests,
      firstParts: firstTaken.parts,
      nextParts: nextTaken.parts,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
