/**
 * What `hindsight new` accepts, checked the same way whether it came from flags or prompts,
 * with messages that name the flag and what is allowed.
 */
import { enumOf } from '../schemas/enum-of';
import { MAX_TITLE_LENGTH } from '../schemas/postmortem';
import { SLUG } from '../schemas/slug';
import { DATE_ONLY, isRealDay } from '../schemas/timestamp';
import { isPlaceholder } from './placeholder';
import type { TaxonomyEntry } from '../schemas/taxonomy';

/** Why a title cannot be used, or `undefined` when it can. */
export function titleProblem(title: string): string | undefined {
  const trimmed = title.trim();
  if (!trimmed) return 'must not be empty: name the incident as a reader would search for it';
  if (trimmed.length > MAX_TITLE_LENGTH)
    return `must be at most ${MAX_TITLE_LENGTH} characters (this one has ${trimmed.length})`;
  if (isPlaceholder(trimmed)) return "must be the incident's name, not a placeholder";
  return undefined;
}

/** Why a day cannot be used, or `undefined` when it is a real `YYYY-MM-DD`. */
export function dateProblem(date: string): string | undefined {
  if (DATE_ONLY.test(date) && isRealDay(date)) return undefined;
  return `must be the day the incident started, written YYYY-MM-DD, such as 2024-05-09 (got ${JSON.stringify(date)})`;
}

/** Why an id is not in a taxonomy file, listing the ones that are: the schema's own message. */
export function idProblem(id: string, entries: readonly TaxonomyEntry[], file: string): string | undefined {
  const ids = entries.map((entry) => entry.id);
  return enumOf(ids, file).safeParse(id).error?.issues[0]?.message;
}

/** Why a service name or file-name slug is not a lowercase slug. */
export function slugProblem(slug: string): string | undefined {
  if (SLUG.test(slug)) return undefined;
  return `${JSON.stringify(slug)} must be a lowercase slug: letters a-z, digits and single hyphens, such as mail-relay`;
}

/** Services typed in one line, as in a prompt: `email, mail-relay` or `email mail-relay`. */
export const splitServices = (line: string) => line.split(/[\s,]+/).filter(Boolean);

/**
 * Whether to ask questions: only with a person at a terminal on both ends, and never in CI
 * (`CI` set to anything but `false` or `0`), where a prompt would hang the job.
 */
export function canPrompt(
  env: Readonly<Record<string, string | undefined>>,
  stdin: { isTTY?: boolean },
  stdout: { isTTY?: boolean },
): boolean {
  const ci = env['CI'];
  const inCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
  return !inCi && stdin.isTTY === true && stdout.isTTY === true;
}
