/**
 * Timeline entries from a timeline section, in the shapes write-ups use: lines or list items
 * that start with a time ("3:15 PM: …", "14:02  Alert fires", "2024-02-22 15:00 UTC — …"),
 * labelled lines ("Detection: …", "Misleading paths: …"), and Markdown tables with a time and an
 * event column. Each entry gets a kind: from its label or a Kind column when there is one,
 * otherwise guessed from its words and reported as a guess.
 */
import { TIMELINE_KINDS, type TimelineKind } from '../../schemas/timeline';
import {
  addDays,
  declaredZone,
  findDates,
  findTimes,
  findZones,
  partialDate,
  type PartialDate,
} from './date-time';
import type { Moment } from './moments';
import { minutesOf } from './moments';
import type { LineUnit, TableUnit, Unit } from './parse-source';
import { timelineKindOf } from './sections';
import type { ZoneRef } from './zones';

/** A timeline entry as read from the source, before its time is resolved to a timestamp. */
export interface ImportedEntry {
  /** When, as far as the source says; `time` is undefined when it gives none. */
  moment: Moment;
  kind: TimelineKind;
  /** Where the kind came from: the entry's label, a table column, or words in its text. */
  kindFrom: { source: 'label' | 'column' | 'words' | 'default'; words?: string };
  text: string;
}

/** The entries of a timeline section, and what in it was not an entry (kept in the body). */
export interface TimelineResult {
  entries: ImportedEntry[];
  /** Units that are not entries (prose between them), for the body. */
  rest: Unit[];
  /** The zone the timeline declares ("all times UTC"), if any. */
  zone: ZoneRef | undefined;
}

/** Words that give an entry's kind away, checked in this order (a misleading lead beats an action). */
const KIND_WORDS: [TimelineKind, RegExp][] = [
  [
    'misleading',
    /\b(misleading|red herring|mistaken(?:ly)?|wrongly|turned out|false (?:alarm|alert|lead)s?|dead end|ruled out|assum\w*|suspect\w*)\b/i,
  ],
  ['escalation', /\b(escalat\w*|paged|called in|brought in|handed (?:over|off)|declared)\b/i],
  [
    'resolution',
    /\b(resolved|restored|recovered|fully operational|back to normal|service resumed|resumed|all clear|incident closed|closed the incident)\b/i,
  ],
  [
    'mitigation',
    /\b(mitigat\w*|rolled back|roll(?:ed)?-?back|rolls? (?:it |them )?back|reverted|failed over|fail-?over|replaced|workaround|drained|disabled|restarted|rebooted|scaled (?:up|out)|throttled|stopped|removed|deleted|deletes|freed|paused|blocked)\b/i,
  ],
  [
    'detection',
    /\b(detected|alerts?|alerted|alarm(?:ed)?|noticed|reported|first report|monitoring|paged)\b/i,
  ],
  [
    'action',
    /\b(investigat\w*|began|started|initiated|identified|found|checked|deployed|ran|examined|looked into|confirmed)\b/i,
  ],
];

/** The kind an entry's words suggest, with the words; `note` when nothing matches. */
export function guessTimelineKind(text: string): { kind: TimelineKind; words?: string } {
  for (const [kind, pattern] of KIND_WORDS) {
    const match = pattern.exec(text);
    if (match?.[1]) return { kind, words: match[1] };
  }
  return { kind: 'note' };
}

