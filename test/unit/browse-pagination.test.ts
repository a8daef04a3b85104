import { describe, expect, it } from 'vitest';
import { pagedTitle, pageLinks, pageSummary, underPagePrefix } from '../../src/lib/pagination';
import { routes } from '../../src/lib/routes';
import { NOUNS } from '../../src/lib/labels';

/** The bar as text: numbers, and `…` for a gap. */
const bar = (current: number, last: number, radius?: number) =>
  pageLinks(current, last, radius)
    .map((link) => (link.kind === 'gap' ? '…' : String(link.number)))
    .join(' ');

describe('pageLinks', () => {
  it('lists every page when there are few', () => {
    expect(bar(1, 1)).toBe('1');
    expect(bar(2, 3)).toBe('1 2 3');
    expect(bar(4, 7)).toBe('1 2 3 4 5 6 7');
  });

  it('keeps the first, the last and the pages around the current one, with gaps between', () => {
    expect(bar(1, 20)).toBe('1 2 3 … 20');
    expect(bar(10, 20)).toBe('1 … 8 9 10 11 12 … 20');
    expect(bar(20, 20)).toBe('1 … 18 19 20');
  });

  it('shows a single left-out page instead of a gap standing for it', () => {
    // 1 … 3 would hide only page 2: the number is as short as the gap.
    expect(bar(5, 20)).toBe('1 2 3 4 5 6 7 … 20');
    expect(bar(16, 20)).toBe('1 … 14 15 16 17 18 19 20');
  });

  it('stays short however long the list grows', () => {
    expect(pageLinks(500, 1000, 2).length).toBeLessThanOrEqual(2 * 2 + 5);
    expect(bar(500, 1000, 1)).toBe('1 … 499 500 501 … 1000');
  });
});

describe('pageSummary', () => {
  it('states only the count and order when the list fits one page', () => {
    expect(pageSummary({ start: 0, end: 2, total: 3 }, 'newest first', NOUNS.incident)).toBe(
      '3 incidents, newest first.',
    );
    expect(pageSummary({ start: 0, end: 0, total: 1 }, 'newest first', NOUNS.incident)).toBe(
      '1 incident, newest first.',
    );
  });

  it('states which rows of how many a later page holds', () => {
    expect(pageSummary({ start: 100, end: 199, total: 250 }, 'newest first', NOUNS.incident)).toBe(
      'Showing 101–200 of 250 incidents, newest first.',
    );
    expect(pageSummary({ start: 200, end: 249, total: 250 }, 'newest first', NOUNS.incident)).toBe(
      'Showing 201–250 of 250 incidents, newest first.',
    );
  });

  it('says there is nothing for an empty list', () => {
    expect(pageSummary({ start: 0, end: -1, total: 0 }, 'newest first', NOUNS.incident)).toBe(
      'No incidents.',
    );
  });
});

describe('pagedTitle', () => {
  it('adds the page number from page 2 on', () => {
    expect(pagedTitle('All incidents', 1)).toBe('All incidents');
    expect(pagedTitle('All incidents', 3)).toBe('All incidents, page 3');
  });
});

describe('underPagePrefix', () => {
  it('moves page n of a list to <list>/page/<n>/, where routes link it, and leaves page 1 alone', () => {
    const paths = underPagePrefix([
      { params: { page: undefined, slug: 'email' }, props: {} },
      { params: { page: '2', slug: 'email' }, props: {} },
    ]);
    expect(paths.map((path) => path.params)).toEqual([
      { page: undefined, slug: 'email' },
      { page: 'page/2', slug: 'email' },
    ]);
    expect(routes.service('email', 2)).toBe('/services/email/page/2/');
    expect(routes.service('email', 1)).toBe('/services/email/');
    expect(routes.incidents(3)).toBe('/incidents/page/3/');
  });
});
