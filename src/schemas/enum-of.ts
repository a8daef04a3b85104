import { z } from 'astro/zod';

/**
 * One of a fixed list of ids, with an error that lists the allowed values and, for the
 * taxonomies, which data file defines them.
 */
export function enumOf<const T extends readonly string[]>(ids: T, definedIn?: string) {
  const allowed = ids.join(', ');
  const where = definedIn ? ` (defined in ${definedIn})` : '';
  return z.enum(ids as unknown as readonly [T[number], ...T[number][]], {
    error: (issue) =>
      issue.input === undefined
        ? `is required; use one of: ${allowed}${where}`
        : `${JSON.stringify(issue.input)} is not allowed; use one of: ${allowed}${where}`,
  });
}
