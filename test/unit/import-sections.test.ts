import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/import/parse-source';
import { normalizeLabel, sectionize, sectionKindOf, timelineKindOf } from '../../src/lib/import/sections';

const kinds = (source: string) => sectionize(parseSource(source)).sections.map((s) => [s.kind, s.title]);

describe('parseSource', () => {
  it('splits a paragraph of Label: value lines into labelled lines, bold labels included', () => {
    const units = parseSource(
      ['**Impact:** Email was down.', 'Root Cause: A disk failed.', 'Timeline:'].join('\n'),
    );
    expect(units.map((u) => (u.type === 'line' ? u.label : undefined))).toEqual([
      { name: 'Impact', value: 'Email was down.' },
      { name: 'Root Cause', value: 'A disk failed.' },
      { name: 'Timeline', value: '' },
    ]);
  });

  it('sees headings Markdown does not: bold lines, capitals, and ## without a space', () => {
    const units = parseSource(
      ['**Postmortem**', '', 'TIMELINE (all times CET)', '', '##Search went stale'].join('\n'),
    );
    expect(units.map((u) => u.type === 'line' && [u.text, u.headingLike])).toEqual([
      ['Postmortem', true],
      ['TIMELINE (all times CET)', true],
      ['Search went stale', true],
    ]);
  });

  it('keeps a table as rows of plain cells', () => {
    const [table] = parseSource('| Time | Event |\n| --- | --- |\n| 09:00 | **Sale** opens |');
    expect(table).toMatchObject({
      type: 'table',
      header: ['Time', 'Event'],
      rows: [['09:00', 'Sale opens']],
    });
  });
});

describe('section kinds', () => {
  it('match headings and labels by synonym, ignoring numbering, brackets and case', () => {
    expect(sectionKindOf('Issue Summary')).toBe('summary');
    expect(sectionKindOf('2. Root Causes')).toBe('rootCause');
    expect(sectionKindOf('Corrective and Preventative Measures')).toBe('measures');
    expect(sectionKindOf('Action Items')).toBe('tasks');
    expect(sectionKindOf('Timeline (UTC)')).toBe('timeline');
    expect(normalizeLabel('**Root Cause & Resolution:**')).toBe('root cause and resolution');
  });

  it('let headings add words, but not labels, so a sentence with a colon starts nothing', () => {
    expect(sectionKindOf('Impact on customers', { heading: true })).toBe('impact');
    expect(sectionKindOf('Impact on customers')).toBeUndefined();
  });

  it('give timeline labels their entry kind', () => {
    expect(timelineKindOf('Misleading Paths')).toBe('misleading');
    expect(timelineKindOf('Actions taken')).toBe('action');
    expect(timelineKindOf('Impact')).toBeUndefined();
  });
});

describe('sectionize', () => {
  it('keeps entry labels inside a timeline, and ends it at the next section', () => {
    const source = [
      'Timeline:',
      '',
      'Detection: Users reported it.',
      '',
      'Resolution: Disk replaced.',
      '',
      'Root Cause and Resolution:',
      '',
      'Resolution: The disk was replaced.',
    ].join('\n');
    expect(kinds(source)).toEqual([
      ['timeline', 'Timeline'],
      ['rootCauseAndResolution', 'Root Cause and Resolution'],
      ['resolution', 'Resolution'],
    ]);
  });

  it('scopes a section opened by a list item to that item', () => {
    const source = [
      '- Tasks:',
      '  1. Add an alert.',
      '- Root Cause: A disk failed.',
      '',
      'In conclusion, disks fail.',
    ].join('\n');
    const { sections } = sectionize(parseSource(source));
    expect(sections.map((s) => [s.kind, s.units.length])).toEqual([
      ['tasks', 1],
      ['rootCause', 1],
      ['closing', 1],
    ]);
  });

  it('reads e-mail headers, and drops the greeting and the sign-off', () => {
    const source = [
      'From: Ana <ana@example.com>',
      'Subject: Postmortem: queue stalled',
      '',
      'Hi all,',
      '',
      'The queue stalled.',
      '',
      'Thanks,',
      'Ana',
    ].join('\n');
    const { email, sections } = sectionize(parseSource(source));
    expect(email).toMatchObject({ subject: 'Postmortem: queue stalled' });
    expect(sections.flatMap((s) => s.units).map((u) => u.type === 'line' && u.text)).toEqual([
      'The queue stalled.',
    ]);
  });
});
