import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Postmortem } from '../../src/schemas/postmortem';
import { onlyIssue, parse, validPostmortem } from './helpers';

describe('title', () => {
  it('accepts 120 characters', () => {
    expect(parse(validPostmortem({ title: 'x'.repeat(120) })).title).toHaveLength(120);
  });

  it('rejects 121 characters, saying the limit', () => {
    const issue = onlyIssue(validPostmortem({ title: 'x'.repeat(121) }));
    expect(issue.path).toEqual(['title']);
    expect(issue.message).toBe('must be at most 120 characters');
  });

  it('rejects an empty title, also when it is only spaces', () => {
    for (const title of ['', '   ']) {
      const issue = onlyIssue(validPostmortem({ title }));
      expect(issue.path).toEqual(['title']);
      expect(issue.message).toBe('must not be empty');
    }
  });

  it('is required, and the message says how long it may be', () => {
    const issue = onlyIssue(validPostmortem({ title: undefined }));
    expect(issue.path).toEqual(['title']);
    expect(issue.message).toMatch(/is required.*120 characters/);
  });
});

describe('summary', () => {
  it('is required', () => {
    const issue = onlyIssue(validPostmortem({ summary: undefined }));
    expect(issue.path).toEqual(['summary']);
    expect(issue.message).toBe('is required: the issue summary in one to three sentences');
  });

  it('rejects an empty summary', () => {
    const issue = onlyIssue(validPostmortem({ summary: ' ' }));
    expect(issue.path).toEqual(['summary']);
    expect(issue.message).toBe('must not be empty: the issue summary in one to three sentences');
  });
});

describe('text field types', () => {
  // Checked by `astro check` in `npm test`: a placeholder check written as a type guard once
  // typed every text field as `never`, which compiles but leaves pages untyped.
  it('are strings, not narrowed by the placeholder check', () => {
    expectTypeOf<Postmortem['title']>().toEqualTypeOf<string>();
    expectTypeOf<Postmortem['summary']>().toEqualTypeOf<string>();
    expectTypeOf<Postmortem['rootCause']['summary']>().toEqualTypeOf<string>();
    expect(parse(validPostmortem({ title: 'Mail down' })).title).toBe('Mail down');
  });
});
