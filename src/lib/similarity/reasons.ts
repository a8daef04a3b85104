import { pluralWord } from '../labels';
import type { MatchReasons } from './similar';

/**
 * Why a match is there, in words: a reader should be able to check each reason against both
 * pages, so it names the shared words as written, the category by its label and the services by
 * their slugs, rather than showing a score.
 */

// British English, like the dates: "a, b and c" without the serial comma.
const and = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** "disk", "drive" and "storage": quoted, so words read as words in a sentence. */
const quoted = (words: readonly string[]) => and.format(words.map((word) => `“${word}”`));

/** Each reason as a phrase: `the words “disk” and “drive”`, `the same root cause, Hardware`. */
export function reasonPhrases(reasons: MatchReasons, categoryLabel: string): string[] {
  const phrases: string[] = [];
  if (reasons.words.length > 0) {
    phrases.push(
      `the ${pluralWord(reasons.words.length, { one: 'word', other: 'words' })} ${quoted(reasons.words)}`,
    );
  }
  if (reasons.sameCategory) phrases.push(`the same root cause, ${categoryLabel}`);
  if (reasons.services.length > 0) {
    phrases.push(
      `the same ${pluralWord(reasons.services.length, { one: 'service', other: 'services' })}, ${and.format(reasons.services)}`,
    );
  }
  return phrases;
}

/** The reasons as one sentence: "Shares the words “disk” and “drive”; the same root cause, Hardware." */
export function reasonSentence(reasons: MatchReasons, categoryLabel: string): string {
  const phrases = reasonPhrases(reasons, categoryLabel);
  return phrases.length > 0 ? `Shares ${phrases.join('; ')}.` : '';
}
