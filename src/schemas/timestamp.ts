import { z } from 'astro/zod';

/**
 * Matches an ISO 8601 date-time that names its zone: `Z` or a `±HH:MM` offset.
 * A time without a zone is ambiguous across teams and daylight saving, so it is rejected.
 */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A point in time, parsed to a `Date`.
 *
 * Accepts a zoned ISO 8601 string, or a `Date` because Astro's frontmatter parser (js-yaml)
 * turns unquoted timestamps into dates before the schema sees them. The pre-build content check
 * reads the raw YAML, so a timestamp without a zone is still caught there.
 */
export const timestampSchema = z
  .union(
    [
      z.date(),
      z
        .string()
        .regex(ZONED_DATE_TIME)
        .transform((value) => new Date(value)),
    ],
    {
      error: (issue) =>
        `must be an ISO 8601 date-time with Z or an offset, such as 2024-05-09T08:00:00Z or 2024-05-09T01:00:00-07:00` +
        (issue.input === undefined ? '' : ` (got ${JSON.stringify(issue.input)})`),
    },
  )
  .refine((date) => !Number.isNaN(date.getTime()), 'is not a real date and time');

/**
 * A calendar date without a time (`YYYY-MM-DD`), kept as that string.
 * js-yaml may hand it over as a `Date` at UTC midnight; that is turned back into the string.
 */
export const calendarDateSchema = z
  .union([z.date().transform((date) => date.toISOString().slice(0, 10)), z.string().regex(DATE_ONLY)], {
    error: (issue) =>
      `must be a date written YYYY-MM-DD, such as 2024-06-30` +
      (issue.input === undefined ? '' : ` (got ${JSON.stringify(issue.input)})`),
  })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a real calendar date');
