import { describe, expect, it } from 'vitest';
import { issuesOf, validPostmortem, type Frontmatter } from './helpers';

/** Full paths of every unknown key the schema reports, e.g. `['tasks', 0, 'assignee']`. */
function unknownKeys(input: Frontmatter): PropertyKey[][] {
  return issuesOf(input).flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [],
  );
}

describe('unknown keys are errors at every level', () => {
  it('rejects the top-level typo rootcause, and rootCause is then missing', () => {
    const { rootCause, ...rest } = validPostmortem();
    const input = { ...rest, rootcause: rootCause };
    expect(unknownKeys(input)).toEqual([['rootcause']]);
    expect(issuesOf(input).map((issue) => issue.path)).toContainEqual(['rootCause']);
  });

  it('rejects an unknown key inside impact', () => {
    expect(unknownKeys(validPostmortem({ impact: { summary: 'Mail was down.', users: 'all' } }))).toEqual([
      ['impact', 'users'],
    ]);
  });

  it('rejects an unknown key inside rootCause', () => {
    const rootCause = { category: 'hardware', summary: 'A disk failed.', contributingfactors: ['No spare.'] };
    expect(unknownKeys(validPostmortem({ rootCause }))).toEqual([['rootCause', 'contributingfactors']]);
  });

  it('rejects an unknown key inside a task, naming its index', () => {
    const tasks = [{ title: 'Add failover', type: 'prevent', assignee: 'sre' }];
    expect(unknownKeys(validPostmortem({ tasks }))).toEqual([['tasks', 0, 'assignee']]);
  });

  it('rejects an unknown key inside a timeline entry', () => {
    const timeline = [{ at: '2024-05-09T08:05:00Z', text: 'Paged.', who: 'on-call' }];
    expect(unknownKeys(validPostmortem({ timeline }))).toEqual([['timeline', 0, 'who']]);
  });

  it('accepts none of the computed output fields as input', () => {
    expect(unknownKeys(validPostmortem({ durationMs: 12_600_000 }))).toEqual([['durationMs']]);
  });
});
