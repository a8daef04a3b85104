import { describe, expect, it } from 'vitest';
import {
  daylightMismatch,
  formatInstant,
  formatZonedTimestamp,
  isDaylightAt,
  offsetAt,
  parseZone,
  zonedInstant,
} from '../../src/lib/import/zones';

describe('parseZone', () => {
  it('maps abbreviations to the IANA zone they usually mean, keeping what was written', () => {
    expect(parseZone('PST')).toEqual({ iana: 'America/Los_Angeles', daylight: false, written: 'PST' });
    expect(parseZone('PDT')).toMatchObject({ iana: 'America/Los_Angeles', daylight: true });
    expect(parseZone('EST')).toMatchObject({ iana: 'America/New_York', daylight: false });
    expect(parseZone('EDT')).toMatchObject({ iana: 'America/New_York', daylight: true });
    expect(parseZone('CET')).toMatchObject({ iana: 'Europe/Berlin', daylight: false });
    expect(parseZone('CEST')).toMatchObject({ iana: 'Europe/Berlin', daylight: true });
    expect(parseZone('UTC')?.iana).toBe('UTC');
    expect(parseZone('GMT')?.iana).toBe('UTC');
  });

  it('reads offsets after UTC or GMT as fixed zones, with the POSIX-inverted Etc name for whole hours', () => {
    expect(parseZone('UTC+2')).toEqual({ iana: 'Etc/GMT-2', fixedOffset: 120, written: 'UTC+2' });
    expect(parseZone('GMT-05:00')).toMatchObject({ iana: 'Etc/GMT+5', fixedOffset: -300 });
    expect(parseZone('UTC+05:30')).toMatchObject({ iana: undefined, fixedOffset: 330 });
  });

  it('accepts IANA names Intl knows and zones written in words', () => {
    expect(parseZone('Europe/Berlin')?.iana).toBe('Europe/Berlin');
    expect(parseZone('Europe/Atlantis')).toBeUndefined();
    expect(parseZone('Pacific time')?.iana).toBe('America/Los_Angeles');
    expect(parseZone('Eastern Daylight Time')).toMatchObject({ iana: 'America/New_York', daylight: true });
    expect(parseZone('Central European Time')?.iana).toBe('Europe/Berlin');
  });

  it('refuses words that are not zones', () => {
    expect(parseZone('est')).toBeUndefined();
    expect(parseZone('Tuesday')).toBeUndefined();
  });
});

describe('offsets from Intl', () => {
  it('follow daylight saving time in either hemisphere', () => {
    expect(offsetAt(new Date('2024-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-480);
    expect(offsetAt(new Date('2024-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(offsetAt(new Date('2024-01-15T12:00:00Z'), 'Australia/Sydney')).toBe(660);
    expect(offsetAt(new Date('2024-07-15T12:00:00Z'), 'Australia/Sydney')).toBe(600);
    expect(isDaylightAt(new Date('2024-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isDaylightAt(new Date('2024-01-15T12:00:00Z'), 'Australia/Sydney')).toBe(true);
    expect(isDaylightAt(new Date('2024-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(false);
  });
});

describe('zonedInstant and formatZonedTimestamp', () => {
  const la = parseZone('America/Los_Angeles');
  const berlin = parseZone('Europe/Berlin');
  if (!la || !berlin) throw new Error('zones must parse');

  it('write a wall-clock time with the offset the zone has on that day', () => {
    expect(formatZonedTimestamp({ year: 2024, month: 2, day: 22, hour: 15, minute: 0 }, la)).toBe(
      '2024-02-22T15:00:00-08:00',
    );
    expect(formatZonedTimestamp({ year: 2024, month: 7, day: 4, hour: 15, minute: 0 }, la)).toBe(
      '2024-07-04T15:00:00-07:00',
    );
    expect(
      formatZonedTimestamp(
        { year: 2024, month: 5, day: 9, hour: 8, minute: 0 },
        { iana: 'UTC', written: 'UTC' },
      ),
    ).toBe('2024-05-09T08:00:00Z');
  });

  it('puts 15:00 PST on 22 February 2024 at 23:00 UTC', () => {
    expect(zonedInstant({ year: 2024, month: 2, day: 22, hour: 15, minute: 0 }, la).toISOString()).toBe(
      '2024-02-22T23:00:00.000Z',
    );
  });

  it('handles the days clocks change: the hour before and after the change, and the skipped hour', () => {
    // Berlin moved from +01:00 to +02:00 at 02:00 local on 31 March 2024.
    expect(formatZonedTimestamp({ year: 2024, month: 3, day: 31, hour: 1, minute: 30 }, berlin)).toBe(
      '2024-03-31T01:30:00+01:00',
    );
    expect(formatZonedTimestamp({ year: 2024, month: 3, day: 31, hour: 3, minute: 30 }, berlin)).toBe(
      '2024-03-31T03:30:00+02:00',
    );
    // 02:30 did not exist that night; it is read as the same elapsed time after 02:00, 03:30.
    expect(formatZonedTimestamp({ year: 2024, month: 3, day: 31, hour: 2, minute: 30 }, berlin)).toBe(
      '2024-03-31T03:30:00+02:00',
    );
    // Back to +01:00 at 03:00 local on 27 October 2024; after the change it is +01:00.
    expect(formatZonedTimestamp({ year: 2024, month: 10, day: 27, hour: 4, minute: 0 }, berlin)).toBe(
      '2024-10-27T04:00:00+01:00',
    );
  });

  it('keeps fixed offsets that have no IANA zone', () => {
    const zone = parseZone('UTC+05:30');
    if (!zone) throw new Error('must parse');
    expect(formatInstant(new Date('2024-05-09T08:00:00Z'), zone)).toBe('2024-05-09T13:30:00+05:30');
  });
});

describe('daylightMismatch', () => {
  it('reports PST written for a summer date, when Los Angeles is on PDT', () => {
    const message = daylightMismatch(
      { year: 2024, month: 7, day: 4, hour: 15, minute: 0 },
      parseZone('PST') ?? { iana: undefined, written: '' },
    );
    expect(message).toContain('PST');
    expect(message).toContain('UTC-07:00');
  });

  it('says nothing when the abbreviation fits the date or does not say which half of the year', () => {
    const winter = { year: 2024, month: 2, day: 22, hour: 15, minute: 0 };
    expect(daylightMismatch(winter, parseZone('PST') ?? { iana: undefined, written: '' })).toBeUndefined();
    expect(daylightMismatch(winter, parseZone('PT') ?? { iana: undefined, written: '' })).toBeUndefined();
  });
});
