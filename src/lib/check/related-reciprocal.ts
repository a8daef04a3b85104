import path from 'node:path';
import { warningAt, type WarningRule } from './rule';

/**
 * `related-reciprocal`: a link between incidents belongs in both files. The site shows it on
 * both pages either way, but someone reading or changing the older file, or a tool reading the
 * files, sees only the side that was written.
 */
export const relatedReciprocal: WarningRule = {
  id: 'related-reciprocal',
  description: 'a postmortem in related lists this one back',
  check({ postmortems }) {
    const byId = new Map(postmortems.map((postmortem) => [postmortem.id, postmortem]));
    return postmortems.flatMap((postmortem) =>
      (postmortem.data.related ?? []).flatMap((id, index) => {
        const other = byId.get(id);
        if (!other || other.id === postmortem.id || other.data.related?.includes(postmortem.id)) return [];
        return [
          warningAt(
            postmortem,
            relatedReciprocal.id,
            ['related', index],
            `"${id}" does not list this postmortem back; add ${postmortem.id} to related in ${path.basename(other.file)}`,
          ),
        ];
      }),
    );
  },
};
