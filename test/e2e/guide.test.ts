import { describe, expect, it } from 'vitest';
import { axeViolations, useSite } from './site';

/**
 * The guide in Chromium: axe-core finds nothing in either colour scheme, and its table of
 * contents works from the keyboard: following a link scrolls its heading into view and moves
 * focus there, so the next Tab continues from that section, not from the contents.
 */
const site = useSite();

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 800 },
];

describe('the guide', () => {
  it.each(['light', 'dark'] as const)(
    'has no axe violations in the %s colour scheme',
    async (colorScheme) => {
      const page = await site.open('/guide/');
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia(`(prefers-color-scheme: dark)`).matches)).toBe(
        colorScheme === 'dark',
      );
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('has no axe violations at phone width', async () => {
    const page = await site.open('/guide/');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each(VIEWPORTS)(
    'moves focus and scroll to each section from its contents link ($name)',
    async (viewport) => {
      const page = await site.open('/guide/');
      await page.setViewportSize(viewport);
      const links = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
      const count = await links.count();
      expect(count).toBeGreaterThanOrEqual(8);
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const href = (await link.getAttribute('href')) ?? '';
        expect(href).toMatch(/^#./);
        // The page starts at the top each time, so every link has to scroll.
        await page.evaluate(() => window.scrollTo(0, 0));
        await link.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction((hash) => location.hash === hash, href);
        const target = await page.evaluate((id) => {
          const heading = document.getElementById(id);
          const box = heading?.getBoundingClientRect();
          return {
            tag: heading?.tagName,
            text: heading?.textContent?.trim(),
            focused: document.activeElement === heading,
            inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
            scrolled: window.scrollY > 0,
          };
        }, href.slice(1));
        expect(target, href).toEqual({
          tag: 'H2',
          text: await link.textContent(),
          focused: true,
          inView: true,
          scrolled: true,
        });
      }
    },
  );

  it('continues keyboard navigation from the section a contents link went to', async () => {
    const page = await site.open('/guide/');
    await page
      .getByRole('navigation', { name: 'On this page' })
      .getByRole('link', { name: 'What goes where' })
      .focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#structure');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const heading = document.getElementById('structure');
      const active = document.activeElement;
      return {
        after:
          !!heading &&
          !!active &&
          !!(heading.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING),
        inSection: !!active && heading?.parentElement?.contains(active),
      };
    });
    expect(next).toEqual({ after: true, inSection: true });
  });
});
