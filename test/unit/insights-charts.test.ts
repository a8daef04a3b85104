import { describe, expect, it } from 'vitest';
import { linearAxis } from '../../src/lib/insights/charts/axis';
import { durationUnit } from '../../src/lib/insights/charts/duration-unit';
import { horizontalBars } from '../../src/lib/insights/charts/horizontal-bars';
import { rangeBars } from '../../src/lib/insights/charts/range-bars';
import { rowLabels } from '../../src/lib/insights/charts/row-labels';
import { stackedBars, type StackCategory } from '../../src/lib/insights/charts/stacked-bars';

/** The value, failing the test if it is missing. */
function defined<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}

describe('linearAxis', () => {
  it('extends the domain to a nice end and places d3’s ticks along the range', () => {
    const { scale, ticks } = linearAxis(37, [0, 100]);
    expect(scale.domain()).toEqual([0, 40]);
    expect(ticks.map((tick) => tick.value)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks.map((tick) => tick.position)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks.map((tick) => tick.label)).toEqual(['0', '10', '20', '30', '40']);
  });

  it('never ticks fractions of a count', () => {
    for (const max of [1, 2, 3, 7]) {
      const { ticks } = linearAxis(max, [200, 0], { integers: true });
      expect(
        ticks.every((tick) => Number.isInteger(tick.value)),
        `max ${max}`,
      ).toBe(true);
      expect(ticks.at(-1)?.value).toBeGreaterThanOrEqual(max);
    }
    expect(linearAxis(2, [200, 0], { integers: true }).ticks.map((tick) => tick.value)).toEqual([0, 1, 2]);
  });

  it('formats fractional ticks with the decimals they need', () => {
    expect(linearAxis(1.2, [0, 100]).ticks.map((tick) => tick.label)).toEqual([
      '0.0',
      '0.2',
      '0.4',
      '0.6',
      '0.8',
      '1.0',
      '1.2',
    ]);
  });

  it('still spans 0 to 1 when every value is 0', () => {
    const { scale, ticks } = linearAxis(0, [0, 100], { integers: true });
    expect(scale.domain()).toEqual([0, 1]);
    expect(ticks.map((tick) => tick.value)).toEqual([0, 1]);
  });
});

describe('durationUnit', () => {
  it('counts in minutes up to two hours, hours up to three days, then days', () => {
    expect(durationUnit(0).name).toBe('minutes');
    expect(durationUnit(120).name).toBe('minutes');
    expect(durationUnit(121).name).toBe('hours');
    expect(durationUnit(72 * 60).name).toBe('hours');
    expect(durationUnit(72 * 60 + 1)).toEqual({ name: 'days', minutes: 1440 });
  });
});

describe('rowLabels', () => {
  it('sizes the column for the longest label', () => {
    expect(rowLabels(['Q1 2024', 'Q2 2024']).width).toBeLessThan(rowLabels(['Third-party dependency']).width);
  });

  it('cuts a label too long for the widest column with an ellipsis, and keeps short ones', () => {
    const long = 'A very long root-cause category label that cannot fit';
    const { texts } = rowLabels([long, 'Network']);
    expect(texts[0]?.endsWith('…')).toBe(true);
    expect(defined(texts[0]).length).toBeLessThan(long.length);
    expect(texts[1]).toBe('Network');
  });
});

