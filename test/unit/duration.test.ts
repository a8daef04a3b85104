import { describe, expect, it } from 'vitest';
import {
  DURATION_TOLERANCE_MS,
  elapsed,
  formatDuration,
  formatDurationShort,
  parseIsoDuration,
  toIsoDuration,
} from '../../src/lib/duration';
import { formatDateTime } from '../../src/lib/time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseIsoDuration', () => {
  it.each([
    ['PT3H30M', 3 * HOUR + 30 * MINUTE],
    ['PT45M', 45 * MINUTE],
    ['PT90M', 90 * MINUTE],
    ['PT30S', 30 * SECOND],
    ['PT0S', 0],
    ['P1D', DAY],
    ['P1DT2H', DAY + 2 * HOUR],
    ['P2W', 14 * DAY],
    ['PT1.5H', 90 * MINUTE],
  ])('reads %s', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each(['P1Y', 'P2M', 'P1Y2M3D', 'P', 'PT', 'P1DT', '', '3h30m', 'pt3h', 'PT-1H', 'T3H'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDuration(text)).toBeUndefined();
    },
  );
});

describe('toIsoDuration', () => {
  it.each([
    [3 * HOUR + 30 * MINUTE, 'PT3H30M'],
    [DAY + 2 * HOUR, 'P1DT2H'],
    [2 * DAY, 'P2D'],
    [45 * SECOND, 'PT45S'],
    [0, 'PT0S'],
    [-5 * MINUTE, 'PT0S'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(toIsoDuration(ms)).toBe(text);
  });

  it('round-trips through parseIsoDuration', () => {
    const ms = 2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND;
    expect(parseIsoDuration(toIsoDuration(ms))).toBe(ms);
  });
});

describe('elapsed', () => {
  it('is the time between two instants', () => {
    expect(elapsed(new Date('2024-05-09T08:00:00Z'), new Date('2024-05-09T11:30:00Z'))).toBe(3.5 * HOUR);
  });

  it('counts real time across a DST change, not the wall clock', () => {
    // In America/Los_Angeles the clocks jump from 02:00 PST to 03:00 PDT on 10 March 2024.
    const start = new Date('2024-03-10T09:00:00Z');
    const end = new Date('2024-03-10T11:00:00Z');
    expect(formatDateTime(start, 'America/Los_Angeles')).toBe('10 Mar 2024, 01:00 PST');
    expect(formatDateTime(end, 'America/Los_Angeles')).toBe('10 Mar 2024, 04:00 PDT');
    expect(elapsed(start, end)).toBe(2 * HOUR);
    expect(formatDuration(elapsed(start, end))).toBe('2 hours');
  });

  it('counts the extra hour when DST ends', () => {
    // 01:30 PDT to 01:30 PST on 3 November 2024: the wall clock shows no time passing.
    const start = new Date('2024-11-03T01:30:00-07:00');
    const end = new Date('2024-11-03T01:30:00-08:00');
    expect(elapsed(start, end)).toBe(HOUR);
  });
});

describe('formatDuration', () => {
  it.each([
    [3.5 * HOUR, '3 hours 30 minutes'],
    [MINUTE, '1 minute'],
    [HOUR, '1 hour'],
    [HOUR + MINUTE, '1 hour 1 minute'],
    [45 * MINUTE, '45 minutes'],
    [0, '0 minutes'],
    [20 * SECOND, 'under a minute'],
    [DAY, '1 day'],
    [2 * DAY + 4 * HOUR, '2 days 4 hours'],
  ])('says %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('rounds to the minute', () => {
    expect(formatDuration(90 * SECOND)).toBe('2 minutes');
    expect(formatDuration(89 * SECOND)).toBe('1 minute');
  });

  it('keeps only the two largest units', () => {
    expect(formatDuration(DAY + 3 * HOUR + 12 * MINUTE + 5 * SECOND)).toBe('1 day 3 hours');
  });

  it('says 0 minutes for a negative duration', () => {
    expect(formatDuration(-HOUR)).toBe('0 minutes');
  });
});

describe('formatDurationShort', () => {
  it.each([
    [3.5 * HOUR, '3h 30m'],
    [2 * DAY + 4 * HOUR, '2d 4h'],
    [45 * MINUTE, '45m'],
    [0, '0m'],
    [DAY + 3 * HOUR + 12 * MINUTE, '1d 3h'],
  ])('writes %d ms as %j', (ms, text) => {
    expect(formatDurationShort(ms)).toBe(text);
  });
});

describe('DURATION_TOLERANCE_MS', () => {
  it('is one minute', () => {
    expect(DURATION_TOLERANCE_MS).toBe(MINUTE);
  });
});
