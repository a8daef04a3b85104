import { decodeCharacterReferences } from '../character-references';

/**
 * What the verification reads of a built HTML page, in one pass over its text: the URLs it
 * links to, the ids it can be linked to, and the incident links in its tables (the rows of a
 * list). A scanner of tags rather than a DOM: Astro writes well-formed HTML, and at ten
 * thousand pages building a tree of each would cost more than everything else the check does.
 */

/** Elements and the attribute on each that points at a resource, as a browser would fetch or follow it. */
const LINK_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href',
  link: 'href',
  script: 'src',
  img: 'src',
  source: 'src',
  form: 'action',
};

/** Elements whose content is text, not markup: a `<` inside them starts no tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

export interface PageScan {
  /** Every distinct URL the page links to, as written (entities decoded), in order of first use. */
  urls: string[];
  /** Every `id` in the page, and the `name` of every `<a>`: what a `#fragment` can name. */
  ids: Set<string>;
  /** The `href` of `<link rel="canonical">`, if any. */
  canonical: string | undefined;
  /** Whether an element carries `data-pagefind-body`: only incident pages do. */
  indexed: boolean;
  /** The `href` of every `<a>` inside a `<tbody>`, in order: the rows of the page's tables. */
  rowLinks: string[];
}

/** A tag (with quoted attribute values that may hold `>`), or a comment. */
const TAG =
  /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Named references serialisers write; `&nbsp;` is U+00A0, as a browser reads an attribute. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * A copy of `text` that does not keep the page it was cut from in memory. V8 represents a
 * substring of a long string as a view into it; a few ids kept per page would otherwise hold
 * every page's whole HTML until the check ends (gigabytes at ten thousand postmortems).
 */
export const detach = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));

// Made once, not per call: every link's attributes on every page are decoded.
const namedCharacter = (name: string): string | undefined => NAMED[name];
const keepAsWritten = (reference: string) => reference;

/** HTML character references in an attribute value, as a browser decodes them. */
export const decodeAttribute = (value: string): string =>
  decodeCharacterReferences(value, namedCharacter, keepAsWritten);

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    if (!name) continue;
    const key = name.toLowerCase();
    // The first of a repeated attribute wins, as in a browser.
    if (!attributes.has(key)) attributes.set(key, detach(decodeAttribute(double ?? single ?? bare ?? '')));
  }
  return attributes;
}

/** Reads a page's links, ids, canonical link and table rows (see `PageScan`). */
export function scanHtml(html: string): PageScan {
  const urls = new Set<string>();
  const ids = new Set<string>();
  const rowLinks: string[] = [];
  let canonical: string | undefined;
  let indexed = false;
  let tbodyDepth = 0;
  const tag = new RegExp(TAG.source, 'g');
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, closing, rawName, rawAttributes] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      if (name === 'tbody') tbodyDepth = Math.max(0, tbodyDepth - 1);
      continue;
    }
    if (name === 'tbody') tbodyDepth++;
    // Most tags carry nothing the check reads; skip parsing their attributes.
    const linkAttribute = LINK_ATTRIBUTES[name];
    const source = rawAttributes ?? '';
    if (linkAttribute || source.includes('id=') || source.includes('data-pagefind-body')) {
      const attributes = attributesOf(source);
      const id = attributes.get('id');
      if (id) ids.add(id);
      if (attributes.has('data-pagefind-body')) indexed = true;
      if (name === 'a') {
        const anchorName = attributes.get('name');
        if (anchorName) ids.add(anchorName);
      }
      const url = linkAttribute ? attributes.get(linkAttribute)?.trim() : undefined;
      if (url) {
        urls.add(url);
        if (name === 'a' && tbodyDepth > 0) rowLinks.push(url);
        if (name === 'link' && attributes.get('rel')?.toLowerCase().split(/\s+/).includes('canonical')) {
          canonical = url;
        }
      }
    }
    if (RAW_TEXT.has(name) && !match[0].endsWith('/>')) {
      const closer = new RegExp(`</${name}`, 'gi');
      closer.lastIndex = tag.lastIndex;
      tag.lastIndex = closer.exec(html)?.index ?? html.length;
    }
  }
  return { urls: [...urls], ids, canonical, indexed, rowLinks };
}
