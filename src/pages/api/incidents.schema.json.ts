import config from 'virtual:hindsight/config';
import { getTaxonomy } from '../../data/incidents';
import { incidentsJsonSchema } from '../../lib/api/incidents';
import { ids } from '../../lib/taxonomy';

/**
 * `/api/incidents.schema.json`: the JSON Schema (draft 2020-12) of `/api/incidents.json`,
 * generated from the postmortem schema with this site's taxonomy, so severities and root-cause
 * categories are listed as the allowed values.
 */
export function GET(): Response {
  const taxonomy = getTaxonomy();
  const schema = incidentsJsonSchema({
    rootCauseIds: ids(taxonomy.rootCauses),
    severityIds: ids(taxonomy.severities),
    defaultTimezone: config.timezone,
  });
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
}
