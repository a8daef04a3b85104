import { describe, expect, it } from 'vitest';
import { offsetFromStart, timelineRows, type TimelineEntry } from '../../src/lib/timeline';

const at = (iso: string) => new Date(iso);
const entry = (iso: string, text: string, kind: TimelineEntry['kind'] = 'note'): TimelineEntry => ({
  at: at(iso),
  kind,
  text,
});

describe('offsetFromStart', () => {
  const start = at('2024-05-09T08:00:00Z');

  it('counts hours and minutes since impact began', () => {
    expect(offsetFromStart(start, start)).toBe('T+0m');
    expect(offsetFromStart(start, at('2024-05-09T08:05:00Z'))).toBe('T+5m');
    expect(offsetFromStart(start, at('2024-05-09T09:05:00Z'))).toBe('T+1h 5m');
    expect(offsetFromStart(start, at('2024-05-10T10:00:00Z'))).toBe('T+1d 2h');
  });

  it('counts backwards, with a true minus sign, for entries before the start', () => {
    const offset = offsetFromStart(start, at('2024-05-09T07:50:00Z'));
    expect(offset).toBe('T\u221210m');
    expect(offset).not.toContain('-');
  });

  it('counts real time across a daylight-saving change', () => {
    // 01:30 PST to 04:00 PDT on 10 March 2024 is 2h 30m on the wall clock but 1h 30m elapsed.
    expect(offsetFromStart(at('2024-03-10T01:30:00-08:00'), at('2024-03-10T04:00:00-07:00'))).toBe(
      'T+1h 30m',
    );
  });
});

describe('timelineRows', () => {
  it('puts entries in time order, keeping the author’s order for the same instant', () => {
    const rows = timelineRows(
      [
        entry('2024-05-09T09:00:00Z', 'third'),
        entry('2024-05-09T08:05:00Z', 'first'),
        entry('2024-05-09T08:30:00Z', 'second, a'),
        entry('2024-05-09T08:30:00Z', 'second, b'),
      ],
      at('2024-05-09T08:00:00Z'),
      'UTC',
    );
    expect(rows.map((row) => row.entry.text)).toEqual(['first', 'second, a', 'second, b', 'third']);
    expect(rows.map((row) => row.offset)).toEqual(['T+5m', 'T+30m', 'T+30m', 'T+1h']);
  });

  it('does not reorder the entries it was given', () => {
    const entries = [entry('2024-05-09T09:00:00Z', 'later'), entry('2024-05-09T08:00:00Z', 'earlier')];
    timelineRows(entries, at('2024-05-09T08:00:00Z'), 'UTC');
    expect(entries.map((e) => e.text)).toEqual(['later', 'earlier']);
  });

  it('shows the date on the first entry of each day in the incident’s zone', () => {
    const entries = [
      entry('2024-05-09T21:30:00Z', 'a'), // 23:30 on 9 May in Berlin (CEST)
      entry('2024-05-09T22:30:00Z', 'b'), // 00:30 on 10 May in Berlin, still 9 May in UTC
      entry('2024-05-09T23:30:00Z', 'c'),
      entry('2024-05-10T00:30:00Z', 'd'), // 10 May in UTC too
    ];
    const start = at('2024-05-09T21:00:00Z');
    expect(timelineRows(entries, start, 'Europe/Berlin').map((row) => row.day)).toEqual([
      '9 May 2024',
      '10 May 2024',
      undefined,
      undefined,
    ]);
    expect(timelineRows(entries, start, 'UTC').map((row) => row.day)).toEqual([
      '9 May 2024',
      undefined,
      undefined,
      '10 May 2024',
    ]);
  });

  it('keeps the repeated hour when clocks go back on the same day', () => {
    // New York, 5 Nov 2023: 01:30 EDT and, an hour later, 01:30 EST again.
    const rows = timelineRows(
      [entry('2023-11-05T05:30:00Z', 'EDT'), entry('2023-11-05T06:30:00Z', 'EST')],
      at('2023-11-05T05:30:00Z'),
      'America/New_York',
    );
    expect(rows.map((row) => [row.day, row.offset])).toEqual([
      ['5 Nov 2023', 'T+0m'],
      [undefined, 'T+1h'],
    ]);
  });

  it('dates an entry before the start, and the start’s own day after it', () => {
    const rows = timelineRows(
      [entry('2024-02-29T23:55:00Z', 'alert fired', 'detection'), entry('2024-03-01T00:20:00Z', 'paged')],
      at('2024-03-01T00:05:00Z'),
      'UTC',
    );
    expect(rows.map((row) => [row.day, row.offset, row.entry.kind])).toEqual([
      ['29 Feb 2024', 'T\u221210m', 'detection'],
      ['1 Mar 2024', 'T+15m', 'note'],
    ]);
  });

  it('gives no rows for no entries', () => {
    expect(timelineRows([], at('2024-05-09T08:00:00Z'), 'UTC')).toEqual([]);
  });
});
