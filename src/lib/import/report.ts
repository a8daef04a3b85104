/**
 * What `hindsight import` prints per file: a compact table of what it extracted (field → value
 * or "needs a person"), then the list of what a person must fill in or confirm, so the author
 * knows the work left before `check` passes.
 */
import { plural } from '../labels';
import { isKnown, type Draft, type Known, type Value } from './frontmatter';
import type { ImportResult } from './import-postmortem';

/** One line of the extraction table the command prints. */
export interface ReportRow {
  field: string;
  /** The value as shown, shortened; "needs a person" for a placeholder; "—" when absent and optional. */
  shown: string;
  state: 'found' | 'guessed' | 'missing' | 'absent';
}

const NEEDS = 'needs a person';
const ABSENT = '—';

const shorten = (text: string, max = 70) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

function row<T>(field: string, value: Value<T> | undefined, show: (value: T) => string = String): ReportRow {
  if (value === undefined) return { field, shown: ABSENT, state: 'absent' };
  if (!isKnown(value)) return { field, shown: NEEDS, state: 'missing' };
  const note = value.guessed && value.note ? ` (${value.note})` : '';
  return { field, shown: shorten(`${show(value.value)}${note}`), state: value.guessed ? 'guessed' : 'found' };
}

const ENTRY = { one: 'entry', other: 'entries' };
const TASK = { one: 'task', other: 'tasks' };

/** The extraction table's rows, in frontmatter order. */
export function reportRows(draft: Draft): ReportRow[] {
  const missingTimes = draft.timeline.filter((entry) => !isKnown(entry.at)).length;
  const guessedKinds = draft.timeline.filter((entry) => entry.kind.guessed).length;
  const owners = draft.tasks.filter((task) => task.owner).length;
  const guessedTypes = draft.tasks.filter((task) => task.type.guessed).length;
  return [
    row('title', draft.title),
    row('summary', draft.summary),
    row('severity', draft.severity),
    row('startedAt', draft.startedAt),
    row('detectedAt', draft.detectedAt),
    row('mitigatedAt', draft.mitigatedAt),
    row('resolvedAt', draft.resolvedAt),
    row('duration', draft.duration),
    row('timezone', draft.timezone),
    row('services', draft.services, (list) => list.join(', ')),
    row('impact.summary', draft.impact.summary),
    row('impact.usersAffectedPercent', draft.impact.usersAffectedPercent, (percent) => `${percent} %`),
    row('rootCause.category', draft.rootCause.category),
    row('rootCause.summary', draft.rootCause.summary),
    row('rootCause.trigger', draft.rootCause.trigger),
    row('resolution', draft.resolution),
    {
      field: 'timeline',
      shown: draft.timeline.length
        ? [
            plural(draft.timeline.length, ENTRY),
            missingTimes ? `${missingTimes} without a time` : '',
            guessedKinds ? `${guessedKinds} kinds guessed` : '',
          ]
            .filter(Boolean)
            .join(', ')
        : ABSENT,
      state: !draft.timeline.length
        ? 'absent'
        : missingTimes
          ? 'missing'
          : guessedKinds
            ? 'guessed'
            : 'found',
    },
    {
      field: 'tasks',
      shown: draft.tasks.length
        ? [
            plural(draft.tasks.length, TASK),
            `${owners} with an owner`,
            guessedTypes ? `${guessedTypes} types guessed` : '',
          ]
            .filter(Boolean)
            .join(', ')
        : ABSENT,
      state: !draft.tasks.length ? 'absent' : guessedTypes ? 'guessed' : 'found',
    },
    row('authors', draft.authors, (list) => list.join(', ')),
  ];
}

const hintOf = (placeholderText: string) => placeholderText.replace(/^\s*TODO:?\s*/i, '');

/** What a person must do: each placeholder, each guess to confirm, and the warnings. */
export function needsAPerson(result: ImportResult): string[] {
  const { draft } = result;
  const needs: string[] = [];
  const check = <T>(field: string, value: Value<T> | undefined, show: (value: T) => string = String) => {
    if (value === undefined) return;
    if (!isKnown(value)) needs.push(`${field}: ${hintOf(value.placeholder)}`);
    else if (value.guessed) {
      needs.push(
        `${field}: confirm ${shorten(show((value as Known<T>).value), 50)} (${value.note ?? 'a guess'})`,
      );
    }
  };
  check('title', draft.title);
  check('summary', draft.summary);
  check('severity', draft.severity);
  check('startedAt', draft.startedAt);
  check('resolvedAt', draft.resolvedAt);
  check('services', draft.services);
  check('impact.summary', draft.impact.summary);
  check('impact.usersAffectedPercent', draft.impact.usersAffectedPercent);
  check('rootCause.category', draft.rootCause.category);
  check('rootCause.summary', draft.rootCause.summary);
  draft.timeline.forEach((entry, index) => {
    if (!isKnown(entry.at))
      needs.push(`timeline.${index}.at: ${hintOf(entry.at.placeholder)} ("${shorten(entry.text, 40)}")`);
  });
  const guessedKinds = draft.timeline.filter((entry) => entry.kind.guessed).length;
  if (guessedKinds)
    needs.push(`timeline: confirm the kind of ${plural(guessedKinds, ENTRY)} (guessed from their words)`);
  const guessedTypes = draft.tasks.filter((task) => task.type.guessed).length;
  if (guessedTypes)
    needs.push(`tasks: confirm the type of ${plural(guessedTypes, TASK)} (guessed from their words)`);
  const unowned = draft.tasks.filter((task) => !task.owner).length;
  if (unowned) needs.push(`tasks: add an owner and a due date to ${plural(unowned, TASK)} before publishing`);
  if (!result.date) {
    needs.push(`file name: starts with "undated"; rename it to YYYY-MM-DD-… once startedAt has its date`);
  }
  needs.push(...result.warnings);
  return needs;
}

/** The report for one imported file: the table, what needs a person, and the next step. */
export function formatImportReport(
  input: string,
  output: string,
  result: ImportResult,
  next: string,
): string {
  const rows = reportRows(result.draft);
  const width = Math.max(...rows.map((r) => r.field.length)) + 2;
  const needs = needsAPerson(result);
  return [
    `${input} → ${output}`,
    '',
    ...rows.map((r) => `  ${r.field.padEnd(width)}${r.shown}`),
    '',
    needs.length ? `Needs a person (${needs.length}):` : 'Nothing needs a person.',
    ...needs.map((need) => `  - ${need}`),
    '',
    next,
  ].join('\n');
}
