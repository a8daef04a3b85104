import { createHash } from 'node:crypto';
import { relatedById } from '../incidents';
import { SIMILARITY, type SimilarityConfig } from './config';
import { buildCorpus, cosine, sharedTerms, type Corpus, type WeightedText } from './tfidf';

/**
 * "This has happened before": for every incident, the few others whose root cause reads most
 * alike, with why they matched. Computed once per build for all incidents together, because
 * word rarity (IDF) is a property of the whole collection.
 *
 * An inverted index (word → incidents that use it) keeps that affordable: each incident only
 * meets the incidents it shares a word with, instead of all others, and each pair is scored
 * once. `allPairsSimilarity` is the plain all-pairs version, the reference the tests and the
 * benchmark compare it with.
 */

/** What similarity reads of an incident; `Incident` and content collection entries fit it. */
export interface SimilarityIncident {
  id: string;
  data: {
    startedAt: Date;
    services: readonly string[];
    related?: readonly string[] | undefined;
    rootCause: {
      category: string;
      summary: string;
      trigger?: string | undefined;
      contributingFactors?: readonly string[] | undefined;
    };
  };
}

/** Why two incidents matched, in terms a reader can check against both pages. */
export interface MatchReasons {
  /** The shared words that weigh most, as authors wrote them, most telling first. */
  words: string[];
  /** Both incidents have the same root-cause category. */
  sameCategory: boolean;
  /** Affected services both incidents list, in the order the incident itself lists them. */
  services: string[];
}

/** One similar incident, as the incident page lists it. */
export interface SimilarMatch<T extends SimilarityIncident = SimilarityIncident> {
  incident: T;
  /** Text similarity plus the category and service bonuses; what matches are ranked by. */
  score: number;
  /** Cosine similarity (0-1) of the two root-cause texts alone. */
  textSimilarity: number;
  /** Whether the match began before the incident ("this has happened before") or after it. */
  when: 'earlier' | 'later';
  reasons: MatchReasons;
}

/** A scored pair of incidents, by their positions in the list given. */
export interface ScoredPair {
  a: number;
  b: number;
  score: number;
  textSimilarity: number;
}

/** Pairs as columns: incident `a`, incident `b`, score and text similarity, by pair. */
export interface PairColumns {
  a: Int32Array<ArrayBuffer>;
  b: Int32Array<ArrayBuffer>;
  score: Float64Array<ArrayBuffer>;
  text: Float64Array<ArrayBuffer>;
}

/**
 * Scored pairs, held in typed arrays rather than one object each: ten thousand incidents can
 * give millions of pairs, which as objects took over a gigabyte of the build's memory. Iterating
 * gives each pair as a `ScoredPair`, in the order they were added.
 */
export class ScoredPairs implements Iterable<ScoredPair> {
  #a = new Int32Array(256);
  #b = new Int32Array(256);
  #score = new Float64Array(256);
  #text = new Float64Array(256);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push({ a, b, score, textSimilarity }: ScoredPair): void {
    if (this.#length === this.#a.length) this.#grow();
    const at = this.#length++;
    this.#a[at] = a;
    this.#b[at] = b;
    this.#score[at] = score;
    this.#text[at] = textSimilarity;
  }

  /**
   * Calls `visit` with each pair in turn, without making an object per pair: one object is
   * reused, so `visit` must read it, not keep it. Recurring causes go over every pair once per
   * page that shows them.
   */
  forEach(visit: (pair: ScoredPair) => void): void {
    const pair: ScoredPair = { a: 0, b: 0, score: 0, textSimilarity: 0 };
    for (let at = 0; at < this.#length; at++) {
      pair.a = this.#a[at] as number;
      pair.b = this.#b[at] as number;
      pair.score = this.#score[at] as number;
      pair.textSimilarity = this.#text[at] as number;
      visit(pair);
    }
  }

  /** The pairs as four columns (views, not copies), to store them; `fromColumns` reads them back. */
  columns(): PairColumns {
    return {
      a: this.#a.subarray(0, this.#length),
      b: this.#b.subarray(0, this.#length),
      score: this.#score.subarray(0, this.#length),
      text: this.#text.subarray(0, this.#length),
    };
  }

