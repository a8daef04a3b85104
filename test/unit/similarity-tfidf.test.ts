import { describe, expect, it } from 'vitest';
import { buildCorpus, cosine, inverseDocumentFrequency, sharedTerms } from '../../src/lib/similarity';

const doc = (...texts: string[]) => texts.map((text) => ({ text, weight: 1 }));

/** A document's weights by stem, to compare without term ids. */
function weightsOf(corpus: ReturnType<typeof buildCorpus>, index: number): Record<string, number> {
  const vector = corpus.vectors[index];
  if (!vector) throw new Error(`no document ${index}`);
  return Object.fromEntries(
    [...vector.terms].map((term, k) => [corpus.terms[term] as string, vector.weights[k] as number]),
  );
}

describe('inverseDocumentFrequency', () => {
  it('is smoothed: 1 for a word every document has, more for rarer words, never zero', () => {
    expect(inverseDocumentFrequency(10, 10)).toBeCloseTo(1 + Math.log(11 / 11));
    expect(inverseDocumentFrequency(10, 1)).toBeCloseTo(1 + Math.log(11 / 2));
    expect(inverseDocumentFrequency(10, 1)).toBeGreaterThan(inverseDocumentFrequency(10, 5));
  });
});

describe('buildCorpus', () => {
  const corpus = buildCorpus([doc('disk failed disk'), doc('disk full'), doc('certificate expired')]);

  it('weights a word by its count times its rarity, scaled to length 1', () => {
    const idfDisk = inverseDocumentFrequency(3, 2);
    const idfFail = inverseDocumentFrequency(3, 1);
    const norm = Math.hypot(2 * idfDisk, idfFail);
    const weights = weightsOf(corpus, 0);
    expect(weights['disk']).toBeCloseTo((2 * idfDisk) / norm);
    expect(weights['fail']).toBeCloseTo(idfFail / norm);
    for (const vector of corpus.vectors) {
      expect(Math.hypot(...vector.weights)).toBeCloseTo(1);
    }
  });

  it('counts in how many documents each term occurs', () => {
    const df = Object.fromEntries(corpus.terms.map((term, id) => [term, corpus.documentFrequency[id]]));
    expect(df).toEqual({ disk: 2, fail: 1, full: 1, certificat: 1, expir: 1 });
  });

  it('weights words by the field they are in', () => {
    const weighted = buildCorpus([
      [
        { text: 'disk', weight: 1 },
        { text: 'array', weight: 0.5 },
      ],
      doc('disk array'),
    ]);
    const weights = weightsOf(weighted, 0);
    expect((weights['disk'] as number) / (weights['array'] as number)).toBeCloseTo(2);
  });

  it('shows each term as the word authors wrote most often, ties to the shorter', () => {
    const words = buildCorpus([doc('disks failed'), doc('disks'), doc('disk failing')]);
    const byTerm = Object.fromEntries(words.terms.map((term, id) => [term, words.words[id]]));
    expect(byTerm).toEqual({ disk: 'disks', fail: 'failed' });
  });

  it('gives a document without words an empty vector', () => {
    const empty = buildCorpus([doc('the of and'), doc('disk')]);
    expect(empty.vectors[0]?.terms).toHaveLength(0);
    const [none, disk] = empty.vectors;
    if (!none || !disk) throw new Error('expected vectors');
    expect(cosine(none, disk)).toBe(0);
  });
});

describe('cosine and sharedTerms', () => {
  const corpus = buildCorpus([
    doc('storage disk failed in the mail array'),
    doc('mail storage disk failed'),
    doc('certificate expired'),
  ]);
  const [a, b, c] = corpus.vectors as [
    (typeof corpus.vectors)[0],
    (typeof corpus.vectors)[0],
    (typeof corpus.vectors)[0],
  ];

  it('is 1 for a document with itself, 0 without a shared word, symmetric in between', () => {
    expect(cosine(a, a)).toBeCloseTo(1);
    expect(cosine(a, c)).toBe(0);
    expect(cosine(a, b)).toBeGreaterThan(0.5);
    expect(cosine(a, b)).toBeLessThan(1);
    expect(cosine(a, b)).toBe(cosine(b, a));
  });

  it('lists the shared terms with what each adds, largest first, summing to the cosine', () => {
    const shared = sharedTerms(a, b);
    expect(shared.map(({ term }) => corpus.terms[term]).sort()).toEqual(['disk', 'fail', 'mail', 'storag']);
    const contributions = shared.map(({ contribution }) => contribution);
    expect(contributions).toEqual([...contributions].sort((x, y) => y - x));
    expect(contributions.reduce((sum, x) => sum + x, 0)).toBeCloseTo(cosine(a, b));
    expect(sharedTerms(a, c)).toEqual([]);
  });
});
