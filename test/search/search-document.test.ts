import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import {
  distinctWords,
  facetRowOf,
  SEARCH_PAGE_CODE,
  searchPage,
} from '../../src/lib/search/search-document';

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

  it('gives Pagefind only the indexed region and the language, the region as it is when nothing is marked', () => {
    const region =
      '<article data-pagefind-body><span data-pagefind-meta="title:Disk"></span><p>Only prose.</p></article>';
    const plain = `<!DOCTYPE html><html lang="de"><head><style>p{}</style></head><body><header>Site</header>${region}<footer>Foot</footer></body></html>`;
    expect(searchPage(plain).document).toBe(
      `<!DOCTYPE html><html lang="de"><head></head><body>${region}</body></html>`,
    );
  });

  it('keeps the language however the page quotes it', () => {
    const region = '<main data-pagefind-body><p>Prose.</p></main>';
    for (const lang of [`'fr'`, 'fr', '"fr"'])
      expect(searchPage(`<html lang=${lang}><body>${region}</body></html>`).document).toBe(
        `<!DOCTYPE html><html lang="fr"><head></head><body>${region}</body></html>`,
      );
  });

  it('gives the whole page when Pagefind metadata, filters or sorts sit outside the region', () => {
    const before = `<html><head><meta data-pagefind-meta="image:/a.png"></head><body><article data-pagefind-body><p>Prose.</p></article></body></html>`;
    const after = `<html><body><article data-pagefind-body><p>Prose.</p></article><span data-pagefind-filter="team:db"></span></body></html>`;
    expect(searchPage(before).document).toBe(before);
    expect(searchPage(after).document).toBe(after);
    expect(searchPage(before).text).toContain('/a.png');
  });

  it('leaves a page without an indexed region as it is', () => {
    const plain = '<html><body><p>Only prose.</p></body></html>';
    expect(searchPage(plain).document).toBe(plain);
  });

  it('skips elements matching the exclusions, and refuses a selector it cannot match', () => {
    const html = page(
      '<p>Kept</p><p class="anchor x">Anchor</p><span aria-hidden="true">·</span><aside>Aside</aside>',
    );
    const { document } = searchPage(html, ['.anchor', '[aria-hidden="true"]', 'aside']);
    expect(document).toContain('<p>Kept</p>');
    expect(document).not.toMatch(/Anchor|·|Aside/);
    expect(() => searchPage(html, ['main > p'])).toThrow(/"main > p".*tag name, \.class, \[attribute\]/);
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

describe('SEARCH_PAGE_CODE', () => {
  it('holds every function of the module that makes a search page, so a cached page is made again when one changes', () => {
    const source = fs.readFileSync(
      new URL('../../src/lib/search/search-document.ts', import.meta.url),
      'utf8',
    );
    const names = [...source.matchAll(/^(?:export )?(?:function (\w+)|const (\w+) = (?:<[^>]*>)?\()/gm)].map(
      (match) => match[1] ?? match[2],
    );
    const notForPages = new Set(['facetRowOf']);
    const listed = source.slice(source.indexOf('export const SEARCH_PAGE_CODE'));
    const missing = names.filter(
      (name) => name && !notForPages.has(name) && !new RegExp(`\\b${name},`).test(listed),
    );
    expect(names.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    expect(SEARCH_PAGE_CODE).toContain(String(searchPage));
  });
});
