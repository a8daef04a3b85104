import { describe, expect, it } from 'vitest';
import { issuesOf, onlyIssue, parse, validPostmortem } from './helpers';

const HOUR = 3600_000;

/** `validPostmortem` runs from 08:00Z to 11:30Z: 3 hours 30 minutes. */
describe('duration', () => {
  it('is optional, and durationMs is computed from startedAt and resolvedAt', () => {
    const pm = parse(validPostmortem({ duration: undefined }));
    expect(pm.duration).toBeUndefined();
    expect(pm.durationMs).toBe(3.5 * HOUR);
  });

  it('is kept as written when it agrees with the timestamps', () => {
    const pm = parse(validPostmortem({ duration: 'PT3H30M' }));
    expect(pm.duration).toBe('PT3H30M');
    expect(pm.durationMs).toBe(3.5 * HOUR);
  });

  it('may be written in days and weeks', () => {
    expect(
      parse(validPostmortem({ resolvedAt: '2024-05-10T10:00:00Z', duration: 'P1DT2H' })).durationMs,
    ).toBe(26 * HOUR);
    expect(parse(validPostmortem({ resolvedAt: '2024-05-16T08:00:00Z', duration: 'P1W' })).durationMs).toBe(
      7 * 24 * HOUR,
    );
  });

  it('fails at duration when it disagrees with resolvedAt - startedAt, saying both', () => {
    const issue = onlyIssue(validPostmortem({ duration: 'PT3H' }));
    expect(issue.path).toEqual(['duration']);
    expect(issue.message).toMatch(/^says 3 hours but resolvedAt - startedAt is 3 hours 30 minutes/);
  });

  it('tolerates a 30-second difference, since authors round to the minute', () => {
    expect(issuesOf(validPostmortem({ duration: 'PT3H30M30S' }))).toEqual([]);
    expect(issuesOf(validPostmortem({ duration: 'PT3H29M30S' }))).toEqual([]);
  });

  it('tolerates exactly one minute but not a second more', () => {
    expect(issuesOf(validPostmortem({ duration: 'PT3H31M' }))).toEqual([]);
    const issue = onlyIssue(validPostmortem({ duration: 'PT3H31M1S' }));
    expect(issue.path).toEqual(['duration']);
    expect(issue.message).toMatch(
      /^says 3 hours 31 minutes but resolvedAt - startedAt is 3 hours 30 minutes/,
    );
  });

  it('is checked against instants, so an incident across a DST change lasts its real length', () => {
    // 01:00 PST to 04:00 PDT on 10 March 2024 is two hours, though the wall clock moved three.
    const dst = { startedAt: '2024-03-10T01:00:00-08:00', resolvedAt: '2024-03-10T04:00:00-07:00' };
    expect(parse(validPostmortem({ ...dst, duration: 'PT2H' })).durationMs).toBe(2 * HOUR);
    const issue = onlyIssue(validPostmortem({ ...dst, duration: 'PT3H' }));
    expect(issue.path).toEqual(['duration']);
    expect(issue.message).toMatch(/^says 3 hours but resolvedAt - startedAt is 2 hours;/);
  });

  it.each(['P1Y', 'P1M', 'P1Y2M'])('rejects %s: years and months have no fixed length', (duration) => {
    const issues = issuesOf(validPostmortem({ duration }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.path.join('.') === 'duration')).toBe(true);
    expect(issues[0]?.message).toBe(
      `must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, such as PT3H30M or P1DT2H (got "${duration}")`,
    );
  });

  it.each(['3h30m', 'PT', 'P', ''])('rejects %j, which is not an ISO 8601 duration', (duration) => {
    const issues = issuesOf(validPostmortem({ duration }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.path).toEqual(['duration']);
    expect(issues[0]?.message).toContain('must be an ISO 8601 duration');
  });

  // Bug: the cross-field check in postmortem.ts reads an unparseable duration as 0 and adds a
  // second issue, "says 0 minutes but resolvedAt - startedAt is 3 hours 30 minutes".
  it('reports an unreadable duration once, not also as a mismatch of "0 minutes"', () => {
    const issue = onlyIssue(validPostmortem({ duration: 'P1Y' }));
    expect(issue.path).toEqual(['duration']);
    expect(issue.message).not.toContain('says 0 minutes');
  });

  it('gives a draft without resolvedAt the written duration as durationMs', () => {
    const pm = parse(validPostmortem({ status: 'draft', resolvedAt: undefined, duration: 'PT2H' }));
    expect(pm.durationMs).toBe(2 * HOUR);
  });

  it('leaves durationMs undefined for a draft with neither resolvedAt nor duration', () => {
    const pm = parse(validPostmortem({ status: 'draft', resolvedAt: undefined }));
    expect(pm).toHaveProperty('durationMs', undefined);
  });
});
