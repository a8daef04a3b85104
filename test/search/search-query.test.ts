import { describe, expect, it } from 'vitest';
import { effectiveSort, searchTermOf, sortIds } from '../../src/lib/search/query';

describe('effectiveSort', () => {
  it('uses newest for an empty search that asked for relevance', () => {
    expect(effectiveSort({ q: '', sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: '', sort: 'longest' })).toBe('longest');
    expect(effectiveSort({ q: 'dns', sort: 'relevance' })).toBe('relevance');
  });
});

describe('searchTermOf', () => {
  it('asks for every incident when there are no words', () => {
    expect(searchTermOf({ q: '' })).toBeNull();
    expect(searchTermOf({ q: '  ' })).toBeNull();
    expect(searchTermOf({ q: ' disk failure ' })).toBe('disk failure');
  });
});

describe('sortIds', () => {
  // Index order is newest first: c, a, b.
  const place = new Map([
    ['c', 0],
    ['a', 1],
    ['b', 2],
  ]);
  const minutes = new Map([
    ['a', 30],
    ['b', 90],
    ['c', 30],
  ]);

  it('keeps the relevance order Pagefind gave', () => {
    expect(sortIds(['b', 'a', 'c'], 'relevance', place)).toEqual(['b', 'a', 'c']);
  });

  it('orders newest first by place in the index', () => {
    expect(sortIds(['b', 'a', 'c'], 'newest', place)).toEqual(['c', 'a', 'b']);
  });

  it('orders longest first, the newer first among equals', () => {
    expect(sortIds(['a', 'b', 'c'], 'longest', place, minutes)).toEqual(['b', 'c', 'a']);
  });
});
