import config from 'virtual:hindsight/config';
import { buildDate } from '../lib/build-date';
import { buildInsights, type Insights } from '../lib/insights/build-insights';
import { getIncidents, getTaxonomy } from './incidents';

let built: Insights | undefined;

/**
 * The figures `/insights/` shows and `/api/insights.json` serves, computed once per build from
 * the incidents this build shows, on the site's calendar, up to the build date
 * (`SOURCE_DATE_EPOCH` when set). Both render this one object, so they cannot disagree; under
 * `astro dev` it is recomputed on every request so edits show at once.
 */
export async function getInsights(): Promise<Insights> {
  if (built && !import.meta.env.DEV) return built;
  built = buildInsights(await getIncidents(), getTaxonomy(), { timeZone: config.timezone, now: buildDate() });
  return built;
}
