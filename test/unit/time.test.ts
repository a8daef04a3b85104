import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatTime,
  formatUtc,
  isoDateInZone,
  isUtcZone,
  zoneAbbreviation,
} from '../../src/lib/time';

const at = (iso: string) => new Date(iso);

describe('formatDateTime', () => {
  it('shows UTC by default', () => {
    expect(formatDateTime(at('2024-05-09T08:00:00Z'))).toBe('9 May 2024, 08:00 UTC');
  });

  it('shows Pacific Standard Time in February', () => {
    expect(formatDateTime(at('2024-02-22T23:00:00Z'), 'America/Los_Angeles')).toBe('22 Feb 2024, 15:00 PST');
  });

  it('shows Pacific Daylight Time in May', () => {
    expect(formatDateTime(at('2024-05-09T08:00:00Z'), 'America/Los_Angeles')).toBe('9 May 2024, 01:00 PDT');
  });

  it('shows India time at +05:30, on the next day when UTC is late in the evening', () => {
    expect(formatDateTime(at('2024-05-09T20:00:00Z'), 'Asia/Kolkata')).toBe('10 May 2024, 01:30 GMT+5:30');
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime(at('2024-05-09T23:45:00Z'))).toBe('9 May 2024, 23:45 UTC');
    expect(formatDateTime(at('2024-05-09T00:05:00Z'))).toBe('9 May 2024, 00:05 UTC');
  });
});

describe('zoneAbbreviation', () => {
  it('says UTC for UTC and Etc/UTC', () => {
    expect(zoneAbbreviation(at('2024-05-09T08:00:00Z'), 'UTC')).toBe('UTC');
    expect(zoneAbbreviation(at('2024-05-09T08:00:00Z'), 'Etc/UTC')).toBe('UTC');
  });

  it('follows daylight saving', () => {
    expect(zoneAbbreviation(at('2024-01-15T12:00:00Z'), 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation(at('2024-07-15T12:00:00Z'), 'America/New_York')).toBe('EDT');
  });

  it('falls back to a GMT offset for zones without a common abbreviation', () => {
    expect(zoneAbbreviation(at('2024-07-15T12:00:00Z'), 'Europe/Berlin')).toBe('GMT+2');
    expect(zoneAbbreviation(at('2024-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('GMT+1');
  });
});

describe('formatTime and formatDate', () => {
  it('show the time of day in the zone', () => {
    expect(formatTime(at('2024-05-09T08:00:00Z'))).toBe('08:00');
    expect(formatTime(at('2024-05-09T08:00:00Z'), 'Asia/Kolkata')).toBe('13:30');
    expect(formatTime(at('2024-05-09T00:00:00Z'))).toBe('00:00');
  });

  it('show the date in the zone', () => {
    expect(formatDate(at('2024-05-09T03:00:00Z'))).toBe('9 May 2024');
    expect(formatDate(at('2024-05-09T03:00:00Z'), 'America/Los_Angeles')).toBe('8 May 2024');
  });
});

describe('isoDateInZone', () => {
  it('is the UTC date by default', () => {
    expect(isoDateInZone(at('2024-05-09T23:59:00Z'))).toBe('2024-05-09');
  });

  it('moves to the next day east of UTC after local midnight', () => {
    expect(isoDateInZone(at('2024-05-09T18:29:00Z'), 'Asia/Kolkata')).toBe('2024-05-09');
    expect(isoDateInZone(at('2024-05-09T18:30:00Z'), 'Asia/Kolkata')).toBe('2024-05-10');
  });

  it('stays on the previous day west of UTC before local midnight', () => {
    expect(isoDateInZone(at('2024-05-09T03:00:00Z'), 'America/Los_Angeles')).toBe('2024-05-08');
    expect(isoDateInZone(at('2024-05-09T07:00:00Z'), 'America/Los_Angeles')).toBe('2024-05-09');
  });

  it('crosses a year boundary', () => {
    expect(isoDateInZone(at('2023-12-31T20:00:00Z'), 'Asia/Tokyo')).toBe('2024-01-01');
  });
});

describe('formatUtc', () => {
  it('writes the instant in UTC to the minute', () => {
    expect(formatUtc(at('2024-05-09T08:00:00Z'))).toBe('2024-05-09 08:00 UTC');
  });

  it('converts an instant written with an offset', () => {
    expect(formatUtc(at('2024-05-09T01:00:00-07:00'))).toBe('2024-05-09 08:00 UTC');
  });

  it('drops seconds rather than rounding them', () => {
    expect(formatUtc(at('2024-05-09T08:00:59.999Z'))).toBe('2024-05-09 08:00 UTC');
  });
});

describe('isUtcZone', () => {
  it('is UTC under either of its names, and no zone that merely matches it for now', () => {
    expect(isUtcZone('UTC')).toBe(true);
    expect(isUtcZone('Etc/UTC')).toBe(true);
    expect(isUtcZone('Europe/London')).toBe(false);
    expect(isUtcZone('Africa/Abidjan')).toBe(false);
  });
});
