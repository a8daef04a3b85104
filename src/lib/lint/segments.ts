import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { FRONTMATTER } from '../yaml-source';
import { alignOffsets } from './align';
import { parseDirective, type Directive } from './suppress';

/** A stretch of prose to lint, with where each of its characters was written. */
export interface Segment {
  /** `rootCause.summary`, `timeline.2.text`, … or `body`. */
  field: string;
  text: string;
  /** File offset of each character of `text`. */
  offsets: number[];
  /** For a frontmatter field, the offset of its key (or list dash), where a line comment applies to all of it. */
  keyOffset?: number;
}

/** Everything the lint reads from one postmortem file. */
export interface Prose {
  segments: Segment[];
  directives: Directive[];
  /** From the frontmatter, for the person rule: who is a person, which words are things. */
  people: string[];
  things: string[];
}

/** The free-text frontmatter fields; `*` is every item of a list. */
const FREE_TEXT_FIELDS: readonly (readonly string[])[] = [
  ['title'],
  ['summary'],
  ['impact', 'summary'],
  ['rootCause', 'summary'],
  ['rootCause', 'trigger'],
  ['rootCause', 'contributingFactors', '*'],
  ['resolution'],
  ['timeline', '*', 'text'],
  ['tasks', '*', 'title'],
];

/** One placeholder character for code and expressions in prose: it breaks phrases like punctuation. */
const HOLE = '\uFFFC';

/** Every string value at `path` (with `*` for list items), with its dotted field and key offset. */
function valuesAt(
  node: unknown,
  path: readonly string[],
  field: string[] = [],
  keyOffset?: number,
): { field: string; node: YamlNode; keyOffset?: number }[] {
  const [head, ...rest] = path;
  if (head === undefined) {
    return isScalar(node) && typeof node.value === 'string'
      ? [{ field: field.join('.'), node, ...(keyOffset === undefined ? {} : { keyOffset }) }]
      : [];
  }
  if (head === '*') {
    if (!isSeq(node)) return [];
    return node.items.flatMap((item, index) =>
      valuesAt(item, rest, [...field, String(index)], (item as YamlNode | null)?.range?.[0]),
    );
  }
  if (!isMap(node)) return [];
  const pair = node.items.find(
    (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === head,
  );
  const key = pair?.key as YamlNode | undefined;
  return pair ? valuesAt(pair.value, rest, [...field, head], key?.range?.[0]) : [];
}

/** Where a scalar's text starts: after a block scalar's `>-` line or a quote. */
function contentStart(source: string, node: YamlNode): number {
  const start = node.range?.[0] ?? 0;
  const type = isScalar(node) ? node.type : undefined;
  if (type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL') {
    const newline = source.indexOf('\n', start);
    return newline < 0 ? start : newline + 1;
  }
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return start + 1;
  return start;
}

const stringsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The free-text fields, the comment directives and the people and things of the frontmatter. */
function frontmatterProse(yaml: string, base: number): Omit<Prose, 'segments'> & { segments: Segment[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, schema: 'core', uniqueKeys: false });
  const segments: Segment[] = [];
  for (const path of FREE_TEXT_FIELDS) {
    for (const { field, node, keyOffset } of valuesAt(doc.contents, path)) {
      const value = String((node as { value: unknown }).value);
      const start = contentStart(yaml, node);
      const end = node.range?.[1] ?? yaml.length;
      segments.push({
        field,
        text: value,
        offsets: alignOffsets(value, yaml.slice(start, end), base + start),
        ...(keyOffset === undefined ? {} : { keyOffset: base + keyOffset }),
      });
    }
  }

  const directives: Directive[] = [];
  let lineStart = 0;
  for (const line of yaml.split('\n')) {
    const comment = /(?:^|\s)#(.*)$/.exec(line);
    const directive = comment?.[1] === undefined ? undefined : parseDirective(comment[1]);
    if (comment && directive) directives.push({ ...directive, offset: base + lineStart + comment.index });
    lineStart += line.length + 1;
  }

  const data: unknown = doc.errors.length ? undefined : doc.toJS();
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const owners = stringsIn(
    Array.isArray(record['tasks'])
      ? (record['tasks'] as unknown[]).map((task) =>
          task && typeof task === 'object' ? (task as Record<string, unknown>)['owner'] : undefined,
        )
      : [],
  );
  return {
    segments,
    directives,
    people: [...stringsIn(record['authors']), ...owners],
    things: [...stringsIn(record['services']), ...stringsIn(record['tags'])].flatMap((slug) =>
      slug.split(/[-_\s]+/),
    ),
  };
}

