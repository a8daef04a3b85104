import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

describe('status', () => {
  it.each(['draft', 'in-review', 'published'])('accepts %s', (status) => {
    expect(parse(validPostmortem({ status })).status).toBe(status);
  });

  it('defaults to published', () => {
    expect(parse(validPostmortem({ status: undefined })).status).toBe('published');
  });

  it('rejects anything else, listing the allowed statuses', () => {
    const issue = onlyIssue(validPostmortem({ status: 'done' }));
    expect(issue.path).toEqual(['status']);
    expect(issue.message).toBe('"done" is not allowed; use one of: draft, in-review, published');
  });
});

describe('resolvedAt depends on status', () => {
  it('may be left out of a draft', () => {
    const pm = parse(validPostmortem({ status: 'draft', resolvedAt: undefined }));
    expect(pm.resolvedAt).toBeUndefined();
  });

  it('is required for a published postmortem', () => {
    const issue = onlyIssue(validPostmortem({ status: 'published', resolvedAt: undefined }));
    expect(issue.path).toEqual(['resolvedAt']);
    expect(issue.message).toBe('is required unless status is draft (this one is published)');
  });

  it('is required for a postmortem in review', () => {
    const issue = onlyIssue(validPostmortem({ status: 'in-review', resolvedAt: undefined }));
    expect(issue.path).toEqual(['resolvedAt']);
    expect(issue.message).toContain('this one is in-review');
  });

  it('is required when status is left to its default', () => {
    const issue = onlyIssue(validPostmortem({ status: undefined, resolvedAt: undefined }));
    expect(issue.path).toEqual(['resolvedAt']);
  });
});
