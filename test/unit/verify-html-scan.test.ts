import { describe, expect, it } from 'vitest';
import { decodeAttribute, scanHtml } from '../../src/lib/verify/html-scan';

describe('scanHtml', () => {
  it('collects ids, anchor names and each linked URL once, entities decoded', () => {
    const page = scanHtml(
      '<h2 id="timeline">T</h2><a name="old-anchor"></a><a href="/search/?q=a&amp;b=1">s</a><a href="/search/?q=a&amp;b=1">again</a><img src="/x.png" alt=""><form action="/search/"></form><script src="/a.js"></script><link rel="stylesheet" href="/s.css">',
    );
    expect([...page.ids]).toEqual(['timeline', 'old-anchor']);
    expect(page.urls).toEqual(['/search/?q=a&b=1', '/x.png', '/search/', '/a.js', '/s.css']);
  });

  it('reads a quoted attribute that holds ">", and attributes in single quotes or bare', () => {
    const page = scanHtml(`<a title="a > b" href='/one/'>1</a><a href=/two/>2</a><div id=bare></div>`);
    expect(page.urls).toEqual(['/one/', '/two/']);
    expect(page.ids.has('bare')).toBe(true);
  });

  it('skips comments and the text of scripts and styles, where "<a href" is not a link', () => {
    const page = scanHtml(
      '<!-- <a href="/commented/"> --><script>const s = "<a href=\'/in-script/\'>";</script><style>a[href="/x"]{}</style><a href="/real/">r</a>',
    );
    expect(page.urls).toEqual(['/real/']);
  });

  it('keeps the links of table bodies apart as rows, and finds the canonical link and data-pagefind-body', () => {
    const page = scanHtml(
      '<head><link rel="canonical" href="https://x.test/incidents/a/"></head><main data-pagefind-body><table><thead><tr><th><a href="/head/">h</a></th></tr></thead><tbody><tr><td><a href="/incidents/a/">A</a></td></tr><tr><td><a href="/incidents/b/">B</a></td></tr></tbody></table><a href="/incidents/c/">outside</a></main>',
    );
    expect(page.rowLinks).toEqual(['/incidents/a/', '/incidents/b/']);
    expect(page.canonical).toBe('https://x.test/incidents/a/');
    expect(page.indexed).toBe(true);
    expect(scanHtml('<main><p>no index</p></main>').indexed).toBe(false);
  });

  it('counts a row link repeated in another row twice: a doubled row is what the list check looks for', () => {
    const page = scanHtml(
      '<tbody><tr><td><a href="/incidents/a/">A</a></td></tr><tr><td><a href="/incidents/a/">A</a></td></tr></tbody>',
    );
    expect(page.rowLinks).toEqual(['/incidents/a/', '/incidents/a/']);
  });
});

describe('decodeAttribute', () => {
  it('decodes named and numeric references and leaves unknown ones as written', () => {
    expect(decodeAttribute('a&amp;b &#39;c&#x27; &quot;d&quot; &copy;')).toBe(`a&b 'c' "d" &copy;`);
  });
});
