import { describe, expect, it } from 'vitest';
import {
  isVocabularyWord,
  maxEdits,
  parseVocabulary,
  suggest,
  vocabularyFile,
  vocabularyFileContent,
  vocabularyShard,
  wordsOf,
  type Vocabulary,
} from '../../src/lib/search/vocabulary';

const vocabulary: Vocabulary = new Map([
  ['certificate', 9],
  ['certificates', 4],
  ['kubernetes', 3],
  ['database', 12],
  ['databases', 2],
  ['dns', 6],
  ['dev', 1],
  ['disk', 7],
  ['desk', 1],
  ['dusk', 2],
  ['latency', 5],
]);

describe('suggest', () => {
  it('finds the word one slip away', () => {
    expect(suggest('certficate', vocabulary)).toEqual(['certificate', 'certificates']);
    expect(suggest('kubernets', vocabulary)).toEqual(['kubernetes']);
    expect(suggest('latnecy', vocabulary)).toEqual(['latency']);
  });

  it('puts fewer edits first, then the word on more pages, then the alphabet', () => {
    expect(suggest('databse', vocabulary)).toEqual(['database', 'databases']);
    // disk, desk and dusk are each one edit from "dask": disk is on the most pages, then dusk.
    expect(suggest('dask', vocabulary)).toEqual(['disk', 'dusk', 'desk']);
    const ties: Vocabulary = new Map([
      ['bcd', 1],
      ['abd', 1],
    ]);
    expect(suggest('abcd', ties)).toEqual(['abd', 'bcd']);
  });

  it('allows one edit for words of up to four letters and two for longer ones', () => {
    expect(maxEdits('dns')).toBe(1);
    expect(maxEdits('disk')).toBe(1);
    expect(maxEdits('disks')).toBe(2);
    expect(suggest('dsn', vocabulary)).toEqual(['dns']);
    // "dxv" is one edit from dev, "dxx" two: too far for a short word.
    expect(suggest('dxv', vocabulary)).toEqual(['dev']);
    expect(suggest('dxx', vocabulary)).toEqual([]);
    expect(suggest('crtficate', vocabulary)).toEqual(['certificate']);
    expect(suggest('crtfcate', vocabulary)).toEqual([]);
  });

  it('never suggests the word itself, in any case', () => {
    expect(suggest('Certificate', vocabulary)).toEqual(['certificates']);
    expect(suggest('DNS', vocabulary)).toEqual([]);
  });

  it('keeps to the limit', () => {
    expect(suggest('dask', vocabulary, 1)).toEqual(['disk']);
    expect(suggest('dask', vocabulary, 0)).toEqual([]);
  });

  it('suggests nothing for words under three letters or far from every word', () => {
    expect(suggest('ds', vocabulary)).toEqual([]);
    expect(suggest('zebra', vocabulary)).toEqual([]);
    expect(suggest('certificate', new Map())).toEqual([]);
  });
});

describe('wordsOf', () => {
  it('lowercases, splits at anything but letters and digits, and drops apostrophes', () => {
    expect(wordsOf("The mail-relay's queue didn't drain (api.example.com, k8s).")).toEqual([
      'the',
      'mail',
      'relay',
      'queue',
      'didnt',
      'drain',
      'api',
      'example',
      'com',
      'k8s',
    ]);
  });

  it('keeps accented letters as letters', () => {
    expect(wordsOf('Café – Zürich')).toEqual(['café', 'zürich']);
  });
});

describe('isVocabularyWord', () => {
  it('keeps words and short alphanumeric names', () => {
    for (const word of ['certificate', 'k8s', 'ipv6', 'ec2', 'dns', 'zürich', 'deadbeef'])
      expect(isVocabularyWord(word), word).toBe(true);
  });

  it('leaves out short words, numbers, measurements, hashes and very long runs', () => {
    for (const word of ['db', '2024', '10ms', 'v1234', '3fa9c2e', '0a1b2c3d4e', 'x'.repeat(25)])
      expect(isVocabularyWord(word), word).toBe(false);
  });
});

describe('vocabularyShard and vocabularyFile', () => {
  it('files a word under its first letter or digit, anything else under _', () => {
    expect(vocabularyShard('Certificate')).toBe('c');
    expect(vocabularyShard('5xx')).toBe('5');
    expect(vocabularyShard('équipe')).toBe('_');
    expect(vocabularyFile('kubernets')).toBe('vocabulary/k.json');
  });
});

describe('the vocabulary file', () => {
  it('groups words by page count, alphabetically, and reads back as it was', () => {
    const content = vocabularyFileContent(
      new Map([
        ['disk', 7],
        ['desk', 1],
        ['dusk', 1],
      ]),
    );
    expect(content).toEqual({ version: 1, words: { '1': 'desk dusk', '7': 'disk' } });
    expect(parseVocabulary(JSON.parse(JSON.stringify(content)))).toEqual(
      new Map([
        ['desk', 1],
        ['dusk', 1],
        ['disk', 7],
      ]),
    );
  });

  it('is the same for the same words in any order', () => {
    const a = vocabularyFileContent(new Map(vocabulary));
    const b = vocabularyFileContent(new Map([...vocabulary].reverse()));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('refuses what is not a vocabulary file of this version', () => {
    expect(() => parseVocabulary(null)).toThrow(/not a JSON object/);
    expect(() => parseVocabulary('<!doctype html>')).toThrow(/not a JSON object/);
    expect(() => parseVocabulary({ version: 2, words: {} })).toThrow(/not version 1/);
    expect(() => parseVocabulary({ version: 1 })).toThrow(/not version 1/);
  });

  it('skips entries that are not a page count and a list of words', () => {
    expect(parseVocabulary({ version: 1, words: { x: 'a b', '0': 'zero', '2': 3, '1': 'disk' } })).toEqual(
      new Map([['disk', 1]]),
    );
  });
});
