import { z } from 'astro/zod';
import { DURATION_TOLERANCE_MS, elapsed, formatDuration, parseIsoDuration } from '../lib/duration';
import { durationSchema } from './duration';
import { enumOf } from './enum-of';
import { impactSchema } from './impact';
import { rootCauseSchema } from './root-cause';
import { slugSchema } from './slug';
import { taskSchema } from './task';
import { timelineEntrySchema } from './timeline';
import { timestampSchema } from './timestamp';
import { timeZoneSchema } from './time-zone';
import { VISIBILITIES, type Visibility } from './visibility';
import { plainText, requiredText, writtenText } from './text';

/** Where a postmortem is in its review. Drafts show in `astro dev` only. */
export const POSTMORTEM_STATUSES = ['draft', 'in-review', 'published'] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** What the schema needs to know that lives outside one file. */
export interface PostmortemSchemaOptions {
  /** Allowed `rootCause.category` ids, from `content/taxonomy/root-causes.yaml`. */
  rootCauseIds: readonly string[];
  /** Allowed `severity` ids, most severe first, from `content/taxonomy/severities.yaml`. */
  severityIds: readonly string[];
  /**
   * Ids of every postmortem in the collection. When given, each `related` id must be one of
   * them; tools that check a single file without its neighbours leave it out.
   */
  postmortemIds?: ReadonlySet<string>;
  /** The zone for postmortems that name none: the site's `timezone` option. Default `UTC`. */
  defaultTimezone?: string;
  /** The visibility of postmortems that set none: the site's `visibility.default`. Default `internal`. */
  defaultVisibility?: Visibility;
}

/** The longest title, in characters: a name a reader can take in at a glance. */
export const MAX_TITLE_LENGTH = 120;

const MILESTONES = ['startedAt', 'detectedAt', 'mitigatedAt', 'resolvedAt'] as const;

/**
 * The frontmatter of a postmortem: the single source of truth for the content collection, the
 * pre-build check and every tool that reads postmortems.
 */
export function postmortemSchema({
  rootCauseIds,
  severityIds,
  postmortemIds,
  defaultTimezone = 'UTC',
  defaultVisibility = 'internal',
}: PostmortemSchemaOptions) {
  return z
    .strictObject({
      /** The incident's name as a reader would search for it, 1-120 characters. Required. */
      title: writtenText(
        `the incident's name as a reader would search for it, in up to ${MAX_TITLE_LENGTH} characters`,
        z
          .string({ error: `is required: name the incident in up to ${MAX_TITLE_LENGTH} characters` })
          .trim()
          .min(1, 'must not be empty')
          .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`),
      ),
      /** The issue summary: what broke, for whom, and why, in one to three sentences. Required. */
      summary: requiredText('the issue summary in one to three sentences'),
      /** `draft`, `in-review` or `published`. Default `published`. */
      status: enumOf(POSTMORTEM_STATUSES).default('published'),
      /**
       * Who may read it: `internal` (the organisation's own site only) or `public` (also a
       * public build). Default: the site's `visibility.default` option, which defaults to
       * `internal`.
       */
      visibility: enumOf(VISIBILITIES).default(defaultVisibility),
      /** An id from `content/taxonomy/severities.yaml`, such as `SEV1`. Required. */
      severity: enumOf(severityIds, 'content/taxonomy/severities.yaml'),
      /** When impact began. Required. */
      startedAt: timestampSchema,
      /** When someone (or something) noticed. Optional. */
      detectedAt: timestampSchema.optional(),
      /** When impact stopped, even if the fix was temporary. Optional. */
      mitigatedAt: timestampSchema.optional(),
      /** When the incident was closed. Required unless `status` is `draft`. */
      resolvedAt: timestampSchema.optional(),
      /**
       * How long it lasted, as an ISO 8601 duration (`PT3H30M`). Optional: it is computed from
       * `startedAt` and `resolvedAt`; when written, it must agree with them to the minute.
       */
      duration: durationSchema.optional(),
      /**
       * The IANA time zone pages show times in, such as `America/Los_Angeles`. Default: the
       * site's `timezone` option, which defaults to `UTC`.
       */
      timezone: timeZoneSchema.default(defaultTimezone),
      /** Services affected, as lowercase slugs (`email`, `mail-relay`). At least one. */
      services: z
        .array(slugSchema, { error: 'is required: list at least one affected service, such as [email]' })
        .min(1, 'must list at least one affected service'),
      /** What users experienced. Required. */
      impact: impactSchema,
      /** Why it happened. Required. */
      rootCause: rootCauseSchema(rootCauseIds),
      /** How it was fixed, in prose. Optional. */
      resolution: plainText().optional(),
      /** What happened when, including the wrong turns. Optional. */
      timeline: z.array(timelineEntrySchema).optional(),
      /** Corrective and preventive work. Default `[]`. */
      tasks: z.array(taskSchema).default([]),
      /** Who wrote the postmortem. Optional. */
      authors: z.array(plainText()).optional(),
      /** Free-form keywords that search also matches. Optional. */
      tags: z.array(plainText()).optional(),
      /** Ids (file names without extension) of related postmortems. Optional; each must exist. */
      related: z.array(z.string()).optional(),
    })
    .superRefine((pm, ctx) => {
      if (pm.status !== 'draft' && !pm.resolvedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolvedAt'],
          message: `is required unless status is draft (this one is ${pm.status})`,
        });
      }

      // Each milestone must not come before the previous one that is present.
      let previous: { key: string; at: Date } | undefined;
      for (const key of MILESTONES) {
        const at = pm[key];
        if (!at) continue;
        if (previous && at < previous.at) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `must not be before ${previous.key} (${previous.at.toISOString()}); got ${at.toISOString()}`,
          });
        }
        previous = { key, at };
      }

      // An unreadable duration already has its own issue; comparing it as 0 would add a false one.
      const written = pm.duration ? parseIsoDuration(pm.duration) : undefined;
      if (written !== undefined && pm.resolvedAt) {
        const actual = elapsed(pm.startedAt, pm.resolvedAt);
        if (Math.abs(written - actual) > DURATION_TOLERANCE_MS) {
          ctx.addIssue({
            code: 'custom',
            path: ['duration'],
            message: `says ${formatDuration(written)} but resolvedAt - startedAt is ${formatDuration(actual)}; fix one of them or leave duration out to have it computed`,
          });
        }
      }

      const seenServices = new Set<string>();
      pm.services.forEach((service, index) => {
        if (seenServices.has(service)) {
          ctx.addIssue({ code: 'custom', path: ['services', index], message: `repeats "${service}"` });
        }
        seenServices.add(service);
      });

      pm.related?.forEach((id, index) => {
        if (postmortemIds && !postmortemIds.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['related', index],
            message: `"${id}" is not a postmortem; use the file name without extension of one in content/postmortems/`,
          });
        }
      });
    })
    .transform((pm) => {
      const written = pm.duration ? parseIsoDuration(pm.duration) : undefined;
      return {
        ...pm,
        /**
         * How long impact lasted in milliseconds: `resolvedAt - startedAt`, or the written
         * `duration` while a draft has no end yet. `undefined` for an open draft.
         */
        durationMs: pm.resolvedAt ? elapsed(pm.startedAt, pm.resolvedAt) : written,
      };
    });
}

export type PostmortemSchema = ReturnType<typeof postmortemSchema>;
export type PostmortemInput = z.input<PostmortemSchema>;
export type Postmortem = z.output<PostmortemSchema>;
