import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/lib/search/ranking';
import {
  allResultUrls,
  currentQuery,
  incidentUrl,
  publishedIncidents,
  resultUrls,
  useSite,
  waitForSearch,
} from './site';

/**
 * The search page in a real browser against `test/fixtures/e2e/content/`, a copy of the sample
 * postmortems. Expectations about which incidents should match are computed from that content,
 * so adding postmortems to the fixture does not break these tests; the two seed incidents are
 * named because the issue names them.
 */

const SEEDS = ['2024-02-22-mail-server-storage-disk', '2024-05-09-mail-storage-array-disk'];

const harness = useSite();
const open = (pathname: string) => harness.open(pathname);

const query = (page: Page) => page.getByRole('searchbox', { name: /Search by symptom/ });

describe('finding an incident by its root cause', () => {
  it.each([
    ['expired certificate', '2023-02-09-caldav-expired-tls-certificate'],
    ['bad config push', '2024-10-08-api-gateway-rate-limit-config-push'],
    ['storage array', '2024-05-09-mail-storage-array-disk'],
  ])('typing "%s" lists %s first', async (words, id) => {
    expect(publishedIncidents().map((incident) => incident.id)).toContain(id);
    const page = await open('/search/');
    await waitForSearch(page, '');
    await query(page).click();
    await page.keyboard.type(words, { delay: 20 });
    await waitForSearch(page, { q: words });

    const urls = await resultUrls(page);
    expect(urls[0]).toBe(incidentUrl(id));
    expect(currentQuery(page)).toBe(new URLSearchParams({ q: words }).toString());
  });

  for (const seed of SEEDS) {
    it.each(['disk failure', 'storage disk'])(`"%s" puts ${seed} in the top three`, async (words) => {
      const page = await open(`/search/?q=${encodeURIComponent(words)}`);
      await waitForSearch(page, { q: words });
      const top = (await resultUrls(page)).slice(0, 3);
      expect(top).toContain(incidentUrl(seed));
    });
  }

  it('shows each result with title, date, severity, root cause, services and a highlighted excerpt', async () => {
    const page = await open('/search/?q=disk');
    await waitForSearch(page, 'q=disk');
    const first = page.locator('[data-search-results] > li').first();
    const href = await first.locator('h3 a').getAttribute('href');
    const incident = publishedIncidents().find((i) => incidentUrl(i.id) === href);
    expect(incident, `result ${href} is a published incident`).toBeDefined();
    if (!incident) return;

    await expect.poll(() => first.locator('h3 a').textContent()).toBe(incident.data.title);
    expect(await first.locator('time').getAttribute('datetime')).toBe(incident.data.startedAt.toISOString());
    expect(await first.locator('.badge').textContent()).toBe(incident.data.severity);
    const category = incident.data.rootCause.category;
    expect(await first.locator(`a[href="/root-causes/${category}/"]`).count()).toBe(1);
    const services = await first.locator('[data-slot="services"]').textContent();
    expect(services?.split(', ').sort()).toEqual([...incident.data.services].sort());
    const marks = await first.locator('.excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => /disk/i.test(mark))).toBe(true);
  });

  it('prefills and runs the search from the header form', async () => {
    const page = await open('/');
    const header = page.getByRole('searchbox', { name: 'Search postmortems' });
    await header.fill('expired certificate');
    await header.press('Enter');
    await page.waitForURL(/\/search\/\?q=expired\+certificate$/);
    await waitForSearch(page, 'q=expired+certificate');
    expect(await query(page).inputValue()).toBe('expired certificate');
    expect((await resultUrls(page))[0]).toBe(incidentUrl('2023-02-09-caldav-expired-tls-certificate'));
  });
});

describe('facets', () => {
  it('filtering by the hardware root cause lists exactly the hardware incidents, with the right count', async () => {
    const published = publishedIncidents();
    const hardware = published.filter((incident) => incident.data.rootCause.category === 'hardware');
    expect(hardware.length).toBeGreaterThan(0);

    const page = await open('/search/');
    await waitForSearch(page, '');
    expect(await resultUrls(page)).toHaveLength(Math.min(PAGE_SIZE, published.length));
    expect(await page.locator('[data-search-more]').textContent()).toBe(
      `Show more results (${published.length - PAGE_SIZE} more)`,
    );
    expect(await allResultUrls(page)).toHaveLength(published.length);
    const checkbox = page.getByRole('checkbox', { name: /^Hardware\b/ });
    const label = page.locator(`label[for="${await checkbox.getAttribute('id')}"]`);
    expect((await label.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `Hardware ${hardware.length} incident${hardware.length === 1 ? '' : 's'}`,
    );

    await checkbox.check();
    await waitForSearch(page, 'rootCause=hardware');
    expect(currentQuery(page)).toBe('rootCause=hardware');
    const urls = await allResultUrls(page);
    expect(urls.sort()).toEqual(hardware.map((incident) => incidentUrl(incident.id)).sort());
    expect(urls.length).toBeLessThan(published.length);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`${hardware.length} incident${hardware.length === 1 ? '' : 's'} found with 1 filter.`);
  });

  it('counts each facet value for the current words', async () => {
    const page = await open('/search/?q=disk');
    await waitForSearch(page, 'q=disk');
    // Selecting a value must give exactly the count its label promised.
    const option = page.locator('[data-facets] li:not([hidden])').first();
    const promised = Number(await option.locator('[data-count]').textContent());
    await option.getByRole('checkbox').check();
    await expect.poll(async () => (await resultUrls(page)).length).toBe(promised);
  });

  it('treats values of one facet as alternatives and keeps their counts', async () => {
    const published = publishedIncidents();
    const count = (ids: string[]) =>
      published.filter((incident) => ids.includes(incident.data.rootCause.category)).length;
    const page = await open('/search/?rootCause=hardware&rootCause=security');
    await waitForSearch(page, 'rootCause=hardware&rootCause=security');
    expect(await resultUrls(page)).toHaveLength(count(['hardware', 'security']));
    const hardware = page.getByRole('checkbox', { name: /^Hardware\b/ });
    expect(await hardware.isChecked()).toBe(true);
    const label = await page
      .locator(`label[for="${await hardware.getAttribute('id')}"] [data-count]`)
      .textContent();
    expect(Number(label)).toBe(count(['hardware']));
  });

  it('sorts by newest and longest', async () => {
    const published = publishedIncidents();
    const page = await open('/search/?sort=longest');
    await waitForSearch(page, 'sort=longest');
    const longest = [...published].sort((a, b) => (b.data.durationMs ?? 0) - (a.data.durationMs ?? 0));
    const urls = await allResultUrls(page);
    // Ties may come in any order; the durations must not increase.
    const durations = urls.map(
      (url) => published.find((i) => incidentUrl(i.id) === url)?.data.durationMs ?? -1,
    );
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    expect(durations[0]).toBe(longest[0]?.data.durationMs);

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
    await waitForSearch(page, 'sort=newest');
    expect(await allResultUrls(page)).toEqual(published.map((incident) => incidentUrl(incident.id)));
  });

  it('shows a clear empty state whose button clears the filters', async () => {
    const page = await open('/search/?q=certificate&rootCause=hardware');
    await waitForSearch(page, 'q=certificate&rootCause=hardware');
    expect(await resultUrls(page)).toEqual([]);
    expect(await page.getByText('No incidents match this search.').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('No incidents found for “certificate” with 1 filter.');

    await page.locator('[data-search-empty]').getByRole('button', { name: 'Clear filters' }).click();
    await waitForSearch(page, 'q=certificate');
    expect(currentQuery(page)).toBe('q=certificate');
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
    expect(await page.getByText('No incidents match this search.').isVisible()).toBe(false);
  });
});

describe('what the index holds and what it downloads', () => {
  /** Whether the page fetched one of the files the build writes beside the index. */
  const fetched = (page: Page, file: string) =>
    page.evaluate(
      (name) =>
        performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(`/pagefind/${name}`)),
      file,
    );

  it('shows the summary for a word found only in the write-up, which the index holds as distinct words', async () => {
    const id = '2023-02-09-caldav-expired-tls-certificate';
    const incident = publishedIncidents().find((entry) => entry.id === id);
    const page = await open('/search/?q=unwatched');
    await waitForSearch(page, 'q=unwatched');
    expect(await resultUrls(page)).toEqual([incidentUrl(id)]);
    const excerpt = page.locator('[data-search-results] > li .excerpt').first();
    expect(await excerpt.textContent()).toBe(incident?.data.summary);
    expect(await excerpt.locator('mark').count()).toBe(0);
  });

  it('fetches every incident’s services only when the reader asks for every service', async () => {
    const page = await open('/search/');
    await waitForSearch(page, '');
    expect(await fetched(page, 'services.json')).toBe(false);
    expect(await fetched(page, 'durations.json')).toBe(false);
    const storage = page.getByRole('checkbox', { name: /^storage\b/ });
    expect(await storage.isVisible()).toBe(false);
    await page
      .getByRole('group', { name: 'Service' })
      .getByRole('button', { name: /^Show all \d+ options$/ })
      .click();
    await expect.poll(() => fetched(page, 'services.json')).toBe(true);
    const label = page.locator(`label[for="${await storage.getAttribute('id')}"]`);
    await expect
      .poll(async () => (await label.textContent())?.replace(/\s+/g, ' ').trim())
      .toBe('storage 1 incident');
  });

  it('filters by a rarer service straight from the URL', async () => {
    const expected = publishedIncidents()
      .filter((incident) => incident.data.services.includes('storage'))
      .map((incident) => incidentUrl(incident.id));
    const page = await open('/search/?services=storage');
    await waitForSearch(page, 'services=storage');
    expect(await resultUrls(page)).toEqual(expected);
    expect(await fetched(page, 'services.json')).toBe(true);
  });
});

describe('the URL is the search', () => {
  it('loading a search URL shows the same results as doing the search by hand', async () => {
    const byHand = await open('/search/');
    await waitForSearch(byHand, '');
    await query(byHand).fill('disk');
    await query(byHand).press('Enter');
    await waitForSearch(byHand, 'q=disk');
    await byHand.getByRole('checkbox', { name: /^Hardware\b/ }).check();
    await waitForSearch(byHand, 'q=disk&rootCause=hardware');
    await byHand.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
    await waitForSearch(byHand, 'q=disk&rootCause=hardware&sort=newest');
    expect(currentQuery(byHand)).toBe('q=disk&rootCause=hardware&sort=newest');

    const pasted = await open(`/search/?${currentQuery(byHand)}`);
    await waitForSearch(pasted, 'q=disk&rootCause=hardware&sort=newest');
    expect(await query(pasted).inputValue()).toBe('disk');
    expect(await pasted.getByRole('checkbox', { name: /^Hardware\b/ }).isChecked()).toBe(true);
    expect(await pasted.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('newest');
    expect(await resultUrls(pasted)).toEqual(await resultUrls(byHand));
    expect(await pasted.title()).toBe('“disk” · Search · Hindsight');
  });

  it('back and forward step through searches', async () => {
    const page = await open('/search/');
    await waitForSearch(page, '');
    const all = await resultUrls(page);

    await query(page).fill('disk');
    await query(page).press('Enter');
    await waitForSearch(page, 'q=disk');
    const disk = await resultUrls(page);
    await page.getByRole('checkbox', { name: /^Hardware\b/ }).check();
    await waitForSearch(page, 'q=disk&rootCause=hardware');
    const hardware = await resultUrls(page);
    expect(hardware.length).toBeLessThanOrEqual(disk.length);

    await page.goBack();
    await waitForSearch(page, 'q=disk');
    expect(await resultUrls(page)).toEqual(disk);
    expect(await page.getByRole('checkbox', { name: /^Hardware\b/ }).isChecked()).toBe(false);

    await page.goBack();
    await waitForSearch(page, '');
    expect(await resultUrls(page)).toEqual(all);
    expect(await query(page).inputValue()).toBe('');

    await page.goForward();
    await waitForSearch(page, 'q=disk');
    expect(await query(page).inputValue()).toBe('disk');
    await page.goForward();
    await waitForSearch(page, 'q=disk&rootCause=hardware');
    expect(await resultUrls(page)).toEqual(hardware);
    expect(await page.getByRole('checkbox', { name: /^Hardware\b/ }).isChecked()).toBe(true);
  });

  it('adds one history entry for a run of typing, not one per keystroke', async () => {
    const page = await open('/');
    await page.goto(harness.site.server.url('/search/'));
    await waitForSearch(page, '');
    await query(page).click();
    await page.keyboard.type('storage disk', { delay: 40 });
    await waitForSearch(page, 'q=storage+disk');
    await page.goBack();
    await waitForSearch(page, '');
    expect(new URL(page.url()).pathname).toBe('/search/');
  });

  it('ignores unknown parameters', async () => {
    const page = await open('/search/?q=disk&utm_source=slack&colour=blue');
    await waitForSearch(page, 'q=disk');
    expect((await resultUrls(page)).length).toBeGreaterThan(0);
  });
});

describe('keyboard only', () => {
  async function tabTo(page: Page, test: () => Promise<boolean>, limit = 80) {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      if (await test()) return presses + 1;
    }
    throw new Error(`Tab never reached the element (${limit} presses)`);
  }

  it('reaches the query box, a filter and a result, and opens it with Enter', async () => {
    const page = await open('/search/');
    await waitForSearch(page, '');

    await tabTo(page, () => page.evaluate(() => document.activeElement?.id === 'search-query'));
    await page.keyboard.type('disk');
    await waitForSearch(page, 'q=disk');

    await tabTo(page, () =>
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox'),
    );
    const filter = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return { name: input.name, value: input.value };
    });
    await page.keyboard.press('Space');
    await waitForSearch(page, new URLSearchParams({ q: 'disk', [filter.name]: filter.value }));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);

    await tabTo(page, () =>
      page.evaluate(() => !!document.activeElement?.closest('[data-search-results] h3')),
    );
    const href = await page.evaluate(() =>
      (document.activeElement as HTMLAnchorElement).getAttribute('href'),
    );
    expect(href).toMatch(/^\/incidents\/[^/]+\/$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(harness.site.server.url(href ?? ''));
    expect(new URL(page.url()).pathname).toBe(href);
  });

  it('shows where focus is', async () => {
    const page = await open('/search/');
    await waitForSearch(page, '');
    await tabTo(page, () => page.evaluate(() => document.activeElement?.id === 'search-query'));
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
  });
});

