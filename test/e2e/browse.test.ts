import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTempDir } from '../helpers/build-site';
import { writeManyIncidents } from '../fixtures/browse/many-incidents';
import { axeViolations, fixtureContent, useSite } from './site';

/**
 * axe-core on the browse pages, light and dark: the indexes and a page of each kind from the
 * browse fixture (an empty severity included), and page 2 of lists grown past one page, whose
 * page bar must work from the keyboard.
 */

const config = { timezone: 'America/New_York' };
/** Written once per run, before either colour scheme's site is built from it. */
const many = path.join(testTempDir(), 'browse-e2e-many');

const PAGES = [
  ['the list of services', '/services/'],
  ['a service', '/services/api/'],
  ['the list of severities', '/severities/'],
  ['a severity', '/severities/SEV1/'],
  ['a severity with no incidents', '/severities/SEV4/'],
  ['the archive by year and month', '/years/'],
  ['a year', '/years/2023/'],
  ['the list of root causes', '/root-causes/'],
  ['a root cause', '/root-causes/network/'],
  ['the incident list', '/incidents/'],
  ['an incident page with its facts linked', '/incidents/2023-12-31-auth-certificate/'],
] as const;

describe.each(['light', 'dark'] as const)('axe on the browse pages, %s colour scheme', (colorScheme) => {
  describe('the browse fixture', () => {
    const site = useSite({ content: fixtureContent('browse'), config, colorScheme });

    it.each(PAGES)('finds no violations on %s', async (_name, pathname) => {
      const page = await site.open(pathname);
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('finds no violations on the archive at phone width, where the month table scrolls sideways', async () => {
      const page = await site.open('/years/');
      await page.setViewportSize({ width: 390, height: 800 });
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  describe('lists over more than one page', () => {
    beforeAll(async () => {
      if (!fs.existsSync(many)) await writeManyIncidents(many, 230);
    });
    const site = useSite({ content: many, config, colorScheme });

    it.each([
      ['/incidents/page/2/', 'All incidents, page 2'],
      ['/services/bulk/page/2/', 'Service: bulk, page 2'],
      ['/years/2022/page/2/', 'Incidents in 2022, page 2'],
      ['/services/page/2/', 'Services, page 2'],
    ])('finds no violations on %s', async (pathname, heading) => {
      const page = await site.open(pathname);
      expect(await page.locator('main h1').textContent()).toBe(heading);
      expect(await page.locator('nav.pagination [aria-current="page"]').textContent()).toBe('2');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('moves between pages with the keyboard', async () => {
      const page = await site.open('/incidents/');
      const next = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /Next/ });
      await next.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/incidents\/page\/2\/$/);
      expect(await page.locator('h1').textContent()).toBe('All incidents, page 2');
      const third = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 3' });
      await third.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/incidents\/page\/3\/$/);
      const previous = page.locator('nav.pagination a[rel="prev"]');
      await previous.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/incidents\/page\/2\/$/);
    });
  });
});
