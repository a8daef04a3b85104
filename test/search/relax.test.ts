import { describe, expect, it } from 'vitest';
import {
  concept,
  isStopword,
  limitAlternatives,
  correctedQuery,
  MAX_ALTERNATIVES,
  queryConcepts,
  searchTerm,
} from '../../src/lib/search/relax';

const GROUPS = [
  ['db', 'database', 'postgres'],
  ['oom', 'out of memory', 'oomkilled'],
  ['timeout', 'timed out', 'times out'],
  ['k8s', 'kubernetes'],
];

describe('queryConcepts', () => {
  it('leaves out words that carry little meaning, saying which', () => {
    expect(queryConcepts('the rollback did not help at all', [])).toEqual({
      concepts: [
        { term: 'rollback', alternatives: ['rollback'] },
        { term: 'help', alternatives: ['help'] },
      ],
      dropped: ['the', 'did', 'not', 'at', 'all'],
    });
  });

  it('drops negations and contractions the index cannot search for', () => {
    for (const word of ['not', 'no', 'cant', 'didnt', 'doesnt', 'wont']) expect(isStopword(word)).toBe(true);
    expect(queryConcepts("workers can't reach db", []).concepts.map((entry) => entry.term)).toEqual([
      'workers',
      'reach',
      'db',
    ]);
  });

  it('keeps "down", which responders type for an outage', () => {
    expect(isStopword('down')).toBe(false);
    expect(queryConcepts('email down', []).concepts.map((entry) => entry.term)).toEqual(['email', 'down']);
  });

  it('keeps a multi-word term of the synonyms whole, stopwords and all', () => {
    const { concepts, dropped } = queryConcepts('pods out of memory', GROUPS);
    expect(concepts).toEqual([
      { term: 'pods', alternatives: ['pods'] },
      { term: 'out of memory', alternatives: ['out of memory', 'oom', 'oomkilled'] },
    ]);
    expect(dropped).toEqual([]);
  });

  it('expands each word with its synonyms, the word itself first', () => {
    expect(queryConcepts('K8s DB', GROUPS).concepts).toEqual([
      { term: 'k8s', alternatives: ['k8s', 'kubernetes'] },
      { term: 'db', alternatives: ['db', 'database', 'postgres'] },
    ]);
  });

  it('folds a word into an earlier one it is a synonym of', () => {
    expect(queryConcepts('db database outage', GROUPS).concepts.map((entry) => entry.term)).toEqual([
      'db',
      'outage',
    ]);
  });

  it('gives nothing to search for when every word is a stopword', () => {
    expect(queryConcepts('out of the', []).concepts).toEqual([]);
  });
});

describe('limitAlternatives', () => {
  it('keeps every concept and its own word before any synonym', () => {
    const concepts = [
      concept('db', [['db', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']]),
      concept('checkout', []),
      concept('slow', [['slow', 'latency']]),
    ];
    const limited = limitAlternatives(concepts, 5);
    expect(limited).toEqual([
      { term: 'db', alternatives: ['db', 'a1'] },
      { term: 'checkout', alternatives: ['checkout'] },
      { term: 'slow', alternatives: ['slow', 'latency'] },
    ]);
    expect(limited.flatMap((entry) => entry.alternatives)).toHaveLength(5);
  });

  it('caps a query at MAX_ALTERNATIVES searches', () => {
    const many = Array.from({ length: 12 }, (_, index) => concept(`word${index}`, []));
    expect(limitAlternatives(many).flatMap((entry) => entry.alternatives)).toHaveLength(MAX_ALTERNATIVES);
  });
});

describe('searchTerm', () => {
  it('quotes, so Pagefind looks for the words together and never for what merely starts like them', () => {
    expect(searchTerm('timed out')).toBe('"timed out"');
    expect(searchTerm('timeout')).toBe('"timeout"');
  });
});

describe('correctedQuery', () => {
  it('replaces whole words in any case and keeps the rest as typed', () => {
    expect(
      correctedQuery('Certficate expired, certficate!', [{ from: 'certficate', to: 'certificate' }]),
    ).toBe('certificate expired, certificate!');
    expect(correctedQuery('certficates', [{ from: 'certficate', to: 'certificate' }])).toBe('certficates');
  });
});
