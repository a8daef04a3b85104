import { normalizeWord, type PersonAt, type TextWord } from './phrase';

/** What the lint knows about the people and things of one postmortem. */
export interface PersonContext {
  /**
   * Names known to be people: the postmortem's `authors`, its task `owner`s that are written
   * as names, and the rules files' `people`. Each matches in full or by any one of its words.
   */
  people: readonly string[];
  /**
   * Words that are never a person whatever their capitals: the rules' `notPeople` and the
   * postmortem's services and tags (`kafka` makes "Kafka deleted" a system, not a person).
   */
  notPeople: readonly string[];
}

/** A capitalised word that is a name's shape: "Dana", not "DNS", "GitHub" or "dana". */
const NAME_WORD = /^\p{Lu}\p{Ll}+$/u;
const POSSESSIVE_SUFFIX = /['\u2019]s$/u;

/**
 * Capitalised words that open clauses or point at things, never names. Kept short on purpose:
 * clause openers are already excluded by position, these are the ones that also appear mid-sentence.
 */
const NEVER_NAMES = new Set(
  'i a an the this that these those it its we our they their he she his her you your my me us them who what which when where while then because after before once if and but or so nobody somebody someone everyone anyone nothing something each every all some no not'.split(
    ' ',
  ),
);

/** Words before which a capitalised word is a thing ("the Scheduler deleted"), not a person. */
const DETERMINERS = new Set('the a an our their this that its his her my your each every'.split(' '));

/** Splits a name into its words, apostrophes straightened: "Dana  Whitfield" → [dana, whitfield]. */
const nameWords = (name: string) => name.trim().split(/\s+/).filter(Boolean).map(normalizeWord);

/** Whether an `owner` is written as a person's name (capitalised words) rather than a team slug. */
export const looksLikeName = (owner: string): boolean =>
  nameWords(owner).length > 0 &&
  owner
    .trim()
    .split(/\s+/)
    .every((word) => NAME_WORD.test(word));

/**
 * Builds the `{person}` test for one postmortem. A known person matches wherever it appears.
 * An unknown capitalised word, or two ("Jordan Lee"), counts only where capitals mean a name:
 * inside a clause ("because Dana deleted", "at noon, Jordan Lee pushed"), not after "the" or
 * another capitalised word ("the Scheduler deleted", "API Gateway dropped"), and not in a
 * Title Case Heading. Clause openers are left alone ("Retries caused the spike"), which costs a
 * missed "Dana caused it" when Dana is not known: the rule prefers silence to a false
 * accusation of blaming.
 */
export function personMatcher(context: PersonContext): PersonAt {
  const known = context.people.map(nameWords).filter((words) => words.length > 0);
  const knownWords = new Set(known.flat().filter((word) => word.length > 1));
  const never = new Set(context.notPeople.flatMap(nameWords));

  const bare = (word: TextWord, possessive: boolean) =>
    possessive ? word.raw.replace(POSSESSIVE_SUFFIX, '') : word.raw;
  const hasPossessive = (word: TextWord) => POSSESSIVE_SUFFIX.test(word.raw);

  const unknownName = (raw: string) => {
    const norm = normalizeWord(raw);
    return NAME_WORD.test(raw) && !never.has(norm) && !NEVER_NAMES.has(norm);
  };

  const titleCase = new WeakMap<readonly TextWord[], boolean>();
  const isTitleCase = (words: readonly TextWord[]) => {
    let known = titleCase.get(words);
    if (known === undefined) {
      const long = words.filter((word) => word.raw.length > 3);
      known = long.length > 1 && long.filter((word) => /^\p{Lu}/u.test(word.raw)).length / long.length > 0.6;
      titleCase.set(words, known);
    }
    return known;
  };

  const nameLengths: PersonAt = (words, index, possessive) => {
    const lengths: number[] = [];
    // The last word of the name carries the possessive, if the pattern wants one.
    const wordAt = (offset: number, last: boolean): string | undefined => {
      const word = words[index + offset];
      if (!word || (offset > 0 && !word.joined)) return undefined;
      if (last && possessive && !hasPossessive(word)) return undefined;
      if (!last && hasPossessive(word)) return undefined;
      return bare(word, last && possessive);
    };

    for (const name of known) {
      const written = name.map((_, offset) => wordAt(offset, offset === name.length - 1));
      if (written.every((raw, offset) => raw !== undefined && normalizeWord(raw) === name[offset])) {
        lengths.push(name.length);
      }
    }
    const single = wordAt(0, true);
    if (single !== undefined && knownWords.has(normalizeWord(single)) && /^\p{Lu}/u.test(single)) {
      lengths.push(1);
    }

    // In a Title Case Heading every word is capitalised, so capitals say nothing there; at
    // the start of a clause neither. After "the" or another capitalised word ("the Scheduler",
    // "API Gateway") a capitalised word names a thing. "Bob's mistake" is a person anywhere.
    const word = words[index];
    const previous = word?.joined === true ? words[index - 1] : undefined;
    const thingBefore =
      previous !== undefined && (DETERMINERS.has(previous.norm) || /^\p{Lu}/u.test(previous.raw));
    const inClause = word !== undefined && (!word.opens || possessive);
    if (inClause && !thingBefore && !isTitleCase(words)) {
      const first = wordAt(0, false);
      const second = wordAt(1, true);
      if (first !== undefined && second !== undefined && unknownName(first) && unknownName(second))
        lengths.push(2);
      if (single !== undefined && unknownName(single)) lengths.push(1);
    }

    return [...new Set(lengths)].sort((a, b) => b - a);
  };

  // Every rule with a `{person}` asks about the same words of a sentence: answer each once.
  const answers = new WeakMap<readonly TextWord[], Map<number, number[]>>();
  return (words, index, possessive) => {
    let cache = answers.get(words);
    if (!cache) {
      cache = new Map();
      answers.set(words, cache);
    }
    const key = possessive ? -1 - index : index;
    let lengths = cache.get(key);
    if (!lengths) {
      lengths = nameLengths(words, index, possessive);
      cache.set(key, lengths);
    }
    return lengths;
  };
}
