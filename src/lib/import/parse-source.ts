/**
 * Reads a free-form postmortem (Markdown, or plain text, which is Markdown too) into a flat
 * list of units, each one line of thought with its own source text.
 *
 * Free-form write-ups put structure where Markdown does not see it: `Impact: …` lines packed
 * into one paragraph, `**Timeline:**` as a bold line, `TIMELINE` in capitals, one task per
 * line with no list markers. So paragraphs are split into their lines, and each line says
 * whether it looks like a heading or starts with a `Label:`; the section finder decides what
 * those mean.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Where a line sits in a list. */
export interface ListPlace {
  /** 0 for a top-level list, 1 for a list inside an item, … */
  depth: number;
  ordered: boolean;
  /** `true`/`false` for GFM task list items (`- [x]`), `null` otherwise. */
  checked: boolean | null;
  /** Whether this is the item's first line (the one after the marker). */
  first: boolean;
}

/** One line of text: a paragraph line or a list item's line. */
export interface LineUnit {
  type: 'line';
  /** The line as plain text, without Markdown markup. */
  text: string;
  /** The line as written (Markdown), for the body. */
  source: string;
  /** Lines of one paragraph share this number, so the body can put them back together. */
  paragraph: number;
  list?: ListPlace;
  /** `Label: value` at the start of the line (`**Label:** value` too); `value` may be empty. */
  label?: { name: string; value: string };
  /**
   * The line reads as a heading: all bold (`**Postmortem**`), all capitals (`TIMELINE`), or
   * `##Title` without the space Markdown needs.
   */
  headingLike: boolean;
}

/** A Markdown heading. */
export interface HeadingUnit {
  type: 'heading';
  depth: number;
  text: string;
  source: string;
}

/** A GFM table, cells as plain text. */
export interface TableUnit {
  type: 'table';
  header: string[];
  rows: string[][];
  source: string;
}

/** Anything else (code, quotes, HTML, rules), kept verbatim for the body. */
export interface BlockUnit {
  type: 'block';
  kind: string;
  source: string;
  /** For code blocks: the language and the code, so indented code can become fenced code. */
  code?: { lang: string | null; value: string };
}

/** One piece of a document, in order; the section finder and the extractors work on these. */
export type Unit = LineUnit | HeadingUnit | TableUnit | BlockUnit;

/** Plain text of inline content, with a line break wherever the source breaks the line. */
export function inlineText(nodes: readonly (PhrasingContent | Nodes)[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          return node.value;
        case 'break':
          return '\n';
        case 'image':
          return node.alt ?? '';
        case 'footnoteReference':
          return '';
        default:
          return 'children' in node ? inlineText(node.children as PhrasingContent[]) : '';
      }
    })
    .join('');
}

/** Words that may start a label; a label is short and ends with a colon and a space. */
const LABEL = /^([A-Za-z][A-Za-z0-9 /&()'’,.+-]{0,60}?)\s*:(?:\s+(.*)|\s*)$/s;

/** `Label: value` at the start of a line, when the part before the colon is a few words. */
export function splitLabel(text: string): { name: string; value: string } | undefined {
  const match = LABEL.exec(text.trim());
  if (!match?.[1]) return undefined;
  const name = match[1].trim();
  if (name.split(/\s+/).length > 6 || /https?$/i.test(name)) return undefined;
  return { name, value: (match[2] ?? '').trim() };
}

/** "TIMELINE", "ROOT CAUSE (SUMMARY)", "TIMELINE (all times CET)": capitals, maybe a remark in brackets. */
const isAllCaps = (text: string) => {
  const bare = text.replace(/\([^)]*\)/g, '').trim();
  return (
    /[A-Z]{2}/.test(bare) && !/[a-z]/.test(bare) && bare.split(/\s+/).length <= 8 && !/[.!?]$/.test(bare)
  );
};

/** The source text of a node. */
const sliceOf = (source: string, node: Nodes) =>
  source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

interface Walk {
  source: string;
  units: Unit[];
  paragraph: number;
}

function paragraphUnits(walk: Walk, node: Paragraph, list?: Omit<ListPlace, 'first'>, startsItem = true) {
  const paragraph = ++walk.paragraph;
  const texts = inlineText(node.children).split('\n');
  // Continuation lines inside list items are indented in the source; the text is not.
  const sources = sliceOf(walk.source, node)
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? line : line.trimStart()));
  // The two line counts only differ for exotic inline content; keep such a paragraph whole.
  const pairs =
    texts.length === sources.length
      ? texts.map((text, index) => [text, sources[index] ?? ''] as const)
      : [[texts.join(' '), sources.join('\n')] as const];
  const wholeBold =
    node.children.length === 1 &&
    (node.children[0]?.type === 'strong' || node.children[0]?.type === 'emphasis');
  pairs.forEach(([rawText, source], index) => {
    const text = rawText.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const hash = /^#{1,6}(?=[^#\s])/.exec(text);
    const label = hash ? undefined : splitLabel(text);
    walk.units.push({
      type: 'line',
      text: hash ? text.slice(hash[0].length).trim() : text,
      source,
      paragraph,
      ...(list ? { list: { ...list, first: startsItem && index === 0 } } : {}),
      ...(label ? { label } : {}),
      headingLike: !list && (Boolean(hash) || (wholeBold && pairs.length === 1) || isAllCaps(text)),
    });
  });
}

function listUnits(walk: Walk, node: List, depth: number) {
  for (const item of node.children as ListItem[]) {
    const place = { depth, ordered: Boolean(node.ordered), checked: item.checked ?? null };
    let first = true;
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        // Only the item's first paragraph starts the item; later ones continue it.
        paragraphUnits(walk, child, first ? place : { ...place, checked: null }, first);
        first = false;
      } else if (child.type === 'list') {
        listUnits(walk, child, depth + 1);
      } else {
        blockUnit(walk, child);
      }
    }
  }
}

function tableUnit(walk: Walk, node: Table) {
  const [head, ...body] = node.children.map((row) =>
    row.children.map((cell) => inlineText(cell.children).replace(/\s+/g, ' ').trim()),
  );
  walk.units.push({ type: 'table', header: head ?? [], rows: body, source: sliceOf(walk.source, node) });
}

function blockUnit(walk: Walk, node: RootContent) {
  walk.units.push({
    type: 'block',
    kind: node.type,
    source: sliceOf(walk.source, node),
    ...(node.type === 'code' ? { code: { lang: node.lang ?? null, value: node.value } } : {}),
  });
}

function walkChildren(walk: Walk, nodes: readonly RootContent[]) {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        walk.units.push({
          type: 'heading',
          depth: node.depth,
          text: inlineText(node.children).replace(/\s+/g, ' ').trim(),
          source: sliceOf(walk.source, node),
        });
        break;
      case 'paragraph':
        paragraphUnits(walk, node);
        break;
      case 'list':
        listUnits(walk, node, 0);
        break;
      case 'table':
        tableUnit(walk, node);
        break;
      default:
        blockUnit(walk, node);
    }
  }
}

/** Parses a document with remark-parse and remark-gfm into mdast. */
export function parseMarkdown(source: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(source);
}

/** Reads a document (Markdown or plain text) into units, in document order. */
export function parseSource(source: string): Unit[] {
  const normalized = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const walk: Walk = { source: normalized, units: [], paragraph: 0 };
  walkChildren(walk, parseMarkdown(normalized).children);
  return walk.units;
}
