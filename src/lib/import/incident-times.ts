/**
 * When an imported incident happened: its zone, its window (startedAt, resolvedAt, duration)
 * and the milestones its timeline gives (detectedAt, mitigatedAt). The window comes from a
 * Duration section, else the summary or the opening paragraph, else the timeline (reported as
 * a guess); a stated duration fills in a missing end and is checked against the times.
 */
import { DURATION_TOLERANCE_MS, elapsed, formatDuration, toIsoDuration } from '../duration';
import { placeholder } from '../placeholder';
import {
  addDays,
  declaredZone,
  findDates,
  findStatedDuration,
  findZones,
  partialDate,
  type PartialDate,
} from './date-time';
import type { DraftEntry, Known, Value } from './frontmatter';
import { clockText, dayText, minutesOf, resolveMoment, type Moment, type ResolvedMoment } from './moments';
import type { Unit } from './parse-source';
import { unitsText } from './prose';
import { sectionsOf, type Section } from './sections';
import type { ImportedEntry } from './timeline-entries';
import { findWindow, type IncidentWindow } from './window';
import { formatInstant, type ZoneRef } from './zones';

/** What the document's prose says about when: before the timeline is read. */
export interface DocumentTimes {
  window: IncidentWindow | undefined;
  /** Where the window was read: '' for a Duration section, else "the summary", …. */
  from: string;
  /** The zone for times written without one. */
  zone: ZoneRef | undefined;
  /** The incident's date, for timeline entries that give only a clock time. */
  date: PartialDate | undefined;
  /** Units now said in the frontmatter (the duration sentence, a "Date:" line). */
  used: Unit[];
  /** All the document's text, for stated durations and zone mentions anywhere. */
  text: string;
}

/**
 * Reads the zone and the window. The zone is the one the Duration section names, else one the
 * document declares ("all times UTC"), else one the timeline or any line names, else
 * `optionZone` (`--timezone`).
 */
export function documentTimes(sections: readonly Section[], optionZone: ZoneRef | undefined): DocumentTimes {
  const text = sections.map((section) => `${section.title ?? ''}\n${unitsText(section.units)}`).join('\n');
  const durationText = sectionsOf(sections, 'duration', 'date')
    .map((section) => unitsText(section.units))
    .join('\n');
  const timelineText = sections
    .filter((section) => section.kind === 'timeline')
    .map((section) => `${section.title ?? ''}\n${unitsText(section.units)}`)
    .join('\n');
  const zone =
    findZones(durationText)[0]?.zone ??
    declaredZone(text) ??
    findZones(timelineText)[0]?.zone ??
    findZones(text)[0]?.zone ??
    optionZone;

  const summaryText = unitsText(sectionsOf(sections, 'summary')[0]?.units ?? []);
  const openingText = unitsText(
    sections.filter((s) => s.kind === 'preamble' || s.kind === 'other').flatMap((s) => s.units),
  );
  const firstDate = [durationText, summaryText, openingText].map((t) => findDates(t)[0]).find(Boolean);
  const date = firstDate ? partialDate(firstDate) : undefined;

  let window: IncidentWindow | undefined;
  let from = '';
  const candidates = [
    [durationText, ''],
    [summaryText, 'the summary'],
    [openingText, 'the opening paragraph'],
  ] as const;
  for (const [candidate, where] of candidates) {
    if (!candidate) continue;
    // Outside a Duration section, only a length stated as the incident's counts ("for 2 hours").
    const found = findWindow(candidate, { zone, date, anyDuration: where === '' });
    if (found.start || found.duration) window ??= found;
    if (found.start) {
      window = found.duration || !window?.duration ? found : { ...found, duration: window.duration };
      from = where;
      break;
    }
  }

  const used: Unit[] = [];
  if (window?.start && !from)
    used.push(...sectionsOf(sections, 'duration').flatMap((section) => section.units));
  // A "Date:" line has done its job once the start has a full date, or it is all there is.
  const onlyDate = firstDate?.year !== undefined && !/\d:\d/.test(durationText);
  if (window?.start?.date?.year !== undefined || onlyDate) {
    used.push(...sectionsOf(sections, 'date').flatMap((section) => section.units));
  }
  return { window, from, zone, date: window?.start?.date ?? date, used, text };
}

