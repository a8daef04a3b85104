import type { Paragraph, Root, Sentence, Word } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { personMatcher, type PersonContext } from './person';
import {
  compilePhrase,
  followedBy,
  matchAt,
  normalizeWord,
  precededBy,
  type PatternToken,
  type TextWord,
} from './phrase';
import type { LintRule } from './rules';

/** The `source` of every message the plugin reports, as `retext-equality` reports `retext-equality`. */
export const LINT_SOURCE = 'hindsight-blameless';

/** What `retextBlameless` needs: the rules in force and who counts as a person in this text. */
export interface BlamelessOptions {
  rules: readonly LintRule[];
  people: PersonContext;
}

interface CompiledRule {
  rule: LintRule;
  phrases: PatternToken[][];
  unlessPrecededBy: PatternToken[][];
  unlessFollowedBy: PatternToken[][];
  onlyPrecededBy?: PatternToken[][];
}

interface SentenceWord extends TextWord {
  node: Word;
  /** Inside quotation marks: someone's words reported, not the author's judgement. */
  quoted: boolean;
}

const compileAll = (phrases: readonly string[]) => phrases.map(compilePhrase);

/** The finding's text: the phrase and why it hurts, then the rewrite, as one line a reviewer reads. */
function findingMessage(rule: LintRule, actual: string): string {
  const example = rule.suggestion ? `, e.g. "${rule.suggestion}"` : '';
  return `"${actual}" ${rule.message}${example}`;
}

/**
 * Quotation marks open and close quoted speech; an apostrophe inside or after a word
 * ("didn't", "the users' data") does neither. Tracked over a whole paragraph, because a quote
 * may run over several sentences.
 */
class QuoteState {
  private double = false;
  private single = false;

  get open(): boolean {
    return this.double || this.single;
  }

  /** Updates the state for one punctuation mark; `afterWord` is whether a word touches it on the left. */
  see(mark: string, afterWord: boolean): void {
    if (mark === '"') this.double = !this.double;
    else if (mark === '\u201c') this.double = true;
    else if (mark === '\u201d') this.double = false;
    else if (mark === '\u2018') this.single = true;
    else if (mark === "'" || mark === '\u2019') {
      if (!afterWord && mark === "'") this.single = true;
      else if (this.single) this.single = false;
    }
  }
}

/** The words of a sentence with what the matcher and the name heuristics need to know of each. */
function sentenceWords(sentence: Sentence, quotes: QuoteState): SentenceWord[] {
  const words: SentenceWord[] = [];
  // `joined`: only whitespace since the last word; `touching`: nothing at all since it.
  let joined = false;
  let touching = false;
  let opens = true;
  for (const child of sentence.children) {
    if (child.type === 'WordNode') {
      const raw = toString(child);
      words.push({ node: child, raw, norm: normalizeWord(raw), joined, opens, quoted: quotes.open });
      joined = true;
      touching = true;
      opens = false;
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      quotes.see(child.value, touching);
      joined = false;
      touching = false;
      if (child.value !== ',') opens = true;
    } else {
      touching = false;
    }
  }
  return words;
}

/**
 * A retext plugin, the way `retext-equality` is one: it walks the sentences of an English
 * text and reports a message for every phrase a rule flags, with the rule id, the source
 * `hindsight-blameless`, the phrase's position, `actual` (the phrase as written) and
 * `expected` (the suggested rewrite). Quoted speech is skipped: a timeline may quote a
 * customer saying "you should have warned us".
 */
export const retextBlameless: Plugin<[BlamelessOptions], Root> = function (options) {
  const compiled: CompiledRule[] = options.rules.map((rule) => ({
    rule,
    phrases: compileAll(rule.phrases),
    unlessPrecededBy: compileAll(rule.unlessPrecededBy),
    unlessFollowedBy: compileAll(rule.unlessFollowedBy),
    ...(rule.onlyPrecededBy ? { onlyPrecededBy: compileAll(rule.onlyPrecededBy) } : {}),
  }));
  const personAt = personMatcher(options.people);

  const checkSentence = (words: SentenceWord[], file: VFile) => {
    for (const { rule, phrases, unlessPrecededBy, unlessFollowedBy, onlyPrecededBy } of compiled) {
      for (let start = 0; start < words.length; start++) {
        const ends = phrases.map((tokens) => matchAt(tokens, words, start, personAt));
        const end = Math.max(...ends);
        if (end < 0) continue;
        if (words.slice(start, end).some((word) => word.quoted)) continue;
        if (precededBy(unlessPrecededBy, words, start, personAt)) continue;
        if (followedBy(unlessFollowedBy, words, end, personAt)) continue;
        if (onlyPrecededBy && !precededBy(onlyPrecededBy, words, start, personAt)) continue;
        const first = words[start]?.node.position;
        const last = words[end - 1]?.node.position;
        if (!first || !last) continue;
        const actual = String(file.value).slice(first.start.offset, last.end.offset);
        const message = file.message(findingMessage(rule, actual), {
          place: { start: first.start, end: last.end },
          ruleId: rule.id,
          source: LINT_SOURCE,
        });
        message.actual = actual;
        message.expected = rule.suggestion ? [rule.suggestion] : [];
        start = end - 1;
      }
    }
  };

  return (tree, file) => {
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      const quotes = new QuoteState();
      for (const sentence of (paragraph as Paragraph).children) {
        if (sentence.type === 'SentenceNode') checkSentence(sentenceWords(sentence, quotes), file);
      }
    }
  };
};
