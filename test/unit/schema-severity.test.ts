import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, severityIds, validPostmortem } from './helpers';

describe('severity', () => {
  it('comes from the real taxonomy, most severe first', () => {
    expect(severityIds).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });

  it.each(severityIds)('accepts %s', (severity) => {
    expect(parse(validPostmortem({ severity })).severity).toBe(severity);
  });

  it('rejects an id not in severities.yaml, listing the allowed ids and the file', () => {
    const issue = onlyIssue(validPostmortem({ severity: 'SEV5' }));
    expect(issue.path).toEqual(['severity']);
    expect(issue.message).toBe(
      '"SEV5" is not allowed; use one of: SEV1, SEV2, SEV3, SEV4 (defined in content/taxonomy/severities.yaml)',
    );
  });

  it('is case-sensitive', () => {
    const issue = onlyIssue(validPostmortem({ severity: 'sev1' }));
    expect(issue.path).toEqual(['severity']);
    expect(issue.message).toContain('use one of: SEV1, SEV2, SEV3, SEV4');
  });

  it('is required, and the message still lists the allowed ids', () => {
    const issue = onlyIssue(validPostmortem({ severity: undefined }));
    expect(issue.path).toEqual(['severity']);
    expect(issue.message).toMatch(/^is required; use one of: SEV1, SEV2, SEV3, SEV4/);
  });
});
