import { describe, expect, it } from 'vitest';
import { parse, validPostmortem } from './helpers';

describe('defaults', () => {
  const pm = parse(
    validPostmortem({
      timeline: [{ at: '2024-05-09T08:05:00Z', text: 'Users report that email is down.' }],
      tasks: [{ title: 'Add failover', type: 'prevent' }],
    }),
  );

  it('status is published', () => {
    expect(pm.status).toBe('published');
  });

  it('timezone is UTC', () => {
    expect(pm.timezone).toBe('UTC');
  });

  it('a timeline entry is a note', () => {
    expect(pm.timeline?.[0]?.kind).toBe('note');
  });

  it('a task is open', () => {
    expect(pm.tasks[0]?.status).toBe('open');
  });

  it('tasks is an empty list when left out', () => {
    expect(parse(validPostmortem()).tasks).toEqual([]);
  });

  it('durationMs is always there', () => {
    expect(pm.durationMs).toBe(3.5 * 3600_000);
  });

  it('written values win over defaults', () => {
    const written = parse(
      validPostmortem({
        status: 'in-review',
        timezone: 'Asia/Kolkata',
        timeline: [{ at: '2024-05-09T08:05:00Z', kind: 'detection', text: 'Paged.' }],
        tasks: [{ title: 'Add failover', type: 'prevent', status: 'done' }],
      }),
    );
    expect(written.status).toBe('in-review');
    expect(written.timezone).toBe('Asia/Kolkata');
    expect(written.timeline?.[0]?.kind).toBe('detection');
    expect(written.tasks[0]?.status).toBe('done');
  });
});
