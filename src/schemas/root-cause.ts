import { z } from 'astro/zod';
import { enumOf } from './enum-of';
import { plainText, requiredText } from './text';

/** Why the incident happened; `category` is what search and the root-cause pages group by. */
export function rootCauseSchema(categoryIds: readonly string[]) {
  return z.strictObject({
    /** An id from `content/taxonomy/root-causes.yaml`, such as `hardware`. Required. */
    category: enumOf(categoryIds, 'content/taxonomy/root-causes.yaml'),
    /** The root cause in a sentence: the thing that, fixed, stops a repeat. Required. */
    summary: requiredText('the root cause in a sentence'),
    /** The event that set the failure off, when it differs from the root cause. Optional. */
    trigger: plainText().optional(),
    /** Conditions that made it worse or slower to fix. Optional. */
    contributingFactors: z.array(plainText()).optional(),
  });
}
