import { plural, pluralWord, NOUNS } from '../labels';
import { correctedQuery, replaceWord } from './relax';
import type { Relaxation, WordSuggestions } from './search-session';
import { searchHref, type SearchState } from './state';

/**
 * What the search page says when it did not search for exactly what was typed: which words
 * no incident holds together, what it showed instead, and a link back to the strict search
 * (the same URL with `strict=1`). The page renders the parts; the words are emphasised and the
 * link is a link, so a screen reader reading the live region hears the same sentence.
 */

export type NoticePart =
  | { kind: 'text'; text: string }
  | { kind: 'words'; text: string }
  | { kind: 'link'; href: string; parts: NoticePart[] };

const text = (value: string): NoticePart => ({ kind: 'text', text: value });
const words = (value: string): NoticePart => ({ kind: 'words', text: value });

/** `a`, `a and b`, `a, b and c`, each emphasised. */
function list(items: readonly string[]): NoticePart[] {
  return items.flatMap((item, index) => {
    const separator = index === 0 ? [] : [text(index === items.length - 1 ? ' and ' : ', ')];
    return [...separator, words(item)];
  });
}

/**
 * The notice for a relaxed search: up to three sentences and the link back.
 *
 * - "No incident mentions kubernets; showing kubernetes instead." for each corrected typo;
 * - "No incident mentions all of checkout page times out; showing incidents that match
 *   checkout, page and times out." (or "Only 2 incidents mention all of …; after them, incidents
 *   that match …") when the words were searched apart;
 * - "Nothing mentions foo." for words that found nothing at all, and "Did you mean fob or for?"
 *   when the index holds words close to one of them;
 * - then "Search instead for kubernets" (after a correction) or "Show only incidents with all
 *   the words", linking to the strict search.
 */
export function relaxationNotice(
  path: string,
  state: SearchState,
  relaxation: Relaxation,
  didYouMean: readonly WordSuggestions[] = [],
): NoticePart[] {
  const parts: NoticePart[] = [];
  const { corrections, matched, unmatched, strictCount } = relaxation;
  const sentence = (...content: NoticePart[]) => {
    if (parts.length) parts.push(text(' '));
    parts.push(...content);
  };

  for (const { from, to } of corrections) {
    sentence(text('No incident mentions '), words(from), text('; showing '), words(to), text(' instead.'));
  }
  const searchedApart = relaxation.apart && matched.length + unmatched.length > 1;
  if (searchedApart && matched.length) {
    const all = correctedQuery(state.q, corrections);
    if (strictCount === 0) {
      sentence(
        text('No incident mentions all of '),
        words(all),
        text('; showing incidents that match '),
        ...list(matched),
        text('.'),
      );
    } else {
      sentence(
        text(`Only ${plural(strictCount, NOUNS.incident)} ${pluralWord(strictCount, MENTION)} all of `),
        words(all),
        text('; after '),
        text(pluralWord(strictCount, { one: 'it', other: 'them' })),
        text(', incidents that match '),
        ...list(matched),
        text('.'),
      );
    }
  }
  if (unmatched.length) sentence(text('Nothing mentions '), ...list(unmatched), text('.'));
  const suggestions = didYouMeanSentence(path, state, didYouMean);
  if (suggestions.length) sentence(...suggestions);

  const strictLink = searchHref(path, { ...state, strict: true });
  sentence({
    kind: 'link',
    href: strictLink,
    parts: corrections.length
      ? [text('Search instead for '), words(state.q)]
      : [text('Show only incidents with all the words')],
  });
  return parts;
}

const MENTION = { one: 'mentions', other: 'mention' };

/**
 * What the live region adds after the count, if anything: the relaxed search's notice, or for a
 * strict search that found incidents although a word is not in the index, "Did you mean …?".
 * A search that found nothing says "Did you mean" under "No incidents match" instead.
 */
export function searchNotice(
  path: string,
  state: SearchState,
  outcome: { results: readonly unknown[]; relaxation?: Relaxation; didYouMean: readonly WordSuggestions[] },
): NoticePart[] {
  if (outcome.relaxation) return relaxationNotice(path, state, outcome.relaxation, outcome.didYouMean);
  return outcome.results.length ? didYouMeanSentence(path, state, outcome.didYouMean) : [];
}

/** "Did you mean fob or for?", each suggestion a link; nothing when there are none. */
function didYouMeanSentence(path: string, state: SearchState, didYouMean: readonly WordSuggestions[]) {
  const suggestions = didYouMeanLinks(path, state, didYouMean);
  if (suggestions.length === 0) return [];
  return [
    text('Did you mean '),
    ...suggestions.flatMap(({ suggestion, href }, index): NoticePart[] => [
      ...(index === 0 ? [] : [text(index === suggestions.length - 1 ? ' or ' : ', ')]),
      { kind: 'link', href, parts: [words(suggestion)] },
    ]),
    text('?'),
  ];
}

/** A link for each suggestion: the same search with the word replaced, relaxed again. */
export function didYouMeanLinks(
  path: string,
  state: SearchState,
  suggestions: readonly WordSuggestions[],
): { word: string; suggestion: string; href: string }[] {
  return suggestions.flatMap(({ word, suggestions: nearest }) =>
    nearest.map((suggestion) => ({
      word,
      suggestion,
      href: searchHref(path, { ...state, q: replaceWord(state.q, word, suggestion), strict: false }),
    })),
  );
}

/** The notice as plain text, as the live region reads it. */
export const noticeText = (parts: readonly NoticePart[]): string =>
  parts.map((part) => (part.kind === 'link' ? noticeText(part.parts) : part.text)).join('');
