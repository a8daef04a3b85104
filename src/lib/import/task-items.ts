/**
 * Follow-up tasks from a tasks section: list items, one task per line, or a table with a task
 * column (and maybe Owner, Type, Status, Due and Bug columns, as in the Google SRE template).
 * Owners are read from "(owner: ana)", "@ana", a trailing "— ana" or the Owner column; the
 * type (prevent, detect, mitigate, process) from a Type column or guessed from the words.
 */
import { TASK_STATUSES, TASK_TYPES, type TaskStatus, type TaskType } from '../../schemas/task';
import type { LineUnit, TableUnit, Unit } from './parse-source';

/** A task as read from the source, with where its type came from, for the report. */
export interface ImportedTask {
  title: string;
  type: TaskType;
  /** Where the type came from: a column, or words of the title (`words` undefined: defaulted). */
  typeFrom: { source: 'column' | 'words' | 'default'; words?: string };
  status: TaskStatus;
  owner?: string;
  due?: string;
  link?: string;
}

/** The tasks of a section, and what in it was not a task (kept in the body). */
export interface TasksResult {
  tasks: ImportedTask[];
  /** Units that are not tasks (an intro line, prose), for the body. */
  rest: Unit[];
}

/** Words that suggest each type, most specific first; the type with most matches wins. */
const TYPE_WORDS: Record<TaskType, RegExp> = {
  detect:
    /\b(monitor\w*|alert\w*|detect\w*|dashboards?|health[- ]checks?|observability|metrics?|logging|probes?|synthetic|early (?:signs?|warning)|notif\w*|paging)\b/gi,
  process:
    /\b(train\w*|playbooks?|runbooks?|procedures?|document\w*|policy|policies|checklists?|drills?|on-?call|escalation|communicat\w*|process\w*|postmortem|guidelines?|handbook)\b/gi,
  mitigate:
    /\b(failover|fail over|fallback|roll ?back|circuit[- ]breakers?|rate[- ]limit\w*|retry|retries|backoff|graceful\w*|degrad\w*|mitigat\w*|limit the (?:impact|blast radius)|reduce the impact|backups?|restore)\b/gi,
  prevent:
    /\b(redundan\w*|replace\w*|replacement|upgrade\w*|fix\w*|patch\w*|validat\w*|tests?|testing|inspect\w*|prevent\w*|eliminat\w*|remov\w*|migrat\w*|capacity|harden\w*|lint\w*|review the code|automat\w*)\b/gi,
};

/** The type a task's words suggest, with the first matching word; `prevent` when none match. */
export function guessTaskType(text: string): { type: TaskType; words?: string } {
  let best: { type: TaskType; count: number; words: string } | undefined;
  for (const type of ['detect', 'process', 'prevent', 'mitigate'] as const) {
    const matches = [...text.matchAll(TYPE_WORDS[type])];
    // Ties go to the type checked first: a task "to alert on disk failures" is about detecting.
    if (matches.length > (best?.count ?? 0)) {
      best = { type, count: matches.length, words: matches.map((match) => match[0]).join('", "') };
    }
  }
  return best ? { type: best.type, words: best.words } : { type: 'prevent' };
}

const STATUS_WORDS: [RegExp, TaskStatus][] = [
  [/\s*[([]\s*(?:done|completed?|closed|fixed)\s*[)\]]|\s*(?:✅|✓|✔)\s*|^\s*(?:DONE)\b[:\s]*/gi, 'done'],
  [/\s*[([]\s*(?:in[- ]progress|ongoing|started|wip)\s*[)\]]/gi, 'in-progress'],
  [/\s*[([]\s*(?:won'?t do|wont-do|dropped|cancell?ed)\s*[)\]]/gi, 'wont-do'],
];

const OWNER_PATTERNS: RegExp[] = [
  /\s*[([]\s*(?:owner|owned by|assignee|assigned to|who)\s*[:=-]?\s*([^)\]]+?)\s*[)\]]/i,
  /[\s,;.]*\b(?:owner|assignee|assigned to|owned by)\s*[:=]?\s*((?:@?[\w.-]+)(?:\s[\w.-]+){0,2})\s*\.?$/i,
  /\s+(?:[\u2014\u2013]|--)\s+(@?[A-Za-z][\w.-]*(?:\s[A-Za-z][\w.-]*){0,2})\s*$/,
  /\s*\B@([A-Za-z][\w.-]*[\w])/,
];
const DUE = /[\s,;]*[([]?\s*(?:due|by|deadline)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*[)\]]?/i;
const URL = /https?:\/\/[^\s)>\]]+/;

/** Reads one task from its text (plain) and source (Markdown, where links keep their URLs). */
export function parseTask(
  text: string,
  source = text,
  checked: boolean | null = null,
): ImportedTask | undefined {
  let title = text.replace(/^\s*(?:\[[ xX]\]\s*)?(?:todo|action item)\s*[:-]\s*/i, '');
  let status: TaskStatus = checked ? 'done' : 'open';
  for (const [pattern, value] of STATUS_WORDS) {
    if (new RegExp(pattern.source, 'i').test(title)) {
      status = value;
      title = title.replace(pattern, ' ');
    }
  }
  let owner: string | undefined;
  for (const pattern of OWNER_PATTERNS) {
    const match = pattern.exec(title);
    if (match?.[1]) {
      owner = match[1].replace(/^@/, '').trim();
      title = title.replace(match[0], ' ');
      break;
    }
  }
  const due = DUE.exec(title);
  if (due) title = title.replace(due[0], '');
  const link = URL.exec(source)?.[0] ?? URL.exec(text)?.[0];
  if (link) title = title.replace(link, '');
  title = title
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.\u2014\u2013-]+$/, '')
    .trim();
  if (!title) return undefined;
  const guess = guessTaskType(title);
  return {
    title,
    type: guess.type,
    typeFrom: guess.words ? { source: 'words', words: guess.words } : { source: 'default' },
    status,
    ...(owner ? { owner } : {}),
    ...(due?.[1] ? { due: due[1] } : {}),
    ...(link ? { link } : {}),
  };
}