  static fromColumns({ a, b, score, text }: PairColumns): ScoredPairs {
    const pairs = new ScoredPairs();
    pairs.#a = a;
    pairs.#b = b;
    pairs.#score = score;
    pairs.#text = text;
    pairs.#length = a.length;
    return pairs;
  }

  *[Symbol.iterator](): Iterator<ScoredPair> {
    for (let at = 0; at < this.#length; at++) {
      yield {
        a: this.#a[at] as number,
        b: this.#b[at] as number,
        score: this.#score[at] as number,
        textSimilarity: this.#text[at] as number,
      };
    }
  }

  #grow() {
    const size = this.#a.length * 2;
    const grown = <T extends Int32Array | Float64Array>(from: T, to: T) => (to.set(from), to);
    this.#a = grown(this.#a, new Int32Array(size));
    this.#b = grown(this.#b, new Int32Array(size));
    this.#score = grown(this.#score, new Float64Array(size));
    this.#text = grown(this.#text, new Float64Array(size));
  }
}

/** The result of one computation over a list of incidents. */
export interface Similarity<T extends SimilarityIncident = SimilarityIncident> {
  incidents: readonly T[];
  corpus: Corpus;
  config: SimilarityConfig;
  /**
   * Every pair that scores at least the lower of `threshold` and `recurring.threshold`, `a < b`,
   * ordered by `a` then `b`: what "Recurring causes" groups.
   */
  pairs: Iterable<ScoredPair> & {
    readonly length: number;
    forEach(visit: (pair: ScoredPair) => void): void;
  };
  /**
   * The incidents most like `id`, best first, at most `limit`: each scores at least `threshold`
   * and is not among the incident's author-declared related incidents (either direction),
   * which the page shows in their own section. Empty for an id it does not know.
   */
  similarTo(id: string): SimilarMatch<T>[];
}

/** The root-cause text of an incident as weighted fields. */
export function rootCauseFields(incident: SimilarityIncident, config: SimilarityConfig): WeightedText[] {
  const { summary, trigger, contributingFactors = [] } = incident.data.rootCause;
  const { fieldWeights } = config;
  // A field weighted 0 is switched off, not a source of words that weigh nothing.
  return [
    { text: summary, weight: fieldWeights.summary },
    ...(trigger ? [{ text: trigger, weight: fieldWeights.trigger }] : []),
    ...contributingFactors.map((text) => ({ text, weight: fieldWeights.contributingFactors })),
  ].filter((field) => field.weight > 0);
}

/** What both ways of finding pairs share: the vectors and the facts the bonuses compare. */
interface Prepared<T extends SimilarityIncident> {
  incidents: readonly T[];
  corpus: Corpus;
  config: SimilarityConfig;
  category: string[];
  services: Set<string>[];
  /** The least score a pair needs to be kept at all. */
  keep: number;
}

function prepare<T extends SimilarityIncident>(
  incidents: readonly T[],
  config: SimilarityConfig,
): Prepared<T> {
  return {
    incidents,
    config,
    corpus: buildCorpus(incidents.map((incident) => rootCauseFields(incident, config))),
    category: incidents.map((incident) => incident.data.rootCause.category),
    services: incidents.map((incident) => new Set(incident.data.services)),
    keep: Math.min(config.threshold, config.recurring.threshold),
  };
}

/** Scores a pair from its text similarity; `undefined` when it falls short of `keep`. */
function scorePair<T extends SimilarityIncident>(
  prepared: Prepared<T>,
  a: number,
  b: number,
  textSimilarity: number,
): ScoredPair | undefined {
  const { config } = prepared;
  if (textSimilarity < config.minTextSimilarity) return undefined;
  let score = textSimilarity;
  if (prepared.category[a] === prepared.category[b]) score += config.categoryBonus;
  const servicesOfB = prepared.services[b] as Set<string>;
  for (const service of prepared.services[a] as Set<string>) {
    if (servicesOfB.has(service)) {
      score += config.serviceBonus;
      break;
    }
  }
  return score >= prepared.keep ? { a, b, score, textSimilarity } : undefined;
}

