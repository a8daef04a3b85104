import { describe, expect, it } from 'vitest';
import { completePostmortem, issuesOf, parse, validPostmortem } from './helpers';

describe('a valid postmortem', () => {
  it('passes with only the required fields and resolvedAt', () => {
    expect(issuesOf(validPostmortem())).toEqual([]);
  });

  it('passes with every field filled in', () => {
    expect(issuesOf(completePostmortem())).toEqual([]);
  });

  it('comes out with timestamps as Dates and the written values kept', () => {
    const pm = parse(completePostmortem());
    expect(pm.startedAt).toEqual(new Date('2024-05-09T08:00:00Z'));
    expect(pm.resolvedAt).toEqual(new Date('2024-05-09T11:30:00Z'));
    expect(pm.timeline?.[1]?.at).toEqual(new Date('2024-05-09T08:15:00Z'));
    expect(pm.duration).toBe('PT3H30M');
    expect(pm.timezone).toBe('Europe/Berlin');
    expect(pm.tasks[0]?.due).toBe('2024-08-31');
  });

  it('trims surrounding whitespace from text fields', () => {
    const pm = parse(validPostmortem({ title: '  Email down  ', summary: '\nNo mail.\n' }));
    expect(pm.title).toBe('Email down');
    expect(pm.summary).toBe('No mail.');
  });
});
