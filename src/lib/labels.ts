import type { PostmortemStatus } from '../schemas/postmortem';
import type { TaskStatus, TaskType } from '../schemas/task';
import type { TaxonomyEntry } from '../schemas/taxonomy';
import type { TimelineKind } from '../schemas/timeline';
import type { Sort } from './search/state';

/**
 * The words pages show for the schema's fixed values, and the helpers that turn counts and
 * taxonomy ids into text. One module, so a status reads the same in a badge, a table and a
 * search result. The search page's script imports it too, so it must stay free of Node modules.
 */

/** Badge colour classes from `global.css`; `''` is the plain badge. */
export type Tone = 'ok' | 'warn' | '';

/** A postmortem's review status, as its badge says it. */
export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
};

/** Unfinished postmortems stand out; a published one is the normal case. */
export const POSTMORTEM_STATUS_TONES: Record<PostmortemStatus, Tone> = {
  draft: 'warn',
  'in-review': 'warn',
  published: 'ok',
};

/** The warning at the top of an unfinished postmortem; published ones have none. */
export const POSTMORTEM_STATUS_NOTICES: Record<Exclude<PostmortemStatus, 'published'>, string> = {
  draft: 'This postmortem is a draft: it shows in development only and is left out of the published site.',
  'in-review': 'This postmortem is in review; details may still change.',
};

export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  mitigate: 'Mitigate',
  prevent: 'Prevent',
  detect: 'Detect',
  process: 'Process',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

/** Outstanding work is a warning; work not done on purpose is neither good nor bad. */
export const TASK_STATUS_TONES: Record<TaskStatus, Tone> = {
  open: 'warn',
  'in-progress': 'warn',
  done: 'ok',
  'wont-do': '',
};

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  detection: 'Detection',
  action: 'Action',
  misleading: 'Misleading path',
  escalation: 'Escalation',
  mitigation: 'Mitigation',
  resolution: 'Resolution',
  note: 'Note',
};

/** The search page's sort menu. */
export const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Best match',
  newest: 'Newest first',
  longest: 'Longest first',
};

/** A noun's forms by plural category; English needs `one` and `other`. */
export type PluralForms = { one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const pluralRules = new Intl.PluralRules('en');

/** The form of the noun that goes with `count`: `pluralWord(1, task)` is "task". */
export function pluralWord(count: number, forms: PluralForms): string {
  return forms[pluralRules.select(count)] ?? forms.other;
}

/** The count with its noun: "1 incident", "3 incidents", "0 incidents". */
export function plural(count: number, forms: PluralForms): string {
  return `${count} ${pluralWord(count, forms)}`;
}

/** Nouns the site counts, so each is spelt once. */
export const NOUNS = {
  incident: { one: 'incident', other: 'incidents' },
  postmortem: { one: 'postmortem', other: 'postmortems' },
  service: { one: 'service', other: 'services' },
  task: { one: 'task', other: 'tasks' },
  filter: { one: 'filter', other: 'filters' },
  problem: { one: 'problem', other: 'problems' },
  file: { one: 'file', other: 'files' },
  day: { one: 'day', other: 'days' },
  hour: { one: 'hour', other: 'hours' },
  minute: { one: 'minute', other: 'minutes' },
} as const satisfies Record<string, PluralForms>;

/**
 * The taxonomy entry for an id, or a stand-in whose label is the id, so a page never renders a
 * blank label (say, for an id a search index built from older content still holds).
 */
export function taxonomyEntry(entries: readonly TaxonomyEntry[], id: string): TaxonomyEntry {
  return entries.find((entry) => entry.id === id) ?? { id, label: id, description: '' };
}

/** How many shades of severity the stylesheet has (`.sev-1` … `.sev-4`). */
export const SEVERITY_SHADES = 4;

/**
 * The badge shade for a severity, 1 (most severe) to `SEVERITY_SHADES`, by its place in the
 * organisation's own list, so renamed or added levels still get a shade; levels past the
 * last shade, and ids the list does not know, share the mildest.
 */
export function severityRank(id: string, severities: readonly { id: string }[]): number {
  const index = severities.findIndex((entry) => entry.id === id);
  return index === -1 ? SEVERITY_SHADES : Math.min(SEVERITY_SHADES, index + 1);
}

/** A severity as its badge shows it: the taxonomy entry and its shade. */
export interface RankedSeverity extends TaxonomyEntry {
  /** 1 (most severe) to `SEVERITY_SHADES`. */
  rank: number;
}

/** The severity entry for an id, with its badge shade. */
export function rankedSeverity(id: string, severities: readonly TaxonomyEntry[]): RankedSeverity {
  return { ...taxonomyEntry(severities, id), rank: severityRank(id, severities) };
}
