import { describe, expect, it } from 'vitest';
import { COMMON_SHARE, mergeHits, type Hit } from '../../src/lib/search/merge';
import type { Concept } from '../../src/lib/search/relax';

const concepts: Concept[] = [
  { term: 'checkout', alternatives: ['checkout'] },
  { term: 'timeout', alternatives: ['timeout', 'timed out'] },
  { term: 'pool', alternatives: ['pool'] },
];

const hit = (id: string, score = 1, cause = false): Hit => ({
  id,
  score,
  ...(cause ? { matchedMetaFields: ['summary', 'cause'] } : {}),
});

const searches = (entries: Record<string, Hit[]>) => new Map(Object.entries(entries));
const ids = (merged: { id: string }[]) => merged.map((entry) => entry.id);

describe('mergeHits', () => {
  it('ranks incidents holding more of the words first, whatever their scores', () => {
    const merged = mergeHits(
      concepts,
      searches({
        checkout: [hit('a', 1), hit('b', 9)],
        timeout: [hit('a', 1)],
        pool: [hit('a', 1), hit('c', 50)],
      }),
      100,
    );
    expect(ids(merged)).toEqual(['a', 'c', 'b']);
    expect(merged[0]).toMatchObject({ id: 'a', concepts: [0, 1, 2], coverage: 3 });
  });

  it('counts a word once however many of its synonyms match, taking the best score', () => {
    const merged = mergeHits(
      concepts,
      searches({ timeout: [hit('a', 2)], 'timed out': [hit('a', 5), hit('b', 1)], checkout: [hit('b', 1)] }),
      100,
    );
    expect(merged.find((entry) => entry.id === 'a')).toMatchObject({ concepts: [1], coverage: 1, score: 5 });
    expect(ids(merged)).toEqual(['b', 'a']);
  });

  it('puts root-cause matches first among incidents holding as many words', () => {
    const merged = mergeHits(
      concepts,
      searches({
        checkout: [hit('body', 10), hit('cause', 1, true)],
        pool: [hit('body', 10), hit('cause', 1)],
      }),
      100,
    );
    expect(ids(merged)).toEqual(['cause', 'body']);
    expect(merged[0]?.inCause).toBe(1);
  });

  it('does not count a word found on most incidents towards the rank, unless every word is like that', () => {
    const everywhere = Array.from({ length: 10 }, (_, index) => hit(`page${index}`, 1));
    expect(COMMON_SHARE).toBe(0.5);
    const merged = mergeHits(
      concepts,
      searches({ timeout: everywhere, checkout: [hit('page9', 1), hit('rare', 0.5)], pool: [] }),
      10,
    );
    // page9 holds both words, but "timeout" is on every page: it ties with "rare" and wins on score.
    expect(merged.find((entry) => entry.id === 'page9')).toMatchObject({ coverage: 1, concepts: [0, 1] });
    expect(ids(merged).slice(0, 2)).toEqual(['page9', 'rare']);

    const allCommon = mergeHits([concepts[1] as Concept], searches({ timeout: everywhere }), 10);
    expect(allCommon.every((entry) => entry.coverage === 1)).toBe(true);
  });

  it('keeps what the strict search found first, in its order', () => {
    const merged = mergeHits(
      concepts,
      searches({ checkout: [hit('a', 9), hit('b', 1), hit('c', 5)], pool: [hit('a', 9)] }),
      100,
      ['c', 'b'],
    );
    expect(ids(merged)).toEqual(['c', 'b', 'a']);
    expect(merged.map((entry) => entry.strict)).toEqual([true, true, false]);
  });

  it('orders equal incidents newest first, else by id, so the same searches always give the same list', () => {
    const equal = searches({ checkout: [hit('z'), hit('m'), hit('a')] });
    expect(ids(mergeHits(concepts, equal, 100))).toEqual(['a', 'm', 'z']);
    const place = new Map([
      ['m', 0],
      ['z', 1],
    ]);
    expect(ids(mergeHits(concepts, equal, 100, [], place))).toEqual(['m', 'z', 'a']);
  });

  it('keeps each matching search hit, for loading the excerpt', () => {
    const merged = mergeHits(concepts, searches({ checkout: [hit('a')], pool: [hit('a')] }), 100);
    expect(merged[0]?.hits.map((entry) => entry.alternative)).toEqual(['checkout', 'pool']);
  });

  it('gives nothing for searches that found nothing', () => {
    expect(mergeHits(concepts, searches({}), 100)).toEqual([]);
  });
});
