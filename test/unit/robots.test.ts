import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../src/lib/robots';

describe('robots.txt', () => {
  it('lets every crawler in', () => {
    expect(robotsTxt({})).toBe('User-agent: *\nAllow: /\n');
  });

  it('points to the sitemap under the site URL when one is configured', () => {
    expect(robotsTxt({ site: new URL('https://pm.example.com') })).toContain(
      'Sitemap: https://pm.example.com/sitemap-index.xml',
    );
  });

  it('honours the base path, with or without its trailing slash', () => {
    for (const base of ['/postmortems/', '/postmortems']) {
      expect(robotsTxt({ site: new URL('https://acme.github.io'), base })).toContain(
        'Sitemap: https://acme.github.io/postmortems/sitemap-index.xml',
      );
    }
  });
});
