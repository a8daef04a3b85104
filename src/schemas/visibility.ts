import { z } from 'astro/zod';
import { enumOf } from './enum-of';

/**
 * Who may read a postmortem. `internal` ones are for the organisation's own site only;
 * `public` ones may also go into a public build.
 */
export const VISIBILITIES = ['internal', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * Who a build is for: `internal` shows every published postmortem, `public` only those marked
 * `visibility: public`, without their internal-only fields.
 */
export const AUDIENCES = VISIBILITIES;
export type Audience = Visibility;

/**
 * The frontmatter fields a team may keep out of public builds. Only optional ones: a page must
 * still render without them.
 */
export const INTERNAL_FIELD_PATHS = [
  'authors',
  'tags',
  'related',
  'resolution',
  'timeline',
  'tasks',
  'tasks.owner',
  'tasks.due',
  'tasks.link',
  'impact.usersAffectedPercent',
  'rootCause.trigger',
  'rootCause.contributingFactors',
] as const;
export type InternalFieldPath = (typeof INTERNAL_FIELD_PATHS)[number];

/** Left out of public builds unless a team says otherwise: people's names and tracker links. */
export const DEFAULT_INTERNAL_FIELDS: readonly InternalFieldPath[] = ['authors', 'tasks.owner', 'tasks.link'];

/** The `visibility` option of `hindsight()`: what a public build may carry. */
export const visibilityConfigSchema = z.strictObject({
  /** The visibility of a postmortem that sets none. Default `internal`. */
  default: enumOf(VISIBILITIES).default('internal'),
  /**
   * Fields left out of every page, feed and file of a public build, as paths such as
   * `tasks.owner`. Default `['authors', 'tasks.owner', 'tasks.link']`.
   */
  internalFields: z.array(enumOf(INTERNAL_FIELD_PATHS)).default(() => [...DEFAULT_INTERNAL_FIELDS]),
  /**
   * Words and phrases that must never appear in a public build, such as internal host names
   * or project code names; the leak check fails the build on any of them (case-insensitive).
   * Default `[]`.
   */
  neverPublish: z
    .array(z.string().trim().min(3, 'must be at least 3 characters, so it cannot match by chance'))
    .default([]),
});
export type VisibilityConfig = z.output<typeof visibilityConfigSchema>;
