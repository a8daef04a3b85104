import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
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
 * The attribute marking the regions given to Pagefind as distinct words: the incident page
 * marks its write-up, `Timeline.astro` its entries and `TaskTable.astro` its table.
 */
const SEARCH_WORDS_ATTRIBUTE = 'data-search-words';
const SEARCH_WORDS_WRITTEN = new RegExp(SEARCH_WORDS_ATTRIBUTE, 'i');

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
 * and with every `data-search-words` region replaced by one paragraph of their distinct words
 * at the end (those the rest of the page does not already hold). A page without
 * `data-pagefind-body` goes as it is.
 *
 * Only the page from its indexed region on is parsed, and Pagefind is given only that region
 * and the page's language: the head, its inline styles and the site header are over a third of
 * an incident page, and Pagefind reads nothing there but `lang`. A page with Pagefind metadata,
 * filters or sorts outside the region is read and given whole, so none is lost.
 */
export function searchPage(html: string, excludeSelectors: readonly string[] = []): SearchPage {
  const start = html.search(BODY_TAG);
  const prefix = start < 0 ? html : html.slice(0, start);
  if (start < 0 || PAGEFIND_DATA.test(prefix)) return wholePage(html, excludeSelectors);
  const root = parse(html.slice(start), { comment: false });
  const body = root.childNodes.find((node) => node instanceof HTMLElement);
  if (!(body instanceof HTMLElement) || !body.hasAttribute('data-pagefind-body'))
    return wholePage(html, excludeSelectors);
  const data = elementsWithPagefindData(root);
  if (data.some((element) => !isWithin(element, body))) return wholePage(html, excludeSelectors);
  const written = LANG.exec(prefix);
  const lang = written ? (written[1] ?? written[2] ?? written[3] ?? '') : undefined;
  const text = indexedText(body, metaOf(data), excludeSelectors);
  const document =
    `<!DOCTYPE html><html${lang === undefined ? '' : ` lang="${lang.replace(/"/g, '&quot;')}"`}><head></head><body>` +
    `${body.toString()}</body></html>`;
  return { document, text };
}

function isWithin(node: Node, ancestor: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (at === ancestor) return true;
  return false;
}

/** The opening tag of the indexed region. */
const BODY_TAG = /<[a-zA-Z][^>]*?\sdata-pagefind-body[\s=>]/;
/** Pagefind attributes that count outside the indexed region. */
const PAGEFIND_DATA = /\sdata-pagefind-(?:meta|filter|sort|default-meta)[\s=>]/;
const PAGEFIND_DATA_NAMES = ['data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort'];
const PAGEFIND_DATA_WRITTEN = /data-pagefind-(?:meta|filter|sort)/i;
/** The page's `lang`, in double, single or no quotes. */
const LANG = /<html\b[^>]*?\slang=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * The elements under `node` with Pagefind metadata, filters or sorts. Found by a walk that
 * reads each element's attributes as written and parses them only where one may be there:
 * `querySelectorAll` parsed every element's, which cost more than parsing the page.
 */
function elementsWithPagefindData(node: Node, found: HTMLElement[] = []): HTMLElement[] {
  for (const child of node.childNodes) {
    if (!(child instanceof HTMLElement)) continue;
    if (
      PAGEFIND_DATA_WRITTEN.test(child.rawAttrs) &&
      PAGEFIND_DATA_NAMES.some((name) => child.hasAttribute(name))
    )
      found.push(child);
    elementsWithPagefindData(child, found);
  }
  return found;
}

/** `searchPage` on the whole page, for a page with no indexed region or metadata before it. */
function wholePage(html: string, excludeSelectors: readonly string[]): SearchPage {
  const root = parse(html, { comment: false });
  const meta = metaOf(root.querySelectorAll('[data-pagefind-meta]'));
  const body: HTMLElement | null = root.querySelector('[data-pagefind-body]');
  if (!body) return { document: html, text: meta.join(' ') };
  const text = indexedText(body, meta, excludeSelectors);
  return { document: root.toString(), text };
}

/** Prepares `body` for Pagefind (`prepareBody`) and returns the text it then holds, with `meta`. */
function indexedText(
  body: HTMLElement,
  meta: readonly string[],
  excludeSelectors: readonly string[],
): string {
  prepareBody(body, excludeSelectors);
  const out: string[] = [];
  textOf(body, out);
  return [...out, ...meta].join(' ');
}

/** The values of the `data-pagefind-meta` pairs among `elements`. */
function metaOf(elements: readonly HTMLElement[]): string[] {
  return elements
    .filter((element) => element.hasAttribute('data-pagefind-meta'))
    .map((element) => element.getAttribute('data-pagefind-meta') ?? '')
    .map((pair) => (pair.includes(':') ? pair.slice(pair.indexOf(':') + 1) : ''));
}

