import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { taxonomyFile } from '../helpers/fixtures';
import {
  currentQuery,
  fixtureContent,
  incidentUrl,
  publishedIncidents,
  resultUrls,
  useSite,
  waitForSearch,
} from './site';

/**
 * The search page of a team that renamed its taxonomy (`test/fixtures/custom-taxonomy/`:
 * severities P1..P4, root causes such as `vendor-outage`), in Chromium. Filters, their labels
 * and search results must follow that team's files; expectations are computed from them.
 */

const content = fixtureContent('custom-taxonomy');
const rootCauses = taxonomyFile(content, 'root-causes.yaml');
const severities = taxonomyFile(content, 'severities.yaml');
const published = publishedIncidents(content);

const inCategory = (id: string) => published.filter((incident) => incident.data.rootCause.category === id);
const withSeverity = (id: string) => published.filter((incident) => incident.data.severity === id);
const urlsOf = (incidents: typeof published) => incidents.map((incident) => incidentUrl(incident.id)).sort();
const countText = (n: number) => `${n} incident${n === 1 ? '' : 's'}`;
/** A checkbox's accessible name starts with the label, followed by the count. */
const startsWith = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);

/** The root cause with the most published incidents, so filtering by it must drop some and keep several. */
const [busiest] = rootCauses
  .map((entry) => ({ entry, count: inCategory(entry.id).length }))
  .sort((a, b) => b.count - a.count);

const harness = useSite({ content });
const open = (pathname: string) => harness.open(pathname);

/** The visible text of each checkbox label in a facet, whitespace collapsed. */
const facetLabels = (page: Page, legend: string) =>
  page
    .getByRole('group', { name: legend })
    .locator('li:not([hidden]) label')
    .evaluateAll((labels) => labels.map((label) => label.textContent?.replace(/\s+/g, ' ').trim()));

describe('a site with its own taxonomy', () => {
  it('offers its own root causes and severities as filters, with their labels and counts', async () => {
    const page = await open('/search/');
    await waitForSearch(page, '');
    expect((await resultUrls(page)).sort()).toEqual(urlsOf(published));

    // Pagefind offers the values that occur; each with the label from the team's file.
    const causes = rootCauses.filter((entry) => inCategory(entry.id).length > 0);
    expect((await facetLabels(page, 'Root cause')).sort()).toEqual(
      causes.map((entry) => `${entry.label} ${countText(inCategory(entry.id).length)}`).sort(),
    );
    const levels = severities.filter((entry) => withSeverity(entry.id).length > 0);
    expect(await facetLabels(page, 'Severity')).toEqual(
      levels.map((entry) => `${entry.label} ${countText(withSeverity(entry.id).length)}`),
    );
  });

  it('filtering by a custom root cause lists exactly its incidents', async () => {
    expect(busiest?.count).toBeGreaterThan(1);
    expect(busiest?.count).toBeLessThan(published.length);
    if (!busiest) return;
    const { entry } = busiest;

    const page = await open('/search/');
    await waitForSearch(page, '');
    const checkbox = page.getByRole('checkbox', { name: startsWith(entry.label) });
    expect(await checkbox.getAttribute('value')).toBe(entry.id);
    await checkbox.check();
    await waitForSearch(page, { rootCause: entry.id });
    expect(currentQuery(page)).toBe(new URLSearchParams({ rootCause: entry.id }).toString());
    expect((await resultUrls(page)).sort()).toEqual(urlsOf(inCategory(entry.id)));
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`${countText(busiest.count)} found with 1 filter.`);
    // Each result links its root cause to the category's own page.
    const causeLinks = await page
      .locator('[data-search-results] > li a[href^="/root-causes/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(causeLinks).toEqual(Array(busiest.count).fill(`/root-causes/${entry.id}/`));
  });

  it('filters by a custom severity from a pasted link', async () => {
    const [first] = severities;
    expect(first && withSeverity(first.id).length).toBeGreaterThan(0);
    if (!first) return;
    const page = await open(`/search/?severity=${encodeURIComponent(first.id)}`);
    await waitForSearch(page, { severity: first.id });
    expect((await resultUrls(page)).sort()).toEqual(urlsOf(withSeverity(first.id)));
    expect(await page.getByRole('checkbox', { name: startsWith(first.label) }).isChecked()).toBe(true);
    const badges = await page.locator('[data-search-results] > li .badge').allTextContents();
    expect(badges.map((badge) => badge.trim())).toEqual(Array(badges.length).fill(first.id));
  });

  it.each(
    rootCauses.filter((entry) => inCategory(entry.id).length > 0).map((entry) => [entry.label, entry.id]),
  )('searching for "%s" lists the %s incidents first', async (words, id) => {
    const page = await open(`/search/?q=${encodeURIComponent(words)}`);
    await waitForSearch(page, { q: words });
    const expected = urlsOf(inCategory(id));
    expect((await resultUrls(page)).slice(0, expected.length).sort()).toEqual(expected);
  });

  it('searching for words of one incident finds it and shows its severity id and root-cause label', async () => {
    const [disk] = inCategory('disk');
    expect(disk, 'the fixture has a disk incident').toBeDefined();
    if (!disk) return;
    const page = await open('/search/?q=disk');
    await waitForSearch(page, 'q=disk');
    expect(await resultUrls(page)).toEqual([incidentUrl(disk.id)]);
    const result = page.locator('[data-search-results] > li').first();
    expect((await result.locator('.badge').textContent())?.trim()).toBe(disk.data.severity);
    expect((await result.locator('a[href="/root-causes/disk/"]').textContent())?.trim()).toBe(
      rootCauses.find((entry) => entry.id === 'disk')?.label,
    );
  });
});