const TASK_COLUMN = /^(?:tasks?|action items?|actions?|items?|title|description|what|follow-?ups?)\b/i;
const OWNER_COLUMN = /^(?:owners?|assignees?|who|responsible|team)\b/i;
const TYPE_COLUMN = /^(?:type|kind|category)\b/i;
const STATUS_COLUMN = /^(?:status|state|done)\b/i;
const DUE_COLUMN = /^(?:due|due date|deadline|by when|target date)\b/i;
const LINK_COLUMN = /^(?:bug|ticket|link|issue|tracking|jira|url)\b/i;

const asType = (text: string): TaskType | undefined => {
  const word = text.trim().toLowerCase();
  if ((TASK_TYPES as readonly string[]).includes(word)) return word as TaskType;
  if (/^(?:mitigation|repair)$/.test(word)) return 'mitigate';
  if (/^(?:prevention|preventive|preventative)$/.test(word)) return 'prevent';
  if (/^(?:detection|monitoring)$/.test(word)) return 'detect';
  return undefined;
};

const asStatus = (text: string): TaskStatus | undefined => {
  const word = text.trim().toLowerCase().replace(/\s+/g, '-');
  if ((TASK_STATUSES as readonly string[]).includes(word)) return word as TaskStatus;
  if (/^(?:completed?|closed|fixed|yes|✅|✓)$/.test(word)) return 'done';
  if (/^(?:todo|to-do|not-started|no|new)$/.test(word)) return 'open';
  if (/^(?:ongoing|started|wip)$/.test(word)) return 'in-progress';
  return undefined;
};

function tableTasks(unit: TableUnit): ImportedTask[] | undefined {
  const column = (pattern: RegExp) => unit.header.findIndex((cell) => pattern.test(cell));
  const taskAt = column(TASK_COLUMN);
  if (taskAt < 0) return undefined;
  const [ownerAt, typeAt, statusAt, dueAt, linkAt] = [
    OWNER_COLUMN,
    TYPE_COLUMN,
    STATUS_COLUMN,
    DUE_COLUMN,
    LINK_COLUMN,
  ].map(column);
  const cell = (row: string[], at: number | undefined) =>
    at === undefined || at < 0 ? '' : (row[at] ?? '').trim();
  // Table cells are plain text; a Bug column's link keeps its URL only in the source row.
  const sourceRows = unit.source.split('\n').slice(2);
  return unit.rows.flatMap((row, index) => {
    const task = parseTask(cell(row, taskAt), cell(row, taskAt));
    if (!task) return [];
    const owner = cell(row, ownerAt);
    const type = asType(cell(row, typeAt));
    const status = asStatus(cell(row, statusAt));
    const due = /^\d{4}-\d{2}-\d{2}$/.exec(cell(row, dueAt))?.[0];
    const link = URL.exec(sourceRows[index] ?? '')?.[0] ?? URL.exec(cell(row, linkAt))?.[0];
    return [
      {
        ...task,
        ...(type ? { type, typeFrom: { source: 'column' as const, words: cell(row, typeAt) } } : {}),
        ...(status ? { status } : {}),
        ...(owner && !/^(?:-|—|n\/a|tbd|none)$/i.test(owner) ? { owner } : {}),
        ...(due ? { due } : {}),
        ...(link ? { link } : {}),
      },
    ];
  });
}

/** Whether a plain line reads as an item of a list written without markers. */
const isTaskLine = (unit: LineUnit) =>
  !unit.headingLike && !/:$/.test(unit.text) && /^[\p{Lu}\d"'“[(@*_]/u.test(unit.text);

/** Reads the tasks of a tasks section; lines that are not tasks (an intro, prose) go to `rest`. */
export function taskItems(units: readonly Unit[]): TasksResult {
  const tasks: ImportedTask[] = [];
  const rest: Unit[] = [];
  let last: LineUnit | undefined;
  for (const unit of units) {
    if (unit.type === 'table') {
      const rows = tableTasks(unit);
      if (rows) tasks.push(...rows);
      else rest.push(unit);
      last = undefined;
      continue;
    }
    if (unit.type !== 'line') {
      rest.push(unit);
      last = undefined;
      continue;
    }
    const previous = tasks.at(-1);
    const continues =
      previous &&
      last &&
      (unit.list ? !unit.list.first : !last.list && unit.paragraph === last.paragraph && !isTaskLine(unit));
    if (previous && last && continues) {
      // The task wraps onto another line: read the whole text again.
      const merged = parseTask(
        `${last.text} ${unit.text}`,
        `${last.source} ${unit.source}`,
        last.list?.checked ?? null,
      );
      if (merged) tasks[tasks.length - 1] = merged;
      last = { ...last, text: `${last.text} ${unit.text}`, source: `${last.source} ${unit.source}` };
      continue;
    }
    const task =
      unit.list?.first || isTaskLine(unit)
        ? parseTask(unit.text, unit.source, unit.list?.checked ?? null)
        : undefined;
    if (task) {
      tasks.push(task);
      last = unit;
    } else {
      rest.push(unit);
      last = undefined;
    }
  }
  return { tasks, rest };
}
