import { tokenize } from './tokenize';

/**
 * TF-IDF vectors of short texts. A word counts by how often a document uses it (weighted by the
 * field it is in) times how rare it is across all documents, so "raid" says more about two
 * incidents than "failed"; vectors are scaled to length 1, so the cosine similarity of two
 * documents is their dot product, between 0 (no word in common) and 1 (the same words in the
 * same proportions).
 */

/** One field of a document and how much its words count. */
export interface WeightedText {
  text: string;
  weight: number;
}

/**
 * A document's words as parallel arrays sorted by term id, so two vectors meet in one pass.
 * Weights are scaled so that the vector has length 1 (all zero for a document with no words).
 */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Every document's vector, and what the term ids stand for. */
export interface Corpus {
  vectors: SparseVector[];
  /** The compared form (stem) of each term id. */
  terms: string[];
  /**
   * The word a reader recognises for each term id: the form authors wrote most often ("disk"
   * rather than the stem "disk" or the less common "disks"), ties going to the shorter word.
   */
  words: string[];
  /** In how many documents each term id occurs. */
  documentFrequency: Int32Array;
}

/**
 * Smoothed inverse document frequency, as scikit-learn computes it: never zero, so a word every
 * document shares still counts a little, and a word in one document of many counts most.
 */
export function inverseDocumentFrequency(documents: number, withTerm: number): number {
  return Math.log((1 + documents) / (1 + withTerm)) + 1;
}

/** Builds the vectors of `documents`, each a list of weighted fields. */
export function buildCorpus(documents: readonly (readonly WeightedText[])[]): Corpus {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const forms: Map<string, number>[] = [];
  const counts: Map<number, number>[] = documents.map((fields) => {
    const tf = new Map<number, number>();
    for (const { text, weight } of fields) {
      for (const { term, word } of tokenize(text)) {
        let id = ids.get(term);
        if (id === undefined) {
          id = terms.length;
          ids.set(term, id);
          terms.push(term);
          forms.push(new Map());
        }
        tf.set(id, (tf.get(id) ?? 0) + weight);
        const written = forms[id] as Map<string, number>;
        written.set(word, (written.get(word) ?? 0) + 1);
      }
    }
    return tf;
  });

  const documentFrequency = new Int32Array(terms.length);
  for (const tf of counts)
    for (const id of tf.keys()) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;

  const vectors = counts.map((tf) => {
    const sorted = [...tf.keys()].sort((a, b) => a - b);
    const weights = new Float64Array(sorted.length);
    let norm = 0;
    sorted.forEach((id, index) => {
      const weight =
        (tf.get(id) ?? 0) * inverseDocumentFrequency(documents.length, documentFrequency[id] ?? 0);
      weights[index] = weight;
      norm += weight * weight;
    });
    norm = Math.sqrt(norm);
    if (norm > 0)
      for (let index = 0; index < weights.length; index++) weights[index] = (weights[index] ?? 0) / norm;
    return { terms: Int32Array.from(sorted), weights };
  });

  return { vectors, terms, words: forms.map(mostWritten), documentFrequency };
}

/** The most frequent written form; ties go to the shorter, then the alphabetically first. */
function mostWritten(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [word, count] of forms) {
    if (
      count > bestCount ||
      (count === bestCount && (word.length < best.length || (word.length === best.length && word < best)))
    ) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}

/** The cosine similarity of two unit vectors: the sum of the products of their shared terms. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * The terms two vectors share, with what each adds to their cosine similarity, largest first:
 * the words that made two incidents similar, in the order a reader should see them.
 */
export function sharedTerms(a: SparseVector, b: SparseVector): { term: number; contribution: number }[] {
  const shared: { term: number; contribution: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y)
      shared.push({ term: x, contribution: (a.weights[i++] as number) * (b.weights[j++] as number) });
    else if (x < y) i++;
    else j++;
  }
  return shared.sort((p, q) => q.contribution - p.contribution || p.term - q.term);
}
