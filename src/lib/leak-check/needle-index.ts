import { forEachWord, normalise, words } from './words';

/**
 * How many consecutive words make a passage. Eight: a run of eight words of prose is, but for
 * stock phrases, found in one document only, while the longest stock phrases postmortems share
 * ("the on-call engineer was paged at") stay shorter; and any copy of eight words or more is
 * caught, which is less than a sentence. Text that public postmortems also contain is not a
 * leak (see `NeedleIndex.excuse`), which takes care of the phrases teams reuse.
 */
export const PASSAGE_WORDS = 8;

/** What must not appear in a public build; a needle is one piece of text and how to match it. */
export type NeedleKind = 'id' | 'title' | 'passage' | 'internal-field' | 'internal-block' | 'never-publish';

export interface Needle {
  kind: NeedleKind;
  /** Where it comes from: the postmortem's file, or the configuration option. */
  source: string;
  /** Why it must not appear, for the report: "internal", "draft", "public, internal-only part". */
  reason: string;
  /** The field (`summary`, `tasks.0.owner`), `body`, `id`, or the option's name. */
  field: string;
  /** As written, for the report's quote. */
  text: string;
  /**
   * `whole`: the text's words, all of them in order. `windows`: any `PASSAGE_WORDS` of them in
   * a row, so a quoted part of a paragraph is found too.
   */
  match: 'whole' | 'windows';
  /** Hyphens and word boundaries count too: `2024-05-09-mail` is not `2024-05-09-mail-storage`. */
  exact?: boolean;
  /**
   * Not a leak when what the build may publish (the public postmortems' own text) has it too.
   * Ids, titles and never-publish phrases are never excused.
   */
  excusable: boolean;
}

/** Where a needle was found: which needle, and for a passage, at which of its words the run starts. */
export interface Hit {
  needle: number;
  word: number;
}

/** A word not in any needle: no run through it can match, so scanning skips it. */
const UNKNOWN = 0;

/**
 * Whole texts are hashed word by word from their first word, in two independent 32-bit lanes
 * (with the table slot from both, collisions are rare; every hit is compared word by word).
 */
