import type { Postmortem } from '../schemas/postmortem';
import type { Audience, InternalFieldPath, Visibility, VisibilityConfig } from '../schemas/visibility';

/**
 * Whether a postmortem belongs in a build for `audience`: an internal build carries every
 * postmortem, a public build only those whose visibility (written, or the site's default) is
 * `public`. Drafts are a separate question (see `isVisible` in `incidents.ts`).
 */
export function inAudience(
  audience: Audience,
  visibility: Visibility | undefined,
  defaultVisibility: Visibility,
): boolean {
  return audience === 'internal' || (visibility ?? defaultVisibility) === 'public';
}

/** Fields that pages read as lists: removed, they become empty rather than missing. */
const EMPTY_WHEN_REMOVED: Partial<Record<InternalFieldPath, () => unknown>> = { tasks: () => [] };

function withoutKey(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutKey(item, key));
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return value;
  const { [key]: _removed, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * A postmortem's data without the fields a team keeps out of public builds: `authors` removes
 * the authors, `tasks.owner` the owner of every task, `tasks` every task (an empty list, which
 * pages read as "no follow-up tasks"). Returns new objects where something was removed and
 * leaves `data` itself untouched.
 */
export function withoutInternalFields<T extends Postmortem>(
  data: T,
  fields: readonly InternalFieldPath[],
): T {
  let result: Record<string, unknown> = { ...data };
  for (const field of fields) {
    const [top, nested] = field.split('.') as [string, string | undefined];
    if (!Object.hasOwn(result, top)) continue;
    if (nested) {
      result = { ...result, [top]: withoutKey(result[top], nested) };
    } else {
      const empty = EMPTY_WHEN_REMOVED[field];
      const { [top]: _removed, ...rest } = result;
      result = empty ? { ...rest, [top]: empty() } : rest;
    }
  }
  return result as T;
}

/**
 * The `related` ids a build can link to: those of postmortems in the build, in the order
 * written. A public page must not name an internal incident, not even by its id.
 */
export function relatedWithin(
  related: readonly string[] | undefined,
  idsInBuild: ReadonlySet<string>,
): string[] | undefined {
  return related?.filter((id) => idsInBuild.has(id));
}

/**
 * A postmortem's data as a build for `audience` may carry it: unchanged (the same object) in an
 * internal build; in a public build without the configured internal-only fields, and with
 * `related` reduced to the postmortems in the build. Call it only for postmortems that are in
 * the audience.
 */
export function dataForAudience<T extends Postmortem>(
  data: T,
  audience: Audience,
  visibility: Pick<VisibilityConfig, 'internalFields'>,
  idsInBuild: ReadonlySet<string>,
): T {
  if (audience === 'internal') return data;
  const redacted = withoutInternalFields(data, visibility.internalFields);
  const related = relatedWithin(redacted.related, idsInBuild);
  if (related === undefined) return redacted;
  return related.length > 0 ? { ...redacted, related } : withoutInternalFields(redacted, ['related']);
}

/** What a reader is told about the audience a build is for, in the header and the footer. */
export interface AudienceLabel {
  /** The short label in the header. */
  label: string;
  /** One sentence saying who may read the site. */
  explanation: string;
}

/** The header label and footer sentence for a build's audience. */
export function audienceLabel(audience: Audience, organization: string | undefined): AudienceLabel {
  if (audience === 'public') {
    return {
      label: 'Public',
      explanation: 'Public site: these postmortems are published for anyone to read.',
    };
  }
  return {
    label: 'Internal',
    explanation: `Internal site: do not share outside ${organization ?? 'your organization'}.`,
  };
}

/**
 * Where a `.md` body uses `<Internal>`: a `.md` file passes tags through as HTML, so the block
 * would show to every reader instead of being left out of public builds. Line and column are
 * 1-based; `undefined` when the body has none. Code spans and fenced code are skipped, where
 * the tag is shown as text.
 */
export function internalTagInMarkdown(body: string): { line: number; column: number } | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opener) {
      if (fence === undefined) fence = opener;
      else if (opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const prose = line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    const match = /<\/?Internal(?=[\s>/])/.exec(prose);
    if (match) return { line: index + 1, column: match.index + 1 };
  }
  return undefined;
}
