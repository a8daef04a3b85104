import type { Postmortem } from '../schemas/postmortem';
import { byNewest, isVisible } from './incidents';
import { FRONTMATTER } from './yaml-source';
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
 * Whether a build leaves `field` out of every postmortem: in a public build, when it or the
 * field holding it (`tasks` for `tasks.owner`) is internal-only. Pages use it to drop a column
 * or a figure that would otherwise read as empty ("Unassigned" for every task) rather than as
 * withheld.
 */
export function isWithheld(
  config: { audience: Audience; visibility: Pick<VisibilityConfig, 'internalFields'> },
  field: InternalFieldPath,
): boolean {
  if (config.audience === 'internal') return false;
  const [top] = field.split('.') as [InternalFieldPath];
  return config.visibility.internalFields.some((withheld) => withheld === field || withheld === top);
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
 * Where a `.md` postmortem uses `<Internal>`, 1-based in the file: a `.md` file passes tags
 * through as HTML, so the block would show to every reader instead of being left out of public
 * builds. `undefined` when it has none. The frontmatter, code spans and fenced code are
 * skipped, where the tag is data or shown as text.
 */
export function internalTagInMarkdown(source: string): { line: number; column: number } | undefined {
  const lines = source.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, '')).split('\n');
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

/** Why `<Internal>` in a `.md` file stops the build, and what to do; `undefined` when it has none. */
export function internalTagInMarkdownMessage(source: string): string | undefined {
  const at = internalTagInMarkdown(source);
  if (!at) return undefined;
  return `<Internal> at line ${at.line}, column ${at.column} ${INTERNAL_IN_MARKDOWN}`;
}

/** Why `<Internal>` has no place in a `.md` file, for the build's error and the content check. */
export const INTERNAL_IN_MARKDOWN =
  'works only in .mdx postmortems: a .md file shows it as plain HTML to every reader, public builds included. Rename the file to .mdx, or take the tag out.';

/** What decides which postmortems a build shows, and how. */
export interface AudienceOptions {
  audience: Audience;
  visibility: Pick<VisibilityConfig, 'default' | 'internalFields'>;
  /** Drafts show in `astro dev` only. */
  includeDrafts: boolean;
}

interface Entry {
  id: string;
  data: Postmortem;
}

/**
 * A filter from every postmortem to those a build shows, newest first: drafts only when
 * `includeDrafts`, and in a public build only public postmortems, each a copy of its entry
 * with `dataForAudience()` data. The copies' data objects are remembered per source data
 * object, so asking again in the same build hands out the same data objects, which is what the
 * similarity and insights computations recognise a list by (see `memoizeByItems`).
 */
export function audienceFilter(options: AudienceOptions): <T extends Entry>(entries: readonly T[]) => T[] {
  const { audience, visibility, includeDrafts } = options;
  const projected = new WeakMap<Postmortem, { idsKey: string; data: Postmortem }>();
  return <T extends Entry>(entries: readonly T[]): T[] => {
    const shown = entries
      .filter((entry) => isVisible(entry, { includeDrafts }))
      .filter((entry) => inAudience(audience, entry.data.visibility, visibility.default))
      .sort(byNewest);
    if (audience === 'internal') return shown;
    const ids = new Set(shown.map((entry) => entry.id));
    // Which ids are in the build decides `related`; a cached copy is only good for the same set.
    const idsKey = [...ids].join('\n');
    return shown.map((entry) => {
      let known = projected.get(entry.data);
      if (known?.idsKey !== idsKey) {
        known = { idsKey, data: dataForAudience(entry.data, audience, visibility, ids) };
        projected.set(entry.data, known);
      }
      return { ...entry, data: known.data };
    });
  };
}
