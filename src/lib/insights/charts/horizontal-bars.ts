import { scaleBand } from 'd3-scale';
import { linearAxis, px, type Tick } from './axis';
import { durationUnit, type DurationUnit } from './duration-unit';
import { rowLabels } from './row-labels';

/**
 * Geometry of a horizontal bar chart of durations, such as total impact time per root cause:
 * one bar per row, on an axis in minutes, hours or days, whichever suits the longest bar.
 */

export interface DurationRow {
  id: string;
  label: string;
  /** The bar's length in minutes. */
  minutes: number;
}

export interface HorizontalBar {
  id: string;
  /** The row label, cut to fit the label column. */
  label: string;
  /** The row's centre line, for its label. */
  centre: number;
  y: number;
  height: number;
  x: number;
  width: number;
  minutes: number;
}

export interface HorizontalBarsLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The unit the axis counts in; tick values are in it. */
  unit: DurationUnit;
  ticks: Tick[];
  bars: HorizontalBar[];
}

const WIDTH = 640;
const ROW = 28;
/** Room right of the longest bar for its printed value. */
const MARGIN = { top: 12, right: 96, bottom: 44 };

/** Lays out one bar per row, in the rows' order, top to bottom. */
export function horizontalBars(rows: readonly DurationRow[]): HorizontalBarsLayout {
  const labels = rowLabels(rows.map((row) => row.label));
  const plot = {
    left: labels.width,
    top: MARGIN.top,
    right: WIDTH - MARGIN.right,
    bottom: MARGIN.top + Math.max(1, rows.length) * ROW,
  };
  const unit = durationUnit(Math.max(0, ...rows.map((row) => row.minutes)));
  const { scale: x, ticks } = linearAxis(Math.max(0, ...rows.map((row) => row.minutes / unit.minutes)), [
    plot.left,
    plot.right,
  ]);
  const y = scaleBand()
    .domain(rows.map((row) => row.id))
    .range([plot.top, plot.bottom])
    .padding(0.25);
  const bars = rows.map((row, index): HorizontalBar => {
    const top = y(row.id) ?? plot.top;
    return {
      id: row.id,
      label: labels.texts[index] ?? row.label,
      centre: px(top + y.bandwidth() / 2),
      y: px(top),
      height: px(y.bandwidth()),
      x: plot.left,
      width: px(x(row.minutes / unit.minutes) - plot.left),
      minutes: row.minutes,
    };
  });
  return { width: WIDTH, height: plot.bottom + MARGIN.bottom, plot, unit, ticks, bars };
}
