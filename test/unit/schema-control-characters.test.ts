import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

const COLOURED = 'The disk reported \u001b[31mFAILED\u001b[0m and nobody saw it';

describe('control characters in text fields', () => {
  it.each([
    ['title', { title: COLOURED }, ['title']],
    ['summary', { summary: COLOURED }, ['summary']],
    ['impact.summary', { impact: { summary: COLOURED } }, ['impact', 'summary']],
    [
      'rootCause.summary',
      { rootCause: { category: 'hardware', summary: COLOURED } },
      ['rootCause', 'summary'],
    ],
    [
      'timeline.0.text',
      { timeline: [{ at: '2024-05-09T08:10:00Z', text: COLOURED }] },
      ['timeline', 0, 'text'],
    ],
    ['tasks.0.title', { tasks: [{ title: COLOURED, type: 'prevent' }] }, ['tasks', 0, 'title']],
    ['resolution', { resolution: COLOURED }, ['resolution']],
    [
      'rootCause.trigger',
      { rootCause: { category: 'hardware', summary: 'A disk failed.', trigger: COLOURED } },
      ['rootCause', 'trigger'],
    ],
    [
      'rootCause.contributingFactors.0',
      { rootCause: { category: 'hardware', summary: 'A disk failed.', contributingFactors: [COLOURED] } },
      ['rootCause', 'contributingFactors', 0],
    ],
    [
      'tasks.0.owner',
      { tasks: [{ title: 'Alert on disks', type: 'detect', owner: COLOURED }] },
      ['tasks', 0, 'owner'],
    ],
    ['authors.0', { authors: [COLOURED] }, ['authors', 0]],
    ['tags.0', { tags: [COLOURED] }, ['tags', 0]],
  ])('rejects a terminal colour code in %s, naming it', (_field, overrides, path) => {
    const issue = onlyIssue(validPostmortem(overrides));
    expect(issue.path).toEqual(path);
    expect(issue.message).toBe('contains a terminal colour code (ESC[31m); paste the text without colours');
  });

  it('rejects a bell in a title, naming the character', () => {
    const issue = onlyIssue(validPostmortem({ title: 'Mail down\u0007 for an hour' }));
    expect(issue.path).toEqual(['title']);
    expect(issue.message).toBe(
      'contains the invisible control character U+0007 (bell) at character 10; delete it',
    );
  });

  it('accepts tabs and line breaks, right-to-left text and emoji', () => {
    const summary = 'First line.\nSecond\tline. انقطاع البريد, תקלה בשרת 📧 👩🏽‍💻';
    expect(parse(validPostmortem({ summary })).summary).toBe(summary);
  });
});
