import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, fixtureContent, startSite, type E2ESite } from './site';

/**
 * axe-core on incident pages with the "This has happened before" section (earlier and later
 * matches, next to the authors' related incidents) and on the pages with "Recurring causes", in
 * the light and the dark colour scheme.
 */
const SIMILAR = /This has happened before|It happened again/;
const RECURRING = /Recurring causes/;
const PAGES = [
  ['earlier and later matches', '/incidents/2024-04-20-status-page-certificate-expired/', SIMILAR],
  [
    'matches beside related incidents',
    '/incidents/2025-02-11-api-gateway-certificate-expired-again/',
    SIMILAR,
  ],
  ['only a later match', '/incidents/2023-06-05-database-disk-full/', SIMILAR],
  ['recurring causes on insights', '/insights/', RECURRING],
  ['recurring causes of one category', '/root-causes/capacity/', RECURRING],
  ['no recurring cause in the category', '/root-causes/config-change/', RECURRING],
] as const;

describe.each(['light', 'dark'] as const)('axe on similar incidents, %s colour scheme', (colorScheme) => {
  let site: E2ESite;

  beforeAll(async () => {
    site = await startSite({ content: fixtureContent('similarity'), colorScheme });
  });

  afterAll(() => site?.close());

  it.each(PAGES)('finds no violations on a page with %s', async (_name, pathname, section) => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url(pathname));
    // The section must be there, or the check would pass on a page without it.
    expect(await page.getByRole('region', { name: section }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('reaches every similar incident by keyboard, in reading order', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url('/incidents/2024-04-20-status-page-certificate-expired/'));
    const links = page.locator('section[aria-labelledby="similar"] li > a');
    const expected = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(expected).toHaveLength(2);
    const reached: (string | null)[] = [];
    for (let step = 0; step < 200 && reached.length < expected.length; step++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => {
        const active = document.activeElement;
        return active?.closest('section[aria-labelledby="similar"]') ? active.getAttribute('href') : null;
      });
      if (href) reached.push(href);
    }
    expect(reached).toEqual(expected);
    await page.close();
  });
});