/** A time at the start of a line, maybe after a date and bullets: `[14:02]`, `**3:00 PM (PST)**:`. */
function leadingTime(text: string) {
  const time = findTimes(text)[0];
  if (!time) return undefined;
  const date = findDates(text).find((mention) => mention.end <= time.index);
  const before = text.slice(date ? date.end : 0, time.index);
  const prefix = text.slice(0, date ? date.index : 0);
  if (!/^[\s*_[(]*(?:(?:on|at)\s+)?$/i.test(prefix) || !/^[\s*_,T[(]*(?:at\s+)?$/i.test(before))
    return undefined;
  const rest = text
    .slice(time.end)
    .replace(/^[\s)\]*_]*(?:[:|\u2013\u2014-]+|\s)\s*/, '')
    .trim();
  return { time, date, rest };
}

const findTimesAtStart = (text: string) => leadingTime(text) !== undefined;

/** A line that only sets the date or zone for the entries below it ("2024-11-28 (all times UTC)"). */
function contextLine(text: string): { date?: PartialDate; zone?: ZoneRef } | undefined {
  const zone = declaredZone(text);
  const date = findDates(text)[0];
  if (findTimes(text).length) return undefined;
  const words = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^A-Za-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // Short lines only: a date or a zone and a few words around them.
  if ((!date && !zone) || words.length > 8) return undefined;
  return {
    ...(date ? { date: partialDate(date) } : {}),
    ...(zone ? { zone } : {}),
  };
}

const TIME_COLUMN = /^(?:time|when|timestamp|date\s*(?:\/|and)?\s*time|date|at|clock)\b/i;
const EVENT_COLUMN =
  /^(?:event|events|what(?: happened)?|description|action|details?|entry|text|activity|update)\b/i;
const KIND_COLUMN = /^(?:kind|type|category|phase)\b/i;

const asKind = (text: string): TimelineKind | undefined => {
  const word = text.trim().toLowerCase();
  return (TIMELINE_KINDS as readonly string[]).includes(word) ? (word as TimelineKind) : timelineKindOf(text);
};

interface Cursor {
  date: PartialDate | undefined;
  zone: ZoneRef | undefined;
  /** The last entry's clock time, to notice a timeline running past midnight. */
  last: { hour: number; minute: number } | undefined;
}

/** Places a clock time on the cursor's date, moving to the next day when the clock wrapped. */
function place(cursor: Cursor, time: { hour: number; minute: number }, date: PartialDate | undefined) {
  if (date) cursor.date = date;
  else if (cursor.date && cursor.last && minutesOf(time) < minutesOf(cursor.last))
    cursor.date = addDays(cursor.date, 1);
  cursor.last = time;
  return cursor.date;
}

function lineEntry(unit: LineUnit, cursor: Cursor): ImportedEntry | undefined {
  const labelKind = unit.label ? timelineKindOf(unit.label.name) : undefined;
  const text = labelKind && unit.label ? unit.label.value : unit.text;
  if (!text) return undefined;
  const lead = leadingTime(text);
  // A labelled entry may mention its time anywhere ("… at 8:05 AM on May 9th").
  const time = lead?.time ?? (labelKind ? findTimes(text)[0] : undefined);
  if (!time && !labelKind && !unit.list) return undefined;
  const date = lead?.date ?? (labelKind ? findDates(text)[0] : undefined);
  const partial = date ? partialDate(date) : undefined;
  const clock = time ? { hour: time.hour, minute: time.minute } : undefined;
  const day = clock ? place(cursor, clock, partial) : (partial ?? cursor.date);
  const body = lead ? lead.rest || text : text;
  const guess = guessTimelineKind(body);
  return {
    moment: { date: day, time: clock, zone: time?.zone ?? cursor.zone },
    kind: labelKind ?? guess.kind,
    kindFrom: labelKind
      ? { source: 'label', words: unit.label?.name ?? '' }
      : guess.words
        ? { source: 'words', words: guess.words }
        : { source: 'default' },
    text: body,
  };
}

function tableEntries(unit: TableUnit, cursor: Cursor): ImportedEntry[] | undefined {
  const timeAt = unit.header.findIndex((cell) => TIME_COLUMN.test(cell));
  const eventAt = unit.header.findIndex((cell, index) => index !== timeAt && EVENT_COLUMN.test(cell));
  if (timeAt < 0 || eventAt < 0) return undefined;
  const kindAt = unit.header.findIndex((cell) => KIND_COLUMN.test(cell));
  // "Time (UTC)": the column's heading names the zone of its times.
  const headerZone = findZones(unit.header[timeAt] ?? '')[0]?.zone;
  if (headerZone) cursor.zone = headerZone;
  return unit.rows.flatMap((row): ImportedEntry[] => {
    const text = (row[eventAt] ?? '').trim();
    if (!text) return [];
    const cell = row[timeAt] ?? '';
    const time = findTimes(cell)[0];
    const date = findDates(cell)[0];
    const partial = date ? partialDate(date) : undefined;
    const clock = time ? { hour: time.hour, minute: time.minute } : undefined;
    const day = clock ? place(cursor, clock, partial) : (partial ?? cursor.date);
    const written = kindAt >= 0 ? asKind(row[kindAt] ?? '') : undefined;
    const guess = guessTimelineKind(text);
    return [
      {
        moment: { date: day, time: clock, zone: time?.zone ?? cursor.zone },
        kind: written ?? guess.kind,
        kindFrom: written
          ? { source: 'column', words: row[kindAt] ?? '' }
          : guess.words
            ? { source: 'words', words: guess.words }
            : { source: 'default' },
        text,
      },
    ];
  });
}

/**
 * Reads the entries of a timeline section. `date` and `zone` are what the rest of the document
 * says (the incident's date and zone); lines such as "2024-11-28 (all times UTC)" change them
 * for the entries below. Prose that is not an entry is returned in `rest`.
 */
export function timelineEntries(
  units: readonly Unit[],
  context: { date?: PartialDate | undefined; zone?: ZoneRef | undefined },
): TimelineResult {
  const cursor: Cursor = { date: context.date, zone: context.zone, last: undefined };
  const entries: ImportedEntry[] = [];
  const rest: Unit[] = [];
  let declared: ZoneRef | undefined;
  let lastLine: LineUnit | undefined;
  for (const unit of units) {
    if (unit.type === 'table') {
      const rows = tableEntries(unit, cursor);
      if (rows) entries.push(...rows);
      else rest.push(unit);
      continue;
    }
    if (unit.type !== 'line') {
      rest.push(unit);
      continue;
    }
    const setting = unit.label && timelineKindOf(unit.label.name) ? undefined : contextLine(unit.text);
    if (setting) {
      if (setting.date) {
        cursor.date = setting.date;
        cursor.last = undefined;
      }
      if (setting.zone) cursor.zone = declared = setting.zone;
      continue;
    }
    const previous = entries.at(-1);
    const continues =
      previous &&
      lastLine &&
      !unit.label &&
      !findTimesAtStart(unit.text) &&
      (unit.list ? !unit.list.first : !lastLine.list && unit.paragraph === lastLine.paragraph);
    if (previous && continues) {
      // A wrapped entry: "14:02 Alert fires for the\nsearch cluster" is one entry.
      previous.text = `${previous.text} ${unit.text}`;
      continue;
    }
    const entry = lineEntry(unit, cursor);
    if (entry) {
      entries.push(entry);
      lastLine = unit;
    } else {
      rest.push(unit);
      lastLine = undefined;
    }
  }
  return { entries, rest, zone: declared };
}
