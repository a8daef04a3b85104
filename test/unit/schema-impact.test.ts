import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

const impact = (extra: Record<string, unknown>) => ({ impact: { summary: 'Mail was down.', ...extra } });

describe('impact', () => {
  it('needs only a summary', () => {
    expect(parse(validPostmortem(impact({}))).impact).toEqual({ summary: 'Mail was down.' });
  });

  it.each([0, 37.5, 100])('accepts usersAffectedPercent %d', (usersAffectedPercent) => {
    expect(parse(validPostmortem(impact({ usersAffectedPercent }))).impact.usersAffectedPercent).toBe(
      usersAffectedPercent,
    );
  });

  it.each([101, -1])('rejects usersAffectedPercent %d, saying the range', (usersAffectedPercent) => {
    const issue = onlyIssue(validPostmortem(impact({ usersAffectedPercent })));
    expect(issue.path).toEqual(['impact', 'usersAffectedPercent']);
    expect(issue.message).toBe('must be a number from 0 to 100');
  });

  it('rejects a percentage written as a string', () => {
    const issue = onlyIssue(validPostmortem(impact({ usersAffectedPercent: '50%' })));
    expect(issue.path).toEqual(['impact', 'usersAffectedPercent']);
    expect(issue.message).toBe('must be a number from 0 to 100');
  });

  it('requires impact.summary', () => {
    const issue = onlyIssue(validPostmortem({ impact: { usersAffectedPercent: 10 } }));
    expect(issue.path).toEqual(['impact', 'summary']);
    expect(issue.message).toBe('is required: what users experienced');
  });

  it('rejects an empty impact.summary', () => {
    const issue = onlyIssue(validPostmortem({ impact: { summary: '' } }));
    expect(issue.path).toEqual(['impact', 'summary']);
    expect(issue.message).toBe('must not be empty: what users experienced');
  });

  it('requires impact itself', () => {
    const issue = onlyIssue(validPostmortem({ impact: undefined }));
    expect(issue.path).toEqual(['impact']);
    expect(issue.message).toContain('expected object, received undefined');
  });
});
