import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/import/parse-source';
import { sectionize } from '../../src/lib/import/sections';
import { cleanTitle, findTitle, fitTitle, isGenericTitle } from '../../src/lib/import/title';

const titleOf = (source: string) => {
  const { sections, email } = sectionize(parseSource(source));
  return findTitle(sections, email).text;
};

describe('findTitle', () => {
  it('takes the first heading or short line that names the incident', () => {
    expect(titleOf('# Checkout failed for a third of users\n\n**Summary:** …')).toBe(
      'Checkout failed for a third of users',
    );
    expect(titleOf('0x19-postmortem\n##A disk failed in the mail array\n\nIssue Summary:')).toBe(
      'A disk failed in the mail array',
    );
    expect(titleOf('INCIDENT REPORT - Nightly export filled the disk\n===\n\nSUMMARY\nIt filled.')).toBe(
      'Nightly export filled the disk',
    );
  });

  it('prefers an e-mail subject without its Re: and [tag]', () => {
    expect(
      titleOf(
        'Subject: Re: [Postmortem] Webhooks delayed\nFrom: Ana <ana@example.com>\n\nHi all,\n\nThey were.',
      ),
    ).toBe('Webhooks delayed');
  });

  it('finds none when the document only says "Postmortem" or starts with prose', () => {
    expect(titleOf('**Postmortem**\n\n**Issue Summary:**\nA disk failed.')).toBeUndefined();
    expect(titleOf('Yesterday a disk failed and mail stopped.\n\n# Later heading')).toBeUndefined();
  });
});

describe('title helpers', () => {
  it('recognise titles that name no incident', () => {
    expect(
      ['Postmortem', 'Incident Report', '0x19-postmortem', 'incident_42', 'PIR'].every(isGenericTitle),
    ).toBe(true);
    expect(isGenericTitle('Mail down after a disk failed')).toBe(false);
  });

  it('strip lead-ins and trailing punctuation', () => {
    expect(cleanTitle('Postmortem: Search went stale.')).toBe('Search went stale');
    expect(cleanTitle('Fwd: Re: Incident report - DNS outage')).toBe('DNS outage');
  });

  it('cut a title longer than 120 characters at a word, and say so', () => {
    const long = `${'word '.repeat(30)}end`;
    const fitted = fitTitle(long);
    expect(fitted.value.length).toBeLessThanOrEqual(120);
    expect(fitted.value.endsWith('word…')).toBe(true);
    expect(fitted).toMatchObject({ guessed: true, note: 'shortened to 120 characters' });
    expect(fitTitle('Short')).toEqual({ value: 'Short' });
  });
});
