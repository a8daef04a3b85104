/**
 * The unit a duration axis counts in. Insights figures are in minutes, but an axis reading
 * "0, 500, 1,000, 1,500 minutes" says little; hours or days read at a glance.
 */
export interface DurationUnit {
  /** The unit's name, for axis titles: "minutes", "hours", "days". */
  name: 'minutes' | 'hours' | 'days';
  /** Minutes in one unit. */
  minutes: number;
}

export const DURATION_UNITS: readonly DurationUnit[] = [
  { name: 'minutes', minutes: 1 },
  { name: 'hours', minutes: 60 },
  { name: 'days', minutes: 1440 },
];

/**
 * The unit for an axis whose longest value is `maxMinutes`: minutes up to two hours, hours up
 * to three days, days beyond, so the tick labels stay small numbers.
 */
export function durationUnit(maxMinutes: number): DurationUnit {
  const [minutes, hours, days] = DURATION_UNITS as [DurationUnit, DurationUnit, DurationUnit];
  if (maxMinutes <= 120) return minutes;
  if (maxMinutes <= 72 * 60) return hours;
  return days;
}
