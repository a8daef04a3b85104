/**
 * The frontmatter's JSON Schema, made from the same zod schema the site and the check use, so
 * an editor can complete field names, offer the taxonomy's ids and flag mistakes as you type.
 */
import { z } from 'astro/zod';
import { postmortemSchema } from '../schemas/postmortem';
import { placeholderFreeText } from '../schemas/text';
import { calendarDateSchema, DATE_ONLY, timestampSchema, ZONED_DATE_TIME } from '../schemas/timestamp';
import { ids, type Taxonomy } from './taxonomy';

/**
 * `TODO` at the start, any case, as `isPlaceholder` reads it, in the regular-expression dialect
 * JSON Schema uses (no flags, so no `i`).
 */
export const PLACEHOLDER_PATTERN = '^\\s*[Tt][Oo][Dd][Oo]\\b';

/**
 * The JSON Schema (draft-07, which editors' YAML support reads most widely) of what an author
 * writes: the input side of the schema, defaults optional, unknown keys refused, severities and
 * root causes from `taxonomy`. What JSON Schema cannot say (a timestamp is a real day, the
 * milestones are in order, `related` ids exist) stays with `hindsight check`.
 */
export function frontmatterJsonSchema(taxonomy: Taxonomy): Record<string, unknown> {
  const schema = postmortemSchema({
    rootCauseIds: ids(taxonomy.rootCauses),
    severityIds: ids(taxonomy.severities),
  });
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    // `z.date()` is only there for Astro's YAML parser, which turns timestamps into dates; the
    // override below replaces the timestamp schemas it appears in.
    unrepresentable: 'any',
    override({ zodSchema, jsonSchema }) {
      const replace = (by: Record<string, unknown>) => {
        for (const key of Object.keys(jsonSchema)) Reflect.deleteProperty(jsonSchema, key);
        Object.assign(jsonSchema, by);
      };
      if (zodSchema === timestampSchema) {
        replace({
          type: 'string',
          pattern: ZONED_DATE_TIME.source,
          description: 'An ISO 8601 date-time with Z or an offset, such as 2024-05-09T08:00:00Z',
        });
      } else if (zodSchema === calendarDateSchema) {
        replace({ type: 'string', pattern: DATE_ONLY.source, description: 'A date, YYYY-MM-DD' });
      }
      // zod writes `z.url({ protocol })` as a bare `uri`; the links must be web pages.
      if (jsonSchema.format === 'uri') jsonSchema.pattern ??= '^https?://';
      const text = placeholderFreeText.get(zodSchema);
      if (text) {
        jsonSchema.description ??= text.purpose;
        jsonSchema.not = { pattern: PLACEHOLDER_PATTERN };
      }
    },
  });
  return { ...json, title: 'Hindsight postmortem frontmatter' };
}
