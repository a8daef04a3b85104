import { parse, TextNode, type HTMLElement, type Node } from 'node-html-parser';
import { decodeCharacterReferences } from '../character-references';
import type { FacetRow } from './facet-data';
import { SEARCH_WORDS_ID } from './record';

/**
 * The copy of an incident page that Pagefind indexes (the page in `dist/` stays as built).
 *
 * The long free text of a postmortem (the write-up, the timeline, the follow-up tasks) goes to
 * Pagefind as its distinct words, once each, in the order they first appear, in one paragraph
 * at the end of the indexed region, leaving out words the rest of the page already holds. Every word stays findable, but the index stores one
 * position per word and page instead of one per occurrence: at 10,000 postmortems the chunk
 * holding a common word is several times smaller, and so is what a query downloads. What
 * this costs: an excerpt for a match found only there (the result shows the summary instead,
 * see `bodyOnlyMatch` in `results.ts`), how often the write-up repeats a word as a ranking signal, and phrase
 * searches across that text. The title, summary, facts, root cause and resolution stay prose,
 * with their excerpts and weights.
 */

/**
 * The regions given to Pagefind as distinct words: the incident page marks its write-up,
 * `Timeline.astro` its entries and `TaskTable.astro` its table.
 */
const SEARCH_WORDS_SELECTORS = ['[data-search-words]'] as const;

/** The attribute carrying an incident's facet values (`PagefindMeta.astro`). */
const FACETS_ATTRIBUTE = 'data-search-facets';

/** What Pagefind leaves out on its own, besides `data-pagefind-ignore` and `excludeSelectors`. */
const PAGEFIND_SKIPS = ['script', 'style', 'noscript', 'template', 'nav', 'footer', 'form', 'label', 'svg'];

/** Punctuation around a word that does not make it another word ("pool." is "pool"). */
const EDGE_PUNCTUATION = /^[\s"'“”‘’«»()[\]{}<>,.;:!?…]+|[\s"'“”‘’«»()[\]{}<>,.;:!?…]+$/gu;

/** The distinct words of `text`, in the order they first appear, each as first written. */
export function distinctWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/\s+/u)) {
    const word = raw.replace(EDGE_PUNCTUATION, '');
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SearchPage {
  /** The HTML to give Pagefind. */
  document: string;
  /** The text Pagefind indexes from it (its body and metadata), for the vocabulary. */
  text: string;
}

/**
 * The page as Pagefind should index it, read once for both the index and the vocabulary: its
 * `data-pagefind-body` without what Pagefind would skip anyway (ignored, excluded, navigation),
 * and with every `SEARCH_WORDS_SELECTORS` region replaced by one paragraph of their distinct
 * words at the end (those the rest of the page does not already hold). A page without `data-pagefind-body` goes as it is.
 */
export function searchPage(html: string, excludeSelectors: readonly string[] = []): SearchPage {
  const root = parse(html, { comment: false });
  const meta = root
    .querySelectorAll('[data-pagefind-meta]')
    .map((element) => element.getAttribute('data-pagefind-meta') ?? '')
    .map((pair) => (pair.includes(':') ? pair.slice(pair.indexOf(':') + 1) : ''));
  const body: HTMLElement | null = root.querySelector('[data-pagefind-body]');
  if (!body) return { document: html, text: meta.join(' ') };
  for (const selector of [...PAGEFIND_SKIPS, '[data-pagefind-ignore]', ...excludeSelectors])
    for (const element of body.querySelectorAll(selector)) element.remove();
  const regions = SEARCH_WORDS_SELECTORS.flatMap((selector) => body.querySelectorAll(selector));
  // A region inside another is read once, with the outer one.
  const within = (element: HTMLElement) => {
    for (let parent = element.parentNode; parent; parent = parent.parentNode)
      if (regions.includes(parent)) return true;
    return false;
  };
  const texts: string[] = [];
  for (const region of new Set(regions.filter((region) => !within(region)))) {
    texts.push(region.structuredText);
    region.remove();
  }
  // A word the page's prose already holds is findable there, with its excerpt.
  const prose: string[] = [];
  textOf(body, prose);
  const held = new Set(distinctWords(prose.join(' ')).map((word) => word.toLowerCase()));
  const words = distinctWords(texts.join('\n')).filter((word) => !held.has(word.toLowerCase()));
  if (words.length)
    body.insertAdjacentHTML('beforeend', `<p id="${SEARCH_WORDS_ID}">${escapeText(words.join(' '))}</p>`);
  const out: string[] = [];
  textOf(body, out);
  return { document: root.toString(), text: [...out, ...meta].join(' ') };
}

/** The text of a node, with a space between text nodes so block boundaries split words. */
function textOf(node: Node, out: string[]): void {
  if (node instanceof TextNode) out.push(node.text);
  else for (const child of node.childNodes) textOf(child, out);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The facet values a built incident page states, read without parsing the page (the build reads
 * every page for them before indexing any, to index them newest first).
 * @param file The page's path, for the error.
 */
export function facetRowOf(html: string, file: string): Omit<FacetRow, 'url'> {
  const match = new RegExp(`${FACETS_ATTRIBUTE}="([^"]*)"`).exec(html);
  if (!match?.[1])
    throw new Error(`${file} has no ${FACETS_ATTRIBUTE} attribute; was it built by PagefindMeta.astro?`);
  const json = decodeCharacterReferences(
    match[1],
    (name) => NAMED[name],
    (reference) => reference,
  );
  try {
    return JSON.parse(json) as Omit<FacetRow, 'url'>;
  } catch (error) {
    throw new Error(`${file}: ${FACETS_ATTRIBUTE} is not valid JSON (${String(error)})`, { cause: error });
  }
}
