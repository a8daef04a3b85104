import { describe, expect, it } from 'vitest';
import {
  NOUNS,
  plural,
  pluralWord,
  POSTMORTEM_STATUS_LABELS,
  POSTMORTEM_STATUS_NOTICES,
  POSTMORTEM_STATUS_TONES,
  rankedSeverity,
  severityRank,
  SORT_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUS_TONES,
  TASK_TYPE_LABELS,
  taxonomyEntry,
  TIMELINE_KIND_LABELS,
} from '../../src/lib/labels';
import { POSTMORTEM_STATUSES, TASK_STATUSES, TASK_TYPES, TIMELINE_KINDS } from '../../src/schemas';
import { SORTS } from '../../src/lib/search/state';

/** Five levels, one more than the stylesheet has shades for. */
const severities = ['P0', 'P1', 'P2', 'P3', 'P4'].map((id) => ({
  id,
  label: `${id} label`,
  description: `What ${id} means.`,
}));

describe('labels for the schema’s fixed values', () => {
  it('label every value, and nothing else', () => {
    const cases: [readonly string[], Record<string, string>][] = [
      [POSTMORTEM_STATUSES, POSTMORTEM_STATUS_LABELS],
      [TASK_STATUSES, TASK_STATUS_LABELS],
      [TASK_TYPES, TASK_TYPE_LABELS],
      [TIMELINE_KINDS, TIMELINE_KIND_LABELS],
      [SORTS, SORT_LABELS],
    ];
    for (const [values, labels] of cases) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) expect(labels[value]?.trim()).toBeTruthy();
    }
  });

  it('read as people write them', () => {
    expect(POSTMORTEM_STATUS_LABELS['in-review']).toBe('In review');
    expect(TASK_STATUS_LABELS['wont-do']).toBe("Won't do");
    expect(TASK_STATUS_LABELS['in-progress']).toBe('In progress');
    expect(TIMELINE_KIND_LABELS.misleading).toBe('Misleading path');
    expect(SORT_LABELS.relevance).toBe('Best match');
  });

  it('mark outstanding work and unfinished postmortems as warnings', () => {
    expect(TASK_STATUSES.filter((status) => TASK_STATUS_TONES[status] === 'warn')).toEqual([
      'open',
      'in-progress',
    ]);
    expect(TASK_STATUS_TONES.done).toBe('ok');
    expect(POSTMORTEM_STATUSES.filter((status) => POSTMORTEM_STATUS_TONES[status] === 'warn')).toEqual([
      'draft',
      'in-review',
    ]);
  });

  it('give every unfinished status a notice', () => {
    expect(Object.keys(POSTMORTEM_STATUS_NOTICES).sort()).toEqual(['draft', 'in-review']);
    expect(POSTMORTEM_STATUS_NOTICES.draft).toMatch(/draft/);
  });
});

describe('plural', () => {
  const things = { one: 'thing', other: 'things' };

  it('puts the count before the form the count takes', () => {
    expect([0, 1, 2, 11, 21, 100].map((count) => plural(count, things))).toEqual([
      '0 things',
      '1 thing',
      '2 things',
      '11 things',
      '21 things',
      '100 things',
    ]);
  });

  it('follows the English plural rules, not a test for 1', () => {
    // English has no "zero" category, so a zero form is never chosen; 1.5 is plural.
    expect(plural(0, { zero: 'nothing', ...things })).toBe('0 things');
    expect(plural(1.5, things)).toBe('1.5 things');
    expect(pluralWord(1, NOUNS.incident)).toBe('incident');
    expect(pluralWord(4, NOUNS.incident)).toBe('incidents');
  });

  it('spells the site’s nouns in both forms', () => {
    for (const forms of Object.values(NOUNS)) {
      expect(forms.one).not.toBe(forms.other);
      expect(plural(1, forms)).toBe(`1 ${forms.one}`);
      expect(plural(2, forms)).toBe(`2 ${forms.other}`);
    }
  });
});

describe('taxonomyEntry', () => {
  it('finds the entry for an id', () => {
    expect(taxonomyEntry(severities, 'P2')).toBe(severities[2]);
  });

  it('stands in with the id as label for an id the taxonomy does not know', () => {
    expect(taxonomyEntry(severities, 'P9')).toEqual({ id: 'P9', label: 'P9', description: '' });
  });
});

describe('severityRank', () => {
  it('shades by position in the organisation’s list, the levels past the fourth sharing the mildest', () => {
    expect(severities.map((entry) => severityRank(entry.id, severities))).toEqual([1, 2, 3, 4, 4]);
  });

  it('gives an unknown id the mildest shade, however short the list', () => {
    expect(severityRank('P9', severities)).toBe(4);
    expect(severityRank('P9', severities.slice(0, 2))).toBe(4);
    expect(severityRank('P1', severities.slice(0, 2))).toBe(2);
  });

  it('follows the list’s order, not the ids’ names', () => {
    const reversed = [...severities].reverse();
    expect(severityRank('P4', reversed)).toBe(1);
    expect(severityRank('P0', reversed)).toBe(4);
  });
});

describe('rankedSeverity', () => {
  it('carries the entry and its shade', () => {
    expect(rankedSeverity('P1', severities)).toEqual({
      id: 'P1',
      label: 'P1 label',
      description: 'What P1 means.',
      rank: 2,
    });
    expect(rankedSeverity('P9', severities)).toEqual({ id: 'P9', label: 'P9', description: '', rank: 4 });
  });
});
