import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/import/parse-source';
import { guessTimelineKind, timelineEntries } from '../../src/lib/import/timeline-entries';
import { parseZone } from '../../src/lib/import/zones';

const utc = parseZone('UTC');
const day = { year: 2024, month: 2, day: 22 };
const clock = (moment: { time?: { hour: number; minute: number } | undefined }) =>
  moment.time ? `${moment.time.hour}:${String(moment.time.minute).padStart(2, '0')}` : undefined;

const read = (markdown: string, context: Parameters<typeof timelineEntries>[1] = { date: day, zone: utc }) =>
  timelineEntries(parseSource(markdown), context);

describe('timelineEntries', () => {
  it('reads list items that start with a time, with the zone written after the first', () => {
    const { entries } = read(
      [
        '- 3:00 PM (PST): Issue detected through monitoring alerts.',
        '- 3:15 PM: Investigation focused on the network.',
      ].join('\n'),
      { date: day, zone: undefined },
    );
    expect(entries.map((e) => [clock(e.moment), e.text])).toEqual([
      ['15:00', 'Issue detected through monitoring alerts.'],
      ['15:15', 'Investigation focused on the network.'],
    ]);
    expect(entries[0]?.moment.zone?.iana).toBe('America/Los_Angeles');
    expect(entries[0]?.moment.date).toEqual(day);
  });

  it('gives labelled entries the kind of their label, and a time they mention', () => {
    const { entries } = read(
      [
        'Detection: Users reported failures at 8:05 AM on May 9th.',
        '',
        'Actions Taken: Restarted the workers.',
        '',
        'Misleading Paths: Network alerts sent responders the wrong way.',
        '',
        'Escalation: Storage team brought in.',
        '',
        'Resolution: Disk replaced; service restored by 11:30 AM.',
      ].join('\n'),
      { date: { year: undefined, month: 5, day: 9 }, zone: utc },
    );
    expect(entries.map((e) => [e.kind, e.kindFrom.source, clock(e.moment)])).toEqual([
      ['detection', 'label', '8:05'],
      ['action', 'label', undefined],
      ['misleading', 'label', undefined],
      ['escalation', 'label', undefined],
      ['resolution', 'label', '11:30'],
    ]);
    expect(entries[0]?.moment.date).toEqual({ year: undefined, month: 5, day: 9 });
  });

  it('reads plain HH:MM lines, moving to the next day when the clock wraps past midnight', () => {
    const { entries } = read(
      ['23:40  Disk alert fires.', '23:55  Old logs deleted.', '00:20  Escalated to the data team.'].join(
        '\n',
      ),
    );
    expect(entries.map((e) => [e.moment.date?.day, clock(e.moment), e.kind])).toEqual([
      [22, '23:40', 'detection'],
      [22, '23:55', 'mitigation'],
      [23, '0:20', 'escalation'],
    ]);
  });

  it('lets a date-and-zone line set the date and zone of the entries below it', () => {
    const result = read(['2024-11-28 (all times CET)', '', '09:00 Sale opens.'].join('\n'), {
      date: undefined,
      zone: undefined,
    });
    expect(result.zone?.iana).toBe('Europe/Berlin');
    expect(result.entries[0]?.moment).toMatchObject({
      date: { year: 2024, month: 11, day: 28 },
      time: { hour: 9, minute: 0 },
    });
  });

  it('joins a wrapped line to its entry and keeps prose that is no entry apart', () => {
    const { entries, rest } = read(
      ['14:02 Alert fires for the', 'search cluster.', '', 'We learned a lot that day.'].join('\n'),
    );
    expect(entries.map((e) => e.text)).toEqual(['Alert fires for the search cluster.']);
    expect(rest).toHaveLength(1);
  });

  it('reads a table with Time and Event columns, and a Kind column when there is one', () => {
    const { entries } = read(
      [
        '| Time (UTC) | Event | Kind |',
        '| --- | --- | --- |',
        '| 09:17 | Alert pages on-call. | detection |',
        '| 09:30 | Rolled back the deploy; no change. | misleading |',
        '| 10:20 | Error rate back to normal. | |',
      ].join('\n'),
      { date: day, zone: undefined },
    );
    expect(entries.map((e) => [clock(e.moment), e.kind, e.kindFrom.source])).toEqual([
      ['9:17', 'detection', 'column'],
      ['9:30', 'misleading', 'column'],
      ['10:20', 'resolution', 'words'],
    ]);
    expect(entries[0]?.moment.zone?.iana).toBe('UTC');
  });

  it('leaves a list item without a time as an entry whose time is unknown', () => {
    const { entries } = read('- Actions taken: Engineers compared the logs.');
    expect(entries[0]).toMatchObject({ kind: 'action', text: 'Engineers compared the logs.' });
    expect(entries[0]?.moment.time).toBeUndefined();
  });
});

describe('guessTimelineKind', () => {
  it('reads the kind from telling words, misleading leads before actions', () => {
    expect(guessTimelineKind('Initial assumption leaned towards DNS issues')).toEqual({
      kind: 'misleading',
      words: 'assumption',
    });
    expect(guessTimelineKind('Issue escalated to the infrastructure team')).toMatchObject({
      kind: 'escalation',
    });
    expect(guessTimelineKind('Affected disk was replaced')).toMatchObject({ kind: 'mitigation' });
    expect(guessTimelineKind('Service restored for all users')).toMatchObject({ kind: 'resolution' });
    expect(guessTimelineKind('Monitoring alerts fire')).toMatchObject({ kind: 'detection' });
    expect(guessTimelineKind('Engineers identified the failed disk')).toMatchObject({ kind: 'action' });
    expect(guessTimelineKind('Sale opens')).toEqual({ kind: 'note' });
  });
});
