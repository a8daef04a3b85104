/**
 * Dates, clock times and zones as people write them in postmortems ("May 9th", "February 22,
 * 2024", "22 Feb", "2024-02-22", "3:00 PM", "15:00", "noon", "(PST)"), found in running text
 * with their positions so that callers can tell which date a time belongs to.
 *
 * A date without a year keeps `year` undefined: the importer never assumes the current year,
 * because a postmortem is often imported long after the incident.
 */
import { parseZone, ZONE_PATTERN, type ZoneRef } from './zones';

/** A calendar date found in text. `year` is undefined when the text does not give one. */
export interface DateMention extends PartialDate {
  index: number;
  end: number;
}

/** A clock time found in text, on the 24-hour clock. */
export interface TimeMention {
  hour: number;
  minute: number;
  index: number;
  end: number;
  /** A zone written right after the time (`15:00Z`, `3 PM PST`, `08:00 (UTC)`). */
  zone?: ZoneRef;
}

/** A zone found in text. */
export interface ZoneMention {
  zone: ZoneRef;
  index: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?=\b|T)/g;
/** "May 9th", "February 22, 2024", "Feb 22 2024". */
const MONTH_DAY = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi');
/** "9 May", "22nd of February 2024", "22 February, 2024". */
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH_NAME}(?:,?\\s+(\\d{4})\\b)?`,
  'gi',
);

const monthNumber = (name: string) =>
  MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;

/** Lower-case "may" is the verb ("this may 2x the load"), not the month. */
const isModalMay = (name: string | undefined) => name === 'may';

/** A four-digit number after a date is its year only when it could be one ("May 9 1500 requests" is not). */
const plausibleYear = (text: string | undefined) => {
  const year = Number(text);
  return text && year >= 1970 && year <= 2200 ? year : undefined;
};

/** Whether the day exists in that month; Feb 29 is allowed when the year is unknown. */
export function isRealDate(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year ?? 2000, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Every date in `text`, in order of appearance; overlapping forms count once. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const add = (year: number | undefined, month: number, day: number, index: number, end: number) => {
    if (!isRealDate(year, month, day)) return;
    if (found.some((other) => index < other.end && end > other.index)) return;
    found.push({ year, month, day, index, end });
  };
  for (const match of text.matchAll(ISO_DATE)) {
    add(Number(match[1]), Number(match[2]), Number(match[3]), match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(MONTH_DAY)) {
    if (isModalMay(match[1])) continue;
    const year = plausibleYear(match[3]);
    add(year, monthNumber(match[1] ?? ''), Number(match[2]), match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(DAY_MONTH)) {
    if (isModalMay(match[2])) continue;
    const year = plausibleYear(match[3]);
    add(year, monthNumber(match[2] ?? ''), Number(match[1]), match.index, match.index + match[0].length);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Clock times: `8:00 AM`, `8am`, `8 p.m.`, `15:00`, `T15:00:00`, `noon`, `midnight`. A bare
 * number is not a time; `24:00`, `13 PM` and `9:75` are refused. On the 12-hour clock,
 * `12:xx AM` is just after midnight and `12:xx PM` just after noon.
 */
const TIME =
  /(?<![\d:.])(\d{1,2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?(?:\s?([ap])\.?\s?m\b\.?)?(?![\d%])|\b(noon|midday|midnight)\b/gi;

/** A zone right after a time: `Z`, `+02:00`, ` UTC`, ` (PST)`. */
const ZONE_AFTER = new RegExp(
  `^(?:(Z)\\b|([+-]\\d{2}:?\\d{2})\\b|\\s?\\(?\\s?(${ZONE_PATTERN.source})\\s?\\)?)`,
);

function zoneAfter(text: string, from: number): { zone: ZoneRef; end: number } | undefined {
  const match = ZONE_AFTER.exec(text.slice(from));
  if (!match) return undefined;
  const written = match[1] ?? (match[2] ? `UTC${match[2]}` : (match[3] ?? ''));
  const zone = parseZone(written);
  return zone ? { zone, end: from + match[0].length } : undefined;
}

/** Every clock time in `text`, in order, with the zone written right after it if any. */
export function findTimes(text: string): TimeMention[] {
  const found: TimeMention[] = [];
  for (const match of text.matchAll(TIME)) {
    const word = match[4]?.toLowerCase();
    let hour: number;
    let minute = 0;
    if (word) {
      hour = word === 'midnight' ? 0 : 12;
    } else {
      const meridiem = match[3]?.toLowerCase();
      if (match[2] === undefined && !meridiem) continue; // "8" alone is a number, not a time
      hour = Number(match[1]);
      minute = Number(match[2] ?? 0);
      if (minute > 59) continue;
      if (meridiem) {
        if (hour < 1 || hour > 12) continue;
        hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
      } else if (hour > 23) {
        continue;
      }
    }
    const end = match.index + match[0].length;
    const after = zoneAfter(text, end);
    found.push({
      hour,
      minute,
      index: match.index,
      end: after?.end ?? end,
      ...(after ? { zone: after.zone } : {}),
    });
  }
  return found;
}

/** Every zone named in `text`, in order. */
export function findZones(text: string): ZoneMention[] {
  const found: ZoneMention[] = [];
  for (const match of text.matchAll(new RegExp(ZONE_PATTERN.source, 'g'))) {
    const zone = parseZone(match[0]);
    if (zone) found.push({ zone, index: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * The zone a document declares for all its times: "all times UTC", "times are in PST",
 * "(all times are Pacific time)". `undefined` when it declares none.
 */
export function declaredZone(text: string): ZoneRef | undefined {
  const match = new RegExp(
    `\\b(?:all\\s+)?times?\\s+(?:are\\s+|shown\\s+|given\\s+)?(?:in\\s+)?(${ZONE_PATTERN.source})`,
    'i',
  ).exec(text);
  return match?.[1] ? parseZone(match[1]) : undefined;
}

/** A date that may lack its year. */
export interface PartialDate {
  year: number | undefined;
  month: number;
  day: number;
}

/** Just the date of a mention, without its place in the text. */
export const partialDate = ({ year, month, day }: PartialDate): PartialDate => ({ year, month, day });

/** The date `days` after `date`; an unknown year stays unknown (leap days count as in 2000). */
export function addDays(date: PartialDate, days: number): PartialDate {
  const moved = new Date(Date.UTC(date.year ?? 2000, date.month - 1, date.day + days));
  return {
    year: date.year === undefined ? undefined : moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  };
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  half: 0.5,
};

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

const DURATION_PART =
  /(?:(?<![\d.:])(\d+(?:\.\d+)?)\s*-?\s*|\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half)\s+)(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![a-z])(?:\s+and\s+a\s+half\b)?/gi;

/**
 * A length of time written in words: "approximately 3.5 hours", "2 hours and 30 minutes",
 * "2h30m", "an hour and a half", "90 minutes". Consecutive parts add up; returns milliseconds
 * and the phrase, or `undefined` when the text states no duration.
 */
export function findDuration(text: string): { ms: number; phrase: string } | undefined {
  let total = 0;
  let start = -1;
  let end = -1;
  for (const match of text.matchAll(DURATION_PART)) {
    // Parts belong together when only "and", commas or spaces separate them.
    if (start >= 0 && !/^[\s,]*(?:and)?[\s,]*$/i.test(text.slice(end, match.index))) break;
    const word = (match[1] ?? match[2] ?? '').toLowerCase();
    let amount = NUMBER_WORDS[word] ?? Number(word);
    if (/and\s+a\s+half/i.test(match[0])) amount += 0.5;
    if (!Number.isFinite(amount)) continue;
    const unit = (match[3] ?? 'm').toLowerCase().charAt(0);
    total += amount * (UNIT_MS[unit] ?? 0);
    if (start < 0) start = match.index;
    end = match.index + match[0].length;
  }
  return start < 0 || total <= 0 ? undefined : { ms: Math.round(total), phrase: text.slice(start, end) };
}

/**
 * A duration the text states as the incident's length: right after "for", "lasted", "lasting",
 * "spanning" or "took" ("for 66 minutes", "lasted about two hours"). Other durations in prose
 * ("delayed by up to 80 minutes") say something else and are not taken.
 */
export function findStatedDuration(text: string): { ms: number; phrase: string } | undefined {
  for (const match of text.matchAll(/\b(?:for|lasted|lasting|spanning|took)\s+/gi)) {
    const after = text.slice(match.index + match[0].length);
    const lead =
      /^(?:(?:about|approximately|approx\.|around|roughly|nearly|almost|some|just|over|under|more than|less than)\s+)*/i.exec(
        after,
      )?.[0] ?? '';
    const found = findDuration(after.slice(lead.length, lead.length + 40));
    if (found && after.slice(lead.length).startsWith(found.phrase)) return found;
  }
  return undefined;
}
