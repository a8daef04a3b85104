import { forEachWord, normalise, words, type Words } from './words';

/**
 * How many consecutive words make a passage. Eight: a run of eight words of prose is, but for
 * stock phrases, found in one document only, while the longest stock phrases postmortems share
 * ("the on-call engineer was paged at") stay shorter; and any copy of eight words or more is
 * caught, which is less than a sentence. Text that public postmortems also contain is not a
 * leak (see `NeedleIndex.exclude`), which takes care of the phrases teams reuse.
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

/** Two independent 32-bit lanes of a hash over word ids; together 53 bits, a safe Map key. */
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
const keyOf = (a: number, b: number) => a * 0x200000 + (b >>> 11);

/** A whole-text needle: its word ids, and for exact ones how its words were joined. */
interface Phrase {
  needle: number;
  ids: Int32Array;
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

/**
 * Everything a public build must not contain, indexed so that the built files are read once:
 * each file is split into words, and at each word the runs starting there are looked up by
 * hash, for the few lengths in use (1 to `PASSAGE_WORDS`; a longer whole text is looked up by
 * its first `PASSAGE_WORDS` words and then compared in full). The cost grows with the size of
 * the site and the number of distinct lengths, not with files × needles.
 *
 * Passages are stored as word ids in one pool with an open-addressing table of their runs (8
 * bytes a run at most), so ten thousand internal postmortems fit in a build's memory. Every
 * hash hit is compared word by word, so a hash collision can never report a leak.
 */
export class NeedleIndex {
  readonly needles: readonly Needle[];
  private readonly vocabulary = new Map<string, number>();
  /** Word ids of every `windows` needle, back to back. */
  private readonly pool = new IntList();
  /** For each `windows` needle in pool order: where it starts in the pool, and which needle it is. */
  private readonly segmentStarts = new IntList();
  private readonly segmentNeedles = new IntList();
  /** Run starts (pool offset + 1; 0 empty), by hash of the run's words. */
  private table = new Int32Array(0);
  /** 1 at the pool offset of a run that public text also has. */
  private excusedRuns = new Uint8Array(0);
  /** Whole-text needles by the number of words looked up (their length, at most `PASSAGE_WORDS`), then by hash. */
  private readonly phrases: Map<number, Phrase[]>[] = [];
  private maxPhraseKey = 0;
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
        if (split.words.length > 0) {
          const ids = Int32Array.from(split.words, (word) => this.idOf(word));
          this.addPhrase(index, ids, split, needle.exact ?? false);
        }
      }
    });
    this.buildTable(runs);
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
        const needle = this.needles[this.needleAtPool(ref)];
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

  private addPhrase(needle: number, ids: Int32Array, split: Words, exact: boolean) {
    const length = Math.min(ids.length, PASSAGE_WORDS);
    let a = SEED_A;
    let b = SEED_B;
    for (let k = 0; k < length; k++) {
      a = mixA(a, ids[k] ?? 0);
      b = mixB(b, ids[k] ?? 0);
    }
    const byKey = (this.phrases[length] ??= new Map());
    const key = keyOf(a, b);
    const list = byKey.get(key) ?? [];
    list.push({ needle, ids, joined: split.joined, exact, excused: false });
    byKey.set(key, list);
    this.maxPhraseKey = Math.max(this.maxPhraseKey, length);
  }

  private buildTable(runs: number) {
    let capacity = 16;
    while (capacity < runs * 2) capacity *= 2;
    this.table = new Int32Array(capacity);
    this.excusedRuns = new Uint8Array(this.pool.length);
    const mask = capacity - 1;
    for (let segment = 0; segment < this.segmentStarts.length; segment++) {
      const start = this.segmentStarts.data[segment] ?? 0;
      const end =
        segment + 1 < this.segmentStarts.length
          ? (this.segmentStarts.data[segment + 1] ?? 0)
          : this.pool.length;
      for (let run = start; run + PASSAGE_WORDS <= end; run++) {
        let a = SEED_A;
        let b = SEED_B;
        for (let k = 0; k < PASSAGE_WORDS; k++) {
          a = mixA(a, this.pool.data[run + k] ?? 0);
          b = mixB(b, this.pool.data[run + k] ?? 0);
        }
        let slot = (a ^ Math.imul(b, 0x27d4eb2d)) & mask;
        for (;;) {
          const stored = this.table[slot] ?? 0;
          if (stored === 0) {
            this.table[slot] = run + 1;
            this.runCount++;
            break;
          }
          // The same eight words again (here or in another postmortem): the first one is reported.
          if (this.sameRun(stored - 1, this.pool.data, run)) break;
          slot = (slot + 1) & mask;
        }
      }
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

  private needleAtPool(offset: number): number {
    return this.segmentNeedles.data[this.segmentOf(offset)] ?? -1;
  }

  private phraseMatches(phrase: Phrase, ids: Int32Array, joined: Uint8Array, at: number): boolean {
    const length = phrase.ids.length;
    if (at + length > ids.length) return false;
    for (let k = 0; k < length; k++) if (phrase.ids[k] !== ids[at + k]) return false;
    if (!phrase.exact) return true;
    // An id is a whole slug: joined where it is joined, and not part of a longer one.
    if (joined[at] === 1 || joined[at + length] === 1) return false;
    for (let k = 1; k < length; k++) if (phrase.joined[k] !== joined[at + k]) return false;
    return true;
  }

  /** Calls `onHit` for each run of words at each position that a needle has. */
  private scan(
    ids: Int32Array,
    joined: Uint8Array,
    onHit: (...hit: ['run', number] | ['phrase', Phrase]) => void,
  ): void {
    const mask = this.table.length - 1;
    const longest = Math.max(this.maxPhraseKey, this.segmentStarts.length ? PASSAGE_WORDS : 0);
    const pool = this.pool.data;
    for (let i = 0; i < ids.length; i++) {
      let a = SEED_A;
      let b = SEED_B;
      for (let k = 1; k <= longest && i + k <= ids.length; k++) {
        const id = ids[i + k - 1] ?? UNKNOWN;
        if (id === UNKNOWN) break;
        a = mixA(a, id);
        b = mixB(b, id);
        const candidates = this.phrases[k]?.get(keyOf(a, b));
        if (candidates) {
          for (const phrase of candidates)
            if (this.phraseMatches(phrase, ids, joined, i)) onHit('phrase', phrase);
        }
        if (k === PASSAGE_WORDS && mask > 0) {
          for (let slot = (a ^ Math.imul(b, 0x27d4eb2d)) & mask; ; slot = (slot + 1) & mask) {
            const stored = this.table[slot] ?? 0;
            if (stored === 0) break;
            if (pool[stored - 1] === ids[i] && this.sameRun(stored - 1, ids, i)) {
              onHit('run', stored - 1);
              break;
            }
          }
        }
      }
    }
  }
}
