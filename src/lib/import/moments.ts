/**
 * A point in time as far as a document tells it: maybe a date (maybe without its year), maybe
 * a clock time, maybe a zone. Only a complete one becomes a timestamp; anything less becomes a
 * placeholder that says what is known and what is missing, so the author fills in one gap
 * instead of re-reading the source.
 */
import { placeholder } from '../placeholder';
import type { PartialDate } from './date-time';
import {
  daylightMismatch,
  formatOffset,
  formatZonedTimestamp,
  isUtc,
  zonedInstant,
  type ZoneRef,
} from './zones';

/** A point in time with whatever parts the source gave; the importer never invents the rest. */
export interface Moment {
  date: PartialDate | undefined;
  time: { hour: number; minute: number } | undefined;
  zone: ZoneRef | undefined;
}

/** What a moment becomes in the frontmatter. */
export type ResolvedMoment =
  | { timestamp: string; instant: Date; warning?: string }
  | { placeholder: string; missing: 'year' | 'date' | 'time' | 'zone' };

const pad = (value: number) => String(value).padStart(2, '0');

/** `2024-05-09` of a date, `YYYY-05-09` without its year. */
export const dayText = (date: PartialDate) => `${date.year ?? 'YYYY'}-${pad(date.month)}-${pad(date.day)}`;

/** `08:00` of a clock time. */
export const clockText = (time: { hour: number; minute: number }) => `${pad(time.hour)}:${pad(time.minute)}`;

/**
 * Turns a moment into a zoned ISO 8601 timestamp, or into a placeholder naming what is missing:
 * `TODO: YYYY-05-09T08:00:00Z, the source gives no year`.
 */
export function resolveMoment(moment: Moment): ResolvedMoment {
  const { date, time, zone } = moment;
  if (!time) {
    const day = date ? dayText(date) : undefined;
    return {
      placeholder: placeholder(
        day ? `the time on ${day}; the source gives none` : 'when this happened; the source gives no time',
      ),
      missing: 'time',
    };
  }
  const clock = clockText(time);
  if (!date) {
    return {
      placeholder: placeholder(
        `the date of ${clock}${zone ? ` ${zone.written}` : ''}; the source gives none`,
      ),
      missing: 'date',
    };
  }
  if (!zone) {
    return {
      placeholder: placeholder(`${dayText(date)}T${clock} in which zone? the source names none`),
      missing: 'zone',
    };
  }
  if (date.year === undefined) {
    // Without a year, only a fixed offset can be written; a zone with daylight saving cannot.
    const offset =
      isUtc(zone) || zone.fixedOffset !== undefined ? formatOffset(zone.fixedOffset ?? 0) : ` ${zone.iana}`;
    return {
      placeholder: placeholder(`${dayText(date)}T${clock}:00${offset}, the source gives no year`),
      missing: 'year',
    };
  }
  const local = { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute };
  const warning = daylightMismatch(local, zone);
  return {
    timestamp: formatZonedTimestamp(local, zone),
    instant: zonedInstant(local, zone),
    ...(warning ? { warning } : {}),
  };
}

/** Minutes since the start of the day, to compare clock times. */
export const minutesOf = (time: { hour: number; minute: number }) => time.hour * 60 + time.minute;
