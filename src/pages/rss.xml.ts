import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getIncidents, getTaxonomy } from '../data/incidents';
import { taxonomyEntry } from '../lib/labels';
import { escapeHtml, plainText } from '../lib/plain-text';
import { routes } from '../lib/routes';
import config from 'virtual:hindsight/config';

/**
 * A feed of postmortems, newest first, so people can follow new write-ups in a feed reader or a
 * chat channel. In-review postmortems are included (they are on the site too); drafts are not.
 *
 * Every text goes through `plainText`, since one control character (a colour code pasted from
 * a terminal) makes the whole file invalid XML that readers refuse. Readers render a
 * description as HTML, so it is also HTML-escaped: a summary that mentions `<script>` shows as
 * written. Titles are plain text to readers and stay unescaped, or they would show `&lt;`.
 */
export async function GET(context: APIContext) {
  const incidents = await getIncidents();
  const { rootCauses } = getTaxonomy();
  return rss({
    title: plainText(
      config.organization ? `${config.title}: ${config.organization} postmortems` : config.title,
    ),
    description: plainText(config.tagline),
    // The channel links to the home page, which is under the base path like every page.
    site: new URL(routes.home(), context.site ?? 'http://localhost:4321').href,
    items: incidents.map((incident) => ({
      title: plainText(`[${incident.data.severity}] ${incident.data.title}`),
      link: routes.incident(incident.id),
      pubDate: incident.data.resolvedAt ?? incident.data.startedAt,
      description: escapeHtml(
        plainText(
          `${incident.data.summary} Root cause (${taxonomyEntry(rootCauses, incident.data.rootCause.category).label}): ${incident.data.rootCause.summary}`,
        ),
      ),
      // Feed readers and chat integrations can filter on these: severity, root cause, services
      // (once each: a root-cause id can also be a service's name).
      categories: [
        ...new Set([incident.data.severity, incident.data.rootCause.category, ...incident.data.services]),
      ],
    })),
  });
}
