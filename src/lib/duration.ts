import { NOUNS, plural } from './labels';

/**
 * ISO 8601 durations as incident reports use them: days, hours, minutes and seconds
 * (`PT3H30M`, `P1DT2H`, `P2W`). Years and months are refused: their length depends on the
 * calendar, and no outage report needs them.
 */
const ISO_DURATION =
  /^P(?:(?<weeks>\d+(?:\.\d+)?)W)?(?:(?<days>\d+(?:\.\d+)?)D)?(?:T(?:(?<hours>\d+(?:\.\d+)?)H)?(?:(?<minutes>\d+(?:\.\d+)?)M)?(?:(?<seconds>\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Parses an ISO 8601 duration into milliseconds, or returns `undefined` when it is not one. */
export function parseIsoDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match?.groups || text === 'P' || text.endsWith('T')) return undefined;
  const { weeks, days, hours, minutes, seconds } = match.groups;
  if (![weeks, days, hours, minutes, seconds].some(Boolean)) return undefined;
  const part = (value: string | undefined, unit: number) => (value ? Number(value) * unit : 0);
  return Math.round(
    part(weeks, WEEK) + part(days, DAY) + part(hours, HOUR) + part(minutes, MINUTE) + part(seconds, SECOND),
  );
}

/** Writes milliseconds as a compact ISO 8601 duration, e.g. `PT3H30M` or `P1DT2H`. */
export function toIsoDuration(ms: number): string {
  const total = Math.round(Math.max(0, ms) / SECOND);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const date = days ? `${days}D` : '';
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** The elapsed time between two instants; instants carry their zone, so DST never skews it. */
export function elapsed(from: Date, to: Date): number {
  return to.getTime() - from.getTime();
}

/**
 * Says a duration in words for people: "3 hours 30 minutes", "2 days 4 hours", "45 minutes".
 * Rounded to the minute, and to the two largest units, because nobody reads an outage
 * as "1 day 3 hours 12 minutes 5 seconds".
 */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(Math.max(0, ms) / MINUTE);
  if (totalMinutes === 0) return ms > 0 ? 'under a minute' : '0 minutes';
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    days ? plural(days, NOUNS.day) : '',
    hours ? plural(hours, NOUNS.hour) : '',
    minutes ? plural(minutes, NOUNS.minute) : '',
  ].filter(Boolean);
  return parts.slice(0, 2).join(' ');
}

/** The same duration in a compact form for tables: "3h 30m", "2d 4h", "45m". */
export function formatDurationShort(ms: number): string {
  const totalMinutes = Math.round(Math.max(0, ms) / MINUTE);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''];
  return parts.filter(Boolean).slice(0, 2).join(' ') || '0m';
}

/** How far apart two durations may be and still count as equal (authors round to the minute). */
export const DURATION_TOLERANCE_MS = MINUTE;
