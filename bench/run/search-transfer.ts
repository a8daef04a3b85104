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
    let pending: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize));
    });
    const take = async () => {
      const taken = pending;
      pending = [];
      const sizes = await Promise.all(taken);
      return { bytes: sizes.reduce((sum, size) => sum + size, 0), requests: sizes.length };
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
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
