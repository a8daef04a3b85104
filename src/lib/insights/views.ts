import { monthLabel, quarterLabel } from '../calendar';
import { NOUNS, plural, severityRank } from '../labels';
import { formatDate } from '../time';
import type { Summary } from '../stats';
import type { Insights } from './build-insights';
import type { DurationRow } from './charts/horizontal-bars';
import type { StackCategory, StackSeries } from './charts/stacked-bars';
import { METRIC_IDS, METRICS, type MetricId } from './metrics';
import { countChange, formatMinutes, formatShare } from './text';

/**
 * What the `/insights/` charts and tables are drawn from, read off the one `Insights` object
 * (never recomputed), so the page shows exactly the figures `/api/insights.json` serves.
 */

/** One row of a response-time chart and table: a group and its three metrics. */
export interface ResponseRow {
  id: string;
  label: string;
  figures: Record<MetricId, Summary>;
  /** How many incidents the group has, where the table shows it (per quarter). */
  incidents?: number;
}

/** The metrics as chart series, in order: detect, mitigate, resolve. */
export const METRIC_SERIES = METRIC_IDS.map((id) => ({ id, label: METRICS[id].label }));

/**
 * The row id of "all incidents" in a chart that also has severities. Taxonomy ids are letters,
 * digits and hyphens, so this can never be one of them.
 */
export const ALL_ROW = '*';

const figuresOf = (pick: (metric: MetricId) => Summary | undefined) =>
  Object.fromEntries(
    METRIC_IDS.map((metric) => [metric, pick(metric) ?? { count: 0, median: null, p90: null }]),
  ) as Record<MetricId, Summary>;

/** All incidents, then each severity in the taxonomy's order. */
export function responseBySeverity(insights: Insights): ResponseRow[] {
  return [
    { id: ALL_ROW, label: 'All incidents', figures: figuresOf((metric) => insights[metric].all) },
    ...insights.severities.map(({ id, label }) => ({
      id,
      label,
      figures: figuresOf((metric) => insights[metric].bySeverity[id]),
    })),
  ];
}

/** Each root cause in the taxonomy's order, empty ones included. */
export function responseByRootCause(insights: Insights): ResponseRow[] {
  return insights.rootCauses.map(({ id, label }) => ({
    id,
    label,
    figures: figuresOf((metric) => insights[metric].byRootCause[id]),
  }));
}

/**
 * How far back the page's monthly chart and quarterly figures go. A review asks about the
 * recent trend; twelve years of months and quarters made `/insights/` 37 kB compressed at ten
 * thousand incidents, over the 30 kB every page keeps to, in a chart too dense to read. The
 * whole history stays in `/api/insights.json` and on the per-year pages.
 */
export const SHOWN_MONTHS = 24;
export const SHOWN_QUARTERS = 12;

const shownMonths = (insights: Insights) => insights.incidentsPerMonth.slice(-SHOWN_MONTHS);
const shownQuarters = (insights: Insights) => insights.quarters.slice(-SHOWN_QUARTERS);

/** Each of the last `SHOWN_QUARTERS` quarters, oldest first, with its incident count. */
export function responseByQuarter(insights: Insights): ResponseRow[] {
  return shownQuarters(insights).map((quarter) => ({
    id: quarter.quarter,
    label: quarterLabel(quarter.quarter),
    figures: figuresOf((metric) => quarter[metric]),
    incidents: quarter.incidents,
  }));
}

/**
 * The monthly chart's bars, the last `SHOWN_MONTHS`: "Mar" under each, the year where it
 * changes, "Mar 2024" in the table.
 */
export function monthlyCategories(insights: Insights): (StackCategory & { name: string })[] {
  return shownMonths(insights).map(({ month, bySeverity }) => {
    const name = monthLabel(month);
    const [short = month, year = ''] = name.split(' ');
    return { key: month, name, label: short, group: year, values: bySeverity };
  });
}

/** The severities as stack series, most severe at the bottom, each with its badge shade. */
export function severitySeries(insights: Insights): (StackSeries & { label: string })[] {
  return insights.severities.map(({ id, label }) => ({
    id,
    label,
    shade: severityRank(id, insights.severities),
  }));
}

/** One row of the impact table. */
export interface ImpactRow extends DurationRow {
  incidents: number;
  counted: number;
  /** This category's part of all impact time, 0 to 1; `null` when there is none at all. */
  share: number | null;
}

