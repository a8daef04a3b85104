import { describe, expect, it } from 'vitest';
import {
  idsInTaxonomyFile,
  onlyIssue,
  parse,
  severityIds,
  unitContentRoot,
  validPostmortem,
} from './helpers';

/** The allowed ids as messages list them: the fixture's severities, most severe first. */
const allowed = severityIds.join(', ');

describe('severity', () => {
  it('comes from severities.yaml, most severe first', () => {
    expect(severityIds).toEqual(idsInTaxonomyFile(unitContentRoot, 'severities.yaml'));
    expect(severityIds.length).toBeGreaterThan(1);
  });

  it.each(severityIds)('accepts %s', (severity) => {
    expect(parse(validPostmortem({ severity })).severity).toBe(severity);
  });

  it('rejects an id not in severities.yaml, listing the allowed ids and the file', () => {
    expect(severityIds).not.toContain('SEV5');
    const issue = onlyIssue(validPostmortem({ severity: 'SEV5' }));
    expect(issue.path).toEqual(['severity']);
    expect(issue.message).toBe(
      `"SEV5" is not allowed; use one of: ${allowed} (defined in content/taxonomy/severities.yaml)`,
    );
  });

  it('is case-sensitive', () => {
    const lower = severityIds.map((id) => id.toLowerCase()).find((id) => !severityIds.includes(id));
    expect(lower, 'the fixture has an id with capitals').toBeDefined();
    const issue = onlyIssue(validPostmortem({ severity: lower }));
    expect(issue.path).toEqual(['severity']);
    expect(issue.message).toContain(`use one of: ${allowed}`);
  });

  it('is required, and the message still lists the allowed ids', () => {
    const issue = onlyIssue(validPostmortem({ severity: undefined }));
    expect(issue.path).toEqual(['severity']);
    const prefix = `is required; use one of: ${allowed}`;
    expect(issue.message.slice(0, prefix.length)).toBe(prefix);
  });
});
