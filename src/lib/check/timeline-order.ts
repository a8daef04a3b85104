import { formatUtc } from '../time';
import { warningAt, type WarningRule } from './rule';

/**
 * `timeline-order`: timeline entries are written oldest first. The page sorts them anyway, so
 * an entry out of place is most often a mistyped time that would put it in the wrong spot.
 */
export const timelineOrder: WarningRule = {
  id: 'timeline-order',
  description: 'timeline entries are listed oldest first',
  check({ postmortems }) {
    return postmortems.flatMap((postmortem) => {
      const entries = postmortem.data.timeline ?? [];
      return entries.flatMap((entry, index) => {
        const previous = entries[index - 1];
        if (!previous || entry.at >= previous.at) return [];
        return [
          warningAt(
            postmortem,
            timelineOrder.id,
            ['timeline', index, 'at'],
            `is ${formatUtc(entry.at)}, earlier than the entry above it (${formatUtc(previous.at)}); list entries oldest first, and check the time for a typo`,
          ),
        ];
      });
    });
  },
};
