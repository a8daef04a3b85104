import { describe, expect, it } from 'vitest';
import { placeholder } from '../../src/lib/placeholder';
import { issuesOf, onlyIssue, validPostmortem } from './helpers';

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
