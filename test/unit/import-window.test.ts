import { describe, expect, it } from 'vitest';
import { resolveMoment } from '../../src/lib/import/moments';
import { findWindow } from '../../src/lib/import/window';
import { parseZone } from '../../src/lib/import/zones';

const timestamps = (text: string, context = {}) => {
  const window = findWindow(text, context);
  const show = (moment: typeof window.start) => {
    if (!moment) return undefined;
    const resolved = resolveMoment(moment);
    return 'timestamp' in resolved ? resolved.timestamp : resolved.placeholder;
  };
  return {
    start: show(window.start),
    end: show(window.end),
    minutes: window.duration && window.duration.ms / 60_000,
  };
};

describe('findWindow', () => {
  it('reads a range with a date after it and a zone in brackets, in Pacific standard time', () => {
    expect(timestamps('The outage occurred from 3:00 PM to 5:00 PM (PST) on February 22, 2024.')).toEqual({
      start: '2024-02-22T15:00:00-08:00',
      end: '2024-02-22T17:00:00-08:00',
      minutes: undefined,
    });
  });

  it('leaves the year unknown when the text gives none, and still reads the stated duration', () => {
    expect(
      timestamps('persisted from 8:00 AM to 11:30 AM on May 9th (UTC), spanning approximately 3.5 hours.'),
    ).toEqual({
      start: 'TODO: YYYY-05-09T08:00:00Z, the source gives no year',
      end: 'TODO: YYYY-05-09T11:30:00Z, the source gives no year',
      minutes: 210,
    });
  });

  it('moves an end earlier than the start to the next day', () => {
    expect(timestamps('between 23:40 and 01:10 CET on 14 January 2025')).toMatchObject({
      start: '2025-01-14T23:40:00+01:00',
      end: '2025-01-15T01:10:00+01:00',
    });
  });

  it('pairs two dates with the two times, and lends a year across New Year', () => {
    expect(timestamps('from 23:00 on 31 December to 01:30 on 1 January 2025 UTC')).toMatchObject({
      start: '2024-12-31T23:00:00Z',
      end: '2025-01-01T01:30:00Z',
    });
  });

  it('uses the context for what the text leaves out', () => {
    const context = { zone: parseZone('EDT'), date: { year: 2024, month: 7, day: 4 } };
    expect(timestamps('from 9:00 AM to 10:15 AM', context)).toMatchObject({
      start: '2024-07-04T09:00:00-04:00',
      end: '2024-07-04T10:15:00-04:00',
    });
  });

  it('asks for the zone when neither text nor context names one', () => {
    expect(timestamps('from 9:00 to 10:15 on 2024-07-04').start).toBe(
      'TODO: 2024-07-04T09:00 in which zone? the source names none',
    );
  });
});
