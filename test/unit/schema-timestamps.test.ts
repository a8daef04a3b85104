import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

const ALLOWED = 'must be an ISO 8601 date-time with Z or an offset';

describe('timestamps', () => {
  it('accept UTC written with Z', () => {
    expect(parse(validPostmortem({ startedAt: '2024-05-09T08:00:00Z' })).startedAt).toEqual(
      new Date(Date.UTC(2024, 4, 9, 8, 0, 0)),
    );
  });

  it('accept an offset such as +05:30 and turn it into the right instant', () => {
    const pm = parse(validPostmortem({ startedAt: '2024-05-09T08:00:00+05:30' }));
    expect(pm.startedAt.toISOString()).toBe('2024-05-09T02:30:00.000Z');
  });

  it('accept a negative offset and a time without seconds', () => {
    const pm = parse(validPostmortem({ startedAt: '2024-05-09T01:00-07:00' }));
    expect(pm.startedAt.toISOString()).toBe('2024-05-09T08:00:00.000Z');
  });

  it('accept Date objects, as Astro’s frontmatter parser produces them', () => {
    const pm = parse(
      validPostmortem({
        startedAt: new Date('2024-05-09T08:00:00Z'),
        detectedAt: new Date('2024-05-09T08:05:00Z'),
        resolvedAt: new Date('2024-05-09T11:30:00Z'),
        timeline: [{ at: new Date('2024-05-09T08:05:00Z'), text: 'Users report that email is down.' }],
      }),
    );
    expect(pm.detectedAt).toEqual(new Date('2024-05-09T08:05:00Z'));
    expect(pm.timeline?.[0]?.at).toEqual(new Date('2024-05-09T08:05:00Z'));
    expect(pm.durationMs).toBe(3.5 * 3600_000);
  });

  it('reject a time without a zone, such as "2024-05-09 08:00", quoting it', () => {
    const issue = onlyIssue(validPostmortem({ startedAt: '2024-05-09 08:00' }));
    expect(issue.path).toEqual(['startedAt']);
    expect(issue.message).toContain(ALLOWED);
    expect(issue.message).toContain('(got "2024-05-09 08:00")');
  });

  it('reject a zoneless time written with T', () => {
    const issue = onlyIssue(validPostmortem({ resolvedAt: '2024-05-09T11:30:00' }));
    expect(issue.path).toEqual(['resolvedAt']);
    expect(issue.message).toContain(ALLOWED);
  });

  it('reject a date without a time', () => {
    const issue = onlyIssue(validPostmortem({ detectedAt: '2024-05-09' }));
    expect(issue.path).toEqual(['detectedAt']);
    expect(issue.message).toContain(ALLOWED);
  });

  it('reject a number', () => {
    const issue = onlyIssue(validPostmortem({ mitigatedAt: 1715241600000 }));
    expect(issue.path).toEqual(['mitigatedAt']);
    expect(issue.message).toContain(ALLOWED);
  });

  it('reject an invalid Date object', () => {
    const issue = onlyIssue(validPostmortem({ startedAt: new Date('not a date') }));
    expect(issue.path).toEqual(['startedAt']);
    expect(issue.message).toContain(ALLOWED);
  });

  it('require startedAt', () => {
    const issue = onlyIssue(validPostmortem({ startedAt: undefined }));
    expect(issue.path).toEqual(['startedAt']);
    expect(issue.message).toContain(ALLOWED);
  });

  it('leave detectedAt and mitigatedAt optional', () => {
    const pm = parse(validPostmortem({ detectedAt: undefined, mitigatedAt: undefined }));
    expect(pm.detectedAt).toBeUndefined();
    expect(pm.mitigatedAt).toBeUndefined();
  });

  it.each(['2024-02-30T08:00:00Z', '2023-02-29T08:00:00Z', '2024-04-31T08:00:00+02:00'])(
    'reject %s, a day that does not exist',
    (startedAt) => {
      const issue = onlyIssue(validPostmortem({ startedAt }));
      expect(issue.path).toEqual(['startedAt']);
      expect(issue.message).toContain(ALLOWED);
    },
  );

  it('reject an hour that does not exist', () => {
    const issue = onlyIssue(validPostmortem({ startedAt: '2024-05-09T25:00:00Z' }));
    expect(issue.path).toEqual(['startedAt']);
    expect(issue.message).toContain(ALLOWED);
  });
});
