import { markdownToMdast, mdxToMdast, type TreeOptions } from 'satteri';
import { stripTags } from './decode';

/** A piece of text and where in the postmortem it was written, such as `timeline.2.text` or `body`. */
export interface TextItem {
  field: string;
  text: string;
}

/** The free-text fields of the frontmatter; `*` is every item of a list. */
export const TEXT_FIELDS = [
  'title',
  'summary',
  'impact.summary',
  'rootCause.summary',
  'rootCause.trigger',
  'rootCause.contributingFactors.*',
  'resolution',
  'timeline.*.text',
  'tasks.*.title',
] as const;

/**
 * Every value at a dotted path (`tasks.owner`, `timeline.*.text`), as text: a list is walked
 * item by item whether or not the path says `*`, and a map or list at the end gives every
 * value inside it, so `tasks` gives each task's title, owner, link and the rest.
 */
export function valuesAt(data: unknown, path: string): TextItem[] {
  const walk = (value: unknown, parts: readonly string[], field: string): TextItem[] => {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) {
      const rest = parts[0] === '*' ? parts.slice(1) : parts;
      return value.flatMap((item, index) => walk(item, rest, `${field}.${index}`));
    }
    const [head, ...rest] = parts;
    if (head === undefined) {
      if (typeof value === 'object') {
        return Object.entries(value).flatMap(([key, inner]) => walk(inner, [], `${field}.${key}`));
      }
      return [{ field, text: String(value) }];
    }
    if (typeof value !== 'object' || !Object.hasOwn(value, head)) return [];
    return walk((value as Record<string, unknown>)[head], rest, field ? `${field}.${head}` : head);
  };
  return walk(data, path.split('.'), '');
}

/** The free-text fields of a frontmatter (`TEXT_FIELDS`), field by field. */
export const textFields = (data: Record<string, unknown> | undefined): TextItem[] =>
  TEXT_FIELDS.flatMap((path) => valuesAt(data, path));

/**
 * Every value in a frontmatter except under the paths in `leaveOut` (such as `related` or
 * `tasks.owner`): what a public page may show of it.
 */
export function valuesExcept(
  data: Record<string, unknown> | undefined,
  leaveOut: readonly string[],
): TextItem[] {
  const left = new Set(leaveOut);
  const walk = (value: unknown, field: string, schemaPath: string): TextItem[] => {
    if (left.has(schemaPath) || value === null || value === undefined) return [];
    if (Array.isArray(value))
      return value.flatMap((item, index) => walk(item, `${field}.${index}`, schemaPath));
    if (typeof value === 'object') {
      return Object.entries(value).flatMap(([key, inner]) =>
        walk(inner, field ? `${field}.${key}` : key, schemaPath ? `${schemaPath}.${key}` : key),
      );
    }
    return [{ field, text: String(value) }];
  };
  return walk(data, '', '');
}

/** The text of a body: what every reader sees, and what only `<Internal>` blocks hold. */
export interface BodyText {
  published: string[];
  internal: string[];
}

/** The MDX component whose children only internal builds render. */
export const INTERNAL_COMPONENT = 'Internal';

/** A Markdown or MDX syntax tree node, as much as the check reads of one. */
interface MdNode {
  type: string;
  value?: string;
  name?: string | null;
  alt?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
}

/** Nodes that never render as text: imports, exports, `{…}` expressions (and comments), link definitions. */
const SILENT = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'definition', 'yaml', 'toml']);

/** Nodes that start and end a stretch of text; anything inline continues the current one. */
const BLOCKS = new Set([
  'root',
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'code',
  'html',
  'thematicBreak',
  'footnoteDefinition',
  'mdxJsxFlowElement',
]);

/** The body alone (no frontmatter to find), and no positions, which nothing here reads. */
const TREE_OPTIONS: TreeOptions = { features: { frontmatter: false }, position: false };

/**
 * Parses a body with Sätteri, the processor Astro renders both kinds with, so the check reads
 * it as the page does. An MDX body the MDX parser cannot read (the content check says why, and
 * the build stops on it) is read as Markdown with its imports, exports and `{…}` expressions
 * taken out, so that the check still runs on any folder it is given.
 */
function parseBody(body: string, mdx: boolean): MdNode {
  if (!mdx) return markdownToMdast(body, TREE_OPTIONS) as unknown as MdNode;
  try {
    return mdxToMdast(body, TREE_OPTIONS) as unknown as MdNode;
  } catch {
    const masked = body.replace(/^(?:import|export)\s.*$/gm, '').replace(/\{[^{}]*\}/g, ' ');
    return markdownToMdast(masked, TREE_OPTIONS) as unknown as MdNode;
  }
}

/** Quoted attribute values in an HTML or JSX tag: a caption, a title, alt text. */
const ATTRIBUTE_VALUE = /\s[\w:-]+\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Reads a body into stretches of text (a paragraph, a heading, a table row, a code block, an
 * attribute value), split into what every build renders and what is inside `<Internal>`. In
 * a `.md` file `<Internal>` is plain HTML (the content check stops the build on it); its
 * content is counted as internal all the same, which can only make the check stricter.
 */
export function bodyText(body: string, mdx: boolean): BodyText {
  const out: BodyText = { published: [], internal: [] };
  let buffer = '';
  let internalDepth = 0;
  const target = () => (internalDepth > 0 ? out.internal : out.published);
  const flush = () => {
    if (/[\p{L}\p{N}]/u.test(buffer)) target().push(buffer.trim());
    buffer = '';
  };
  const separate = (text: string) => {
    flush();
    buffer = text;
    flush();
  };

  const html = (value: string) => {
    for (const part of value.split(/(<\/?Internal\b[^>]*>)/)) {
      if (/^<\/Internal\b/.test(part)) {
        flush();
        internalDepth = Math.max(0, internalDepth - 1);
      } else if (/^<Internal\b/.test(part)) {
        flush();
        if (!part.endsWith('/>')) internalDepth++;
      } else {
        for (const [, double, single] of part.matchAll(ATTRIBUTE_VALUE)) separate(double ?? single ?? '');
        buffer += stripTags(part.replace(/<!--[\s\S]*?-->/g, ' '));
      }
    }
  };

  const visit = (node: MdNode) => {
    if (SILENT.has(node.type)) {
      buffer += ' ';
      return;
    }
    const isBlock = BLOCKS.has(node.type);
    if (isBlock) flush();
    const isInternal =
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name === INTERNAL_COMPONENT;
    if (isInternal) {
      flush();
      internalDepth++;
    }
    for (const attribute of node.attributes ?? []) {
      if (typeof attribute.value === 'string') separate(attribute.value);
    }
    if (node.type === 'html') html(node.value ?? '');
    else if (node.type === 'image' || node.type === 'imageReference') buffer += ` ${node.alt ?? ''} `;
    else if (node.type === 'break') buffer += ' ';
    else if (typeof node.value === 'string') buffer += node.value;
    // A table row reads on across its cells, as the page does.
    if (node.type === 'tableCell') buffer += ' ';
    for (const child of node.children ?? []) visit(child);
    if (isInternal) {
      flush();
      internalDepth--;
    }
    if (isBlock) flush();
  };
  visit(parseBody(body, mdx));
  flush();
  return out;
}
