import { Parser, type Node, type Options, type Token } from 'acorn';
import jsx from 'acorn-jsx';

/**
 * The JavaScript inside an MDX body, parsed with acorn (plus JSX, which MDX allows inside
 * expressions and exports). Everything is parsed in place in the whole file's text, so every
 * node's `start` and `end` are offsets in the file and positions need no mapping.
 */
const JsxParser = Parser.extend(jsx());

// eslint-scope reads `range` to tell a parameter's default from the function body.
const OPTIONS: Options = { ecmaVersion: 'latest', sourceType: 'module', ranges: true };

/**
 * Parses the expression that starts at `start` and ends, give or take spaces and comments, at
 * `end`; undefined when that is not one expression. The text is cut at `end` because acorn would
 * otherwise read on: after `{a}` in `{a} > b`, the `> b` of the prose is more expression to it.
 */
export function parseExpressionAt(text: string, start: number, end: number): Node | undefined {
  try {
    const node = JsxParser.parseExpressionAt(text.slice(0, end), start, OPTIONS);
    return holdsCode(text, node.end, end) ? undefined : node;
  } catch {
    return undefined;
  }
}

/** The offset of the `}` that closes the `{` at `open`, read as JavaScript tokens. */
function closingBrace(text: string, open: number): number | undefined {
  let depth = 0;
  try {
    for (const token of JsxParser.tokenizer(text.slice(open), OPTIONS)) {
      const label = token.type.label;
      if (label === '{' || label === '${') depth += 1;
      else if (label === '}' && --depth === 0) return open + token.start;
    }
  } catch {
    // Prose after the object is not JavaScript; an object that never closes is no object.
  }
  return undefined;
}

/**
 * Parses `import`/`export` code that spans `start`..`end` of the file. The text before it is
 * blanked rather than cut, so offsets stay the file's own.
 */
export function parseModuleAt(text: string, start: number, end: number): Node[] | undefined {
  const blanked = text.slice(0, start).replace(/[^\r\n]/g, ' ') + text.slice(start, end);
  try {
    return (JsxParser.parse(blanked, OPTIONS) as Node & { body: Node[] }).body;
  } catch {
    return undefined;
  }
}

/** Whether `start`..`end` holds any code at all, rather than only spaces and comments (`{/* note *\/}`). */
export function holdsCode(text: string, start: number, end: number): boolean {
  try {
    const tokens = JsxParser.tokenizer(text.slice(start, end), OPTIONS);
    return tokens.getToken().type.label !== 'eof';
  } catch {
    return true;
  }
}

/**
 * The `{…}` ranges (offsets of `{` and of the matching `}`) of the attributes in the opening
 * tag that starts at `start`, in order. Read from acorn's tokens, which arrive as it parses,
 * so Markdown among the element's children (which is not JSX) cannot hide them.
 */
export function openingTagBraces(text: string, start: number): { open: number; close: number }[] {
  const tokens: Token[] = [];
  try {
    JsxParser.parseExpressionAt(text, start, { ...OPTIONS, onToken: tokens });
  } catch {
    // Only the opening tag is needed, and its tokens are in before anything can fail.
  }
  const braces: { open: number; close: number }[] = [];
  let depth = 0;
  let open = 0;
  for (const token of tokens.slice(1)) {
    const label = token.type.label;
    if (depth === 0 && label === 'jsxTagEnd') break;
    if (label === '{' || label === '${') {
      if (depth === 0) open = token.start;
      depth += 1;
    } else if (label === '}') {
      depth -= 1;
      if (depth === 0) braces.push({ open, close: token.start });
    }
  }
  return braces;
}

/**
 * The object literal written in prose around `offset` (where the MDX compiler gave up, at a
 * `:` it cannot read as code), such as `{ "tenant": 1 }`: the nearest `{` before it from
 * which acorn reads an object that reaches past `offset`.
 */
export function objectLiteralAround(
  text: string,
  offset: number,
): { start: number; end: number } | undefined {
  let tried = 0;
  for (let i = Math.min(offset, text.length - 1); i >= 0 && tried < 20; i -= 1) {
    if (text[i] !== '{' || text[i - 1] === '\\') continue;
    tried += 1;
    const close = closingBrace(text, i);
    const node = close === undefined ? undefined : parseExpressionAt(text, i, close + 1);
    if (node?.type === 'ObjectExpression' && node.end > offset) {
      return { start: node.start, end: node.end };
    }
  }
  return undefined;
}

/** Calls `visit` on every node under `root`, parents first. */
export function walk(root: unknown, visit: (node: Node) => void): void {
  if (!root || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const item of root) walk(item, visit);
    return;
  }
  const node = root as Node & Record<string, unknown>;
  if (typeof node.type !== 'string') return;
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'loc' && value && typeof value === 'object') walk(value, visit);
  }
}

/** Converts between offsets and 1-based lines and columns, counting line breaks the way Markdown does. */
export function lineIndex(text: string) {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i += 1;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return {
    position(offset: number): { line: number; column: number } {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
    },
    offset(line: number, column: number): number {
      return Math.min((starts[line - 1] ?? text.length) + column - 1, text.length);
    },
  };
}