describe('on a narrow screen', () => {
  it('folds the filters away behind a button so the results come first', async () => {
    const page = await open('/search/?q=email&rootCause=hardware');
    await page.setViewportSize({ width: 390, height: 800 });
    await waitForSearch(page, 'q=email&rootCause=hardware');
    const toggle = page.getByRole('button', { name: /filters/ }).and(page.locator('[data-filters-toggle]'));
    expect(await toggle.textContent()).toBe('Show filters (1 active)');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('group', { name: 'Root cause' }).isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Hide filters (1 active)');
    expect(await page.getByRole('checkbox', { name: /^Hardware\b/ }).isChecked()).toBe(true);
  });

  it('shows the filters without a toggle on a wide screen', async () => {
    const page = await open('/search/');
    await waitForSearch(page, '');
    expect(await page.locator('[data-filters-toggle]').isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: 'Root cause' }).isVisible()).toBe(true);
  });
});

describe('when search cannot run', () => {
  it('says so, with links to browse instead, when the index is missing', async () => {
    const page = await harness.site.browser.context.newPage();
    await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(harness.site.server.url('/search/?q=disk'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Search is not available right now');
    expect(
      await alert.getByRole('link', { name: 'browse incidents by root cause' }).getAttribute('href'),
    ).toBe('/root-causes/');
    expect(await page.locator('[data-search-panel]').isHidden()).toBe(true);
    await page.close();
  });

  it('explains itself without JavaScript', async () => {
    const { launchBrowser } = await import('../helpers/browser');
    const { inject } = await import('vitest');
    const session = await launchBrowser(inject('browserPath'), { javaScriptEnabled: false });
    try {
      const page = await session.context.newPage();
      await page.goto(harness.site.server.url('/search/?q=disk'));
      const notice = page.getByText(/Search runs in your browser and needs JavaScript/);
      expect(await notice.isVisible()).toBe(true);
      expect(
        await page.getByRole('link', { name: 'browse incidents by root cause' }).first().isVisible(),
      ).toBe(true);
      expect(await page.locator('[data-search-panel]').isHidden()).toBe(true);
    } finally {
      await session.close();
    }
  });
});
