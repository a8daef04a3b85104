import { describe, expect, it } from 'vitest';
import {
  monthKey,
  monthLabel,
  monthRange,
  quarterKey,
  quarterLabel,
  quarterRange,
  yearIn,
} from '../../src/lib/calendar';

describe('monthKey and quarterKey', () => {
  it('read the month on the zone’s calendar: 23:30 on 31 March in New York is still March there', () => {
    const lateEvening = new Date('2024-03-31T23:30:00-04:00');
    expect(monthKey(lateEvening, 'America/New_York')).toBe('2024-03');
    expect(quarterKey(lateEvening, 'America/New_York')).toBe('2024-Q1');
    // The same instant is 03:30 on 1 April in UTC.
    expect(monthKey(lateEvening, 'UTC')).toBe('2024-04');
    expect(quarterKey(lateEvening, 'UTC')).toBe('2024-Q2');
  });

  it('default to UTC', () => {
    const instant = new Date('2024-03-31T23:30:00-04:00');
    expect(monthKey(instant)).toBe('2024-04');
    expect(quarterKey(instant)).toBe('2024-Q2');
  });

  it('move a zone ahead of UTC into the next month and quarter early', () => {
    // 20:00 UTC on 30 June is 05:00 on 1 July in Tokyo (UTC+9).
    const evening = new Date('2024-06-30T20:00:00Z');
    expect(monthKey(evening, 'Asia/Tokyo')).toBe('2024-07');
    expect(quarterKey(evening, 'Asia/Tokyo')).toBe('2024-Q3');
    expect(quarterKey(evening, 'UTC')).toBe('2024-Q2');
  });

  it('keep the year on the zone’s calendar across New Year', () => {
    // 02:00 UTC on 1 January 2025 is still 31 December 2024 in Los Angeles.
    const newYear = new Date('2025-01-01T02:00:00Z');
    expect(monthKey(newYear, 'America/Los_Angeles')).toBe('2024-12');
    expect(quarterKey(newYear, 'America/Los_Angeles')).toBe('2024-Q4');
    expect(yearIn(newYear, 'America/Los_Angeles')).toBe(2024);
    expect(yearIn(newYear)).toBe(2025);
  });

  it('handle month ends and leap days', () => {
    expect(monthKey(new Date('2024-01-31T23:59:59Z'))).toBe('2024-01');
    expect(monthKey(new Date('2024-02-01T00:00:00Z'))).toBe('2024-02');
    expect(monthKey(new Date('2024-02-29T12:00:00Z'))).toBe('2024-02');
    expect(quarterKey(new Date('2024-09-30T23:59:59Z'))).toBe('2024-Q3');
    expect(quarterKey(new Date('2024-10-01T00:00:00Z'))).toBe('2024-Q4');
  });

  it('follow daylight saving: the first hour of a month after a change is still that month', () => {
    // Summer time in Berlin ended on 27 October 2024: 22:30 UTC on 31 October is 23:30 there (UTC+1).
    expect(monthKey(new Date('2024-10-31T22:30:00Z'), 'Europe/Berlin')).toBe('2024-10');
    // 22:30 UTC on 31 May is 00:30 on 1 June in Berlin summer time.
    expect(monthKey(new Date('2024-05-31T22:30:00Z'), 'Europe/Berlin')).toBe('2024-06');
  });
});

describe('monthRange and quarterRange', () => {
  it('list every month in between, across a year end', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('list one month when first and last are the same, and none when they are reversed', () => {
    expect(monthRange('2024-05', '2024-05')).toEqual(['2024-05']);
    expect(monthRange('2024-05', '2024-04')).toEqual([]);
  });

  it('list every quarter in between, across a year end', () => {
    expect(quarterRange('2023-Q3', '2024-Q2')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quarterRange('2024-Q2', '2024-Q2')).toEqual(['2024-Q2']);
    expect(quarterRange('2024-Q2', '2024-Q1')).toEqual([]);
  });
});

describe('labels', () => {
  it('say months and quarters as people write them', () => {
    expect(monthLabel('2024-05')).toBe('May 2024');
    expect(monthLabel('2023-12')).toBe('Dec 2023');
    expect(quarterLabel('2024-Q2')).toBe('Q2 2024');
  });
});
