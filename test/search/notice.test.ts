import { describe, expect, it } from 'vitest';
import {
  didYouMeanLinks,
  noticeText,
  relaxationNotice,
  searchNotice,
  type NoticePart,
} from '../../src/lib/search/notice';
import type { Relaxation } from '../../src/lib/search/search-session';
import { emptyState, type SearchState } from '../../src/lib/search/state';

const state = (overrides: Partial<SearchState>): SearchState => ({ ...emptyState(), ...overrides });
const relaxation = (overrides: Partial<Relaxation>): Relaxation => ({
  apart: true,
  strictCount: 0,
  matched: [],
  unmatched: [],
  corrections: [],
  ...overrides,
});
const emphasised = (parts: readonly NoticePart[]): string[] =>
  parts.flatMap((part) =>
    part.kind === 'words' ? [part.text] : part.kind === 'link' ? emphasised(part.parts) : [],
  );
const link = (parts: readonly NoticePart[]) => parts.find((part) => part.kind === 'link');

describe('relaxationNotice', () => {
  it('says no incident holds every word and which words it showed instead, as the issue puts it', () => {
    const parts = relaxationNotice(
      '/search/',
      state({ q: 'quota set to zero' }),
      relaxation({ matched: ['quota', 'zero'], unmatched: ['set'] }),
    );
    expect(noticeText(parts)).toBe(
      'No incident mentions all of quota set to zero; showing incidents that match quota and zero. ' +
        'Nothing mentions set. Show only incidents with all the words',
    );
    expect(emphasised(parts)).toEqual(['quota set to zero', 'quota', 'zero', 'set']);
    expect(link(parts)).toMatchObject({ href: '/search/?q=quota+set+to+zero&strict=1' });
  });

  it('lists three or more words with commas', () => {
    const parts = relaxationNotice(
      '/search/',
      state({ q: 'a b c' }),
      relaxation({ matched: ['a', 'b', 'c'] }),
    );
    expect(noticeText(parts)).toContain('that match a, b and c.');
  });

  it('says how many incidents hold every word when some do', () => {
    const one = relaxationNotice(
      '/search/',
      state({ q: 'db pool' }),
      relaxation({ strictCount: 1, matched: ['db', 'pool'] }),
    );
    expect(noticeText(one)).toBe(
      'Only 1 incident mentions all of db pool; after it, incidents that match db and pool. Show only incidents with all the words',
    );
    const two = relaxationNotice(
      '/search/',
      state({ q: 'db pool' }),
      relaxation({ strictCount: 2, matched: ['db', 'pool'] }),
    );
    expect(noticeText(two)).toContain('Only 2 incidents mention all of db pool; after them,');
  });

  it('names a corrected word and offers the search as typed', () => {
    const parts = relaxationNotice(
      '/search/',
      state({ q: 'certficate', filters: { rootCause: ['security'] } }),
      relaxation({ matched: ['certificate'], corrections: [{ from: 'certficate', to: 'certificate' }] }),
    );
    expect(noticeText(parts)).toBe(
      'No incident mentions certficate; showing certificate instead. Search instead for certficate',
    );
    expect(link(parts)).toMatchObject({ href: '/search/?q=certficate&rootCause=security&strict=1' });
  });

  it('says only the correction when the corrected words together found enough', () => {
    const parts = relaxationNotice(
      '/search/',
      state({ q: 'certficate expired' }),
      relaxation({
        apart: false,
        strictCount: 59,
        matched: ['certificate', 'expired'],
        corrections: [{ from: 'certficate', to: 'certificate' }],
      }),
    );
    expect(noticeText(parts)).toBe(
      'No incident mentions certficate; showing certificate instead. Search instead for certficate expired',
    );
  });

  it('speaks of the corrected words when it also searched them apart', () => {
    const parts = relaxationNotice(
      '/search/',
      state({ q: 'databse pool' }),
      relaxation({ matched: ['database', 'pool'], corrections: [{ from: 'databse', to: 'database' }] }),
    );
    expect(noticeText(parts)).toContain('No incident mentions all of database pool;');
  });
});

describe('searchNotice', () => {
  const didYouMean = [{ word: 'redus', suggestions: ['rebus', 'redis'] }];

  it('adds "Did you mean" to a relaxed search that has a word it could not place', () => {
    const parts = searchNotice('/search/', state({ q: 'checkout redus' }), {
      results: [1, 2],
      relaxation: relaxation({ matched: ['checkout'], unmatched: ['redus'] }),
      didYouMean,
    });
    expect(noticeText(parts)).toBe(
      'No incident mentions all of checkout redus; showing incidents that match checkout. ' +
        'Nothing mentions redus. Did you mean rebus or redis? Show only incidents with all the words',
    );
    expect(
      parts.filter((part) => part.kind === 'link').map((part) => part.kind === 'link' && part.href),
    ).toEqual([
      '/search/?q=checkout+rebus',
      '/search/?q=checkout+redis',
      '/search/?q=checkout+redus&strict=1',
    ]);
  });

  it('asks "Did you mean" after a strict search that found incidents anyway', () => {
    const parts = searchNotice('/search/', state({ q: 'checkout redus' }), {
      results: [1, 2, 3],
      didYouMean,
    });
    expect(noticeText(parts)).toBe('Did you mean rebus or redis?');
  });

  it('says nothing otherwise, and leaves an empty search to the empty state', () => {
    expect(searchNotice('/search/', state({ q: 'disk' }), { results: [1], didYouMean: [] })).toEqual([]);
    expect(searchNotice('/search/', state({ q: 'redus' }), { results: [], didYouMean })).toEqual([]);
  });
});

describe('didYouMeanLinks', () => {
  it('links each suggestion to the same search with the word replaced, no longer strict', () => {
    const links = didYouMeanLinks(
      '/search/',
      state({ q: 'Certficate expired', strict: true, sort: 'newest' }),
      [{ word: 'certficate', suggestions: ['certificate', 'certificates'] }],
    );
    expect(links).toEqual([
      { word: 'certficate', suggestion: 'certificate', href: '/search/?q=certificate+expired&sort=newest' },
      { word: 'certficate', suggestion: 'certificates', href: '/search/?q=certificates+expired&sort=newest' },
    ]);
  });
});
