import { z } from 'astro/zod';
import { parseIsoDuration } from '../lib/duration';

/**
 * An ISO 8601 duration such as `PT3H30M`, kept as written; `postmortem.ts` checks it against
 * the incident's start and end.
 */
export const durationSchema = z.string().refine((value) => parseIsoDuration(value) !== undefined, {
  error: (issue) =>
    `must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, such as PT3H30M or P1DT2H (got ${JSON.stringify(issue.input)})`,
});
