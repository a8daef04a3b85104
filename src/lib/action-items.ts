import { TASK_TYPES, type TaskStatus, type TaskType } from '../schemas/task';
import { quarterKey, quarterRange } from './calendar';
import { isOutstanding, type Incident } from './incidents';
import { NOUNS, plural } from './labels';
import { isOverdue } from './tasks';
import { isoDateInZone } from './time';

/**
 * Follow-up work across every postmortem, as a quarterly reliability review reads it: one list
 * of tasks with the incident each came from, the work that is late at the top, and the counts
 * per owner, per type and per quarter that say whether the organisation finishes what its
 * reviews decide.
 *
 * "Now" and the time zone are parameters: pages pass the build date (`buildDate()`, which honours
 * `SOURCE_DATE_EPOCH`) and the site's `timezone`, tests pass fixed values. A due date names a
 * calendar day, so "today" and "overdue" are read on the site's calendar.
 */

/** What the action-item list needs to know about the incident a task came from. */
export interface ActionItemIncident {
  id: string;
  title: string;
  /** The severity id, from the organisation's taxonomy. */
  severity: string;
  startedAt: Date;
}

/** One follow-up task with the incident it came from and where it stands today. */
export interface ActionItem {
  title: string;
  type: TaskType;
  status: TaskStatus;
  owner: string | undefined;
  /** `YYYY-MM-DD`. */
  due: string | undefined;
  /** The ticket in the team's tracker. */
  link: string | undefined;
  incident: ActionItemIncident;
  /** The task's place in its postmortem's own list, so ties keep the author's order. */
  position: number;
  /** `open` or `in-progress`: work still to be done. */
  outstanding: boolean;
  /** Outstanding and past its due day (a task due today is not overdue yet). */
  overdue: boolean;
  /** Whole calendar days past the due day when overdue, else `undefined`. */
  daysOverdue: number | undefined;
  /**
   * For outstanding work, whole calendar days since the incident started: tasks carry no
   * creation date, and the review decided them soon after the incident, so this is how long the
   * work has been waiting. `undefined` for closed tasks.
   */
  ageDays: number | undefined;
  /** `YYYY-Qn` of the incident's start on the site's calendar: the quarter the task counts in. */
  quarter: string;
}

