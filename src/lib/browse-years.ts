import { figuresOf, type Figures } from './browse';
import { monthKey, yearIn } from './calendar';
import { byNewest, type Incident } from './incidents';
import { PAGE_SIZE } from './pagination';

/**
 * The archive by year and month. Years and months are read on the calendar of the site's
 * time zone (the `timezone` option), so an incident that began at 23:30 on 31 December in New
 * York belongs to that year on a New York team's site, even though it was already January in
 * UTC. A year appears as soon as a postmortem falls in it.
 */

/** The months of the year, as the archive's columns: `01` … `12`. */
export const MONTHS = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));

const monthNames = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const shortMonthNames = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "May" for `05`; `short` gives "Sept", for column headings. */
export function monthName(month: string, style: 'long' | 'short' = 'long'): string {
  return (style === 'long' ? monthNames : shortMonthNames).format(
    new Date(Date.UTC(2000, Number(month) - 1, 1)),
  );
}

/** One month of a year's archive. */
export interface MonthEntry {
  /** `YYYY-MM`. */
  key: string;
  /** `01` … `12`. */
  month: string;
  /** "May 2024". */
  label: string;
  count: number;
  /**
   * The page of the year's list the month starts on (from 1), so the archive can link
   * straight to it; `undefined` for a month with no incidents.
   */
  page: number | undefined;
  /** The id of the month's heading on that page. */
  anchor: string;
}

export interface YearGroup {
  year: number;
  /** The year's incidents, newest first: the order of its list. */
  incidents: Incident[];
  figures: Figures;
  /** All twelve months, January first, quiet ones with a count of 0. */
  months: MonthEntry[];
}

/** The order `/years/` lists years in, as its caption says it. */
export const YEAR_ORDER = 'newest year first';

/** The heading id of a month on its year's page: `month-2024-05`. */
export const monthAnchor = (key: string) => `month-${key}`;

/** "May 2024" for `2024-05`. */
export function monthHeading(key: string): string {
  const [year, month] = key.split('-') as [string, string];
  return `${monthName(month)} ${year}`;
}

/** Every year with an incident, newest first, with its months, read in `timeZone`. */
export function yearGroups(
  incidents: readonly Incident[],
  timeZone: string,
  pageSize: number = PAGE_SIZE,
): YearGroup[] {
  const byYear = Map.groupBy(incidents, (incident) => yearIn(incident.data.startedAt, timeZone));
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => {
      const sorted = [...list].sort(byNewest);
      const firstIndex = new Map<string, number>();
      const counts = new Map<string, number>();
      sorted.forEach((incident, index) => {
        const key = monthKey(incident.data.startedAt, timeZone);
        if (!firstIndex.has(key)) firstIndex.set(key, index);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
      const months = MONTHS.map((month) => {
        const key = `${year}-${month}`;
        const index = firstIndex.get(key);
        return {
          key,
          month,
          label: monthHeading(key),
          count: counts.get(key) ?? 0,
          page: index === undefined ? undefined : Math.floor(index / pageSize) + 1,
          anchor: monthAnchor(key),
        };
      });
      return { year, incidents: sorted, figures: figuresOf(sorted), months };
    });
}

/** A run of one month's incidents on a page of a year's list. */
export interface MonthSection {
  key: string;
  label: string;
  anchor: string;
  incidents: Incident[];
  /** The month began on an earlier page: its heading says "continued". */
  continued: boolean;
}

/**
 * A page of a year's list (newest first) cut into its months, in the page's order. `before`
 * is the incident just before the page, if any, to tell whether the first month carries on
 * from the previous page.
 */
export function monthSections(
  incidents: readonly Incident[],
  timeZone: string,
  before?: Incident,
): MonthSection[] {
  const sections: MonthSection[] = [];
  const previousKey = before ? monthKey(before.data.startedAt, timeZone) : undefined;
  for (const incident of incidents) {
    const key = monthKey(incident.data.startedAt, timeZone);
    const current = sections.at(-1);
    if (current?.key === key) current.incidents.push(incident);
    else
      sections.push({
        key,
        label: monthHeading(key),
        anchor: monthAnchor(key),
        incidents: [incident],
        continued: sections.length === 0 && previousKey === key,
      });
  }
  return sections;
}