/** Pairs through the inverted index: each incident meets only those sharing a word with it. */
function indexedPairs<T extends SimilarityIncident>(prepared: Prepared<T>): ScoredPairs {
  const { vectors, documentFrequency } = prepared.corpus;
  const n = vectors.length;
  // Postings: for each term, the incidents using it (in list order) and its weight in each,
  // in typed arrays sized by the term's document frequency.
  const postingDocs = Array.from(documentFrequency, (df) => new Int32Array(df));
  const postingWeights = Array.from(documentFrequency, (df) => new Float64Array(df));
  const filled = new Int32Array(documentFrequency.length);
  // Where each incident sits in each of its terms' postings, so it only looks at later ones.
  const positions = vectors.map((vector, doc) => {
    const at = new Int32Array(vector.terms.length);
    for (let k = 0; k < vector.terms.length; k++) {
      const term = vector.terms[k] as number;
      const position = filled[term] as number;
      at[k] = position;
      (postingDocs[term] as Int32Array)[position] = doc;
      (postingWeights[term] as Float64Array)[position] = vector.weights[k] as number;
      filled[term] = position + 1;
    }
    return at;
  });

  const pairs = new ScoredPairs();
  const sums = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const vector = vectors[a] as (typeof vectors)[number];
    const at = positions[a] as Int32Array;
    let count = 0;
    // Terms in ascending order, so each pair's products add up in the same order as `cosine`.
    for (let k = 0; k < vector.terms.length; k++) {
      const term = vector.terms[k] as number;
      const weight = vector.weights[k] as number;
      const docs = postingDocs[term] as Int32Array;
      const weights = postingWeights[term] as Float64Array;
      for (let p = (at[k] as number) + 1; p < docs.length; p++) {
        const b = docs[p] as number;
        if (seen[b] === 0) {
          seen[b] = 1;
          touched[count++] = b;
        }
        sums[b] = (sums[b] as number) + weight * (weights[p] as number);
      }
    }
    const candidates = touched.subarray(0, count).sort();
    for (const b of candidates) {
      const pair = scorePair(prepared, a, b, sums[b] as number);
      if (pair) pairs.push(pair);
      sums[b] = 0;
      seen[b] = 0;
    }
  }
  return pairs;
}

/** Pairs by comparing every incident with every other: the reference for tests and the benchmark. */
function bruteForcePairs<T extends SimilarityIncident>(prepared: Prepared<T>): ScoredPairs {
  const { vectors } = prepared.corpus;
  const pairs = new ScoredPairs();
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      const text = cosine(vectors[a] as (typeof vectors)[number], vectors[b] as (typeof vectors)[number]);
      if (text === 0) continue;
      const pair = scorePair(prepared, a, b, text);
      if (pair) pairs.push(pair);
    }
  }
  return pairs;
}

/** Best first; equal scores in a stable order (by id), so pages do not reshuffle between builds. */
const byScore =
  <T extends SimilarityIncident>(incidents: readonly T[]) =>
  (x: { other: number; score: number }, y: { other: number; score: number }) =>
    y.score - x.score || (incidents[x.other] as T).id.localeCompare((incidents[y.other] as T).id);

