import { scaleBand } from 'd3-scale';
import type { Summary } from '../../stats';
import { linearAxis, px, type Tick } from './axis';
import { durationUnit, type DurationUnit } from './duration-unit';
import { rowLabels } from './row-labels';

/**
 * Geometry of a response-time chart: for each group (a severity, a root cause, a quarter) one
 * thin bar per metric (detect, mitigate, resolve) running from 0 to the median, with a whisker
 * on to the 90th percentile. Median and p90 rather than a mean, because incident durations are
 * long-tailed (see `src/lib/stats.ts`); the whisker shows how bad the bad ones get.
 */

export interface RangeRow {
  id: string;
  label: string;
}

export interface RangeSeries<S extends string = string> {
  id: S;
  label: string;
}

export interface RangeBar {
  seriesId: string;
  /** The series' place, 0 first, which picks its fill. */
  seriesIndex: number;
  y: number;
  height: number;
  /** The bar's centre line, for the whisker. */
  centre: number;
  /** Where the median bar ends (it starts at the plot's left edge). */
  medianX: number;
  /** Where the whisker ends. */
  p90X: number;
  count: number;
}

export interface RangeGroup {
  id: string;
  /** The row label, cut to fit the label column. */
  label: string;
  /** The group's centre line, for its label. */
  centre: number;
  /** The top of the group's slot, for a separator line. */
  top: number;
  /** One bar per series with data; a series with no incidents counted has none. */
  bars: RangeBar[];
  /** Whether no series has data, so the template can say so in the row. */
  empty: boolean;
}

export interface RangeBarsLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  unit: DurationUnit;
  ticks: Tick[];
  groups: RangeGroup[];
}

const WIDTH = 640;
const BAR = 9;
const GAP = 3;
const GROUP_PADDING = 12;
const MARGIN = { top: 8, right: 56, bottom: 44 };

/**
 * Lays out `rows` top to bottom, each with a bar per `series` (in order), from the summaries
 * `summaryOf(row, series)` returns, on one axis for the whole chart so groups compare.
 */
export function rangeBars<S extends string>(
  rows: readonly RangeRow[],
  series: readonly RangeSeries<S>[],
  summaryOf: (rowId: string, seriesId: S) => Summary | undefined,
): RangeBarsLayout {
  const labels = rowLabels(rows.map((row) => row.label));
  const slot = series.length * BAR + Math.max(0, series.length - 1) * GAP + GROUP_PADDING * 2;
  const plot = {
    left: labels.width,
    top: MARGIN.top,
    right: WIDTH - MARGIN.right,
    bottom: MARGIN.top + Math.max(1, rows.length) * slot,
  };
  const summaries = rows.flatMap((row) => series.map((entry) => summaryOf(row.id, entry.id)));
  const longest = Math.max(0, ...summaries.map((summary) => summary?.p90 ?? 0));
  const unit = durationUnit(longest);
  const { scale: x, ticks } = linearAxis(longest / unit.minutes, [plot.left, plot.right]);
  const y = scaleBand()
    .domain(rows.map((row) => row.id))
    .range([plot.top, plot.bottom]);

  const groups = rows.map((row, rowIndex): RangeGroup => {
    const top = y(row.id) ?? plot.top;
    const bars = series.flatMap((entry, seriesIndex): RangeBar[] => {
      const summary = summaryOf(row.id, entry.id);
      if (!summary || summary.median === null || summary.p90 === null) return [];
      const barTop = top + GROUP_PADDING + seriesIndex * (BAR + GAP);
      return [
        {
          seriesId: entry.id,
          seriesIndex,
          y: px(barTop),
          height: BAR,
          centre: px(barTop + BAR / 2),
          medianX: px(x(summary.median / unit.minutes)),
          p90X: px(x(summary.p90 / unit.minutes)),
          count: summary.count,
        },
      ];
    });
    return {
      id: row.id,
      label: labels.texts[rowIndex] ?? row.label,
      centre: px(top + y.bandwidth() / 2),
      top: px(top),
      bars,
      empty: bars.length === 0,
    };
  });
  return { width: WIDTH, height: plot.bottom + MARGIN.bottom, plot, unit, ticks, groups };
}
