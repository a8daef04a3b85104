import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

/** startedAt 08:00Z and resolvedAt 11:30Z come from `validPostmortem`. */
describe('startedAt <= detectedAt <= mitigatedAt <= resolvedAt', () => {
  it('passes when the milestones are in order', () => {
    const pm = parse(
      validPostmortem({ detectedAt: '2024-05-09T08:05:00Z', mitigatedAt: '2024-05-09T11:00:00Z' }),
    );
    expect(pm.mitigatedAt).toEqual(new Date('2024-05-09T11:00:00Z'));
  });

  it('passes when milestones fall on the same instant', () => {
    const at = '2024-05-09T08:00:00Z';
    expect(parse(validPostmortem({ detectedAt: at, mitigatedAt: at, resolvedAt: at })).durationMs).toBe(0);
  });

  it('rejects detectedAt before startedAt', () => {
    const issue = onlyIssue(validPostmortem({ detectedAt: '2024-05-09T07:59:00Z' }));
    expect(issue.path).toEqual(['detectedAt']);
    expect(issue.message).toBe(
      'must not be before startedAt (2024-05-09T08:00:00.000Z); got 2024-05-09T07:59:00.000Z',
    );
  });

  it('rejects mitigatedAt before detectedAt', () => {
    const issue = onlyIssue(
      validPostmortem({ detectedAt: '2024-05-09T09:00:00Z', mitigatedAt: '2024-05-09T08:30:00Z' }),
    );
    expect(issue.path).toEqual(['mitigatedAt']);
    expect(issue.message).toMatch(/^must not be before detectedAt/);
  });

  it('rejects resolvedAt before mitigatedAt', () => {
    const issue = onlyIssue(validPostmortem({ mitigatedAt: '2024-05-09T11:45:00Z' }));
    expect(issue.path).toEqual(['resolvedAt']);
    expect(issue.message).toMatch(/^must not be before mitigatedAt/);
  });

  it('rejects resolvedAt before startedAt', () => {
    const issue = onlyIssue(validPostmortem({ resolvedAt: '2024-05-09T07:00:00Z' }));
    expect(issue.path).toEqual(['resolvedAt']);
    expect(issue.message).toMatch(/^must not be before startedAt/);
  });

  it('compares with the previous milestone that is present, skipping absent ones', () => {
    const issue = onlyIssue(validPostmortem({ mitigatedAt: '2024-05-09T07:30:00Z' }));
    expect(issue.path).toEqual(['mitigatedAt']);
    expect(issue.message).toMatch(/^must not be before startedAt/);
  });

  it('compares instants, not wall-clock times written with different offsets', () => {
    // 09:00+02:00 is 07:00Z: an hour before the 08:00Z start, though "09:00" reads later.
    const issue = onlyIssue(validPostmortem({ detectedAt: '2024-05-09T09:00:00+02:00' }));
    expect(issue.path).toEqual(['detectedAt']);
    expect(issue.message).toBe(
      'must not be before startedAt (2024-05-09T08:00:00.000Z); got 2024-05-09T07:00:00.000Z',
    );
  });
});
