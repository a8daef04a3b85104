import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, fixtureContent, incidentUrl, useSite } from './site';

/**
 * The two audiences of `test/fixtures/visibility/` in Chromium: the header says which one a
 * build is for, visibly and to a screen reader, on a wide and a narrow screen, and axe finds
 * nothing on the pages that differ between them (the label, the footer note, an `<Internal>`
 * block in the internal build). Light and dark, since the label has its own colours.
 */

const content = fixtureContent('visibility');
const organization = 'Visibility Test Org';
/** The public postmortem whose body has an `<Internal>` block. */
const WITH_INTERNAL_BLOCK = incidentUrl('2024-02-19-status-page-certificate-expired');

const AUDIENCES = [
  {
    audience: 'public',
    label: 'Public',
    note: 'Public site: these postmortems are published for anyone to read.',
    internalBlocks: 0,
  },
  {
    audience: 'internal',
    label: 'Internal',
    note: `Internal site: do not share outside ${organization}.`,
    internalBlocks: 1,
  },
] as const;

/** Whether the page is wider than the window, so a reader would have to scroll sideways. */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.each(AUDIENCES)('a build for the $audience audience', (variant) => {
  describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
    const harness = useSite({ content, config: { audience: variant.audience, organization }, colorScheme });

    it('says in the header which audience it is for, and in the footer what that means', async () => {
      const page = await harness.open('/');
      const label = page.locator('.site-header .audience-label');
      await expect.poll(() => label.isVisible()).toBe(true);
      // Shown: the one word; announced: "Public site", the rest hidden from view only.
      expect(await label.evaluate((element) => element.firstChild?.textContent)).toBe(variant.label);
      expect(await label.evaluate((element) => element.textContent)).toBe(`${variant.label} site`);
      expect(await label.locator('.visually-hidden').boundingBox()).toMatchObject({ width: 1, height: 1 });
      expect(await page.locator('.site-footer .audience-note').innerText()).toBe(variant.note);
    });

    // 320 pixels: the narrowest phones in use (WCAG's reflow width).
    it('keeps the label in the header on a narrow screen, without sideways scrolling', async () => {
      const page = await harness.open('/');
      await page.setViewportSize({ width: 320, height: 640 });
      const header = await page.locator('.site-header').boundingBox();
      const label = await page.locator('.site-header .audience-label').boundingBox();
      expect(label && header).toBeTruthy();
      if (!label || !header) return;
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width).toBeLessThanOrEqual(320);
      expect(label.y + label.height).toBeLessThanOrEqual(header.y + header.height);
      expect(await overflowsSideways(page)).toBe(false);
    });

    it('gives the header search box room for its placeholder on a desktop screen', async () => {
      const page = await harness.open('/');
      await page.setViewportSize({ width: 1200, height: 800 });
      const input = page.locator('#header-search-input');
      // Wide enough that "Search postmortems…" is not cut off; on a narrower line the box wraps.
      expect((await input.boundingBox())?.width).toBeGreaterThanOrEqual(200);
      expect(await overflowsSideways(page)).toBe(false);
    });

    it.each(['/', WITH_INTERNAL_BLOCK])('finds no accessibility violations on %s', async (pathname) => {
      const page = await harness.open(pathname);
      if (pathname === WITH_INTERNAL_BLOCK) {
        const blocks = page.getByRole('note', { name: 'Internal only' });
        expect(await blocks.count()).toBe(variant.internalBlocks);
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