/** Impact time per root cause, in the taxonomy's order. */
export function impactRows(insights: Insights): ImpactRow[] {
  const total = Object.values(insights.impactByRootCause).reduce((sum, entry) => sum + entry.totalMinutes, 0);
  return insights.rootCauses.map(({ id, label }) => {
    const entry = insights.impactByRootCause[id] ?? { incidents: 0, counted: 0, totalMinutes: 0 };
    return {
      id,
      label,
      minutes: entry.totalMinutes,
      incidents: entry.incidents,
      counted: entry.counted,
      share: total > 0 ? entry.totalMinutes / total : null,
    };
  });
}

/** One headline figure of the review: a term, its value and a line of context. */
export interface HeadlineItem {
  id: 'this-quarter' | 'last-quarter' | 'time-to-resolve' | 'misleading' | 'open-tasks';
  term: string;
  value: string;
  note: string;
}

/**
 * The figures a quarterly reliability review opens with: incidents this quarter against last
 * quarter, the median time to resolve this quarter against last, how often responders were
 * misled, and the follow-up work still open.
 */
export function headlineItems(insights: Insights): HeadlineItem[] {
  const { current, previous } = insights.quarterOverQuarter;
  const items: HeadlineItem[] = [];
  if (current) {
    const label = quarterLabel(current.quarter);
    const soFar = insights.generatedFrom.asOf ? `${label} so far` : label;
    items.push({
      id: 'this-quarter',
      term: 'Incidents this quarter',
      value: String(current.incidents),
      note: previous
        ? `${soFar}; ${countChange(current.incidents, previous.incidents, 'last quarter')}`
        : soFar,
    });
    if (previous) {
      items.push({
        id: 'last-quarter',
        term: 'Incidents last quarter',
        value: String(previous.incidents),
        note: quarterLabel(previous.quarter),
      });
    }
    const lastMedian = previous?.timeToResolve.median ?? null;
    items.push({
      id: 'time-to-resolve',
      term: 'Median time to resolve this quarter',
      value: formatMinutes(current.timeToResolve.median),
      note: previous
        ? `Last quarter: ${formatMinutes(lastMedian)}`
        : `All incidents: ${formatMinutes(insights.timeToResolve.all.median)}`,
    });
  }
  const misled = insights.misleadingPaths;
  items.push({
    id: 'misleading',
    term: 'Incidents with a misleading path',
    value: formatShare(misled.share),
    note:
      misled.withTimeline === 0
        ? 'No postmortem has a timeline yet'
        : `${misled.withMisleadingPath} of ${plural(misled.withTimeline, NOUNS.incident)} with a timeline`,
  });
  items.push({
    id: 'open-tasks',
    term: 'Open follow-up tasks',
    value: String(insights.followUp.openTasks),
    note: 'Open or in progress, across all incidents',
  });
  return items;
}

/** The span the time series cover, in words, for chart descriptions and the page's opening. */
export interface Periods {
  /** "Jan 2024 to Jul 2024"; empty with no incidents. */
  months: string;
  /** "Q1 2024 to Q3 2024"; empty with no incidents. */
  quarters: string;
  /** The build date the series run up to, "15 Jul 2024"; `undefined` if none was given. */
  asOf: string | undefined;
  /** The series go back further than the page shows (`SHOWN_MONTHS`, `SHOWN_QUARTERS`). */
  shortened: boolean;
}

/** The periods of `insights`' series the page shows, in words. */
export function periods(insights: Insights): Periods {
  const span = <T>(list: readonly T[], key: (item: T) => string, label: (key: string) => string) => {
    const first = list[0];
    const last = list.at(-1);
    return first && last ? `${label(key(first))} to ${label(key(last))}` : '';
  };
  const { asOf } = insights.generatedFrom;
  return {
    months: span(shownMonths(insights), (entry) => entry.month, monthLabel),
    quarters: span(shownQuarters(insights), (entry) => entry.quarter, quarterLabel),
    asOf: asOf ? formatDate(new Date(`${asOf}T12:00:00Z`), 'UTC') : undefined,
    shortened: insights.incidentsPerMonth.length > SHOWN_MONTHS || insights.quarters.length > SHOWN_QUARTERS,
  };
}