/**
 * Removes from `body` what Pagefind would skip, and replaces its marked regions with the
 * paragraph of their distinct words. One walk over the tree: matching each selector with
 * `querySelectorAll` walked it once per selector and took most of the time.
 */
function prepareBody(body: HTMLElement, excludeSelectors: readonly string[]): void {
  const skipped = skipMatcher(excludeSelectors);
  const regions: HTMLElement[] = [];
  prune(body, skipped, regions);
  const texts: string[] = [];
  for (const region of regions) {
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
}

/**
 * Removes the skipped elements under `element`, and collects its outermost marked regions in
 * document order into `regions` (a region inside another is read with the outer one; pass
 * `undefined` to only remove).
 */
function prune(element: HTMLElement, skipped: ElementTest, regions?: HTMLElement[]) {
  for (const child of [...element.childNodes]) {
    if (!(child instanceof HTMLElement)) continue;
    const raw = child.rawAttrs;
    if (skipped(child, raw)) {
      child.remove();
    } else if (regions && SEARCH_WORDS_WRITTEN.test(raw) && child.hasAttribute(SEARCH_WORDS_ATTRIBUTE)) {
      prune(child, skipped);
      regions.push(child);
    } else {
      prune(child, skipped, regions);
    }
  }
}

/**
 * Whether Pagefind would skip an element: one of `PAGEFIND_SKIPS`, marked
 * `data-pagefind-ignore`, or matching one of `excludeSelectors`, which may each be a tag name,
 * `.class`, `[attribute]` or `[attribute="value"]` (what this project's selectors need).
 */
function skipMatcher(excludeSelectors: readonly string[]): ElementTest {
  const tags = new Set(PAGEFIND_SKIPS);
  const tests = ['[data-pagefind-ignore]', ...excludeSelectors].map(simpleSelector);
  return (element, raw) => isTag(tags, element) || tests.some((test) => test(element, raw));
}

/** Whether an element's tag is one of `tags` (lower case), without a copy when written so. */
const isTag = (tags: ReadonlySet<string>, element: HTMLElement) =>
  tags.has(element.rawTagName) || tags.has(element.rawTagName.toLowerCase());

/**
 * Whether an element matches, given also its attributes as written: an attribute's name must
 * appear there (in any case) before the element's attributes are parsed to read it.
 */
type ElementTest = (element: HTMLElement, raw: string) => boolean;

const SIMPLE_SELECTOR = /^(?:([a-zA-Z][\w-]*)|\.([\w-]+)|\[([\w-]+)(?:="([^"]*)")?\])$/;

function simpleSelector(selector: string): ElementTest {
  const match = SIMPLE_SELECTOR.exec(selector.trim());
  if (!match)
    throw new Error(
      `Cannot match the search exclusion "${selector}": use a tag name, .class, [attribute] or [attribute="value"].`,
    );
  const [, tag, className, attribute, value] = match;
  if (tag) {
    const tags = new Set([tag.toLowerCase()]);
    return (element) => isTag(tags, element);
  }
  if (className) return (element, raw) => /class/i.test(raw) && element.classList.contains(className);
  const name = (attribute ?? '').toLowerCase();
  // A name of letters, digits, `_` and `-` (SIMPLE_SELECTOR) has nothing a pattern would read.
  const written = new RegExp(name, 'i');
  if (value === undefined) return (element, raw) => written.test(raw) && element.hasAttribute(name);
  return (element, raw) => written.test(raw) && element.getAttribute(name) === value;
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

/**
 * The code and settings `searchPage` runs, for caches of what it made (`pagefind.ts` keeps each
 * page's result between builds): a change to any of them makes every page again. A unit test
 * checks that no function `searchPage` may call is missing here.
 */
export const SEARCH_PAGE_CODE = [
  searchPage,
  wholePage,
  indexedText,
  isWithin,
  elementsWithPagefindData,
  metaOf,
  prepareBody,
  prune,
  skipMatcher,
  isTag,
  simpleSelector,
  textOf,
  distinctWords,
  escapeText,
  BODY_TAG,
  PAGEFIND_DATA,
  PAGEFIND_DATA_NAMES,
  PAGEFIND_DATA_WRITTEN,
  LANG,
  SIMPLE_SELECTOR,
  EDGE_PUNCTUATION,
  PAGEFIND_SKIPS,
  SEARCH_WORDS_ATTRIBUTE,
  SEARCH_WORDS_WRITTEN,
  SEARCH_WORDS_ID,
]
  .map(String)
  .join('\n');
