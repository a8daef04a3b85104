import { describe, expect, it } from 'vitest';
import {
  idsInTaxonomyFile,
  onlyIssue,
  parse,
  rootCauseIds,
  unitContentRoot,
  validPostmortem,
} from './helpers';

const rootCause = (fields: Record<string, unknown>) => ({
  rootCause: { category: 'hardware', summary: 'A disk failed.', ...fields },
});

describe('rootCause', () => {
  it('takes its categories from root-causes.yaml, in file order', () => {
    expect(rootCauseIds).toEqual(idsInTaxonomyFile(unitContentRoot, 'root-causes.yaml'));
    expect(rootCauseIds).toContain('hardware');
  });

  it.each(rootCauseIds)('accepts the category %s from root-causes.yaml', (category) => {
    expect(parse(validPostmortem(rootCause({ category }))).rootCause.category).toBe(category);
  });

  it('rejects a category not in the taxonomy, listing every allowed id and the file', () => {
    const issue = onlyIssue(validPostmortem(rootCause({ category: 'cosmic-rays' })));
    expect(issue.path).toEqual(['rootCause', 'category']);
    expect(rootCauseIds).not.toContain('cosmic-rays');
    expect(issue.message).toBe(
      `"cosmic-rays" is not allowed; use one of: ${rootCauseIds.join(', ')} (defined in content/taxonomy/root-causes.yaml)`,
    );
  });

  it('requires a category, listing the allowed ids', () => {
    const issue = onlyIssue(validPostmortem({ rootCause: { summary: 'A disk failed.' } }));
    expect(issue.path).toEqual(['rootCause', 'category']);
    const prefix = `is required; use one of: ${rootCauseIds.join(', ')}`;
    expect(issue.message.slice(0, prefix.length)).toBe(prefix);
  });

  it('requires a summary', () => {
    const issue = onlyIssue(validPostmortem(rootCause({ summary: '  ' })));
    expect(issue.path).toEqual(['rootCause', 'summary']);
    expect(issue.message).toBe('must not be empty: the root cause in a sentence');
  });

  it('takes an optional trigger and contributing factors', () => {
    const pm = parse(
      validPostmortem(rootCause({ trigger: 'Reads stopped.', contributingFactors: ['No spare drive.'] })),
    );
    expect(pm.rootCause.trigger).toBe('Reads stopped.');
    expect(pm.rootCause.contributingFactors).toEqual(['No spare drive.']);
  });

  it('rejects an empty contributing factor at its index', () => {
    const issue = onlyIssue(validPostmortem(rootCause({ contributingFactors: ['No spare drive.', ''] })));
    expect(issue.path).toEqual(['rootCause', 'contributingFactors', 1]);
    expect(issue.message).toBe('must not be empty');
  });

  it('is required', () => {
    const issue = onlyIssue(validPostmortem({ rootCause: undefined }));
    expect(issue.path).toEqual(['rootCause']);
    expect(issue.message).toContain('expected object, received undefined');
  });
});
