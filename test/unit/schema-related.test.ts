import { describe, expect, it } from 'vitest';
import { onlyIssue, parse, validPostmortem } from './helpers';

const related = ['2024-02-22-mail-server-storage-disk', '2023-01-01-no-such-incident'];

describe('related', () => {
  it('is optional', () => {
    expect(parse(validPostmortem({ related: undefined })).related).toBeUndefined();
  });

  it('accepts any id when the schema does not know the other postmortems', () => {
    expect(parse(validPostmortem({ related })).related).toEqual(related);
  });

  it('accepts ids of existing postmortems when they are given', () => {
    const existing = ['2024-02-22-mail-server-storage-disk', '2024-05-09-mail-storage-array-disk'];
    expect(parse(validPostmortem({ related: [existing[0]] }), existing).related).toEqual([existing[0]]);
  });

  it('rejects an id that is not a postmortem, at its index, when the ids are given', () => {
    const issue = onlyIssue(validPostmortem({ related }), ['2024-02-22-mail-server-storage-disk']);
    expect(issue.path).toEqual(['related', 1]);
    expect(issue.message).toBe(
      '"2023-01-01-no-such-incident" is not a postmortem; use the file name without extension of one in content/postmortems/',
    );
  });
});

describe('authors and tags', () => {
  it('are optional lists of text', () => {
    const pm = parse(validPostmortem({ authors: ['Priya Raman'], tags: ['storage', 'disk'] }));
    expect(pm.authors).toEqual(['Priya Raman']);
    expect(pm.tags).toEqual(['storage', 'disk']);
  });

  it('reject an empty author', () => {
    const issue = onlyIssue(validPostmortem({ authors: ['Priya Raman', ' '] }));
    expect(issue.path).toEqual(['authors', 1]);
    expect(issue.message).toBe('must not be empty');
  });

  it('reject a tag that is not text', () => {
    const issue = onlyIssue(validPostmortem({ tags: ['storage', 42] }));
    expect(issue.path).toEqual(['tags', 1]);
    expect(issue.message).toBe('must be text; got 42');
  });
});
