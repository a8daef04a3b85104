/**
 * Time zones as free-form postmortems write them ("(PST)", "UTC", "Eastern time", "UTC+2",
 * "Europe/Berlin"), turned into IANA zones. Offsets are always asked of `Intl` for the instant
 * in question, never hard-coded, so daylight saving and the zone's history come out right.
 */
import { isTimeZone } from '../../schemas/time-zone';
import { isUtcZone } from '../time';

/** A zone named in a document. */
export interface ZoneRef {
  /** IANA name (`America/Los_Angeles`), or `undefined` for an offset no IANA zone matches (`UTC+5:30`). */
  iana: string | undefined;
  /** A fixed offset in minutes east of UTC, for "UTC+2"-style zones. */
  fixedOffset?: number;
  /** What the document wrote, for messages. */
  written: string;
  /**
   * For abbreviations that say which half of the year they mean (PST vs PDT): whether they
   * claim daylight saving time, so a "PST" in July can be reported.
   */
  daylight?: boolean;
}

interface Abbreviation {
  iana: string;
  daylight?: boolean;
}

/**
 * Abbreviations people write after times, and the zone each most often means. IST and CST are
 * ambiguous worldwide; they map to their most common meaning in incident write-ups (India,
 * US Central), and the importer prints the zone it chose so a person can correct it.
 */
const ABBREVIATIONS: Record<string, Abbreviation> = {
  UTC: { iana: 'UTC' },
  GMT: { iana: 'UTC' },
  Z: { iana: 'UTC' },
  PST: { iana: 'America/Los_Angeles', daylight: false },
  PDT: { iana: 'America/Los_Angeles', daylight: true },
  PT: { iana: 'America/Los_Angeles' },
  MST: { iana: 'America/Denver', daylight: false },
  MDT: { iana: 'America/Denver', daylight: true },
  MT: { iana: 'America/Denver' },
  CST: { iana: 'America/Chicago', daylight: false },
  CDT: { iana: 'America/Chicago', daylight: true },
  CT: { iana: 'America/Chicago' },
  EST: { iana: 'America/New_York', daylight: false },
  EDT: { iana: 'America/New_York', daylight: true },
  ET: { iana: 'America/New_York' },
  AKST: { iana: 'America/Anchorage', daylight: false },
  AKDT: { iana: 'America/Anchorage', daylight: true },
  HST: { iana: 'Pacific/Honolulu', daylight: false },
  BST: { iana: 'Europe/London', daylight: true },
  WET: { iana: 'Europe/Lisbon', daylight: false },
  WEST: { iana: 'Europe/Lisbon', daylight: true },
  CET: { iana: 'Europe/Berlin', daylight: false },
  CEST: { iana: 'Europe/Berlin', daylight: true },
  EET: { iana: 'Europe/Helsinki', daylight: false },
  EEST: { iana: 'Europe/Helsinki', daylight: true },
  MSK: { iana: 'Europe/Moscow' },
  IST: { iana: 'Asia/Kolkata' },
  SGT: { iana: 'Asia/Singapore' },
  HKT: { iana: 'Asia/Hong_Kong' },
  JST: { iana: 'Asia/Tokyo' },
  KST: { iana: 'Asia/Seoul' },
  AWST: { iana: 'Australia/Perth' },
  ACST: { iana: 'Australia/Adelaide', daylight: false },
  ACDT: { iana: 'Australia/Adelaide', daylight: true },
  AEST: { iana: 'Australia/Sydney', daylight: false },
  AEDT: { iana: 'Australia/Sydney', daylight: true },
  NZST: { iana: 'Pacific/Auckland', daylight: false },
  NZDT: { iana: 'Pacific/Auckland', daylight: true },
  BRT: { iana: 'America/Sao_Paulo' },
};

/** Zone names written out in words ("Pacific time", "Central European Time"). */
const NAMED_ZONES: [RegExp, Abbreviation][] = [
  [/^pacific(?: (standard|daylight))?(?: time)?$/i, { iana: 'America/Los_Angeles' }],
  [/^mountain(?: (standard|daylight))?(?: time)?$/i, { iana: 'America/Denver' }],
  [/^central european(?: (standard|summer))?(?: time)?$/i, { iana: 'Europe/Berlin' }],
  [/^central(?: (standard|daylight))?(?: time)?$/i, { iana: 'America/Chicago' }],
  [/^eastern(?: (standard|daylight))?(?: time)?$/i, { iana: 'America/New_York' }],
  [/^coordinated universal time$/i, { iana: 'UTC' }],
];

/** The regular expression source for every zone form `findZones` recognises. */
export const ZONE_PATTERN = new RegExp(
  [
    // Abbreviations with an optional offset: "UTC", "UTC+2", "GMT-05:00". Upper case only, so
    // the words "est" or "it" never count.
    String.raw`\b(?:${Object.keys(ABBREVIATIONS)
      .filter((name) => name !== 'Z')
      .sort((a, b) => b.length - a.length)
      .join('|')})(?:[+\u2212-]\d{1,2}(?::?\d{2})?)?\b`,
    // IANA names: Area/Location.
    String.raw`\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?(?:[+-]\d{1,2})?`,
    // Zones in words.
    String.raw`\b(?:Pacific|Mountain|Central European|Central|Eastern)(?: (?:Standard|Daylight|Summer))? [Tt]ime\b`,
    String.raw`\bCoordinated Universal Time\b`,
  ].join('|'),
  'g',
);

