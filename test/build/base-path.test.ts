import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, launchBrowser, type BrowserSession } from '../helpers/browser';
import { buildSite, projectRoot, testTempDir, type BuiltSite } from '../helpers/build-site';
import { findBrokenLinks, indexedUrls } from '../helpers/links';
import { serveStatic, type StaticServer } from '../helpers/serve';

/**
 * A GitHub Pages project site is served under `/<repo>/`. Built with `HINDSIGHT_BASE`, every
 * link, asset, feed entry and search result must carry that path.
 */
const BASE = '/postmortems/';
const SITE = 'https://acme.github.io';
const content = path.join(projectRoot, 'test/fixtures/basic/content');

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(content, { env: { HINDSIGHT_BASE: BASE, HINDSIGHT_SITE: SITE } });
});

describe('a build under a base path', () => {
  it('has no broken internal link, asset, feed link or anchor', () => {
    expect(findBrokenLinks(site.outDir, { base: BASE, site: SITE })).toEqual([]);
  });

  it('puts the base path on the favicon, the feed and the canonical URL', async () => {
    const home = await site.read('index.html');
    expect(home).toContain(`href="${BASE}favicon.svg"`);
    expect(home).toContain(`href="${BASE}rss.xml"`);
    expect(home).toContain(`<link rel="canonical" href="${SITE}${BASE}">`);
    const feed = await site.read('rss.xml');
    expect(feed).toContain(`<link>${SITE}${BASE}incidents/2023-11-05-dns-failover/</link>`);
  });

  it('indexes the incident pages at site-root paths that exist in the build', () => {
    expect(indexedUrls(site.outDir).sort()).toEqual([
      '/incidents/2023-11-05-dns-failover/',
      '/incidents/2024-03-10-queue-backlog/',
    ]);
  });

  it('is caught by the link checker when a link leaves the base path', async () => {
    // The checker must be able to fail: the same build checked as if served at the root.
    const broken = findBrokenLinks(site.outDir, { base: '/', site: SITE });
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0]?.reason).toBe('names no file in the build');
  });
});

describe('search under a base path, in Chromium', () => {
  let server: StaticServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    const { path: executable, problem } = findBrowser();
    if (!executable) throw new Error(problem);
    // Serve the build at /postmortems/, as GitHub Pages serves a project site.
    const root = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-base-'));
    await fs.cp(site.outDir, path.join(root, BASE), { recursive: true });
    server = await serveStatic(root);
    browser = await launchBrowser(executable);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the index from under the base and links results there', async () => {
    const page = await browser.context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(server.url(`${BASE}search/?q=resolver`));
    const link = page.locator('[data-search-results] > li h3 a').first();
    await link.waitFor({ timeout: 15_000 });
    expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(
      `${BASE}incidents/2023-11-05-dns-failover/`,
    );
    await link.click();
    await page.waitForURL(`**${BASE}incidents/2023-11-05-dns-failover/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('DNS failover');
    expect(failed).toEqual([]);
  });
});
