import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publishedIncidents, useSite, waitForSearch } from './site';
import { layoutShift, recordLayoutShift } from './layout-shift';

/**
 * The search page must not move under the reader when results arrive: the results panel,
 * the "N incidents" line and the filters appear after the index loads, and used to push the
 * footer and grow a scrollbar that slid the centred layout sideways (Lighthouse measured CLS
 * 0.24 on desktop). Layout shifts are read from the browser's own `layout-shift` entries, the
 * ones CLS is made of; shifts right after the reader's input do not count, as in CLS.
 */

/** Lighthouse's desktop and mobile screens. */
const SCREENS = {
  desktop: { width: 1350, height: 940 },
  mobile: { width: 412, height: 823 },
};

/** Below this a page counts as stable (the target; Google calls 0.1 good). */
const TARGET = 0.02;

const harness = useSite();

async function openMeasured(pathname: string, screen: keyof typeof SCREENS): Promise<Page> {
  const page = await harness.site.browser.context.newPage();
  await page.setViewportSize(SCREENS[screen]);
  await recordLayoutShift(page);
  await page.goto(harness.site.server.url(pathname));
  return page;
}

/** A word from an incident's title, so the search finds something and the panel fills. */
function word(): string {
  const [incident] = publishedIncidents();
  if (!incident) throw new Error('the e2e fixture has no published incident to search for');
  const longest = incident.data.title.split(/\W+/).sort((a, b) => b.length - a.length)[0] ?? '';
  return longest.toLowerCase();
}

describe.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])('search page layout on %s', (screen) => {
  it('a search URL loaded directly does not shift when its results arrive', async () => {
    const q = word();
    const page = await openMeasured(`/search/?q=${encodeURIComponent(q)}`, screen);
    try {
      await waitForSearch(page, { q });
      expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      expect(await layoutShift(page)).toBeLessThan(TARGET);
    } finally {
      await page.close();
    }
  });

  it('typing a query does not shift the page when results arrive', async () => {
    const q = word();
    const page = await openMeasured('/search/', screen);
    try {
      await waitForSearch(page, '');
      await page.getByRole('searchbox', { name: /Search by symptom/ }).click();
      await page.keyboard.type(q, { delay: 30 });
      await waitForSearch(page, { q });
      // Wait past the 500 ms after input that CLS forgives, so late shifts would count.
      await page.waitForTimeout(800);
      expect(await layoutShift(page)).toBeLessThan(TARGET);
    } finally {
      await page.close();
    }
  });
});