/** A Markdown or MDX syntax tree node, as much as the lint reads of one. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Nodes that hold no prose of the author's own: code, markup, quotes, expressions, imports. */
const NOT_PROSE = new Set([
  'code',
  'html',
  'mdxjsEsm',
  'mdxFlowExpression',
  'blockquote',
  'yaml',
  'toml',
  'math',
  'definition',
  'thematicBreak',
]);

/** Inline nodes that stand for something other than prose: they become a `HOLE`. */
const INLINE_HOLES = new Set([
  'inlineCode',
  'mdxTextExpression',
  'html',
  'image',
  'imageReference',
  'footnoteReference',
  'inlineMath',
]);

/** The comment inside an MDX `{/* … *\/}` or an HTML `<!-- … -->`, if the node is one. */
function commentText(node: MdNode): string | undefined {
  const value = node.value ?? '';
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    return /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(value)?.[1];
  }
  if (node.type === 'html') return /^\s*<!--([\s\S]*?)-->\s*$/.exec(value)?.[1];
  return undefined;
}

/** Walks a body's syntax tree: one segment per paragraph, heading and table cell. */
function bodyProse(tree: MdNode, source: string): { segments: Segment[]; directives: Directive[] } {
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  const noteDirective = (node: MdNode) => {
    const comment = commentText(node);
    const directive = comment === undefined ? undefined : parseDirective(comment);
    const offset = node.position?.start.offset;
    if (directive && offset !== undefined) directives.push({ ...directive, offset });
  };

  const inline = (node: MdNode, out: { text: string; offsets: number[] }) => {
    const start = node.position?.start.offset ?? out.offsets.at(-1) ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'text') {
      const value = node.value ?? '';
      out.text += value;
      out.offsets.push(...alignOffsets(value, source.slice(start, end), start));
    } else if (node.type === 'break') {
      out.text += '\n';
      out.offsets.push(start);
    } else if (INLINE_HOLES.has(node.type)) {
      noteDirective(node);
      out.text += HOLE;
      out.offsets.push(start);
    } else {
      for (const child of node.children ?? []) inline(child, out);
    }
  };

  const block = (node: MdNode) => {
    if (NOT_PROSE.has(node.type)) {
      noteDirective(node);
    } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const out = { text: '', offsets: [] as number[] };
      inline(node, out);
      if (/\p{L}/u.test(out.text)) segments.push({ field: 'body', ...out });
    } else {
      for (const child of node.children ?? []) block(child);
    }
  };
  block(tree);
  return { segments, directives };
}

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * An MDX body the MDX parser cannot read (the content check reports why) is still linted as
 * Markdown, with imports, exports and `{…}` expressions blanked out (their comments kept as
 * directives) so that code is not read as prose.
 */
function maskedMdx(source: string): { text: string; directives: Directive[] } {
  const directives: Directive[] = [];
  const blank = (match: string) => match.replace(/[^\r\n]/g, ' ');
  const text = source
    .replace(/^(?:import|export)\s.*$/gm, blank)
    .replace(/\{[^{}]*\}/g, (match, offset: number) => {
      const comment = /^\{\s*\/\*([\s\S]*)\*\/\s*\}$/.exec(match)?.[1];
      const directive = comment === undefined ? undefined : parseDirective(comment);
      if (directive) directives.push({ ...directive, offset });
      return blank(match);
    });
  return { text, directives };
}

/** The body's syntax tree: MDX as Astro's MDX compiler reads it, Markdown as remark does. */
function parseBody(file: string, source: string): { tree: MdNode; directives: Directive[]; source: string } {
  if (file.toLowerCase().endsWith('.mdx')) {
    try {
      return { tree: mdxToMdast(source) as unknown as MdNode, directives: [], source };
    } catch {
      const masked = maskedMdx(source);
      return {
        tree: markdown.parse(masked.text) as MdNode,
        directives: masked.directives,
        source: masked.text,
      };
    }
  }
  return { tree: markdown.parse(source) as MdNode, directives: [], source };
}

/**
 * Reads the prose of a postmortem file: its free-text frontmatter fields and its body, each as
 * segments whose characters map back to file offsets, and every `hindsight-disable` directive.
 */
export function extractProse(file: string, text: string): Prose {
  const match = FRONTMATTER.exec(text);
  const front = match
    ? frontmatterProse(match[1] ?? '', match[0].indexOf('\n') + 1)
    : { segments: [], directives: [], people: [], things: [] };
  // The frontmatter blanked rather than cut, so body positions are the file's own.
  const blanked = match ? match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length) : text;
  const parsed = parseBody(file, blanked);
  const body = bodyProse(parsed.tree, parsed.source);
  return {
    segments: [...front.segments, ...body.segments],
    directives: [...front.directives, ...parsed.directives, ...body.directives],
    people: front.people,
    things: front.things,
  };
}
