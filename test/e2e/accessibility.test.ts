import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../helpers/browser';
import { axeViolations, openPage, resultUrls, startSite, waitForSearch, type E2ESite } from './site';

/**
 * axe-core's WCAG 2.0 and 2.1 A and AA rules on the pages search touches, in the light and
 * the dark colour scheme (the site follows the reader's system setting).
 */

let e2e: E2ESite;
let dark: BrowserSession;

beforeAll(async () => {
  e2e = await startSite();
  dark = await launchBrowser(inject('browserPath'), { colorScheme: 'dark' });
});

afterAll(async () => {
  await dark?.close();
  await e2e?.close();
});

const PAGES = [
  ['the home page', '/'],
  ['the incident list', '/incidents/'],
  ['an incident page', '/incidents/2024-05-09-mail-storage-array-disk/'],
  [
    'an incident page with a timezone, misleading paths and open tasks',
    '/incidents/2024-02-22-mail-server-storage-disk/',
  ],
  ['the not-found page', '/404.html'],
  ['the root-cause index', '/root-causes/'],
  ['a root-cause page', '/root-causes/hardware/'],
];

describe.each(['light', 'dark'] as const)('axe, %s colour scheme', (scheme) => {
  const session = () => (scheme === 'light' ? e2e.browser : dark);

  it('finds no violations on the search page showing results', async () => {
    const page = await session().context.newPage();
    await page.goto(e2e.server.url('/search/?q=disk'));
    await waitForSearch(page, 'q=disk');
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds no violations on the search page with filters and the long lists open', async () => {
    const page = await session().context.newPage();
    await page.goto(e2e.server.url('/search/?rootCause=hardware&services=email'));
    await waitForSearch(page, 'rootCause=hardware&services=email');
    const collapsed = page.locator('[data-facets] button[aria-expanded="false"]:visible');
    while ((await collapsed.count()) > 0) await collapsed.first().click();
    expect(await page.locator('[data-facets] li[hidden]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds no violations on the search page at phone width, filters open', async () => {
    const page = await session().context.newPage();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(e2e.server.url('/search/?q=email'));
    await waitForSearch(page, 'q=email');
    await page.locator('[data-filters-toggle]').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds no violations on the empty state', async () => {
    const page = await session().context.newPage();
    await page.goto(e2e.server.url('/search/?q=zzzqqq&rootCause=hardware'));
    await waitForSearch(page, 'q=zzzqqq&rootCause=hardware');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(PAGES)('finds no violations on %s', async (_name, pathname) => {
    const page = await session().context.newPage();
    await page.goto(e2e.server.url(pathname));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('screen-reader labels', () => {
  it('labels the search landmark, the query box, each facet and each filter with its count', async () => {
    const page = await openPage(e2e, '/search/?q=disk');
    await waitForSearch(page, 'q=disk');
    expect(await page.getByRole('search', { name: 'Postmortems', exact: true }).count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: /Search by symptom/ }).count()).toBe(1);
    for (const legend of ['Root cause', 'Service', 'Severity', 'Year', 'Follow-up work']) {
      expect(await page.getByRole('group', { name: legend }).count(), legend).toBe(1);
    }
    const name = await page.getByRole('checkbox', { name: /^Hardware\b/ }).evaluate((input) => {
      const label = (input as HTMLInputElement).labels?.[0];
      return label?.textContent?.replace(/\s+/g, ' ').trim();
    });
    expect(name).toMatch(/^Hardware \d+ incidents?$/);
    await page.close();
  });

  it('announces the result count in a polite live region', async () => {
    const page = await openPage(e2e, '/search/');
    await waitForSearch(page, '');
    const status = page.getByRole('status');
    expect(await status.count()).toBe(1);
    await page.getByRole('searchbox', { name: /Search by symptom/ }).fill('disk');
    await waitForSearch(page, 'q=disk');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ incidents? found for “disk”\.$/);
    await page.close();
  });
});
