import { scaleLinear, type ScaleLinear } from 'd3-scale';

/**
 * The value axes of the insights charts. Scales, "nice" domain ends, tick values and their
 * number format all come from `d3-scale`, so the charts never carry hand-written tick logic.
 */

/** One tick: its value, where it sits along the axis, and its label. */
export interface Tick {
  value: number;
  position: number;
  label: string;
}

/** A linear value axis from 0 to at least `max`, with its ticks. */
export interface LinearAxis {
  scale: ScaleLinear<number, number>;
  ticks: Tick[];
}

/** About how many ticks an axis gets; few enough to stay legible at phone width. */
export const TICK_COUNT = 5;

/** Rounds a coordinate to hundredths of a unit: SVG does not need more, and the output stays stable. */
export const px = (value: number) => Math.round(value * 100) / 100;

/**
 * A linear axis from 0 to `max` (extended to a nice round end) over `range`. With `integers`,
 * as for counts of incidents, it asks for no more ticks than the maximum, which keeps d3's
 * steps at 1 or more, so no axis says "0.5 incidents". An all-zero axis still spans 0 to 1.
 */
export function linearAxis(
  max: number,
  range: [number, number],
  { integers = false }: { integers?: boolean } = {},
): LinearAxis {
  const top = max > 0 ? max : 1;
  const count = integers ? Math.max(1, Math.min(TICK_COUNT, Math.ceil(top))) : TICK_COUNT;
  const scale = scaleLinear().domain([0, top]).range(range).nice(count);
  const format = scale.tickFormat(count);
  const ticks = scale
    .ticks(count)
    .map((value) => ({ value, position: px(scale(value)), label: format(value) }));
  return { scale, ticks };
}
