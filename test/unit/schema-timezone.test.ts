import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

describe('timezone', () => {
  it('defaults to UTC', () => {
    expect(parse(validPostmortem({ timezone: undefined })).timezone).toBe('UTC');
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin'])(
    'accepts the IANA zone %s',
    (timezone) => {
      expect(parse(validPostmortem({ timezone })).timezone).toBe(timezone);
    },
  );

  it('rejects a name that is not an IANA zone, suggesting real ones', () => {
    const issue = onlyIssue(validPostmortem({ timezone: 'Mars/Olympus_Mons' }));
    expect(issue.path).toEqual(['timezone']);
    expect(issue.message).toBe(
      '"Mars/Olympus_Mons" is not an IANA time zone; use a name such as UTC, Europe/Berlin or America/Los_Angeles',
    );
  });

  it('rejects a city name on its own', () => {
    const issue = onlyIssue(validPostmortem({ timezone: 'Berlin' }));
    expect(issue.path).toEqual(['timezone']);
    expect(issue.message).toMatch(
      /^"Berlin" is not an IANA time zone; use a name such as UTC, Europe\/Berlin/,
    );
  });
});
