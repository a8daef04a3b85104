import { z } from 'astro/zod';
import { requiredText } from './text';

/** Who and what the incident hurt. */
export const impactSchema = z.strictObject({
  /** What users experienced, in a sentence or two. Required. */
  summary: requiredText('what users experienced'),
  /** Share of users affected, 0-100. Optional: leave it out when nobody measured it. */
  usersAffectedPercent: z
    .number({ error: 'must be a number from 0 to 100' })
    .min(0, 'must be a number from 0 to 100')
    .max(100, 'must be a number from 0 to 100')
    .optional(),
});
