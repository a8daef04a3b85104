/**
 * Calendar buckets for figures over time: which month, quarter or year an instant falls in,
 * read on the wall clock of a time zone (the site's `timezone` option), so an incident that
 * began at 23:30 on 31 March in New York counts in March there, not in April as in UTC.
 */

// Building a formatter is far slower than using one, and a site buckets every incident.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const fields = (date: Date, timeZone: string) => {
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
};

/** The year on the zone's calendar. */
export const yearIn = (date: Date, timeZone = 'UTC') => fields(date, timeZone).year;

/** `YYYY-MM` on the zone's calendar. */
export function monthKey(date: Date, timeZone = 'UTC'): string {
  const { year, month } = fields(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `YYYY-Qn` on the zone's calendar (calendar quarters: Q1 is January to March). */
export function quarterKey(date: Date, timeZone = 'UTC'): string {
  const { year, month } = fields(date, timeZone);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** Every `YYYY-MM` from `first` to `last` inclusive, so a chart shows quiet months as zero. */
export function monthRange(first: string, last: string): string[] {
  const keys: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = last.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    keys.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return keys;
}

/** Every `YYYY-Qn` from `first` to `last` inclusive. */
export function quarterRange(first: string, last: string): string[] {
  const keys: string[] = [];
  let [year, quarter] = first.split('-Q').map(Number) as [number, number];
  const [endYear, endQuarter] = last.split('-Q').map(Number) as [number, number];
  while (year < endYear || (year === endYear && quarter <= endQuarter)) {
    keys.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) [year, quarter] = [year + 1, 1];
  }
  return keys;
}

const monthAndYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "May 2024" for `2024-05`. */
export function monthLabel(key: string): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return monthAndYear.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "Q2 2024" for `2024-Q2`. */
export function quarterLabel(key: string): string {
  const [year, quarter] = key.split('-Q');
  return `Q${quarter} ${year}`;
}