describe('stackedBars', () => {
  const series = [
    { id: 'SEV1', shade: 1 },
    { id: 'SEV2', shade: 2 },
  ];
  const month = (key: string, values: Record<string, number>, group = '2024'): StackCategory => ({
    key,
    label: key.slice(5),
    group,
    values,
  });
  const categories = [
    month('2023-12', { SEV1: 1 }, '2023'),
    month('2024-01', {}),
    month('2024-02', { SEV1: 2, SEV2: 1 }),
  ];
  const layout = stackedBars(categories, series);

  it('stacks the first series at the bottom, each segment as tall as its count', () => {
    const bar = defined(layout.bars[2]);
    expect(bar.total).toBe(3);
    const sev1 = defined(bar.segments[0]);
    const sev2 = defined(bar.segments[1]);
    expect(sev1.seriesId).toBe('SEV1');
    expect(sev1.y + sev1.height).toBeCloseTo(layout.plot.bottom, 1);
    expect(sev2.y + sev2.height).toBeCloseTo(sev1.y, 1);
    expect(sev1.height).toBeCloseTo(2 * sev2.height, 1);
  });

  it('draws an empty month as a bar with no segments', () => {
    expect(layout.bars[1]?.total).toBe(0);
    expect(layout.bars[1]?.segments).toEqual([]);
  });

  it('puts the bars left to right in order, each in its own slot', () => {
    const xs = layout.bars.map((bar) => bar.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const [first, second] = [defined(layout.bars[0]), defined(layout.bars[1])];
    expect(first.x + first.width).toBeLessThan(second.x);
  });

  it('uses whole-number ticks that reach the tallest bar', () => {
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([0, 1, 2, 3]);
  });

  it('prints the group line (the year) wherever it changes', () => {
    expect(layout.xLabels.map((label) => label.group)).toEqual(['2023', '2024', undefined]);
  });

  it('grows wider for many months and thins their labels out', () => {
    const many = Array.from({ length: 60 }, (_, index): StackCategory => ({
      key: `m${index}`,
      label: `M${index % 12}`,
      group: String(2020 + Math.floor(index / 12)),
      values: { SEV1: 1 },
    }));
    const wide = stackedBars(many, series);
    expect(wide.width).toBeGreaterThan(640);
    const labelled = wide.xLabels.filter((label) => label.text !== '');
    expect(labelled.length).toBeLessThan(60);
    expect(labelled.length).toBeGreaterThan(10);
    // Every year still gets its line.
    expect(wide.xLabels.filter((label) => label.group).map((label) => label.group)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
  });
});

describe('horizontalBars', () => {
  const layout = horizontalBars([
    { id: 'hardware', label: 'Hardware', minutes: 900 },
    { id: 'deploy', label: 'Bad deploy', minutes: 135 },
    { id: 'empty', label: 'Capacity', minutes: 0 },
  ]);

  it('counts in hours when the longest bar is hours long, with nice ticks in that unit', () => {
    // 900 minutes = 15 hours; d3 makes that 0 to 20 in steps of 5.
    expect(layout.unit.name).toBe('hours');
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 5, 10, 15, 20]);
  });

  it('makes bar lengths proportional to their minutes, top to bottom in order', () => {
    const [hardware, deploy, empty] = layout.bars.map(defined);
    expect(defined(hardware).width / defined(deploy).width).toBeCloseTo(900 / 135, 2);
    expect(defined(empty).width).toBe(0);
    expect(defined(hardware).y).toBeLessThan(defined(deploy).y);
  });
});

describe('rangeBars', () => {
  const series = [
    { id: 'detect', label: 'Detect' },
    { id: 'resolve', label: 'Resolve' },
  ] as const;
  const figures: Record<
    string,
    Record<string, { count: number; median: number | null; p90: number | null }>
  > = {
    sev1: { detect: { count: 2, median: 10, p90: 20 }, resolve: { count: 2, median: 60, p90: 90 } },
    sev2: { detect: { count: 0, median: null, p90: null }, resolve: { count: 0, median: null, p90: null } },
  };
  const layout = rangeBars(
    [
      { id: 'sev1', label: 'SEV1' },
      { id: 'sev2', label: 'SEV2' },
    ],
    series,
    (row, metric) => figures[row]?.[metric],
  );

  it('draws each series’ bar to its median and whisker to its p90 on one shared axis', () => {
    const bars = defined(layout.groups[0]).bars;
    const detect = defined(bars[0]);
    const resolve = defined(bars[1]);
    const left = layout.plot.left;
    expect(layout.unit.name).toBe('minutes');
    expect((resolve.medianX - left) / (detect.medianX - left)).toBeCloseTo(6, 5);
    expect(resolve.p90X).toBeGreaterThan(resolve.medianX);
    expect(detect.y).toBeLessThan(resolve.y);
  });

  it('marks a group with no data instead of drawing zero-length bars', () => {
    expect(layout.groups[1]).toMatchObject({ empty: true, bars: [] });
    expect(defined(layout.groups[1]).top).toBeGreaterThan(defined(layout.groups[0]).top);
  });
});
