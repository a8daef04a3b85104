import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, fixtureContent, startSite, type E2ESite } from './site';

/**
 * `/insights/` in Chromium: axe-core finds nothing in the light and the dark colour scheme, at
 * desktop and phone width, on the insights fixture (every chart and table filled in, empty
 * categories included) and on a site with nothing published. At phone width the charts and wide
 * tables scroll inside their own boxes, which keyboard users can focus, and the page itself does
 * not grow sideways.
 */
const VARIANTS = [
  {
    name: 'the insights fixture',
    content: fixtureContent('insights'),
    config: { timezone: 'America/New_York' },
  },
  { name: 'a site with nothing published', content: fixtureContent('empty') },
];

describe.each(VARIANTS)('/insights/ on $name', (variant) => {
  describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
    let site: E2ESite;

    beforeAll(async () => {
      site = await startSite({
        content: variant.content,
        colorScheme,
        ...(variant.config ? { config: variant.config } : {}),
      });
    });

    afterAll(() => site?.close());

    it.each([1280, 390])('finds no axe violations at %i pixels wide', async (width) => {
      const page = await site.browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(site.server.url('/insights/'));
      expect(await page.locator('h1').textContent()).toBe('Insights');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });
});

describe('/insights/ at phone width', () => {
  let site: E2ESite;

  beforeAll(async () => {
    site = await startSite({ content: fixtureContent('insights'), config: { timezone: 'America/New_York' } });
  });

  afterAll(() => site?.close());

  it('scrolls wide charts and tables inside focusable boxes, not the page', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(site.server.url('/insights/'));
    expect(await page.locator('main figure.chart svg[role="img"]').count()).toBe(5);
    const boxes = await page.$$eval('main .chart-scroll, main .table-scroll', (elements) =>
      elements.map((element) => ({
        scrolls: element.scrollWidth > element.clientWidth,
        focusable: element.getAttribute('tabindex') === '0',
        named: Boolean(element.getAttribute('aria-labelledby')),
      })),
    );
    expect(boxes.filter((box) => box.scrolls).length).toBeGreaterThan(0);
    expect(boxes.filter((box) => box.scrolls && !(box.focusable && box.named))).toEqual([]);
    // The document does not scroll sideways: nothing (not even a visually hidden "no data" in a
    // wide table) escapes its scrolling box.
    const documentWidth = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(documentWidth.scroll).toBeLessThanOrEqual(documentWidth.client);
    await page.close();
  });

  it('scrolls a chart with the keyboard', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(site.server.url('/insights/'));
    const chart = page.locator('#chart-per-month .chart-scroll');
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => chart.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });
});
