import { z } from 'astro/zod';

/** Lowercase words joined by single hyphens: `email`, `mail-relay`, `2024-05-09-mail-storage`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .regex(SLUG, 'must be a lowercase slug: letters a-z, digits and single hyphens, such as mail-relay');
