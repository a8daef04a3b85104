import { z } from 'astro/zod';

/**
 * Required prose, trimmed and non-empty, whose error says what the text is for: "is required:
 * what users experienced" helps an author more than "expected string, received undefined".
 */
export function requiredText(purpose: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `is required: ${purpose}` : `must be text: ${purpose}`),
    })
    .trim()
    .min(1, `must not be empty: ${purpose}`);
}
