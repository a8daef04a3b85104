import { z } from 'astro/zod';
import { timeZoneSchema } from './time-zone';
import { enumOf } from './enum-of';
import { AUDIENCES, visibilityConfigSchema } from './visibility';

const httpUrl = (what: string) =>
  z.url({
    protocol: /^https?$/,
    error: (issue) => `must be an http(s) URL ${what}; got ${JSON.stringify(issue.input)}`,
  });

/**
 * A path the site is served under, such as `/postmortems/` for a GitHub Pages project site.
 * Written with or without the slashes around it; always read as `/x/y/`.
 */
const basePathSchema = z
  .string()
  .trim()
  .regex(/^\/?(?:[A-Za-z0-9._~-]+\/?)*$/, {
    error: (issue) =>
      `must be a URL path such as / or /postmortems/ (letters, digits, . _ ~ - and slashes); got ${JSON.stringify(issue.input)}`,
  })
  .refine((value) => !value.split('/').some((part) => part === '.' || part === '..'), {
    error: 'must not contain . or .. segments',
  })
  .transform((value) => `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'));

/** Where the postmortems live in git, for "Edit this postmortem" and "History" links. */
const repositorySchema = z.strictObject({
  /** The repository's web address, such as `https://github.com/acme/postmortems`. Required. */
  url: httpUrl('of the repository, such as https://github.com/acme/postmortems').transform((url) =>
    url.replace(/\/+$/, ''),
  ),
  /** The branch pages link to. Default `main`. */
  branch: z.string().trim().min(1, 'must not be empty').default('main'),
});

/**
 * The options of `hindsight()` in `astro.config.mjs`: everything that makes a Hindsight site a
 * team's own. Nothing user-specific is written into components; they read this.
 */
export const hindsightConfigSchema = z.strictObject({
  /** The site's name: header, page titles, feed. Default `Hindsight`. */
  title: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(60, 'must be at most 60 characters')
    .default('Hindsight'),
  /** One line under the title on the home page and in the feed. */
  tagline: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .default('Incident postmortems: what broke, why, and what we changed.'),
  /** Whose postmortems these are, such as `Acme Platform Team`; shown in the footer and feed. Optional. */
  organization: z.string().trim().min(1, 'must not be empty').optional(),
  /**
   * The address the site is published at, such as `https://acme.github.io`, for canonical
   * links and the feed. `HINDSIGHT_SITE` overrides it. Optional.
   */
  site: httpUrl('where the site is published, such as https://postmortems.acme.example').optional(),
  /**
   * The path the site is served under, such as `/postmortems/` for a GitHub Pages project
   * site. `HINDSIGHT_BASE` overrides it. Default `/`.
   */
  base: basePathSchema.default('/'),
  /** The git repository of the postmortems, for edit and history links; none when unset. */
  repository: repositorySchema.optional(),
  /** The IANA time zone for postmortems that set no `timezone`. Default `UTC`. */
  timezone: timeZoneSchema.default('UTC'),
  /**
   * A banner on every page, such as a note that the postmortems are samples. Markdown is not
   * read; plain text only. None when unset.
   */
  notice: z.string().trim().min(1, 'must not be empty').optional(),
  /**
   * Who this build is for: `internal` (every published postmortem) or `public` (only those
   * with `visibility: public`, internal-only fields left out, and a leak check over the
   * output). `HINDSIGHT_AUDIENCE` overrides it. Default `internal`.
   */
  audience: enumOf(AUDIENCES).default('internal'),
  /** Which postmortems and fields a public build may carry. */
  visibility: visibilityConfigSchema.default(() => visibilityConfigSchema.parse({})),
});

/** What `hindsight()` accepts, as written in `astro.config.mjs`. */
export type HindsightUserConfig = z.input<typeof hindsightConfigSchema>;
/** The configuration with defaults applied and environment overrides resolved. */
export type HindsightConfig = z.output<typeof hindsightConfigSchema>;
