import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureContent, incidentUrl, useSite, waitForSearch } from './site';

/**
 * `test/fixtures/hostile/` in Chromium: a postmortem whose every string holds markup and
 * script. Searching for it shows its title, summary and excerpt as text, and no script of its
 * runs: no dialog opens, and no element of its appears in the results or anywhere else.
 */

const harness = useSite({ content: fixtureContent('hostile') });

const MARKUP_ID = '2024-02-01-markup-everywhere';
const TITLE = `xssprobe <script>alert(1)</script> "><svg onload=alert(2)> <img src=x onerror=alert(3)> &amp; 'quoted'`;

/** Opens `pathname`, recording every dialog (an `alert` from injected script) instead of waiting on it. */
async function openWatched(pathname: string): Promise<{ page: Page; dialogs: string[] }> {
  const dialogs: string[] = [];
  const page = await harness.open('about:blank');
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(harness.site.server.url(pathname));
  return { page, dialogs };
}

/** Elements on the page that only injected markup would make. */
const injectedElements = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((element) => {
      const found = [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name))
        .map((attribute) => `<${element.localName} ${attribute.name}>`);
      if (element.localName === 'iframe') found.push('<iframe>');
      if (element.localName === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
      if (element.localName === 'script' && element.textContent?.includes('alert('))
        found.push('<script>alert');
      return found;
    }),
  );

describe('a postmortem whose strings hold markup and script', () => {
  it('is found by search and shown as text, running nothing', async () => {
    const { page, dialogs } = await openWatched('/search/?q=xssprobe');
    await waitForSearch(page, { q: 'xssprobe' });
    const result = page
      .locator('[data-search-results] > li')
      .filter({ has: page.locator(`a[href$="${incidentUrl(MARKUP_ID)}"]`) });
    expect(await result.count()).toBe(1);
    expect(await result.locator('h3 a').textContent()).toBe(TITLE);
    expect(await page.locator('[data-search-results] :is(script, svg, img, iframe, b)').count()).toBe(0);
    expect(await injectedElements(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('shows excerpts that quote the markup as text', async () => {
    const { page, dialogs } = await openWatched('/search/?q=alert');
    await waitForSearch(page, { q: 'alert' });
    const excerpts = await page.locator('[data-search-results] > li').allTextContents();
    expect(excerpts.join(' ')).toMatch(/<script>|onerror|onload/);
    expect(await page.locator('[data-search-results] :is(script, svg, img, iframe)').count()).toBe(0);
    expect(await injectedElements(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('counts the service named constructor in the filters', async () => {
    const { page } = await openWatched('/search/?services=constructor');
    await waitForSearch(page, { services: 'constructor' });
    const option = page
      .locator('[data-facets] li')
      .filter({ has: page.getByRole('checkbox', { name: /^constructor\b/ }) });
    expect((await option.locator('[data-count]').textContent())?.trim()).toBe('3');
    expect(await page.locator('[data-search-results] > li').count()).toBe(3);
  });

  it('runs nothing on the pages that show its strings', async () => {
    for (const pathname of [
      '/',
      incidentUrl(MARKUP_ID),
      '/incidents/',
      '/services/constructor/',
      '/action-items/',
    ]) {
      const { page, dialogs } = await openWatched(pathname);
      await page.waitForLoadState('load');
      expect(await injectedElements(page), pathname).toEqual([]);
      expect(dialogs, pathname).toEqual([]);
    }
  });
});
