import vm from 'node:vm';
import type { Node } from 'acorn';
import { analyze } from 'eslint-scope';
import type { Program } from 'estree';
import { mdxToMdast, type MdastNode } from 'satteri';
import { importProblem } from './imports';
import { holdsCode, lineIndex, openingTagBraces, parseExpressionAt, parseModuleAt, walk } from './javascript';
import { isProvidedComponent, PROVIDED_COMPONENT_NAMES, PROVIDED_COMPONENTS } from './provided-components';

/** A problem in an MDX body, at a 1-based line and column of the whole file. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Names an expression in any MDX body may read: what every JavaScript realm defines (`Math`,
 * `JSON`, `Date`, …, read from a fresh one rather than listed by hand), the `props` MDX passes
 * to the body, and the `frontmatter` Astro's MDX integration exports from every file.
 */
const REALM_GLOBALS: ReadonlySet<string> = new Set(
  vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[],
);
const MDX_NAMES: ReadonlySet<string> = new Set(['props', 'frontmatter']);

const PROVIDED_LIST = PROVIDED_COMPONENT_NAMES.join(', ');

/** Where a piece of JavaScript came from in the MDX file, to say what to do about it. */
type Origin =
  | { kind: 'prose'; start: number; end: number; objectLiteral: boolean }
  | { kind: 'attribute'; start: number; end: number; tag: string; name: string | undefined }
  | { kind: 'tag'; start: number; end: number }
  | { kind: 'esm'; start: number; end: number };

/** A tag in the Markdown, kept to check the site's components get what they need. */
interface TagUse {
  name: string;
  start: number;
  attributes: { name: string | undefined; value: unknown }[];
}

type SyntaxNode = Node & Record<string, unknown>;

/**
 * The tag's name as a JSX node, when MDX looks it up as a component (`<Chart>`, `<charts.Line>`)
 * rather than writing an HTML element (`<div>`, `<my-element>`). Only the first part of a
 * dotted name is a reference, so only it needs its real position.
 */
function componentName(name: string, start: number): SyntaxNode | undefined {
  if (name.includes(':') || name.includes('-')) return undefined;
  const [first = '', ...rest] = name.split('.');
  if (rest.length === 0 && first[0] === first[0]?.toLowerCase()) return undefined;
  let node: SyntaxNode = {
    type: 'JSXIdentifier',
    name: first,
    start: start + 1,
    end: start + 1 + first.length,
  };
  for (const part of rest) {
    const property = { type: 'JSXIdentifier', name: part, start: node.end, end: node.end };
    node = { type: 'JSXMemberExpression', object: node, property, start: start + 1, end: node.end };
  }
  return node;
}

/** `{tenant}` as text: the source when it is short, with the fix spelled out. */
export function proseFix(source: string): string {
  const short = source.length <= 60 && !/[\r\n]/.test(source);
  const shown = short ? `\`${source}\`` : 'This `{…}`';
  const escaped = short
    ? `\`${source.replaceAll('{', '\\{').replaceAll('}', '\\}')}\``
    : 'its braces as `\\{` and `\\}`';
  return `${shown} is read as code; write ${escaped} or put it in backticks to show it as text`;
}

const quoteNames = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
const isAre = (names: readonly string[]) => (names.length === 1 ? 'is' : 'are');
const itThem = (names: readonly string[]) => (names.length === 1 ? 'it' : 'them');

/**
 * What rendering an MDX body would trip over, found before the build: expressions that read
 * names the file neither defines nor imports (`{tenant}` in prose is JavaScript, and throws
 * "tenant is not defined" when the page renders), object literals in prose, components that
 * are neither imported nor provided by the site, imports that do not resolve, and the site's
 * components used without what they need. `text` is the whole file (Sätteri reads a
 * frontmatter block itself, and a blanked one is only spaces), so offsets are the file's own.
 *
 * The file is parsed by Sätteri (the compiler Astro uses) into its Markdown syntax tree, each
 * piece of JavaScript in it by acorn, and the lot is put in one program for eslint-scope: a
 * name is defined exactly when JavaScript's own scoping rules resolve it there, so a file's
 * `export const`, its imports, and names bound inside an expression (`{[1, 2].map((n) => n)}`)
 * count, and braces in code spans and code blocks are never looked at.
 */
