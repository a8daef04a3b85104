/**
 * What "today" is for a build: the moment in `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) when it is set, else the current time. Overdue markers and
 * "open for N days" figures read it, so two builds of the same commit with the same epoch
 * produce the same pages.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const raw = env['SOURCE_DATE_EPOCH']?.trim();
  if (!raw) return new Date();
  if (!/^\d+$/.test(raw)) {
    throw new Error(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, such as 1767225600; got "${raw}"`,
    );
  }
  const date = new Date(Number(raw) * 1000);
  // Past about 275,000 years from now a JavaScript date cannot hold the moment.
  if (Number.isNaN(date.getTime())) {
    throw new Error(`SOURCE_DATE_EPOCH is too large to be a date: "${raw}" seconds since 1970-01-01 UTC`);
  }
  return date;
}
