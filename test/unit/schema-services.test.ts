import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

describe('services', () => {
  it('accepts lowercase slugs with digits and single hyphens', () => {
    expect(parse(validPostmortem({ services: ['email', 'mail-relay', 'api-v2'] })).services).toEqual([
      'email',
      'mail-relay',
      'api-v2',
    ]);
  });

  it('is required', () => {
    const issue = onlyIssue(validPostmortem({ services: undefined }));
    expect(issue.path).toEqual(['services']);
    expect(issue.message).toBe('is required: list at least one affected service, such as [email]');
  });

  it('must list at least one service', () => {
    const issue = onlyIssue(validPostmortem({ services: [] }));
    expect(issue.path).toEqual(['services']);
    expect(issue.message).toBe('must list at least one affected service');
  });

  it.each(['Email', 'mail_relay', 'mail--relay', '-email', 'mail relay'])(
    'rejects %j, pointing at the item',
    (bad) => {
      const issue = onlyIssue(validPostmortem({ services: ['email', bad] }));
      expect(issue.path).toEqual(['services', 1]);
      expect(issue.message).toBe(
        'must be a lowercase slug: letters a-z, digits and single hyphens, such as mail-relay',
      );
    },
  );

  it('rejects a service listed twice, at the repeat', () => {
    const issue = onlyIssue(validPostmortem({ services: ['email', 'mail-storage', 'email'] }));
    expect(issue.path).toEqual(['services', 2]);
    expect(issue.message).toBe('repeats "email"');
  });
});
