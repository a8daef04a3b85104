import { describe, expect, it } from 'vitest';
import { STOP_WORDS, stem, terms, tokenize } from '../../src/lib/similarity';

describe('tokenize', () => {
  it('lowercases, splits on punctuation and keeps the written word beside its stem', () => {
    expect(tokenize('Disks FAILED; the RAID-array (rebuilding) stalled.')).toEqual([
      { term: 'disk', word: 'disks' },
      { term: 'fail', word: 'failed' },
      { term: 'raid', word: 'raid' },
      { term: 'array', word: 'array' },
      { term: 'rebuild', word: 'rebuilding' },
      { term: 'stall', word: 'stalled' },
    ]);
  });

  it('drops stop words, single letters and bare numbers', () => {
    expect(terms('A disk in the array of 12 drives was at 100% for 3 h')).toEqual(['disk', 'array', 'driv']);
    for (const word of ['the', 'and', 'was', 'because', 'not']) expect(STOP_WORDS.has(word)).toBe(true);
  });

  it('keeps letters and digits of any script inside one word', () => {
    expect(terms('Zertifikat für café.example abgelaufen; http2 stream')).toEqual([
      'zertifikat',
      'für',
      'café',
      'exampl',
      'abgelaufen',
      'http2',
      'stream',
    ]);
  });

  it('returns nothing for text with no words worth comparing', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('It was the one in 2024.')).toEqual([]);
  });
});

describe('stem', () => {
  it.each([
    ['disks', 'disk'],
    ['disk', 'disk'],
    ['policies', 'policy'],
    ['caches', 'cach'],
    ['cache', 'cach'],
    ['caching', 'cach'],
    ['processes', 'process'],
    ['process', 'process'],
    ['failed', 'fail'],
    ['failing', 'fail'],
    ['expired', 'expir'],
    ['expire', 'expir'],
    ['certificates', 'certificat'],
    ['certificate', 'certificat'],
  ])('brings %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each(['dns', 'tls', 'status', 'analysis', 'bus', 'red', 'string', 'use'])(
    'leaves %s alone: short stems and -ss/-us/-is endings are not suffixes',
    (word) => {
      expect(stem(word)).toBe(word);
    },
  );
});