export function mdxReferenceProblems(file: string, text: string, projectRoot = process.cwd()): BodyProblem[] {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(text);
  } catch {
    // The compile check reports syntax errors, with their own position.
    return [];
  }
  const body: Node[] = [];
  const origins: Origin[] = [];
  const tags: TagUse[] = [];
  const found: { offset: number; message: string }[] = [];
  let unreadableModule = false;

  /** Adds the code from `start` to `end` to the program; `origin` says where it was written. */
  const addExpression = (start: number, end: number, origin: Origin) => {
    const node = parseExpressionAt(text, start, end);
    if (!node) return undefined;
    origins.push(origin);
    body.push({ type: 'ExpressionStatement', expression: node, start: node.start, end: node.end } as Node);
    return node;
  };

  const visit = (node: MdastNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'mdxjsEsm') {
      const statements = parseModuleAt(text, start, end);
      if (!statements) {
        unreadableModule = true;
        return;
      }
      origins.push({ kind: 'esm', start, end });
      body.push(...statements);
      for (const statement of statements) {
        const source = (statement as SyntaxNode)['source'] as (Node & { value: unknown }) | null | undefined;
        if (!source || typeof source.value !== 'string') continue;
        const problem = importProblem(source.value, file, projectRoot);
        if (problem) found.push({ offset: source.start, message: problem });
      }
      return;
    }
    if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
      if (!holdsCode(text, start + 1, end - 1)) return;
      const origin: Origin = { kind: 'prose', start, end, objectLiteral: false };
      const expression = addExpression(start + 1, end - 1, origin);
      if (expression?.type === 'ObjectExpression') origin.objectLiteral = true;
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const tag = componentName(name, start);
      if (tag) {
        origins.push({ kind: 'tag', start, end: tag.end });
        const opening = { type: 'JSXOpeningElement', name: tag, attributes: [], selfClosing: true, start };
        body.push({
          type: 'ExpressionStatement',
          expression: { type: 'JSXElement', openingElement: opening, closingElement: null, children: [] },
          start,
          end: tag.end,
        } as Node);
      }
      const braces = openingTagBraces(text, start);
      const coded = node.attributes.filter(
        (a) => a.type === 'mdxJsxExpressionAttribute' || (a.value !== null && typeof a.value === 'object'),
      );
      coded.forEach((attribute, index) => {
        const brace = braces[index];
        // Braces that do not pair up with the attributes cannot be placed: better say nothing.
        if (!brace || braces.length !== coded.length) return;
        const attrName = attribute.type === 'mdxJsxAttribute' ? attribute.name : undefined;
        const origin: Origin = {
          kind: 'attribute',
          start: brace.open,
          end: brace.close + 1,
          tag: name,
          name: attrName,
        };
        // `{...options}`, braces included, is an object literal with that spread in it.
        if (attrName === undefined) addExpression(brace.open, brace.close + 1, origin);
        else addExpression(brace.open + 1, brace.close, origin);
      });
      tags.push({
        name,
        start,
        attributes: node.attributes.map((a) => ({
          name: a.type === 'mdxJsxAttribute' ? a.name : undefined,
          value: a.value,
        })),
      });
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  // What an import or export block that acorn cannot read defines is unknown, and a name
  // reported as undefined when it is defined there would be a false alarm: say nothing.
  if (unreadableModule) return positioned(text, found);

  // A component named in JSX inside code is reported at its `<`, like a tag in the Markdown.
  const tagStarts = new Map<number, { start: number; tag: string }>();
  for (const statement of body) {
    walk(statement, (node) => {
      if (node.type !== 'JSXOpeningElement') return;
      let name = (node as SyntaxNode)['name'] as SyntaxNode;
      const parts: string[] = [];
      while (name.type === 'JSXMemberExpression') {
        parts.unshift(String((name['property'] as SyntaxNode)['name']));
        name = name['object'] as SyntaxNode;
      }
      parts.unshift(String(name['name']));
      tagStarts.set(name.start, { start: node.start, tag: parts.join('.') });
    });
  }

  const program = { type: 'Program', sourceType: 'module', body, start: 0, end: text.length };
  const scopes = analyze(program as unknown as Program, {
    ecmaVersion: 2022,
    sourceType: 'module',
    jsx: true,
  });
  const moduleScope = scopes.scopes.find((scope) => scope.type === 'module');
  const originOf = (offset: number) => origins.find((o) => o.start <= offset && offset < o.end);

  const undefinedIn = new Map<Origin, string[]>();
  const reportedEsmNames = new Set<string>();
  for (const reference of scopes.globalScope?.through ?? []) {
    const identifier = reference.identifier as unknown as SyntaxNode & { name: string };
    const { name } = identifier;
    if (REALM_GLOBALS.has(name) || MDX_NAMES.has(name)) continue;
    const origin = originOf(identifier.start);
    if (!origin) continue;
    if (identifier.type === 'JSXIdentifier') {
      if (origin.kind !== 'esm' && isProvidedComponent(name)) continue;
      const at = tagStarts.get(identifier.start) ?? { start: identifier.start, tag: name };
      const where =
        origin.kind === 'esm' && isProvidedComponent(name)
          ? `; the site's components are provided to the body only, so import it to use it in an export`
          : `; import it or use a component the site provides (${PROVIDED_LIST})`;
      found.push({ offset: at.start, message: `\`<${at.tag}>\` is not imported${where}` });
      continue;
    }
    if (origin.kind === 'esm') {
      if (reportedEsmNames.has(name)) continue;
      reportedEsmNames.add(name);
      found.push({
        offset: identifier.start,
        message: `\`${name}\` is not defined in this file's JavaScript; define it (\`export const ${name} = …\`) or import it`,
      });
      continue;
    }
    const names = undefinedIn.get(origin) ?? [];
    if (!names.includes(name)) names.push(name);
    undefinedIn.set(origin, names);
  }

  for (const origin of origins) {
    const names = undefinedIn.get(origin) ?? [];
    const source = text.slice(origin.start, origin.end);
    if (origin.kind === 'prose' && (names.length || origin.objectLiteral)) {
      const inner = source.slice(1, -1).trim();
      const why = origin.objectLiteral
        ? ' (it is an object, which cannot be shown as text)'
        : names.length === 1 && names[0] === inner
          ? ''
          : ` (${quoteNames(names)} ${isAre(names)} not defined)`;
      found.push({ offset: origin.start, message: proseFix(source) + why });
    }
    if (origin.kind === 'attribute' && names.length) {
      const tag = `<${origin.tag}${origin.name ? ` ${origin.name}=` : ' '}${source.length <= 60 ? source : '{…}'}>`;
      found.push({
        offset: origin.start,
        message: `\`${tag}\` reads ${quoteNames(names)}, which ${isAre(names)} not defined; define ${itThem(names)} (\`export const ${names[0]} = …\`) or import ${itThem(names)}, or write the value in quotes`,
      });
    }
  }

  for (const element of tags) {
    if (!isProvidedComponent(element.name) || moduleScope?.set.has(element.name)) continue;
    const rules = PROVIDED_COMPONENTS[element.name];
    const given = new Map(element.attributes.map((a) => [a.name, a.value]));
    const spread = element.attributes.some((a) => a.name === undefined);
    for (const required of rules.required) {
      if (!given.has(required) && !spread) {
        found.push({
          offset: element.start,
          message: `\`<${element.name}>\` needs a ${required}: write \`<${element.name} ${required}="…">\``,
        });
      }
    }
    for (const [attribute, allowed] of Object.entries(rules.oneOf) as [string, readonly string[]][]) {
      const value = given.get(attribute);
      if (typeof value === 'string' && !allowed.includes(value)) {
        found.push({
          offset: element.start,
          message: `\`<${element.name} ${attribute}="${value}">\`: ${attribute} must be one of ${allowed.join(', ')}`,
        });
      }
    }
  }

  return positioned(text, found);
}

function positioned(text: string, found: { offset: number; message: string }[]): BodyProblem[] {
  const lines = lineIndex(text);
  return found
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, message }) => ({ ...lines.position(offset), message }));
}
