/**
 * Dates and times as the incident pages show them: in the incident's own zone, with the zone's
 * abbreviation, and always with UTC alongside, because responders in other zones compare
 * timelines in UTC.
 */

/**
 * One formatter per locale, zone and options, made once: making one is far slower than using
 * it, and a build of 10,000 incident pages formats hundreds of thousands of times (making them
 * per call took 17 s of such a build).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

const parts = (date: Date, timeZone: string, options: Intl.DateTimeFormatOptions) =>
  Object.fromEntries(
    formatter('en-GB', { timeZone, ...options })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string | undefined>;

/** Whether the zone is UTC itself, where showing UTC "alongside" would repeat the time. */
export const isUtcZone = (timeZone: string) => timeZone === 'UTC' || timeZone === 'Etc/UTC';

/** Short name of the zone at that instant, e.g. `PST` or `PDT`; `UTC` for UTC; else `GMT+2`. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  if (isUtcZone(timeZone)) return 'UTC';
  const name = formatter('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

/** "9 May 2024, 08:00 UTC" or "22 Feb 2024, 15:00 PST". */
export function formatDateTime(date: Date, timeZone = 'UTC'): string {
  const p = parts(date, timeZone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${zoneAbbreviation(date, timeZone)}`;
}

/** "08:00" in the zone, for timeline rows that already sit under a date. */
export function formatTime(date: Date, timeZone = 'UTC'): string {
  const p = parts(date, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** "9 May 2024" in the zone. */
export function formatDate(date: Date, timeZone = 'UTC'): string {
  const p = parts(date, timeZone, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** `YYYY-MM-DD` of the instant in the zone; used to group timeline rows by local day. */
export function isoDateInZone(date: Date, timeZone = 'UTC'): string {
  const p = parts(date, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant in UTC as people write it: "2024-05-09 08:00 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
