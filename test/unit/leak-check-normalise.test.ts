import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  decodeJsonEscapes,
  decodeUrlEscapes,
  stripTags,
  textViews,
} from '../../src/lib/leak-check/decode';
import { unpack } from '../../src/lib/leak-check/site-files';
import { wordList, words } from '../../src/lib/leak-check/words';

/** Every word any view of a built file's text gives, as the check reads it. */
const viewWords = (text: string) => textViews(text).map((view) => wordList(view).join(' '));

describe('words', () => {
  it('lowercases and splits on anything that is not a letter or a digit', () => {
    expect(wordList('The RAID-array (rebuilding) stalled; 3 disks… «failed»')).toEqual([
      'the',
      'raid',
      'array',
      'rebuilding',
      'stalled',
      '3',
      'disks',
      'failed',
    ]);
  });

  it('folds compatibility forms and keeps letters of any script, accents included', () => {
    expect(wordList('ＦＵＬＬ width ﬁle Zertifikat für café')).toEqual([
      'full',
      'width',
      'file',
      'zertifikat',
      'für',
      'café',
    ]);
    // A decomposed é is the same word as a composed one.
    expect(wordList('cafe\u0301')).toEqual(wordList('café'));
  });

  it('marks a word joined to the previous one by a single hyphen, and where each word is', () => {
    const split = words('2024-05-09-mail  storage--x');
    expect(split.words).toEqual(['2024', '05', '09', 'mail', 'storage', 'x']);
    expect([...split.joined]).toEqual([0, 1, 1, 1, 0, 0]);
    expect(split.starts).toEqual([0, 5, 8, 11, 17, 26]);
    expect(split.ends[3]).toBe(15);
  });
});

describe('decoding a built file', () => {
  it('reads JSON string escapes as what they stand for', () => {
    expect(decodeJsonEscapes(String.raw`Disk \"sdb\" failed\nat 10:00 \u00e9t\u00e9 a\/b`)).toBe(
      'Disk "sdb" failed at 10:00 été a/b',
    );
  });

  it('decodes numeric and named entities, accented letters and twice-escaped ones', () => {
    expect(decodeEntities('Q&amp;A &#39;x&#x27; &lt;b&gt; caf&eacute; na&iuml;ve')).toBe(
      "Q&A 'x' <b> café naïve",
    );
    expect(decodeEntities(decodeEntities('&amp;lt;p&amp;gt;'))).toBe('<p>');
    // An entity for a symbol separates words rather than joining them.
    expect(wordList(decodeEntities('disk&rarr;array'))).toEqual(['disk', 'array']);
  });

  it('decodes URL escapes and leaves a malformed one as written', () => {
    expect(decodeUrlEscapes('/search/?q=Quartzmoth%20ledger%C3%A9')).toBe('/search/?q=Quartzmoth ledgeré');
    expect(decodeUrlEscapes('100%ZZ %E0%A4')).toBe('100%ZZ %E0%A4');
  });

  it('removes tags and comments but not a lone less-than sign', () => {
    const stripped = stripTags('the <strong class="x">disk</strong> failed<!-- a note --> at < 5 ms');
    expect(stripped.replace(/\s+/g, ' ')).toBe('the disk failed at < 5 ms');
  });

  it('finds a sentence split by inline markup, hidden in an attribute, or escaped in a feed', () => {
    const sentence = 'the ledger replica stalled payment capture';
    expect(
      viewWords('<p>The <em>ledger</em> replica <a href="/x/">stalled</a> payment capture</p>'),
    ).toContainEqual(expect.stringContaining(sentence));
    expect(viewWords('<meta content="The ledger replica stalled payment capture.">')).toContainEqual(
      expect.stringContaining(sentence),
    );
    expect(
      viewWords(
        '<description>&lt;p&gt;The &lt;strong&gt;ledger&lt;/strong&gt; replica stalled payment capture&lt;/p&gt;</description>',
      ),
    ).toContainEqual(expect.stringContaining(sentence));
    expect(viewWords('{"content":"The ledger\\nreplica \\u0073talled payment capture"}')).toContainEqual(
      expect.stringContaining(sentence),
    );
  });

  it('reads an HTML page as its text and, apart, its tags and comments', () => {
    const page =
      '<!DOCTYPE html><html><head><meta name="description" content="Quartzmoth ledger replica"></head>' +
      '<body><p>The <a href="/x/">ledger</a> stalled</p><!-- draft: Larkspur owners --></body></html>';
    const [read, tags, ...rest] = viewWords(page);
    expect(rest).toEqual([]);
    expect(read).toBe('the ledger stalled');
    expect(tags).toContain('content quartzmoth ledger replica');
    expect(tags).toContain('draft larkspur owners');
  });
});

describe('unpacking a built file', () => {
  const text = 'pagefind_dcd{"content":"Quartzmoth ledger replica"}';

  it('decompresses gzip by its magic bytes, whatever the file is called', () => {
    const unpacked = unpack(zlib.gzipSync(text), 'fragment/en_1.pf_fragment');
    expect(unpacked.compression).toBe('gzip');
    expect(unpacked.bytes.toString('utf8')).toBe(text);
    expect(unpack(zlib.gzipSync(text), 'looks-like.html').bytes.toString('utf8')).toBe(text);
  });

  it('decompresses gzip inside gzip, and brotli by its extension', () => {
    expect(unpack(zlib.gzipSync(zlib.gzipSync(text)), 'x').bytes.toString('utf8')).toBe(text);
    const brotli = unpack(zlib.brotliCompressSync(text), 'index.html.br');
    expect(brotli).toMatchObject({ compression: 'brotli' });
    expect(brotli.bytes.toString('utf8')).toBe(text);
  });

  it('reads plain and broken files as the bytes they are', () => {
    expect(unpack(Buffer.from(text), 'a.html')).toEqual({ bytes: Buffer.from(text) });
    const broken = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x51, 0x75, 0x61]);
    expect(unpack(broken, 'x.pf_index').bytes).toEqual(broken);
    expect(unpack(Buffer.from(text), 'not-really.br').bytes.toString('utf8')).toBe(text);
  });
});
