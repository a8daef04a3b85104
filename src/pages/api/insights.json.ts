import { getInsights } from '../../data/insights';

/**
 * `/api/insights.json`: the figures of `/insights/` as data, for a quarterly-review deck or a
 * dashboard. Durations are in minutes; see `Insights` in `src/lib/insights/build-insights.ts`
 * for every key. Built once, as a static file, like the pages.
 */
export async function GET(): Promise<Response> {
  return new Response(`${JSON.stringify(await getInsights(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
