import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/robots';

/**
 * `robots.txt`: lets crawlers in and points them at the sitemap, which exists when a `site` URL
 * is configured (a sitemap needs absolute URLs).
 */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt({ site, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
