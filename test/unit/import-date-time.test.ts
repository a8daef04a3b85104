import { describe, expect, it } from 'vitest';
import {
  addDays,
  declaredZone,
  findDates,
  findDuration,
  findStatedDuration,
  findTimes,
  findZones,
} from '../../src/lib/import/date-time';

const dates = (text: string) => findDates(text).map(({ year, month, day }) => ({ year, month, day }));
const times = (text: string) =>
  findTimes(text).map(({ hour, minute }) => `${hour}:${String(minute).padStart(2, '0')}`);

describe('findDates', () => {
  it('reads the usual ways of writing a date, with or without a year', () => {
    expect(dates('on May 9th (UTC)')).toEqual([{ year: undefined, month: 5, day: 9 }]);
    expect(dates('on February 22, 2024.')).toEqual([{ year: 2024, month: 2, day: 22 }]);
    expect(dates('22 Feb 2024')).toEqual([{ year: 2024, month: 2, day: 22 }]);
    expect(dates('the 3rd of March')).toEqual([{ year: undefined, month: 3, day: 3 }]);
    expect(dates('Sept. 1, 2023 and 2024-11-28')).toEqual([
      { year: 2023, month: 9, day: 1 },
      { year: 2024, month: 11, day: 28 },
    ]);
  });

  it('never fills in a year the text does not give', () => {
    expect(findDates('Tuesday, May 9th')[0]?.year).toBeUndefined();
  });

  it('ignores days that do not exist, the verb "may" and numbers that are no year', () => {
    expect(dates('February 30, 2024')).toEqual([]);
    expect(dates('this may 2x the load')).toEqual([]);
    expect(dates('May 9 1500 requests failed')).toEqual([{ year: undefined, month: 5, day: 9 }]);
  });

  it('allows 29 February when the year is unknown, and only in leap years otherwise', () => {
    expect(dates('February 29')).toHaveLength(1);
    expect(dates('February 29, 2023')).toEqual([]);
  });
});

describe('findTimes', () => {
  it('reads the 12-hour clock, with 12 AM as midnight and 12 PM as noon', () => {
    expect(times('from 8:00 AM to 11:30 AM')).toEqual(['8:00', '11:30']);
    expect(times('3:00 PM')).toEqual(['15:00']);
    expect(times('12:00 AM')).toEqual(['0:00']);
    expect(times('12:30 AM')).toEqual(['0:30']);
    expect(times('12:00 PM')).toEqual(['12:00']);
    expect(times('12:45 p.m.')).toEqual(['12:45']);
    expect(times('at 8am and 9 pm')).toEqual(['8:00', '21:00']);
    expect(times('noon until midnight')).toEqual(['12:00', '0:00']);
  });

  it('reads the 24-hour clock and ISO times', () => {
    expect(times('23:40 to 01:10')).toEqual(['23:40', '1:10']);
    expect(times('2024-02-22T15:00:00Z')).toEqual(['15:00']);
  });

  it('refuses what is not a time', () => {
    expect(times('13 PM, 0 AM, 24:00, 9:75')).toEqual([]);
    expect(times('3.5 hours, 20%, 8 servers, version 2.1')).toEqual([]);
  });

  it('takes the zone written right after a time', () => {
    expect(findTimes('3:00 PM (PST): detected')[0]?.zone?.iana).toBe('America/Los_Angeles');
    expect(findTimes('15:00Z')[0]?.zone?.iana).toBe('UTC');
    expect(findTimes('15:00 CET')[0]?.zone?.iana).toBe('Europe/Berlin');
    expect(findTimes('15:00-07:00')[0]?.zone?.fixedOffset).toBe(-420);
    expect(findTimes('15:00 then')[0]?.zone).toBeUndefined();
  });
});

describe('zones in text', () => {
  it('finds zones and the zone a document declares for its times', () => {
    expect(findZones('from 3:00 PM to 5:00 PM (PST) on …').map((z) => z.zone.iana)).toEqual([
      'America/Los_Angeles',
    ]);
    expect(declaredZone('Timeline (all times UTC)')?.iana).toBe('UTC');
    expect(declaredZone('All times are in Pacific time.')?.iana).toBe('America/Los_Angeles');
    expect(declaredZone('Times are CET')?.iana).toBe('Europe/Berlin');
    expect(declaredZone('The best time to act')).toBeUndefined();
  });
});

describe('findDuration', () => {
  const minutes = (text: string) => (findDuration(text)?.ms ?? 0) / 60_000;

  it('reads durations in numbers and words, adding up consecutive parts', () => {
    expect(minutes('spanning approximately 3.5 hours')).toBe(210);
    expect(minutes('2 hours and 30 minutes')).toBe(150);
    expect(minutes('2h30m')).toBe(150);
    expect(minutes('an hour and a half')).toBe(90);
    expect(minutes('90 minutes')).toBe(90);
    expect(minutes('two days')).toBe(2880);
  });

  it('does not read clock times or other numbers as durations', () => {
    expect(findDuration('from 8:00 AM to 11:30 AM')).toBeUndefined();
    expect(findDuration('20% of users')).toBeUndefined();
  });

  it('takes only durations stated as the length when other lengths are mentioned', () => {
    expect(findStatedDuration('delayed by up to 80 minutes for all customers')).toBeUndefined();
    expect(findStatedDuration('Checkout failed for about a third of users for 66 minutes')?.ms).toBe(
      66 * 60_000,
    );
    expect(findStatedDuration('The outage lasted roughly two hours.')?.ms).toBe(2 * 3_600_000);
  });
});

describe('addDays', () => {
  it('rolls over months and years, and keeps an unknown year unknown', () => {
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addDays({ year: undefined, month: 5, day: 31 }, 1)).toEqual({ year: undefined, month: 6, day: 1 });
  });
});
