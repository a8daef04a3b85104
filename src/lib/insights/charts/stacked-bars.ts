import { scaleBand } from 'd3-scale';
import { linearAxis, px, type Tick } from './axis';

/**
 * Geometry of a vertical stacked bar chart, such as incidents per month stacked by severity:
 * everything the SVG template needs, computed here so the template only draws.
 */

/** One series of the stack (a severity), bottom first. */
export interface StackSeries {
  id: string;
  /** Its colour shade, 1 to `SEVERITY_SHADES`, as the severity badges use. */
  shade: number;
}

/** One bar (a month). */
export interface StackCategory {
  key: string;
  /** Under the bar, such as "Mar". */
  label: string;
  /** A second line shown where it changes from the bar before, such as the year. */
  group: string;
  /** Value per series id; missing ids count as 0. */
  values: Readonly<Record<string, number>>;
}

export interface StackSegment {
  seriesId: string;
  shade: number;
  value: number;
  y: number;
  height: number;
  /** Whether the segment is big enough to print its value inside. */
  labelled: boolean;
}

export interface StackBar {
  key: string;
  x: number;
  width: number;
  /** The bar's centre, for labels. */
  centre: number;
  total: number;
  /** The top of the stack, for the total above it. */
  top: number;
  segments: StackSegment[];
}

export interface AxisLabel {
  x: number;
  text: string;
  /** The group line (year) when it starts here. */
  group?: string;
}

export interface StackedBarsLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: Tick[];
  bars: StackBar[];
  xLabels: AxisLabel[];
}

/** The narrowest a bar's slot may get before the chart grows wider (and scrolls on a phone). */
const MIN_SLOT = 16;
/** The width a category label needs; labels thin out when slots are narrower. */
const LABEL_WIDTH = 30;
const MARGIN = { top: 20, right: 12, bottom: 48, left: 52 };
const PLOT_HEIGHT = 220;
/** Smallest segment that gets its value printed inside. */
const LABEL_MIN = { height: 16, width: 14 };

/**
 * Lays out `categories` as bars stacked from `series` (first series at the bottom), at least
 * `minWidth` wide. Labels under the bars thin out to every n-th when slots are too narrow for
 * each; the group line (the year) is printed wherever it changes.
 */
export function stackedBars(
  categories: readonly StackCategory[],
  series: readonly StackSeries[],
  { minWidth = 640 }: { minWidth?: number } = {},
): StackedBarsLayout {
  const width = Math.max(minWidth, MARGIN.left + MARGIN.right + categories.length * MIN_SLOT);
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: MARGIN.top + PLOT_HEIGHT,
  };
  const totals = categories.map((category) =>
    series.reduce((sum, entry) => sum + (category.values[entry.id] ?? 0), 0),
  );
  const { scale: y, ticks } = linearAxis(Math.max(0, ...totals), [plot.bottom, plot.top], { integers: true });
  const x = scaleBand()
    .domain(categories.map((category) => category.key))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const band = x.bandwidth();
  const every = Math.max(1, Math.ceil(LABEL_WIDTH / x.step()));

  const bars = categories.map((category, index): StackBar => {
    const left = x(category.key) ?? plot.left;
    let base = 0;
    const segments = series
      .map((entry) => ({ entry, value: category.values[entry.id] ?? 0 }))
      .filter(({ value }) => value > 0)
      .map(({ entry, value }): StackSegment => {
        const top = y(base + value);
        const bottom = y(base);
        base += value;
        return {
          seriesId: entry.id,
          shade: entry.shade,
          value,
          y: px(top),
          height: px(bottom - top),
          labelled: bottom - top >= LABEL_MIN.height && band >= LABEL_MIN.width,
        };
      });
    const total = totals[index] ?? 0;
    return {
      key: category.key,
      x: px(left),
      width: px(band),
      centre: px(left + band / 2),
      total,
      top: px(y(total)),
      segments,
    };
  });

  const xLabels = categories.flatMap((category, index): AxisLabel[] => {
    const centre = bars[index]?.centre ?? 0;
    const newGroup = index === 0 || categories[index - 1]?.group !== category.group;
    const labelled = index % every === 0;
    if (!labelled && !newGroup) return [];
    return [
      { x: centre, text: labelled ? category.label : '', ...(newGroup ? { group: category.group } : {}) },
    ];
  });

  return { width, height, plot, yTicks: ticks, bars, xLabels };
}
