import { z } from 'astro/zod';
import { isPlaceholder } from '../lib/placeholder';
import { controlCharacterProblem } from '../lib/plain-text';

/**
 * Text fields that refuse placeholders, with what belongs there. `hindsight schema` reads it to
 * tell editors the same: a placeholder such as `TODO: what users experienced` is flagged there
 * too, and the purpose becomes the field's hover text.
 */
export const placeholderFreeText = z.registry<{ purpose: string }>();

/**
 * The message for a value `hindsight new` or `hindsight import` left for a person to fill in:
 * it quotes the placeholder, so the author finds it, and says what to write instead.
 */
const placeholderMessage = (value: string, purpose: string) =>
  `is still a placeholder (${JSON.stringify(value.trim())}): replace it with ${purpose}`;

/**
 * Text that must be written by a person: trimmed, non-empty, not a placeholder, so a
 * scaffolded postmortem fails the check until every `TODO` is replaced, and free of control
 * characters. Those come from pasting a terminal's output (`ESC[31m` colour codes, a bell):
 * pages would show them as garbage or not at all, so the author is told where they are. The
 * feed and meta tags drop them anyway (`plainText`), for text no schema checks.
 */
export function writtenText(purpose: string, schema: z.ZodString) {
  // `: boolean` on purpose: inferred from the type guard, TypeScript would read this check as
  // `value is never` and type every text field as `never`.
  const text = schema
    .refine((value): boolean => !isPlaceholder(value), {
      error: (issue) => placeholderMessage(String(issue.input), purpose),
    })
    .refine((value): boolean => controlCharacterProblem(value) === undefined, {
      error: (issue) => controlCharacterProblem(String(issue.input)),
    });
  return text.register(placeholderFreeText, { purpose });
}

/**
 * Required prose, trimmed and non-empty, whose error says what the text is for: "is required:
 * what users experienced" helps an author more than "expected string, received undefined".
 */
export function requiredText(purpose: string) {
  return writtenText(
    purpose,
    z
      .string({
        error: (issue) =>
          issue.input === undefined ? `is required: ${purpose}` : `must be text: ${purpose}`,
      })
      .trim()
      .min(1, `must not be empty: ${purpose}`),
  );
}

/**
 * Optional text and short names (a trigger, a tag, a task owner): trimmed, not empty when
 * given, and free of the control characters `writtenText` refuses, for the same reason.
 */
export function plainText() {
  return z
    .string({ error: (issue) => `must be text; got ${JSON.stringify(issue.input)}` })
    .trim()
    .min(1, 'must not be empty')
    .refine((value): boolean => controlCharacterProblem(value) === undefined, {
      error: (issue) => controlCharacterProblem(String(issue.input)),
    });
}
