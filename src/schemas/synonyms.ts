import { z } from 'astro/zod';
import { normalizeTerm } from '../lib/search/synonyms';

/**
 * `content/taxonomy/synonyms.yaml`: words the search treats as the same. A plain list of groups,
 * one group a line, rather than a list of `terms:` objects: a group reads as what it is
 * (`- [k8s, kubernetes]`), a pull request that adds a nickname changes one line, and a note
 * about a group is a YAML comment above it. The file is optional: without it, search looks for
 * the words as typed.
 *
 * A term may appear in more than one group. Search then expands it with both groups, but never
 * a group's terms with their own other groups, so `[db, database, postgres]` and
 * `[db, database, mysql]` let "database" find both engines while "postgres" never finds MySQL.
 */

/**
 * One term: a word, abbreviation or phrase a reader might type (`k8s`, `out of memory`). Case
 * and extra spaces do not matter: `K8s` is read as `k8s`. Numbers must be quoted (`'503'`), as
 * YAML would otherwise read `0503` as 503.
 */
export const synonymTermSchema = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? `must be text; put a number in quotes ('${String(issue.input)}') so it is kept as written`
        : 'must be a word or phrase, such as k8s or out of memory',
  })
  .transform(normalizeTerm)
  .refine((term) => term.length > 0, 'is empty; write a word or phrase, or remove the item')
  // An empty term has its own problem above.
  .refine(
    (term) => !term || /[\p{L}\p{N}]/u.test(term),
    'has no letters or digits, so it can never be searched for',
  );

/**
 * One group: two or more terms that mean the same to the people searching, such as
 * `[outage, downtime]` or `[pgbouncer, connection pooler]`.
 */
export const synonymGroupSchema = z
  .array(synonymTermSchema, { error: 'must be a list of terms, such as [k8s, kubernetes]' })
  .min(2, 'must list at least two terms that mean the same; one term alone changes no search');

/** The whole file: a list of groups; an empty file, or one holding only comments, has none. */
export const synonymsFileSchema = z
  .preprocess(
    (value) => value ?? [],
    z.array(synonymGroupSchema, {
      error: 'must be a list of groups, one a line, such as - [k8s, kubernetes]',
    }),
  )
  .superRefine(
    (groups, ctx) => {
      const seenGroups = new Map<string, number>();
      groups.forEach((group, index) => {
        // Runs on a file with other mistakes too, so one check lists them all: skip what is not
        // yet a list of terms, it has its own problem.
        if (!Array.isArray(group)) return;
        const first = new Map<string, number>();
        group.forEach((term, position) => {
          if (typeof term !== 'string' || !term) return;
          const earlier = first.get(term);
          if (earlier === undefined) first.set(term, position);
          else
            ctx.addIssue({
              code: 'custom',
              path: [index, position],
              message: `repeats "${term}", already term ${earlier + 1} of this group`,
            });
        });
        if (first.size < 2) return;
        const key = [...first.keys()].sort().join('\n');
        const same = seenGroups.get(key);
        if (same !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [index],
            // The loader turns `sameAs` into the line of that group, which the schema cannot know.
            params: { sameAs: same },
            message: `has the same terms as group ${same + 1}; remove one of the two`,
          });
        else seenGroups.set(key, index);
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  );

/** Groups of terms as the search uses them: lowercase, trimmed, one space inside phrases. */
export type SynonymsFile = z.infer<typeof synonymsFileSchema>;
