import { isOutstanding } from '../incidents';
import { warningAt, type WarningRule } from './rule';

/**
 * `task-owner`: once a postmortem is published, its open follow-up tasks need someone
 * accountable and a date; work with neither is the work that quietly never happens. Drafts and
 * postmortems in review may still be assigning them.
 */
export const taskOwner: WarningRule = {
  id: 'task-owner',
  description: 'open tasks of a published postmortem have an owner and a due date',
  check({ postmortems }) {
    return postmortems.flatMap((postmortem) => {
      if (postmortem.data.status !== 'published') return [];
      return postmortem.data.tasks.flatMap((task, index) => {
        if (!isOutstanding(task)) return [];
        const gaps = [task.owner ? '' : 'owner', task.due ? '' : 'due date'].filter(Boolean);
        if (!gaps.length) return [];
        return [
          warningAt(
            postmortem,
            taskOwner.id,
            ['tasks', index],
            `is ${task.status} but has no ${gaps.join(' and no ')}; add ${gaps.length > 1 ? 'both' : 'one'} so the work gets done, or set status: wont-do if it will not be done`,
          ),
        ];
      });
    });
  },
};
