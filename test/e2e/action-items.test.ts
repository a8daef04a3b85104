import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTempDir } from '../helpers/build-site';
import { writeManyTasks } from '../fixtures/action-items/many-tasks';
import { axeViolations, fixtureContent, useSite } from './site';

/**
 * axe-core on the follow-up work pages and an incident's task table, light and dark: page 1
 * with its totals, count tables (an unassigned row flagged, a quiet quarter muted) and overdue
 * markers, from the hand-counted fixture; and page 2 of a list over more than one page.
 */

/** Written once per run, before either colour scheme's site is built from it. */
const manyTasks = path.join(testTempDir(), 'action-items-e2e-many');

describe.each(['light', 'dark'] as const)(
  'axe on the follow-up work pages, %s colour scheme',
  (colorScheme) => {
    describe('the fixture with hand-counted figures', () => {
      const site = useSite({ content: fixtureContent('action-items'), colorScheme });

      it('finds no violations on page 1, with its summary and the task table', async () => {
        const page = await site.open('/action-items/');
        expect(await page.locator('[data-counts="owners"] tbody tr.flagged').count()).toBe(1);
        expect(await page.locator('[data-counts="quarters"] tbody tr.quiet').count()).toBe(1);
        expect(await page.locator('table.action-items tbody tr').count()).toBe(11);
        expect(await axeViolations(page)).toEqual([]);
      });

      it('finds no violations on page 1 at phone width, where the tables scroll sideways', async () => {
        const page = await site.open('/action-items/');
        await page.setViewportSize({ width: 390, height: 800 });
        expect(await axeViolations(page)).toEqual([]);
      });

      it('finds no violations on an incident page with its tasks and the link to all follow-up work', async () => {
        const page = await site.open('/incidents/2023-08-14-cache-stampede/');
        const link = page.getByRole('link', { name: 'All follow-up work across incidents' });
        expect(await link.getAttribute('href')).toBe('/action-items/');
        expect(await axeViolations(page)).toEqual([]);
      });
    });

    describe('a list over more than one page', () => {
      beforeAll(async () => {
        if (!fs.existsSync(manyTasks)) await writeManyTasks(manyTasks, 40);
      });
      const site = useSite({ content: manyTasks, colorScheme });

      it('finds no violations on page 2, and its page bar leads back to page 1 by keyboard', async () => {
        const page = await site.open('/action-items/page/2/');
        expect(await page.locator('table.action-items tbody tr').count()).toBe(20);
        expect(await axeViolations(page)).toEqual([]);
        const previous = page.locator('nav.pagination a[rel="prev"]');
        await previous.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/action-items\/$/);
        expect(await page.locator('h1').textContent()).toBe('Follow-up work');
      });
    });
  },
);
