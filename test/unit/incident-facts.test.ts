import { describe, expect, it } from 'vitest';
import { milestones, sinceStart } from '../../src/lib/incident-facts';

const at = (iso: string) => new Date(iso);

describe('sinceStart', () => {
  const start = at('2024-05-09T08:00:00Z');

  it('says how long after the start, in words', () => {
    expect(sinceStart(start, at('2024-05-09T08:01:00Z'))).toBe('1 minute after start');
    expect(sinceStart(start, at('2024-05-09T08:15:00Z'))).toBe('15 minutes after start');
    expect(sinceStart(start, at('2024-05-09T09:05:00Z'))).toBe('1 hour 5 minutes after start');
  });

  it('calls anything under a minute the start', () => {
    expect(sinceStart(start, start)).toBe('at the start');
    expect(sinceStart(start, at('2024-05-09T08:00:59Z'))).toBe('at the start');
  });

  it('counts real time across a daylight-saving change', () => {
    // 01:30 PST to 03:45 PDT on 10 March 2024: 2h 15m on the clock, 1h 15m elapsed.
    expect(sinceStart(at('2024-03-10T01:30:00-08:00'), at('2024-03-10T03:45:00-07:00'))).toBe(
      '1 hour 15 minutes after start',
    );
  });
});

describe('milestones', () => {
  const startedAt = at('2024-05-09T08:00:00Z');

  it('lists detection then mitigation, each with its time since the start', () => {
    expect(
      milestones({
        startedAt,
        detectedAt: at('2024-05-09T08:05:00Z'),
        mitigatedAt: at('2024-05-09T11:00:00Z'),
      }),
    ).toEqual([
      { label: 'Detected', at: at('2024-05-09T08:05:00Z'), sinceStart: '5 minutes after start' },
      { label: 'Mitigated', at: at('2024-05-09T11:00:00Z'), sinceStart: '3 hours after start' },
    ]);
  });

  it('leaves out what the postmortem does not record', () => {
    const mitigatedAt = at('2024-05-09T08:30:00Z');
    expect(milestones({ startedAt, mitigatedAt }).map((m) => m.label)).toEqual(['Mitigated']);
    expect(milestones({ startedAt, detectedAt: startedAt }).map((m) => [m.label, m.sinceStart])).toEqual([
      ['Detected', 'at the start'],
    ]);
    expect(milestones({ startedAt })).toEqual([]);
  });
});