const mixA = (a: number, id: number) => {
  const h = Math.imul(a ^ id, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
};
const mixB = (b: number, id: number) => {
  const h = Math.imul(b + id, 0x85ebca77);
  return (h ^ (h >>> 13)) >>> 0;
};
const SEED_A = 0x811c9dc5;
const SEED_B = 0x2545f491;
/** A table slot from both lanes. */
const slotOf = (a: number, b: number, mask: number) => (a ^ Math.imul(b, 0x27d4eb2d)) & mask;

/**
 * Runs of `PASSAGE_WORDS` words are hashed as polynomials over scrambled word ids, two lanes
 * again, so the hash of the run starting at the next word comes from this one in a few
 * multiplications (a rolling hash) instead of hashing eight words again at every word.
 */
const FACTOR_A = 0x01000193;
const FACTOR_B = 0x5bd1e995;
const power = (factor: number, exponent: number) => {
  let result = 1;
  for (let k = 0; k < exponent; k++) result = Math.imul(result, factor);
  return result;
};
const DROP_A = power(FACTOR_A, PASSAGE_WORDS);
const DROP_B = power(FACTOR_B, PASSAGE_WORDS);
const scrambleA = (id: number) => Math.imul(id ^ 0x27d4eb2f, 0x165667b1);
const scrambleB = (id: number) => Math.imul(id + 0x61c88647, 0x85ebca6b) ^ (id << 7);

/**
 * The rolling hashes of every run of `PASSAGE_WORDS` words in `ids[from..to)`: calls
 * `visit(start, a, b)` for each run without an `UNKNOWN` word.
 */
function forEachRun(
  ids: Int32Array,
  from: number,
  to: number,
  visit: (start: number, a: number, b: number) => void,
): void {
  let a = 0;
  let b = 0;
  let lastUnknown = from - 1;
  for (let j = from; j < to; j++) {
    const id = ids[j] ?? UNKNOWN;
    if (id === UNKNOWN) lastUnknown = j;
    a = (Math.imul(a, FACTOR_A) + scrambleA(id)) | 0;
    b = (Math.imul(b, FACTOR_B) + scrambleB(id)) | 0;
    if (j - from >= PASSAGE_WORDS) {
      const out = ids[j - PASSAGE_WORDS] ?? UNKNOWN;
      a = (a - Math.imul(scrambleA(out), DROP_A)) | 0;
      b = (b - Math.imul(scrambleB(out), DROP_B)) | 0;
    }
    const start = j - PASSAGE_WORDS + 1;
    if (start >= from && lastUnknown < start) visit(start, a >>> 0, b >>> 0);
  }
}

/**
 * A whole-text needle: its word ids, how many of them its hash covers (`PASSAGE_WORDS` at
 * most), and for exact ones how its words were joined.
 */
interface Phrase {
  needle: number;
  ids: Int32Array;
  hashed: number;
  joined: Uint8Array;
  exact: boolean;
  excused: boolean;
}

/** A growable Int32Array: millions of word ids without millions of boxed numbers. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** The smallest power of two of at least `count` and 16. */
function capacityFor(count: number): number {
  let capacity = 16;
  while (capacity < count) capacity *= 2;
  return capacity;
}

/**
 * A filter of run hashes, sixteen bits a run (at most 16 MB): almost every run of a built file
 * that is not a passage's is turned away here, in memory small enough to stay in the
 * processor's cache, before the table is touched.
 */
const FILTER_BITS_PER_RUN = 16;
const MAX_FILTER_BITS = 2 ** 27;

/** Entries of the filter of whole texts' first two words: a quarter of a megabyte. */
const PAIR_FILTER_SIZE = 2 ** 18;
const pairSlot = (first: number, second: number) =>
  (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) >>> 14;

/**
 * Everything a public build must not contain, indexed so that the built files are read once:
 * each file is split into words, and at each word the runs starting there are looked up by
 * hash: the run of `PASSAGE_WORDS` words, and when the word starts a whole text, its first
 * words (1 to `PASSAGE_WORDS`; a longer whole text is then compared in full). The cost grows
 * with the size of the site, not with files × needles.
 *
 * Passages are stored as word ids in one pool with an open-addressing table of their runs (at
 * most 8 bytes a run in the table, 4 a word in the pool), so ten thousand internal postmortems
 * fit in a build's memory; whole texts have a table of their own. Every hash hit is compared
 * word by word, so a hash collision can never report a leak.
 */
export class NeedleIndex {
  readonly needles: readonly Needle[];
  private readonly vocabulary = new Map<string, number>();
  /** Word ids of every `windows` needle, back to back. */
  private readonly pool = new IntList();
  /** For each `windows` needle in pool order: where it starts in the pool, and which needle it is. */
  private readonly segmentStarts = new IntList();
  private readonly segmentNeedles = new IntList();
  /** Run starts (pool offset + 1; 0 empty), by hash of the run's words, and a bit filter before it. */
  private table = new Int32Array(0);
  private filter = new Int32Array(0);
  /** 1 at the pool offset of a run that public text also has. */
  private excusedRuns = new Uint8Array(0);
  /** Whole-text needles, and a table of them (index + 1; 0 empty) by hash of their first words. */
  private readonly phrases: Phrase[] = [];
  private phraseTable = new Int32Array(0);
  /**
   * Where scanning looks for a whole text at all: 1 for the word ids that are a one-word text,
   * and for the (hashed) first two words of the longer ones. Whole texts start with common
   * words too ("The …"), and most places in a site start none.
   */
  private phraseSingles = new Uint8Array(0);
  private phrasePairs = new Uint8Array(PAIR_FILTER_SIZE);
  /** The most words a whole text is looked up by, and bit k set when one is looked up by k. */
  private longestPhrase = 0;
  private phraseLengths = 0;
  /** Runs stored (distinct `PASSAGE_WORDS`-word runs of passages), for the summary. */
  runCount = 0;

  constructor(needles: readonly Needle[]) {
    this.needles = needles;
    let runs = 0;
    needles.forEach((needle, index) => {
      if (needle.match === 'windows') {
        const start = this.pool.length;
        const normal = normalise(needle.text);
        forEachWord(normal, (from, to) => this.pool.push(this.idOf(normal.slice(from, to))));
        const length = this.pool.length - start;
        // Shorter text than a passage could match by chance; `selectNeedles` leaves it out.
        if (length < PASSAGE_WORDS) {
          this.pool.length = start;
          return;
        }
        this.segmentStarts.push(start);
        this.segmentNeedles.push(index);
        runs += length - PASSAGE_WORDS + 1;
      } else {
        const split = words(needle.text);
        if (split.words.length === 0) return;
        const ids = Int32Array.from(split.words, (word) => this.idOf(word));
        const hashed = Math.min(ids.length, PASSAGE_WORDS);
        this.phrases.push({
          needle: index,
          ids,
          hashed,
          joined: split.joined,
          exact: needle.exact ?? false,
          excused: false,
        });
        this.longestPhrase = Math.max(this.longestPhrase, hashed);
        this.phraseLengths |= 1 << hashed;
      }
    });
    this.buildRunTable(runs);
    this.buildPhraseTable();
  }

  /** Splits a built file's text into word ids (`UNKNOWN` for words no needle has) and joins. */
  lookup(text: string): { ids: Int32Array; joined: Uint8Array } {
    const normal = normalise(text);
    // A word takes at least one character and is followed by a separator.
    const capacity = (normal.length >> 1) + 1;
    const ids = new Int32Array(capacity);
    const joined = new Uint8Array(capacity);
    let count = 0;
    forEachWord(normal, (start, end, isJoined) => {
      ids[count] = this.vocabulary.get(normal.slice(start, end)) ?? UNKNOWN;
      joined[count++] = isJoined;
    });
    return { ids: ids.subarray(0, count), joined: joined.subarray(0, count) };
  }

  /**
   * Marks as excused every excusable needle (or run of one) that `text` contains: text the
   * build is allowed to publish. Call it for all such text before `find`.
   */
  excuse(text: string): void {
    const { ids, joined } = this.lookup(text);
    this.scan(ids, joined, (kind, ref) => {
      if (kind === 'run') {
        const needle = this.needles[this.segmentNeedles.data[this.segmentOf(ref)] ?? -1];
        if (needle?.excusable) this.excusedRuns[ref] = 1;
      } else if (this.needles[ref.needle]?.excusable) {
        ref.excused = true;
      }
    });
  }

  /** Every needle `text` contains that is not excused, with the word a passage's run starts at. */
  find(text: string): Hit[] {
    const { ids, joined } = this.lookup(text);
    const hits: Hit[] = [];
    this.scan(ids, joined, (kind, ref) => {
      if (kind === 'run') {
        if (this.excusedRuns[ref]) return;
        const segment = this.segmentOf(ref);
        hits.push({
          needle: this.segmentNeedles.data[segment] ?? -1,
          word: ref - (this.segmentStarts.data[segment] ?? 0),
        });
      } else if (!ref.excused) {
        hits.push({ needle: ref.needle, word: 0 });
      }
    });
    return hits;
  }

  private idOf(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.vocabulary.size + 1;
      this.vocabulary.set(word, id);
    }
    return id;
  }

  private buildPhraseTable() {
    this.phraseTable = new Int32Array(capacityFor(this.phrases.length * 2));
    this.phraseSingles = new Uint8Array(this.vocabulary.size + 1);
    const mask = this.phraseTable.length - 1;
    this.phrases.forEach((phrase, index) => {
      let a = SEED_A;
      let b = SEED_B;
      for (let k = 0; k < phrase.hashed; k++) {
        a = mixA(a, phrase.ids[k] ?? 0);
        b = mixB(b, phrase.ids[k] ?? 0);
      }
      let slot = slotOf(a, b, mask);
      while (this.phraseTable[slot] !== 0) slot = (slot + 1) & mask;
      this.phraseTable[slot] = index + 1;
      if (phrase.ids.length === 1) this.phraseSingles[phrase.ids[0] ?? 0] = 1;
      else this.phrasePairs[pairSlot(phrase.ids[0] ?? 0, phrase.ids[1] ?? 0)] = 1;
    });
  }

  private buildRunTable(runs: number) {
    this.table = new Int32Array(capacityFor(runs * 2));
    const filterBits = Math.min(capacityFor(Math.max(runs * FILTER_BITS_PER_RUN, 32)), MAX_FILTER_BITS);
    this.filter = new Int32Array(filterBits / 32);
    this.excusedRuns = new Uint8Array(this.pool.length);
    const mask = this.table.length - 1;
    const filterMask = this.filter.length * 32 - 1;
    const pool = this.pool.data;
    for (let segment = 0; segment < this.segmentStarts.length; segment++) {
      const start = this.segmentStarts.data[segment] ?? 0;
      const end =
        segment + 1 < this.segmentStarts.length
          ? (this.segmentStarts.data[segment + 1] ?? 0)
          : this.pool.length;
      forEachRun(pool, start, end, (run, a, b) => {
        for (let slot = slotOf(a, b, mask); ; slot = (slot + 1) & mask) {
          const stored = this.table[slot] ?? 0;
          if (stored === 0) {
            this.table[slot] = run + 1;
            this.runCount++;
            const bit = b & filterMask;
            this.filter[bit >>> 5] = (this.filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
            return;
          }
          // The same eight words again (here or in another postmortem): the first one is reported.
          if (this.sameRun(stored - 1, pool, run)) return;
        }
      });
    }
  }

  private sameRun(poolOffset: number, ids: Int32Array, at: number): boolean {
    const pool = this.pool.data;
    for (let k = 0; k < PASSAGE_WORDS; k++) if (pool[poolOffset + k] !== ids[at + k]) return false;
    return true;
  }

  /** The index in `segmentStarts` of the passage holding pool offset `offset`. */
  private segmentOf(offset: number): number {
    let low = 0;
    let high = this.segmentStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.segmentStarts.data[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private phraseMatches(
    phrase: Phrase,
    ids: Int32Array,
    joined: Uint8Array,
    at: number,
    hashed: number,
  ): boolean {
    const length = phrase.ids.length;
    if (phrase.hashed !== hashed || at + length > ids.length) return false;
    for (let k = 0; k < length; k++) if (phrase.ids[k] !== ids[at + k]) return false;
    if (!phrase.exact) return true;
    // An id is a whole slug: joined where it is joined, and not part of a longer one.
    if (joined[at] === 1 || joined[at + length] === 1) return false;
    for (let k = 1; k < length; k++) if (phrase.joined[k] !== joined[at + k]) return false;
    return true;
  }

  /** Calls `onHit` for every run of words in `ids` that a needle has. */
  private scan(
    ids: Int32Array,
    joined: Uint8Array,
    onHit: (...hit: ['run', number] | ['phrase', Phrase]) => void,
  ): void {
    if (this.runCount > 0) {
      const mask = this.table.length - 1;
      const filterMask = this.filter.length * 32 - 1;
      const pool = this.pool.data;
      forEachRun(ids, 0, ids.length, (start, a, b) => {
        const bit = b & filterMask;
        if (((this.filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return;
        for (let slot = slotOf(a, b, mask); ; slot = (slot + 1) & mask) {
          const stored = this.table[slot] ?? 0;
          if (stored === 0) return;
          if (pool[stored - 1] === ids[start] && this.sameRun(stored - 1, ids, start)) {
            onHit('run', stored - 1);
            return;
          }
        }
      });
    }
    if (this.phrases.length === 0) return;
    const phraseMask = this.phraseTable.length - 1;
    for (let i = 0; i < ids.length; i++) {
      const first = ids[i] ?? UNKNOWN;
      const second = ids[i + 1] ?? UNKNOWN;
      if (
        this.phraseSingles[first] !== 1 &&
        (second === UNKNOWN || this.phrasePairs[pairSlot(first, second)] !== 1)
      ) {
        continue;
      }
      let a = SEED_A;
      let b = SEED_B;
      for (let k = 1; k <= this.longestPhrase && i + k <= ids.length; k++) {
        const id = ids[i + k - 1] ?? UNKNOWN;
        if (id === UNKNOWN) break;
        a = mixA(a, id);
        b = mixB(b, id);
        if ((this.phraseLengths & (1 << k)) === 0) continue;
        for (let slot = slotOf(a, b, phraseMask); ; slot = (slot + 1) & phraseMask) {
          const stored = this.phraseTable[slot] ?? 0;
          if (stored === 0) break;
          const phrase = this.phrases[stored - 1];
          if (phrase && this.phraseMatches(phrase, ids, joined, i, k)) onHit('phrase', phrase);
        }
      }
    }
  }
}