/** The IANA zone for a whole-hour offset: `Etc/GMT-2` is UTC+2 (the sign is inverted by POSIX). */
function etcZone(offsetMinutes: number): string | undefined {
  if (offsetMinutes === 0) return 'UTC';
  if (offsetMinutes % 60 !== 0 || Math.abs(offsetMinutes) > 14 * 60) return undefined;
  const hours = offsetMinutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** Reads "+2", "-05:00", "+0530" as minutes east of UTC. */
function offsetMinutes(text: string): number | undefined {
  const match = /^([+\u2212-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return match[1] === '+' ? minutes : -minutes;
}

/**
 * The zone a piece of text names: an abbreviation (with an optional offset), an IANA name or a
 * zone in words. `undefined` when it names none.
 */
export function parseZone(text: string): ZoneRef | undefined {
  const written = text.trim();
  const withOffset = /^(UTC|GMT)(.+)$/.exec(written);
  if (withOffset?.[2]) {
    const minutes = offsetMinutes(withOffset[2]);
    if (minutes === undefined) return undefined;
    return { iana: etcZone(minutes), fixedOffset: minutes, written };
  }
  const abbreviation = ABBREVIATIONS[written];
  if (abbreviation) return { ...abbreviation, written };
  if (written.includes('/') && isTimeZone(written)) return { iana: written, written };
  for (const [pattern, zone] of NAMED_ZONES) {
    const match = pattern.exec(written);
    if (!match) continue;
    const half = match[1]?.toLowerCase();
    const daylight = half === undefined ? undefined : half !== 'standard';
    return { ...zone, written, ...(daylight === undefined ? {} : { daylight }) };
  }
  return undefined;
}

/** Whether the zone is UTC itself (including `Etc/UTC` and a "+0" offset). */
export const isUtc = (zone: ZoneRef) =>
  zone.fixedOffset === 0 || (zone.iana !== undefined && isUtcZone(zone.iana));

/** The zone's offset from UTC in minutes at `instant`, asked of `Intl`. */
export function offsetAt(instant: Date, iana: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: the zone is on UTC at that instant.
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '+' ? minutes : -minutes;
}

/**
 * Whether the zone observes daylight saving time at `instant`: its offset then is ahead of the
 * smaller of its January and July offsets that year (the standard offset, either hemisphere).
 */
export function isDaylightAt(instant: Date, iana: string): boolean {
  const year = instant.getUTCFullYear();
  const standard = Math.min(
    offsetAt(new Date(Date.UTC(year, 0, 1)), iana),
    offsetAt(new Date(Date.UTC(year, 6, 1)), iana),
  );
  return offsetAt(instant, iana) > standard;
}

/** A wall-clock date and time, as written in a document. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * The instant a wall-clock time in a zone means. Asks `Intl` for the offset near the guess and
 * corrects once, which lands on the right side of a daylight-saving change; a time skipped by
 * the spring change moves forward by the gap, as clocks do.
 */
export function zonedInstant(local: LocalDateTime, zone: ZoneRef): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  if (zone.fixedOffset !== undefined || !zone.iana) {
    return new Date(asUtc - (zone.fixedOffset ?? 0) * 60_000);
  }
  const first = offsetAt(new Date(asUtc), zone.iana);
  const guess = asUtc - first * 60_000;
  const second = offsetAt(new Date(guess), zone.iana);
  return second === first ? new Date(guess) : new Date(asUtc - second * 60_000);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** `+02:00`, `-08:00`, or `Z` for UTC. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The offset the zone has at `instant`, in minutes. */
export function zoneOffsetAt(instant: Date, zone: ZoneRef): number {
  if (zone.fixedOffset !== undefined || !zone.iana) return zone.fixedOffset ?? 0;
  return offsetAt(instant, zone.iana);
}

/**
 * An ISO 8601 timestamp of the wall-clock time with the zone's offset at that moment, as
 * postmortems write them: `2024-02-22T15:00:00-08:00`, or `…Z` in UTC.
 */
export function formatZonedTimestamp(local: LocalDateTime, zone: ZoneRef): string {
  return formatInstant(zonedInstant(local, zone), zone);
}

/**
 * A sentence when the abbreviation contradicts the calendar, such as "PST" for a July date when
 * Los Angeles is on PDT; `undefined` when they agree or the abbreviation does not say.
 */
export function daylightMismatch(local: LocalDateTime, zone: ZoneRef): string | undefined {
  if (zone.daylight === undefined || !zone.iana) return undefined;
  const instant = zonedInstant(local, zone);
  const actual = isDaylightAt(instant, zone.iana);
  if (actual === zone.daylight) return undefined;
  const offset = formatOffset(offsetAt(instant, zone.iana)).replace('Z', '+00:00');
  return `the source says ${zone.written}, but on that date ${zone.iana} was on ${
    actual ? 'daylight saving' : 'standard'
  } time (UTC${offset}); the times use UTC${offset}, check them`;
}

/** An instant as a timestamp in the zone's wall-clock time with its offset then. */
export function formatInstant(instant: Date, zone: ZoneRef): string {
  const offset = zoneOffsetAt(instant, zone);
  const wall = new Date(instant.getTime() + offset * 60_000);
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  return `${date}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:00${formatOffset(offset)}`;
}
