import { describe, expect, it } from 'vitest';
import { distinctWords, facetRowOf, searchPage } from '../../src/lib/search/search-document';

const page = (body: string) =>
  `<html><body><header>Site</header><article data-pagefind-body><div hidden data-search-facets="{&quot;rootCause&quot;:&quot;a&amp;b&quot;}"><span data-pagefind-meta="title:Disk"></span></div>${body}</article></body></html>`;

describe('distinctWords', () => {
  it('keeps each word once, as first written, in the order first seen, without edge punctuation', () => {
    expect(distinctWords('The pool (PgBouncer) ran dry. The pool, the POOL! api-gateway “quoted”')).toEqual([
      'The',
      'pool',
      'PgBouncer',
      'ran',
      'dry',
      'api-gateway',
      'quoted',
    ]);
  });
});

describe('searchPage', () => {
  const html = page(
    `<h1>Disk died</h1><p class="lede">Uploads failed.</p>` +
      `<div data-search-words><p>The disk failed. The disk was old &amp; tired.</p><p data-pagefind-ignore>Secret note</p></div>` +
      `<section><ol data-search-words><li>Paged the disk team</li></ol></section>` +
      `<dl><dd data-pagefind-weight="6">A disk failed.</dd></dl><nav>Breadcrumb</nav>`,
  );
  const { document, text } = searchPage(html);

  it('replaces the marked regions with one paragraph of their distinct words at the end', () => {
    // "disk" and "failed" are in the prose already ("Uploads failed.", "A disk failed.").
    expect(document).toContain('<p id="search-words">The was old &amp; tired Paged team</p></article>');
    expect(document).not.toContain('data-search-words');
    expect(document).not.toContain('Secret note');
  });

  it('keeps the rest as prose, with its weights', () => {
    expect(document).toContain('<h1>Disk died</h1><p class="lede">Uploads failed.</p>');
    expect(document).toContain('<dd data-pagefind-weight="6">A disk failed.</dd>');
    expect(document).toContain('data-pagefind-meta="title:Disk"');
  });

  it('holds every word of the indexed page, with its metadata, and nothing Pagefind would skip', () => {
    const words = (value: string) => new Set(value.toLowerCase().match(/[\p{L}\p{N}]+/gu));
    expect(words(text)).toEqual(
      words('Disk died Uploads failed The disk failed was old tired Paged the team A disk failed Disk'),
    );
  });

  it('leaves a page without the marked regions as it is', () => {
    const plain = page('<p>Only prose.</p>');
    expect(searchPage(plain).document).toBe(plain);
  });
});

describe('facetRowOf', () => {
  it('reads the facet values without parsing the page, decoding the attribute', () => {
    expect(facetRowOf(page(''), 'incidents/x/index.html')).toEqual({ rootCause: 'a&b' });
  });

  it('names the page when they are missing or broken', () => {
    expect(() => facetRowOf('<html></html>', 'incidents/x/index.html')).toThrow(
      /incidents\/x\/index\.html has no data-search-facets/,
    );
    expect(() => facetRowOf('<div data-search-facets="{oops"></div>', 'incidents/y/index.html')).toThrow(
      /incidents\/y\/index\.html: data-search-facets is not valid JSON/,
    );
  });
});