function finish<T extends SimilarityIncident>(prepared: Prepared<T>, pairs: ScoredPairs): Similarity<T> {
  const { incidents, corpus, config } = prepared;
  const related = relatedById(incidents);
  const order = byScore(incidents);
  // The best `limit` per incident, kept sorted as pairs arrive.
  const best: { other: number; score: number; textSimilarity: number }[][] = incidents.map(() => []);
  const offer = (self: number, other: number, pair: ScoredPair) => {
    if (related.get((incidents[self] as T).id)?.includes(incidents[other] as T)) return;
    const list = best[self] as { other: number; score: number; textSimilarity: number }[];
    const candidate = { other, score: pair.score, textSimilarity: pair.textSimilarity };
    if (list.length === config.limit && order(candidate, list[list.length - 1] as typeof candidate) >= 0)
      return;
    list.push(candidate);
    list.sort(order);
    if (list.length > config.limit) list.pop();
  };
  for (const pair of pairs) {
    if (pair.score < config.threshold) continue;
    offer(pair.a, pair.b, pair);
    offer(pair.b, pair.a, pair);
  }

  const positionOf = new Map(incidents.map((incident, index) => [incident.id, index]));
  const cache = new Map<number, SimilarMatch<T>[]>();
  const matchesOf = (self: number): SimilarMatch<T>[] => {
    const incident = incidents[self] as T;
    const vector = corpus.vectors[self] as Corpus['vectors'][number];
    return (best[self] ?? []).map(({ other, score, textSimilarity }) => {
      const match = incidents[other] as T;
      const words = sharedTerms(vector, corpus.vectors[other] as Corpus['vectors'][number])
        .slice(0, config.reasonWords)
        .map(({ term }) => corpus.words[term] as string);
      const theirs = new Set(match.data.services);
      return {
        incident: match,
        score,
        textSimilarity,
        when: startsBefore(match, incident) ? 'earlier' : 'later',
        reasons: {
          words,
          sameCategory: match.data.rootCause.category === incident.data.rootCause.category,
          services: incident.data.services.filter((service) => theirs.has(service)),
        },
      };
    });
  };

  return {
    incidents,
    corpus,
    config,
    pairs,
    similarTo(id) {
      const self = positionOf.get(id);
      if (self === undefined) return [];
      let matches = cache.get(self);
      if (!matches) cache.set(self, (matches = matchesOf(self)));
      return matches;
    },
  };
}

/** `a` began before `b`; incidents that began at the same instant are ordered by id. */
export function startsBefore(a: SimilarityIncident, b: SimilarityIncident): boolean {
  const difference = a.data.startedAt.getTime() - b.data.startedAt.getTime();
  return difference < 0 || (difference === 0 && a.id < b.id);
}

/**
 * Where `computeSimilarity` may keep its pairs between builds (`pairs-cache.ts`), by a key that
 * changes with anything the pairs depend on.
 */
export interface PairsCache {
  read(key: string): ScoredPairs | undefined;
  write(key: string, pairs: ScoredPairs): void;
}

/**
 * Similar incidents for every incident of the list, through the inverted index. With a
 * `cache`, the pairs (most of the time at 10,000 incidents) are read back when nothing they
 * depend on has changed, as when a rebuild follows an edit to a write-up.
 */
export function computeSimilarity<T extends SimilarityIncident>(
  incidents: readonly T[],
  config: SimilarityConfig = SIMILARITY,
  cache?: PairsCache,
): Similarity<T> {
  const prepared = prepare(incidents, config);
  if (!cache) return finish(prepared, indexedPairs(prepared));
  const key = pairsKey(prepared);
  let pairs = cache.read(key);
  if (!pairs) cache.write(key, (pairs = indexedPairs(prepared)));
  return finish(prepared, pairs);
}

/**
 * What the pairs are made from: each incident's vector (so a change to how text becomes
 * vectors counts, whatever caused it), category and services, in list order, the settings, and
 * the code that pairs and scores them.
 */
function pairsKey<T extends SimilarityIncident>(prepared: Prepared<T>): string {
  const hash = createHash('sha256');
  hash.update(`${String(indexedPairs)}\0${String(scorePair)}\0${JSON.stringify(prepared.config)}\0`);
  for (const [n, vector] of prepared.corpus.vectors.entries()) {
    hash.update(`${vector.terms.length}:`);
    hash.update(vector.terms);
    hash.update(vector.weights);
    hash.update(JSON.stringify([prepared.category[n], [...(prepared.services[n] ?? [])]]));
  }
  return hash.digest('base64url');
}

/**
 * The same result as `computeSimilarity`, by comparing every pair: quadratic, so only for
 * checking the index in tests and for the benchmark's comparison.
 */
export function allPairsSimilarity<T extends SimilarityIncident>(
  incidents: readonly T[],
  config: SimilarityConfig = SIMILARITY,
): Similarity<T> {
  const prepared = prepare(incidents, config);
  return finish(prepared, bruteForcePairs(prepared));
}
