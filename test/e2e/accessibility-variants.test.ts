import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site';
import { axeViolations, startSite, type E2ESite } from './site';

/**
 * axe-core on what a team's own settings and content add to the pages: the notice banner and
 * the edit and history links, the empty state of a site with nothing published, and the
 * components a postmortem body may use (Callout, Figure). Light and dark.
 */
const fixture = (name: string) => path.join(projectRoot, 'test/fixtures', name);

const VARIANTS = [
  {
    name: 'a configured site',
    content: fixture('site-config/content'),
    config: {
      title: 'Acme Postmortems',
      organization: 'Acme Platform',
      notice: 'Internal: do not share outside Acme.',
      repository: { url: 'https://github.com/acme/postmortems' },
    },
    pages: ['/', '/incidents/2024-08-01-billing-export-stalled/'],
    expect: ['.site-notice', 'a[href*="/edit/main/"]'],
  },
  {
    name: 'a site with nothing published',
    content: fixture('empty/content'),
    pages: ['/', '/incidents/', '/root-causes/', '/search/'],
    expect: ['[data-empty-site]'],
  },
  {
    name: 'a postmortem using the site components',
    content: fixture('mdx/valid/content'),
    pages: ['/incidents/2024-06-01-components/'],
    expect: ['aside[role="note"]', 'figure figcaption'],
  },
];

describe.each(VARIANTS)('axe on $name', (variant) => {
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

    it.each(variant.pages)('finds no violations on %s', async (pathname) => {
      const page = await site.browser.context.newPage();
      await page.goto(site.server.url(pathname));
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it('has the parts under test on its pages', async () => {
      const page = await site.browser.context.newPage();
      const found: string[] = [];
      for (const pathname of variant.pages) {
        await page.goto(site.server.url(pathname));
        for (const selector of variant.expect)
          if ((await page.locator(selector).count()) > 0) found.push(selector);
      }
      expect(new Set(found)).toEqual(new Set(variant.expect));
      await page.close();
    });
  });
});
