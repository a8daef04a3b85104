import { describe, expect, it } from 'vitest';
import { partOf } from '../../bench/run/search-transfer';

describe('partOf (where a search transfer goes)', () => {
  it('tells the kinds of file a search downloads apart', () => {
    const at = (pathname: string) => partOf(`http://127.0.0.1:4321${pathname}`);
    expect(at('/search/')).toBe('page and its assets');
    expect(at('/_astro/search.abc123.js')).toBe('page and its assets');
    expect(at('/pagefind/pagefind.js')).toBe('Pagefind code');
    expect(at('/pagefind/wasm.en.pagefind')).toBe('Pagefind code');
    expect(at('/pagefind/pagefind.en_1234.pf_meta')).toBe('index metadata');
    expect(at('/pagefind/index/en_abcd.pf_index')).toBe('index chunks');
    expect(at('/pagefind/fragment/en_abcd.pf_fragment')).toBe('fragments');
    expect(at('/pagefind/filter/en_abcd.pf_filter')).toBe('Pagefind filters');
    expect(at('/pagefind/facets.json')).toBe('facet data');
    expect(at('/pagefind/durations.json')).toBe('facet data');
    expect(at('/pagefind/vocabulary/c.json')).toBe('vocabulary');
    expect(at('/pagefind/pagefind-entry.json')).toBe('other index files');
  });
});
