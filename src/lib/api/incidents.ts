import { z } from 'astro/zod';
import { elapsed } from '../duration';
import type { Incident } from '../incidents';
import { postmortemSchema, type Postmortem, type PostmortemSchemaOptions } from '../../schemas/postmortem';
import { calendarDateSchema, timestampSchema } from '../../schemas/timestamp';

/**
 * `/api/incidents.json`: every incident the site shows, as data for scripts, dashboards and
 * spreadsheets, and `/api/incidents.schema.json`, the JSON Schema it follows. The schema is
 * generated from the postmortem schema itself, so the two cannot drift apart: a field added to
 * the frontmatter appears in both.
 */

const MINUTE = 60_000;

const minutes = (description: string) => z.number().min(0).nullable().meta({ description });

/** What each entry adds to the frontmatter, computed at build time. */
const computedFields = {
  durationMinutes: minutes(
    'Minutes from startedAt to resolvedAt (or the written duration of an unresolved draft); null when unknown.',
  ),
  timeToDetectMinutes: minutes('Minutes from startedAt to detectedAt; null when detectedAt is not recorded.'),
  timeToMitigateMinutes: minutes(
    'Minutes from startedAt to mitigatedAt; null when mitigatedAt is not recorded.',
  ),
};

/**
 * The schema of one entry: `id` and `url`, the frontmatter exactly as the postmortem schema
 * outputs it (defaults filled in, timestamps as ISO 8601 strings), then the computed fields.
 * Strict, like the frontmatter: an entry has these fields and no others.
 */
export function incidentEntrySchema(options: PostmortemSchemaOptions) {
  // The frontmatter object before the transform that adds `durationMs`, which the API gives
  // in minutes instead.
  const frontmatter = postmortemSchema(options).in;
  return z.strictObject({
    id: z
      .string()
      .meta({ description: 'The postmortem file name without extension; the page is /incidents/<id>/.' }),
    url: z.string().meta({
      description:
        'The incident page: absolute when the site address is configured, else from the site root.',
    }),
    ...frontmatter.shape,
    ...computedFields,
  });
}

/** The schema of the whole file: an object with the list, so the file can grow new keys. */
export function incidentsFileSchema(options: PostmortemSchemaOptions) {
  return z
    .strictObject({
      incidents: z.array(incidentEntrySchema(options)).meta({
        description: 'Every incident the site shows, newest first, each once.',
      }),
    })
    .meta({
      title: 'Hindsight incidents',
      description: 'Every incident the site shows: its frontmatter, its page and computed durations.',
    });
}

/**
 * What the schema's transforms produce, as JSON Schema: timestamps become `Date`s, which
 * `JSON.stringify` writes as ISO 8601 strings, and calendar dates stay `YYYY-MM-DD` strings.
 * Any other transform is an error, so a new one cannot slip into the API undescribed.
 */
const TRANSFORM_OUTPUTS = new Map<unknown, { type: 'string'; format: string }>([
  [timestampSchema.out, { type: 'string', format: 'date-time' }],
  [calendarDateSchema.out, { type: 'string', format: 'date' }],
]);

/** `/api/incidents.schema.json`: JSON Schema (draft 2020-12) generated from the zod schema. */
export function incidentsJsonSchema(options: PostmortemSchemaOptions) {
  return z.toJSONSchema(incidentsFileSchema(options), {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: ({ zodSchema }) => TRANSFORM_OUTPUTS.get(zodSchema) ?? 'throw',
  });
}

/** An entry of `/api/incidents.json`; `Date`s become ISO 8601 strings when written as JSON. */
export type IncidentEntry = { id: string; url: string } & Omit<Postmortem, 'durationMs'> & {
    durationMinutes: number | null;
    timeToDetectMinutes: number | null;
    timeToMitigateMinutes: number | null;
  };

const minutesBetween = (from: Date, to: Date | undefined) => (to ? elapsed(from, to) / MINUTE : null);

/**
 * One incident as the API lists it. `url` is the page's address, made by the caller so that it
 * carries the site's base path and, when known, its origin.
 */
export function incidentEntry(incident: Incident, url: string): IncidentEntry {
  const { durationMs, ...frontmatter } = incident.data;
  return {
    id: incident.id,
    url,
    ...frontmatter,
    durationMinutes: durationMs === undefined ? null : durationMs / MINUTE,
    timeToDetectMinutes: minutesBetween(frontmatter.startedAt, frontmatter.detectedAt),
    timeToMitigateMinutes: minutesBetween(frontmatter.startedAt, frontmatter.mitigatedAt),
  };
}

/**
 * The page address the API gives: absolute on the configured site (`path` already carries the
 * base path), or the path alone when no site is configured, rather than a made-up origin.
 */
export function pageUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}