/** The moment `minutes` later on the wall clock; the date rolls over at midnight. */
function later(moment: Moment, minutes: number): Moment {
  if (!moment.time) return moment;
  const total = minutesOf(moment.time) + minutes;
  const days = Math.floor(total / 1440);
  const rest = ((total % 1440) + 1440) % 1440;
  return {
    ...moment,
    date: moment.date && days ? addDays(moment.date, days) : moment.date,
    time: { hour: Math.floor(rest / 60), minute: rest % 60 },
  };
}

/** Wall-clock time in milliseconds from one moment to another, when both have a time. */
function wallElapsed(from: Moment, to: Moment): number | undefined {
  if (!from.time || !to.time) return undefined;
  let days = 0;
  if (from.date && to.date) {
    const a = Date.UTC(from.date.year ?? 2000, from.date.month - 1, from.date.day);
    const b = Date.UTC(to.date.year ?? from.date.year ?? 2000, to.date.month - 1, to.date.day);
    days = Math.round((b - a) / 86_400_000);
  }
  return (days * 1440 + minutesOf(to.time) - minutesOf(from.time)) * 60_000;
}

/** The frontmatter values about time, and what a person should double-check about them. */
export interface IncidentTimes {
  startedAt: Value<string>;
  resolvedAt: Value<string>;
  duration: Known<string> | undefined;
  timezone: Known<string> | undefined;
  detectedAt: Known<string> | undefined;
  mitigatedAt: Known<string> | undefined;
  warnings: string[];
}

const instantOf = (resolved: ResolvedMoment | undefined) =>
  resolved && 'instant' in resolved ? resolved.instant : undefined;

/** A frontmatter value for a moment: its timestamp with a note, or its placeholder. */
function momentValue(
  resolved: ResolvedMoment | undefined,
  note: string | undefined,
  unknown: string,
): Value<string> {
  if (resolved && 'timestamp' in resolved) {
    return { value: resolved.timestamp, note, guessed: note?.startsWith('guessed') };
  }
  return { placeholder: resolved?.placeholder ?? placeholder(unknown) };
}

/**
 * The incident's window and milestones, from the document's times and its timeline entries.
 * `optionZone` is `--timezone`, to say when the zone came from it.
 */
