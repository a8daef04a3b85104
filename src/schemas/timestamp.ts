import { z } from 'astro/zod';

/**
 * Matches an ISO 8601 date-time that names its zone: `Z` or a `±HH:MM` offset.
 * A time without a zone is ambiguous across teams and daylight saving, so it is rejected.
 */
export const ZONED_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const got = (input: unknown) => (input === undefined ? '' : ` (got ${JSON.stringify(input)})`);

/** True when `YYYY-MM-DD` names a day that exists (no 30 February). */
export const isRealDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

const TIMESTAMP_RULE =
  'must be an ISO 8601 date-time with Z or an offset, such as 2024-05-09T08:00:00Z or 2024-05-09T01:00:00-07:00';

/**
 * A point in time, parsed to a `Date`.
 *
 * Accepts a zoned ISO 8601 string, or a `Date` because Astro's frontmatter parser (js-yaml)
 * turns unquoted timestamps into dates before the schema sees them. The pre-build content check
 * reads the raw YAML, so a timestamp without a zone is still caught there.
 */
export const timestampSchema = z
  .union([z.date(), z.string()], { error: (issue) => `${TIMESTAMP_RULE}${got(issue.input)}` })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value;
    } else {
      const match = ZONED_DATE_TIME.exec(value);
      const date = new Date(value);
      if (match?.[1] && isRealDay(match[1]) && !Number.isNaN(date.getTime())) return date;
    }
    ctx.addIssue({ code: 'custom', input: value, message: `${TIMESTAMP_RULE}${got(value)}` });
    return z.NEVER;
  });

/**
 * A calendar date without a time (`YYYY-MM-DD`), kept as that string.
 * js-yaml may hand it over as a `Date` at UTC midnight; that is turned back into the string.
 */
export const calendarDateSchema = z
  .union([z.date(), z.string()], {
    error: (issue) => `must be a date written YYYY-MM-DD, such as 2024-06-30${got(issue.input)}`,
  })
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (DATE_ONLY.test(text) && isRealDay(text)) return text;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `must be a date written YYYY-MM-DD, such as 2024-06-30${got(value)}`,
    });
    return z.NEVER;
  });
