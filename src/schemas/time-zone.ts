import { z } from 'astro/zod';

/** Answers so far: a formatter per call took most of a second over 10,000 postmortems. */
const zones = new Map<string, boolean>();

/** True when the runtime's time-zone database knows `zone` (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zones.set(zone, known);
  }
  return known;
}

/** An IANA time-zone name, with an error that shows what one looks like. */
export const timeZoneSchema = z.string().refine(isTimeZone, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not an IANA time zone; use a name such as UTC, Europe/Berlin or America/Los_Angeles`,
});
