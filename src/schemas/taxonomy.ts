import { z } from 'astro/zod';

/** One entry of a taxonomy file such as `content/taxonomy/root-causes.yaml`. */
export const taxonomyEntrySchema = z.strictObject({
  /** What postmortems write in their frontmatter. A lowercase slug, or e.g. `SEV1` for severities. */
  id: z.string().regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'must be letters, digits and single hyphens'),
  /** What pages show. Required. */
  label: z.string().trim().min(1),
  /** What the entry means, shown on its page and in the README. Required. */
  description: z.string().trim().min(1),
});

/** A taxonomy file: a non-empty list of entries with unique ids, in the order pages show them. */
export const taxonomyFileSchema = z
  .array(taxonomyEntrySchema)
  .min(1, 'must list at least one entry')
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats the id "${entry.id}"` });
      }
      seen.add(entry.id);
    });
  });

export type TaxonomyEntry = z.infer<typeof taxonomyEntrySchema>;
