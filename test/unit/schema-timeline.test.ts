import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS } from '../../src/schemas/timeline';
import { onlyIssue, parse, validPostmortem } from './helpers';

const entry = (fields: Record<string, unknown>) => ({
  at: '2024-05-09T08:05:00Z',
  text: 'Users report that email is down.',
  ...fields,
});

describe('timeline', () => {
  it('is optional', () => {
    expect(parse(validPostmortem({ timeline: undefined })).timeline).toBeUndefined();
  });

  it('gives an entry without a kind the kind note', () => {
    expect(parse(validPostmortem({ timeline: [entry({})] })).timeline?.[0]?.kind).toBe('note');
  });

  it.each(['detection', 'action', 'misleading', 'escalation', 'mitigation', 'resolution', 'note'])(
    'accepts the kind %s',
    (kind) => {
      expect(parse(validPostmortem({ timeline: [entry({ kind })] })).timeline?.[0]?.kind).toBe(kind);
    },
  );

  it('knows exactly the seven kinds', () => {
    expect(TIMELINE_KINDS).toEqual([
      'detection',
      'action',
      'misleading',
      'escalation',
      'mitigation',
      'resolution',
      'note',
    ]);
  });

  it('rejects another kind at its entry, listing the allowed kinds', () => {
    const issue = onlyIssue(validPostmortem({ timeline: [entry({}), entry({ kind: 'red-herring' })] }));
    expect(issue.path).toEqual(['timeline', 1, 'kind']);
    expect(issue.message).toBe(
      '"red-herring" is not allowed; use one of: detection, action, misleading, escalation, mitigation, resolution, note',
    );
  });

  it('requires text', () => {
    const issue = onlyIssue(validPostmortem({ timeline: [{ at: '2024-05-09T08:05:00Z' }] }));
    expect(issue.path).toEqual(['timeline', 0, 'text']);
    expect(issue.message).toBe('is required: what happened at this time');
  });

  it('rejects an entry time without a zone', () => {
    const issue = onlyIssue(validPostmortem({ timeline: [entry({}), entry({ at: '2024-05-09 08:15' })] }));
    expect(issue.path).toEqual(['timeline', 1, 'at']);
    expect(issue.message).toContain('must be an ISO 8601 date-time with Z or an offset');
  });
});
