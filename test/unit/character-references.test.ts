import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../src/lib/character-references';

const decode = (text: string) =>
  decodeCharacterReferences(
    text,
    (name) => ({ amp: '&' })[name],
    (reference) => `[${reference}]`,
  );

describe('decodeCharacterReferences', () => {
  it('decodes numeric references, and named ones by the reader’s table, once', () => {
    expect(decode('&#233;&#xE9;&#Xe9; &amp;amp;')).toBe('ééé &amp;');
  });

  it('hands the reader a name it does not know and a code point outside Unicode, as written', () => {
    expect(decode('&copy; &#0; &#x110000; &#9999999;')).toBe('[&copy;] [&#0;] [&#x110000;] [&#9999999;]');
  });

  it('leaves text without a complete reference alone', () => {
    expect(decode('a & b &amp c &#;')).toBe('a & b &amp c &#;');
  });
});
