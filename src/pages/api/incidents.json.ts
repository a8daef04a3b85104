import type { APIContext } from 'astro';
import { getIncidents } from '../../data/incidents';
import { incidentEntry, pageUrl } from '../../lib/api/incidents';
import { routes } from '../../lib/routes';

/**
 * `/api/incidents.json`: every incident the site shows, once, newest first: its frontmatter
 * (timestamps as ISO 8601 strings), its page's URL and durations in minutes. Described by
 * `/api/incidents.schema.json`. Built once, as a static file, like the pages.
 */
export async function GET(context: APIContext): Promise<Response> {
  const incidents = await getIncidents();
  const body = {
    incidents: incidents.map((incident) =>
      incidentEntry(incident, pageUrl(routes.incident(incident.id), context.site)),
    ),
  };
  return new Response(`${JSON.stringify(body)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
