import { NOUNS, plural, pluralWord, severityRank } from '../labels';
import { routes } from '../routes';
import { facetLabel, type SearchLabels } from './facets';
import type { FilterValues } from './facet-membership';
import { SEARCH_WORDS_ID } from './record';
import type { SearchState } from './state';
import { formatDate } from '../time';

/**
 * What one search result shows, computed from the fragment Pagefind returns for it, so the
 * page needs no further fetch: title, start date, severity, root cause (linking to its
 * category page), services and an excerpt with the matched words marked.
 */

/** The parts of Pagefind's `result.data()` this page reads. */
export interface ResultFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** Word positions of the matches. */
  locations?: readonly number[];
  /** Elements with an `id` in the indexed page, with the word position they start at. */
  anchors?: readonly { id: string; location: number }[];
  /** The indexed text, as Pagefind escaped it; word positions count its words. */
  content?: string;
}

/**
 * Whether every match lies in the paragraph of distinct words the index holds for the
 * write-up, timeline and tasks (`search-document.ts`). An excerpt from there would be a run of
 * unrelated words, so the result shows its summary instead.
 */
export function bodyOnlyMatch(fragment: ResultFragment): boolean {
  const start = wordsStart(fragment);
  const locations = fragment.locations ?? [];
  return start !== undefined && locations.length > 0 && locations.every((location) => location >= start);
}

/** Where the paragraph of distinct words starts, as a word position; none on a page without it. */
const wordsStart = (fragment: ResultFragment) =>
  fragment.anchors?.find((anchor) => anchor.id === SEARCH_WORDS_ID)?.location;

/** How many words an excerpt shows: Pagefind's own length. */
const EXCERPT_WORDS = 30;

/**
 * An excerpt from the prose of the page, for a result whose matches are in both the prose and
 * the paragraph of distinct words: Pagefind centres its excerpt where matches are densest,
 * which is often that paragraph, and shows a run of unrelated words. Of the windows of
 * `EXCERPT_WORDS` that end before the paragraph, the one with the most matches, earliest on a
 * tie. `undefined` when Pagefind's excerpt cannot reach the paragraph (every match is further
 * than an excerpt before it, or there is none) or when no match is in the prose (the summary
 * stands in then, see `bodyOnlyMatch`).
 */
export function proseExcerpt(fragment: ResultFragment): ExcerptPart[] | undefined {
  const start = wordsStart(fragment);
  const locations = fragment.locations ?? [];
  if (start === undefined || fragment.content === undefined) return undefined;
  if (locations.every((location) => location < start - EXCERPT_WORDS)) return undefined;
  const prose = [...new Set(locations.filter((location) => location < start))].sort((a, b) => a - b);
  if (!prose.length) return undefined;
  // Split as Pagefind splits the text it counts positions in.
  const words = fragment.content.split(/[\r\n\s]+/g);
  let best = { from: 0, count: -1 };
  for (const first of prose) {
    const from = Math.max(0, Math.min(first - 3, start - EXCERPT_WORDS));
    const count = prose.filter((location) => location >= from && location < from + EXCERPT_WORDS).length;
    if (count > best.count) best = { from, count };
  }
  const to = Math.min(start, best.from + EXCERPT_WORDS);
  const marked = new Set(prose);
  const parts: ExcerptPart[] = [];
  if (best.from > 0) appendPart(parts, '… ', false);
  for (let at = best.from; at < to; at++) {
    if (at > best.from) appendPart(parts, ' ', false);
    appendPart(parts, decodeEntities(words[at] ?? ''), marked.has(at));
  }
  if (to < words.length) appendPart(parts, ' …', false);
  return parts;
}

/** A run of excerpt text; `marked` runs matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface ResultView {
  url: string;
  title: string;
  /** ISO 8601, for `<time datetime>`; `''` when the index has no date. */
  dateTime: string;
  /** "22 Feb 2024", the UTC day, as the incident tables show it. */
  dateLabel: string;
  severity: { id: string; label: string; rank: number } | undefined;
  rootCause: { id: string; label: string; href: string } | undefined;
  services: string[];
  excerpt: ExcerptPart[];
}

/**
 * Builds the view of one result. With no query there is nothing to highlight, so the
 * incident's summary stands in for the excerpt, as it does for a match found only in the
 * distinct words of the write-up (see `bodyOnlyMatch`).
 * @param values The incident's facet values (root cause), from the facet data.
 */
export function resultView(
  fragment: ResultFragment,
  labels: SearchLabels,
  hasQuery: boolean,
  values: FilterValues | undefined,
): ResultView {
  const { meta } = fragment;
  const date = meta['date'] ? new Date(meta['date']) : undefined;
  const valid = date && !Number.isNaN(date.getTime());
  const severity = meta['severity'] ?? values?.severity?.[0];
  const rootCause = values?.rootCause?.[0];
  const prose = hasQuery ? proseExcerpt(fragment) : undefined;
  const excerpt = hasQuery && fragment.excerpt && !bodyOnlyMatch(fragment);
  return {
    url: fragment.url,
    title: meta['title'] ?? fragment.url,
    dateTime: valid ? date.toISOString() : '',
    dateLabel: valid ? formatDate(date, 'UTC') : '',
    severity: severity
      ? {
          id: severity,
          label: facetLabel('severity', severity, labels),
          rank: severityRank(severity, labels.severities),
        }
      : undefined,
    rootCause: rootCause
      ? {
          id: rootCause,
          label: facetLabel('rootCause', rootCause, labels),
          href: routes.rootCause(rootCause),
        }
      : undefined,
    services: servicesOf(meta['services']),
    excerpt: prose ?? (excerpt ? parseExcerpt(fragment.excerpt) : plain(meta['summary'] ?? '')),
  };
}

const plain = (text: string): ExcerptPart[] => (text ? [{ text, marked: false }] : []);

/** The `services` metadata field (`record.ts`: names joined by ", "), sorted. */
const servicesOf = (field: string | undefined): string[] =>
  field ? field.split(', ').filter(Boolean).sort() : [];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references Pagefind leaves in text, in one pass (`&amp;lt;` stays `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt into plain and marked runs. Pagefind escapes the page text and adds
 * only `<mark>` tags; reading the excerpt as text runs instead of HTML means nothing else from
 * the index can ever become markup on the page.
 */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else if (piece) appendPart(parts, decodeEntities(piece), marked);
  }
  return parts;
}

/** Adds text to the excerpt, joining it to the last run when both are marked or both are not. */
function appendPart(parts: ExcerptPart[], text: string, marked: boolean): void {
  const last = parts.at(-1);
  if (last && last.marked === marked) last.text += text;
  else parts.push({ text, marked });
}

/**
 * The sentence the live region reads after each search: how many incidents, for which words,
 * and whether filters narrowed it. After a relaxed search the notice that follows names the
 * words, so the sentence leaves them out.
 */
export function resultSummary(count: number, state: SearchState, relaxed = false): string {
  const filters = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  const filtered = filters ? ` with ${plural(filters, NOUNS.filter)}` : '';
  const words = state.q && !relaxed ? ` for “${state.q}”` : '';
  if (count === 0) return `No incidents found${words}${filtered}.`;
  if (!state.q && !filters)
    return pluralWord(count, { one: 'One incident.', other: `All ${plural(count, NOUNS.incident)}.` });
  return `${plural(count, NOUNS.incident)} found${words}${filtered}.`;
}