export function incidentTimes(
  times: DocumentTimes,
  entries: readonly ImportedEntry[],
  optionZone: ZoneRef | undefined,
): IncidentTimes {
  const warnings: string[] = [];
  const { window, from } = times;
  let start = window?.start;
  let startNote = from ? `from ${from}` : undefined;
  if (!start) {
    const entry = entries.find((e) => e.moment.time);
    if (entry) {
      start = entry.moment;
      startNote = "guessed from the timeline's first entry";
    }
  }
  let end = window?.end;
  let endNote = from ? `from ${from}` : undefined;
  if (!end) {
    const entry = entries.filter((e) => e.kind === 'resolution' && e.moment.time).at(-1);
    if (entry) {
      end = entry.moment;
      endNote = "guessed from the timeline's resolution entry";
    }
  }
  const stated = window?.duration ?? findStatedDuration(times.text);
  const startResolved = start ? resolveMoment(start) : undefined;
  let endResolved = end ? resolveMoment(end) : undefined;
  if (start && !end && stated?.ms) {
    // The end is the start plus the stated length: in elapsed time when the start is a known
    // instant (right across a daylight-saving change), else on the wall clock for the placeholder.
    endNote = `startedAt plus the stated duration, "${stated.phrase}"`;
    const startInstant = instantOf(startResolved);
    if (startInstant && start.zone) {
      const instant = new Date(startInstant.getTime() + stated.ms);
      endResolved = { timestamp: formatInstant(instant, start.zone), instant };
    } else {
      end = later(start, Math.round(stated.ms / 60_000));
      endResolved = resolveMoment(end);
    }
  }
  for (const resolved of [startResolved, endResolved]) {
    const warning = resolved && 'warning' in resolved ? resolved.warning : undefined;
    if (warning && !warnings.includes(warning)) warnings.push(warning);
  }

  // Duration: written when the source states one that agrees with the times.
  let duration: Known<string> | undefined;
  if (stated) {
    const [a, b] = [instantOf(startResolved), instantOf(endResolved)];
    const actual = a && b ? elapsed(a, b) : start && end ? wallElapsed(start, end) : undefined;
    if (actual === undefined || Math.abs(actual - stated.ms) <= DURATION_TOLERANCE_MS) {
      duration = {
        value: toIsoDuration(Math.round(stated.ms / 60_000) * 60_000),
        note: `from "${stated.phrase}"`,
      };
    } else {
      warnings.push(
        `duration: the source says "${stated.phrase}" but the times span ${formatDuration(actual)}; duration is left out, so it is computed from the times`,
      );
    }
  }

  const zone = start?.zone ?? times.zone;
  const named = findZones(times.text).length > 0;
  const timezone: Known<string> | undefined = zone?.iana
    ? {
        value: zone.iana,
        note:
          zone === optionZone && !named
            ? 'from --timezone'
            : zone.written !== zone.iana
              ? `from "${zone.written}"`
              : undefined,
      }
    : undefined;
  if (zone && !zone.iana) {
    warnings.push(
      `timezone: ${zone.written} is not an IANA zone; the times keep its offset, and pages show them in the site's zone`,
    );
  }

  /** The first entry of a kind inside the window, as a milestone. */
  const milestone = (kind: 'detection' | 'mitigation'): Known<string> | undefined => {
    const [first, last] = [instantOf(startResolved), instantOf(endResolved)];
    if (!first) return undefined;
    for (const entry of entries) {
      if (entry.kind !== kind) continue;
      const at = resolveMoment(entry.moment);
      if ('instant' in at && at.instant >= first && (!last || at.instant <= last)) {
        return { value: at.timestamp, note: 'from the timeline' };
      }
    }
    return undefined;
  };

  return {
    startedAt: momentValue(startResolved, startNote, 'when impact began; the source does not say'),
    resolvedAt: momentValue(endResolved, endNote, 'when the incident was resolved; the source does not say'),
    duration,
    timezone,
    detectedAt: milestone('detection'),
    mitigatedAt: milestone('mitigation'),
    warnings,
  };
}

const clock = (moment: Moment) => (moment.time ? clockText(moment.time) : '');

/**
 * The placeholder for an entry the source gives no time, naming the times around it so the
 * author knows where to look: "TODO: the time of this entry, between 15:00 and 15:15 PST …".
 */
function untimedHint(entries: readonly ImportedEntry[], index: number): string | undefined {
  const before = entries.slice(0, index).findLast((entry) => entry.moment.time)?.moment;
  const after = entries.slice(index + 1).find((entry) => entry.moment.time)?.moment;
  if (!before && !after) return undefined;
  const zone = (before ?? after)?.zone?.written;
  const range =
    before && after
      ? `between ${clock(before)} and ${clock(after)}`
      : before
        ? `after ${clock(before)}`
        : `before ${clock(after as Moment)}`;
  const date = entries[index]?.moment.date;
  const day = date ? ` on ${dayText(date)}` : '';
  return placeholder(
    `the time of this entry, ${range}${zone ? ` ${zone}` : ''}${day}; the source gives none`,
  );
}

/** Timeline entries as frontmatter: timestamps or placeholders, kinds with what they rest on. */
export function draftTimeline(entries: readonly ImportedEntry[]): DraftEntry[] {
  return entries.map((entry, index) => {
    const at = resolveMoment(entry.moment);
    const gap = 'missing' in at && at.missing === 'time' ? untimedHint(entries, index) : undefined;
    const { source, words } = entry.kindFrom;
    return {
      at: 'timestamp' in at ? { value: at.timestamp } : { placeholder: gap ?? at.placeholder },
      kind: {
        value: entry.kind,
        note:
          source === 'words'
            ? `guessed from "${words}"`
            : source === 'default'
              ? 'no kind in the source'
              : undefined,
        guessed: source === 'words' || source === 'default',
      },
      text: entry.text,
    };
  });
}
