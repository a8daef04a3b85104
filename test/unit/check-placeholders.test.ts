import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkPostmortemFile } from '../../src/lib/content-check';
import { PLACEHOLDER_PATTERN } from '../../src/lib/frontmatter-schema';
import { isPlaceholder, placeholder } from '../../src/lib/placeholder';
import { issuesOf, onlyIssue, schema, validPostmortem } from './helpers';

describe('placeholders in text fields', () => {
  it('rejects a placeholder title, quoting it and saying what to write', () => {
    const issue = onlyIssue(validPostmortem({ title: placeholder('name the incident') }));
    expect(issue.path).toEqual(['title']);
    expect(issue.message).toBe(
      'is still a placeholder ("TODO: name the incident"): replace it with the incident\'s name as a reader would search for it, in up to 120 characters',
    );
  });

  it('rejects placeholders in every required text field, at any depth', () => {
    const issues = issuesOf(
      validPostmortem({
        summary: 'TODO',
        impact: { summary: '  todo: who was hurt' },
        rootCause: { category: 'hardware', summary: 'Todo - later' },
        timeline: [{ at: '2024-05-09T08:05:00Z', text: placeholder('what happened') }],
        tasks: [{ title: placeholder('what will be done'), type: 'prevent' }],
      }),
    );
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'summary',
        'is still a placeholder ("TODO"): replace it with the issue summary in one to three sentences',
      ],
      [
        'impact.summary',
        'is still a placeholder ("todo: who was hurt"): replace it with what users experienced',
      ],
      [
        'rootCause.summary',
        'is still a placeholder ("Todo - later"): replace it with the root cause in a sentence',
      ],
      [
        'timeline.0.text',
        'is still a placeholder ("TODO: what happened"): replace it with what happened at this time',
      ],
      [
        'tasks.0.title',
        'is still a placeholder ("TODO: what will be done"): replace it with what will be done',
      ],
    ]);
  });

  it('accepts text that merely mentions a to-do', () => {
    expect(
      issuesOf(validPostmortem({ summary: 'The TODO list service went down.', title: 'Todos lost' })),
    ).toEqual([]);
  });
});

describe('PLACEHOLDER_PATTERN', () => {
  it('tells editors the same as isPlaceholder', () => {
    const pattern = new RegExp(PLACEHOLDER_PATTERN);
    for (const value of [
      'TODO',
      'todo: x',
      '  ToDo - later',
      'TODO:',
      'Todos lost',
      'The TODO list',
      'to do',
      'TODOLIST',
    ]) {
      expect(pattern.test(value), value).toBe(isPlaceholder(value));
    }
  });
});

describe('placeholders in dates, severities and categories', () => {
  it('say the value was never filled in, and what to write, without echoing the placeholder twice', () => {
    const file = '/site/content/postmortems/2024-05-09-x.md';
    const text = `---\n${stringify(
      validPostmortem({
        severity: placeholder('choose a severity'),
        startedAt: placeholder('when impact began'),
        rootCause: { category: 'TODO', summary: 'A disk failed.' },
      }),
    )}---\n`;
    const problems = checkPostmortemFile(file, text, schema()).problems.map(({ field, message }) => [
      field,
      message,
    ]);
    expect(problems).toEqual([
      [
        'severity',
        'is still a placeholder ("TODO: choose a severity"); use one of: SEV1, SEV2, SEV3, SEV4 (defined in content/taxonomy/severities.yaml)',
      ],
      [
        'startedAt',
        'is still a placeholder ("TODO: when impact began"); it must be an ISO 8601 date-time with Z or an offset, such as 2024-05-09T08:00:00Z or 2024-05-09T01:00:00-07:00',
      ],
      [
        'rootCause.category',
        expect.stringMatching(/^is still a placeholder \("TODO"\); use one of: hardware, /),
      ],
    ]);
  });
});
