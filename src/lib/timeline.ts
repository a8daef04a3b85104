import type { TimelineKind } from '../schemas/timeline';
import { elapsed, formatDurationShort } from './duration';
import { formatDate, isoDateInZone } from './time';

/**
 * The timeline as the incident page lays it out: in time order, the date shown only where the
 * day changes in the incident's zone (a responder reads "02:10" under "10 Mar" as local time),
 * and each entry's distance from the start of impact, in real elapsed time so a daylight-saving
 * change in the middle of an incident does not add or lose an hour.
 */

/** The fields of a timeline entry the layout needs. */
export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  text: string;
}

export interface TimelineRow<E extends TimelineEntry = TimelineEntry> {
  entry: E;
  /** "10 Mar 2024" on the first entry of each local day; `undefined` on the rest. */
  day: string | undefined;
  /** "T+1h 5m" after the start of impact, "T−10m" before it (detection can predate the start). */
  offset: string;
}

/**
 * "T+1h 5m" from `startedAt` to `at`; "T−10m" when `at` is earlier. The minus is U+2212, the
 * typographic minus, not a hyphen.
 */
export function offsetFromStart(startedAt: Date, at: Date): string {
  const ms = elapsed(startedAt, at);
  return ms < 0 ? `T−${formatDurationShort(-ms)}` : `T+${formatDurationShort(ms)}`;
}

/**
 * The rows in time order (entries at the same instant keep the author's order), with the day
 * label where the local date changes in `timeZone`.
 */
export function timelineRows<E extends TimelineEntry>(
  entries: readonly E[],
  startedAt: Date,
  timeZone: string,
): TimelineRow<E>[] {
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  let previousDay: string | undefined;
  return sorted.map((entry) => {
    const day = isoDateInZone(entry.at, timeZone);
    const newDay = day !== previousDay;
    previousDay = day;
    return {
      entry,
      day: newDay ? formatDate(entry.at, timeZone) : undefined,
      offset: offsetFromStart(startedAt, entry.at),
    };
  });
}
