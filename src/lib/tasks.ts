import type { TaskStatus } from '../schemas/task';
import { isOutstanding } from './incidents';
import { pluralWord } from './labels';
import { isoDateInZone } from './time';

/**
 * Follow-up tasks as the incident page reports them: which are overdue, and the one-line
 * summary above the table.
 */

/** The fields of a task these rules read. */
export interface TaskDue {
  status: TaskStatus;
  /** `YYYY-MM-DD`. */
  due?: string | undefined;
}

/**
 * Whether a task is past its due date and still outstanding. A task due today is not overdue
 * yet. `now` is a parameter so the page decides what "today" is (the build time) and tests can
 * fix it; the calendar day is taken in `timeZone`, UTC unless told otherwise, because a due date
 * names a day, not an instant.
 */
export function isOverdue(task: TaskDue, now: Date, timeZone = 'UTC'): boolean {
  return isOutstanding(task) && task.due !== undefined && task.due < isoDateInZone(now, timeZone);
}

/**
 * The line above the task table: "2 of 3 tasks still open.", "All 3 tasks are closed.", "The
 * task is still open.", or that there are none.
 */
export function taskSummary(tasks: readonly { status: TaskStatus }[]): string {
  const total = tasks.length;
  const open = tasks.filter(isOutstanding).length;
  if (total === 0) return 'No follow-up tasks were recorded.';
  if (open === 0)
    return pluralWord(total, { one: 'The task is closed.', other: `All ${total} tasks are closed.` });
  return pluralWord(total, {
    one: 'The task is still open.',
    other: `${open} of ${total} tasks still open.`,
  });
}
