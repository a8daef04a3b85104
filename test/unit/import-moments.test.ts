import { describe, expect, it } from 'vitest';
import { resolveMoment } from '../../src/lib/import/moments';
import { parseZone } from '../../src/lib/import/zones';

const utc = parseZone('UTC');
const berlin = parseZone('CET');

describe('resolveMoment', () => {
  it('writes a complete moment as a zoned timestamp and its instant', () => {
    const resolved = resolveMoment({
      date: { year: 2024, month: 5, day: 9 },
      time: { hour: 8, minute: 0 },
      zone: berlin,
    });
    expect(resolved).toMatchObject({ timestamp: '2024-05-09T08:00:00+02:00' });
    expect('instant' in resolved && resolved.instant.toISOString()).toBe('2024-05-09T06:00:00.000Z');
  });

  it('warns when the abbreviation contradicts the date (CET in May is CEST)', () => {
    const resolved = resolveMoment({
      date: { year: 2024, month: 5, day: 9 },
      time: { hour: 8, minute: 0 },
      zone: berlin,
    });
    expect('warning' in resolved && resolved.warning).toMatch(/CET.*daylight saving/);
  });

  it('names what is missing in the placeholder, keeping what is known', () => {
    expect(
      resolveMoment({ date: { year: undefined, month: 5, day: 9 }, time: { hour: 8, minute: 5 }, zone: utc }),
    ).toEqual({
      placeholder: 'TODO: YYYY-05-09T08:05:00Z, the source gives no year',
      missing: 'year',
    });
    expect(
      resolveMoment({
        date: { year: undefined, month: 3, day: 3 },
        time: { hour: 9, minute: 10 },
        zone: berlin,
      }),
    ).toEqual({
      placeholder: 'TODO: YYYY-03-03T09:10:00 Europe/Berlin, the source gives no year',
      missing: 'year',
    });
    expect(
      resolveMoment({ date: { year: 2024, month: 5, day: 9 }, time: undefined, zone: utc }),
    ).toMatchObject({
      missing: 'time',
      placeholder: 'TODO: the time on 2024-05-09; the source gives none',
    });
    expect(resolveMoment({ date: undefined, time: { hour: 14, minute: 2 }, zone: utc })).toMatchObject({
      missing: 'date',
    });
    expect(
      resolveMoment({
        date: { year: 2024, month: 5, day: 9 },
        time: { hour: 14, minute: 2 },
        zone: undefined,
      }),
    ).toMatchObject({
      missing: 'zone',
    });
  });
});
