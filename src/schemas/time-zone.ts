import { z } from 'astro/zod';

/** True when the runtime's time-zone database knows `zone` (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone name, with an error that shows what one looks like. */
export const timeZoneSchema = z.string().refine(isTimeZone, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not an IANA time zone; use a name such as UTC, Europe/Berlin or America/Los_Angeles`,
});