/** What "today" is and on which calendar, for overdue markers and ages. */
export interface Clock {
  now: Date;
  /** IANA zone whose calendar day is "today"; the site's `timezone`. */
  timeZone: string;
}

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` to another; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Every task of every incident, with its incident and today's standing, in `compareActionItems`
 * order.
 */
export function actionItems(incidents: readonly Incident[], { now, timeZone }: Clock): ActionItem[] {
  const today = isoDateInZone(now, timeZone);
  const items = incidents.flatMap(({ id, data }) =>
    data.tasks.map((task, position): ActionItem => {
      const outstanding = isOutstanding(task);
      const overdue = isOverdue(task, now, timeZone);
      return {
        title: task.title,
        type: task.type,
        status: task.status,
        owner: task.owner,
        due: task.due,
        link: task.link,
        incident: { id, title: data.title, severity: data.severity, startedAt: data.startedAt },
        position,
        outstanding,
        overdue,
        daysOverdue: overdue && task.due ? daysBetween(task.due, today) : undefined,
        ageDays: outstanding ? daysBetween(isoDateInZone(data.startedAt, timeZone), today) : undefined,
        quarter: quarterKey(data.startedAt, timeZone),
      };
    }),
  );
  return items.sort(compareActionItems);
}

/** 0 overdue, 1 outstanding on time (or undated), 2 closed: the three blocks of the list. */
const block = (item: ActionItem) => (item.overdue ? 0 : item.outstanding ? 1 : 2);

/** Newest incident first; then by id and the author's order, so every build lists ties alike. */
const byIncident = (a: ActionItem, b: ActionItem) =>
  b.incident.startedAt.getTime() - a.incident.startedAt.getTime() ||
  a.incident.id.localeCompare(b.incident.id) ||
  a.position - b.position;

/** Earliest due day first; tasks without one after every dated task. */
const byDue = (a: ActionItem, b: ActionItem) => {
  if (a.due === b.due) return 0;
  if (a.due === undefined) return 1;
  if (b.due === undefined) return -1;
  return a.due < b.due ? -1 : 1;
};

/**
 * The order of the list, which the page states: outstanding work that is overdue first, the
 * longest overdue at the top; then the rest of the outstanding work by due date, tasks with no
 * due date after the dated ones; then closed work (done or won't do), most recent incident first.
 * Ties go to the most recent incident, then to the postmortem's own order.
 */
export function compareActionItems(a: ActionItem, b: ActionItem): number {
  const blocks = block(a) - block(b);
  if (blocks !== 0) return blocks;
  return (block(a) === 2 ? 0 : byDue(a, b)) || byIncident(a, b);
}

/** How many tasks stand where: the columns of every count table. */
export interface TaskCounts {
  /** Outstanding: `open` or `in-progress`. */
  open: number;
  /** Outstanding and past due; a part of `open`. */
  overdue: number;
  done: number;
  wontDo: number;
  /** Every task: `open + done + wontDo`. */
  total: number;
}

const emptyCounts = (): TaskCounts => ({ open: 0, overdue: 0, done: 0, wontDo: 0, total: 0 });

/** Adds one task to running counts. */
function count(counts: TaskCounts, item: ActionItem): TaskCounts {
  counts.total += 1;
  if (item.outstanding) counts.open += 1;
  if (item.overdue) counts.overdue += 1;
  if (item.status === 'done') counts.done += 1;
  if (item.status === 'wont-do') counts.wontDo += 1;
  return counts;
}

/** The counts of a list of tasks. */
export const taskCounts = (items: readonly ActionItem[]): TaskCounts => items.reduce(count, emptyCounts());

/**
 * The share of the work a review decided on that got done: done / (all tasks − won't do).
 * A task closed as won't do was a deliberate decision not to do it, so it counts neither for nor
 * against completion; open and in-progress tasks count against it. `undefined` when nothing is
 * left to judge (no tasks, or only won't-do ones), which is not the same as 0%.
 */
export function completionRate(counts: Pick<TaskCounts, 'done' | 'wontDo' | 'total'>): number | undefined {
  const decided = counts.total - counts.wontDo;
  return decided === 0 ? undefined : counts.done / decided;
}

/** A completion rate as a whole percentage, "67%", or "—" when there is none to give. */
export const formatRate = (rate: number | undefined) =>
  rate === undefined ? '—' : `${Math.round(rate * 100)}%`;

/** The figures above the list. */
export interface ActionItemTotals extends TaskCounts {
  /** Outstanding tasks nobody owns: the work most likely to be forgotten. */
  unownedOpen: number;
  /** See `completionRate`. */
  completionRate: number | undefined;
  /** Days the longest-waiting outstanding task has waited (see `ActionItem.ageDays`). */
  oldestOpenDays: number | undefined;
}

/** Totals over every task. */
export function actionItemTotals(items: readonly ActionItem[]): ActionItemTotals {
  const counts = taskCounts(items);
  const ages = items.flatMap((item) => (item.ageDays === undefined ? [] : [item.ageDays]));
  return {
    ...counts,
    unownedOpen: items.filter((item) => item.outstanding && item.owner === undefined).length,
    completionRate: completionRate(counts),
    oldestOpenDays: ages.length > 0 ? Math.max(...ages) : undefined,
  };
}

/** One row of the per-owner table. */
export interface OwnerRow extends TaskCounts {
  /** The owner as written in the postmortems; `undefined` for the tasks nobody owns. */
  owner: string | undefined;
}

/** Owners written with different case or spacing ("SRE team", "sre  team") are one owner. */
const ownerKey = (owner: string) => owner.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Counts per owner. Tasks with no owner are their own row, first whenever there are any, because
 * outstanding work nobody owns is what a review most needs to see. The other owners follow with
 * the most overdue work first, then the most open work, then the most tasks, then by name.
 * Spellings that differ only in case or spacing count as one owner, shown as most tasks write it.
 */
export function ownerCounts(items: readonly ActionItem[]): OwnerRow[] {
  const groups = new Map<string, { items: ActionItem[]; spellings: Map<string, number> }>();
  const unowned: ActionItem[] = [];
  for (const item of items) {
    if (item.owner === undefined) {
      unowned.push(item);
      continue;
    }
    const key = ownerKey(item.owner);
    const group = groups.get(key) ?? { items: [], spellings: new Map<string, number>() };
    group.items.push(item);
    group.spellings.set(item.owner, (group.spellings.get(item.owner) ?? 0) + 1);
    groups.set(key, group);
  }
  const rows = [...groups.values()].map(({ items: owned, spellings }): OwnerRow => {
    // Ties between spellings go by code point, so capitalised ones win whatever the locale.
    const [owner] = [...spellings].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0] as [string, number];
    return { owner, ...taskCounts(owned) };
  });
  rows.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.open - a.open ||
      b.total - a.total ||
      (a.owner as string).localeCompare(b.owner as string),
  );
  return unowned.length > 0 ? [{ owner: undefined, ...taskCounts(unowned) }, ...rows] : rows;
}

/** One row of the per-type table. */
export interface TypeRow extends TaskCounts {
  type: TaskType;
  /** See `completionRate`. */
  completionRate: number | undefined;
}

/**
 * Counts per task type, every type in the schema's order (mitigate, prevent, detect, process),
 * zero rows included: a review that decided no detection work is worth seeing.
 */
export function typeCounts(items: readonly ActionItem[]): TypeRow[] {
  return TASK_TYPES.map((type) => {
    const counts = taskCounts(items.filter((item) => item.type === type));
    return { type, ...counts, completionRate: completionRate(counts) };
  });
}

/** One row of the per-quarter table. */
export interface QuarterRow extends TaskCounts {
  /** `YYYY-Qn`. */
  quarter: string;
  /** See `completionRate`. */
  completionRate: number | undefined;
}

/**
 * Completion per quarter, the quarter being that of the incident's start on the site's calendar
 * (the quarter whose review decided the work), newest quarter first. Every quarter from the
 * first task's to the last task's is listed, quiet ones included with no rate, so a gap is visible.
 */
export function quarterCompletion(items: readonly ActionItem[]): QuarterRow[] {
  if (items.length === 0) return [];
  const quarters = [...new Set(items.map((item) => item.quarter))].sort();
  const range = quarterRange(quarters[0] as string, quarters.at(-1) as string);
  return range.reverse().map((quarter) => {
    const counts = taskCounts(items.filter((item) => item.quarter === quarter));
    return { quarter, ...counts, completionRate: completionRate(counts) };
  });
}

/**
 * The text of a link to a ticket, which is how people name tickets: the last query value when
 * the address has a query ("123" for `https://bugs.example/show_bug.cgi?id=123`), else the last
 * path segment ("OPS-42" for `https://tracker.example/browse/OPS-42`), else the host.
 */
export function ticketLabel(link: string): string {
  const url = new URL(link);
  const query = [...url.searchParams.values()].filter(Boolean).at(-1);
  const segment = url.pathname.split('/').filter(Boolean).at(-1);
  const label = query ?? segment;
  if (!label) return url.host;
  try {
    return decodeURIComponent(label);
  } catch {
    // A stray "%" that is not an escape: show the segment as written.
    return label;
  }
}

/** The overdue marker's words, so lateness reads as text, not as a colour: "Overdue by 3 days". */
export const overdueText = (daysOverdue: number) => `Overdue by ${plural(daysOverdue, NOUNS.day)}`;

/** How long outstanding work has waited: "45 days since the incident", "Since today's incident". */
export const ageText = (ageDays: number) =>
  ageDays === 0 ? "Since today's incident" : `${plural(ageDays, NOUNS.day)} since the incident`;

/**
 * The order of the list in words, for the page to state; it must say what `compareActionItems`
 * does.
 */
export const ORDER_TEXT =
  'overdue work first, longest overdue at the top; then the rest of the open work by due date, tasks without a due date last; then closed work, most recent incident first';
