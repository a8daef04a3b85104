/**
 * Shared set-up for the browser tests: a fixture content folder built once per run, served on
 * 127.0.0.1, a real Chromium, and small helpers that read the search page the way a person
 * would (roles and labels) and wait for searches to finish rather than for fixed times.
 *
 * The tests never build the project's own content folder: teams replace its samples with
 * their own postmortems and taxonomy. By default they build `test/fixtures/e2e/content/`, a
 * copy of the samples; `startSite({ content })` builds another fixture.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Incident } from '../../src/lib/incidents';
import { buildSite, projectRoot, withLock } from '../helpers/build-site';
import { fixtureContent, publishedIncidents as published } from '../helpers/fixtures';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { serveStatic, type StaticServer } from '../helpers/serve';

export { fixtureContent };

/** What the browser tests build unless told otherwise: a copy of the sample postmortems and taxonomy. */
export const contentDir = fixtureContent('e2e');

/** The incidents a production build of `content` publishes (everything but drafts), newest first. */
export const publishedIncidents = (content: string = contentDir): Incident[] => published(content);

export const incidentUrl = (id: string) => `/incidents/${id}/`;

/** Which site a browser test runs against, and how the browser sees it. */
export interface SiteOptions {
  /** The content folder to build; the copy of the samples by default. */
  content?: string;
  /** `hindsight()` options for the build, over the test config's. */
  config?: Record<string, unknown>;
  colorScheme?: 'light' | 'dark';
}

export interface E2ESite {
  /** The content folder that was built. */
  contentDir: string;
  /** The built site, as production builds it. */
  outDir: string;
  server: StaticServer;
  browser: BrowserSession;
  close(): Promise<void>;
}

/**
 * Each content folder built once per run: the first test file to ask for it builds it into its
 * own folder under the one the global setup made, the others wait for that build and reuse it.
 */
async function sharedBuild(content: string, config?: Record<string, unknown>): Promise<string> {
  const key = path.relative(projectRoot, content) + (config ? JSON.stringify(config) : '');
  const name = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const dir = path.join(inject('e2eSiteDir'), name);
  fs.mkdirSync(dir, { recursive: true });
  return withLock(path.join(dir, 'lock'), async () => {
    const outDir = path.join(dir, 'dist');
    const done = path.join(dir, 'built');
    if (!fs.existsSync(done)) {
      await buildSite(content, { outDir, ...(config ? { config } : {}) });
      fs.writeFileSync(done, new Date().toISOString());
    }
    return outDir;
  });
}

/**
 * Builds `content` (by default the copy of the samples in `test/fixtures/e2e/content/`), serves
 * it and starts Chromium. Fails (never skips) without a browser.
 */
export async function startSite(options: SiteOptions = {}): Promise<E2ESite> {
  const { content = contentDir, config, ...browserOptions } = options;
  const browserPath = inject('browserPath');
  if (!browserPath)
    throw new Error(inject('browserProblem') || 'No browser was found for the end-to-end tests.');
  const outDir = await sharedBuild(content, config);
  const server = await serveStatic(outDir);
  const browser = await launchBrowser(browserPath, browserOptions);
  return {
    contentDir: content,
    outDir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens a page and fails the test on any script error or console error it logs. */
export async function openPage(e2e: E2ESite, pathname: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  (page as Page & { scriptErrors: string[] }).scriptErrors = errors;
  await page.goto(e2e.server.url(pathname));
  return page;
}

export const scriptErrors = (page: Page) => (page as Page & { scriptErrors?: string[] }).scriptErrors ?? [];

/** Waits until the search page shows the results for exactly this query string. */
export async function waitForSearch(
  page: Page,
  query: string | URLSearchParams | Record<string, string>,
): Promise<void> {
  const expected = new URLSearchParams(query).toString();
  await page.waitForFunction(
    (want) => {
      const root = document.querySelector<HTMLElement>('[data-search]');
      const list = document.querySelector('[data-search-results]');
      return root?.dataset['shown'] === want && !list?.hasAttribute('aria-busy');
    },
    expected,
    { timeout: 15_000 },
  );
}

/** The result links in the order shown, as paths. */
export const resultUrls = (page: Page) =>
  page.$$eval('[data-search-results] > li h3 a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );

/**
 * Every result of the search shown, pressing "Show more" until nothing is left: the page
 * renders `PAGE_SIZE` at a time, each loading its fragment from the index.
 */
export async function allResultUrls(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = (await resultUrls(page)).length;
    await more.click();
    await expect.poll(async () => (await resultUrls(page)).length).toBeGreaterThan(before);
  }
  return resultUrls(page);
}

/** The page's query string, as the search page wrote it. */
export const currentQuery = (page: Page) => new URL(page.url()).search.replace(/^\?/, '');

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page and returns the violations. */
export async function axeViolations(page: Page) {
  const source = fs.readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/**
 * The usual set-up of a browser test file: builds and serves `content` (the default fixture
 * when left out) before the file's tests, closes it after them, and returns `open`, which
 * opens a page whose script errors fail the test it was opened in.
 */
export function useSite(options: SiteOptions = {}) {
  let site: E2ESite | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    site = await startSite(options);
  });
  afterAll(() => site?.close());
  afterEach(async () => {
    for (const page of pages.splice(0)) {
      expect(scriptErrors(page), `script errors on ${page.url()}`).toEqual([]);
      await page.close();
    }
  });
  return {
    /** The running site; only inside tests and hooks. */
    get site(): E2ESite {
      if (!site) throw new Error('useSite(): the site is only there inside tests');
      return site;
    },
    async open(pathname: string): Promise<Page> {
      const page = await openPage(this.site, pathname);
      pages.push(page);
      return page;
    },
  };
}
