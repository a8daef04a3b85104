import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

/**
 * A file's YAML frontmatter block, from the opening `---` (after an optional byte-order mark)
 * to the closing one: group 1 is the YAML, the match the whole block.
 */
export const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** A YAML document with the means to find where a value was written. */
export interface YamlSource {
  data: unknown;
  /** Syntax errors, each with a 1-based position. */
  errors: { line: number; column: number; message: string }[];
  /** 1-based position of the value at `path`, or of the closest ancestor that exists. */
  positionOf(
    path: readonly PropertyKey[],
    options?: { key?: boolean },
  ): { line: number; column: number } | undefined;
}

/**
 * Parses YAML with the `core` schema, so timestamps stay the strings the author wrote and the
 * schema can insist on a zone; `lineOffset` maps positions back into the host file when the
 * YAML is a frontmatter block.
 *
 * Most frontmatter is valid and nobody asks where its values are, so it is read first by
 * js-yaml (the parser Astro reads frontmatter with), which at 10,000 postmortems took 0.6 s
 * against 4.7 s for a document that keeps positions. That document is made only when a
 * position is asked for, or when js-yaml refuses the text (its errors are then `yaml`'s, with
 * their positions). Both read the same data from the samples, the test fixtures and the 10,000
 * benchmark postmortems.
 */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlDocument(text, lineOffset);
  }
  let document: YamlSource | undefined;
  return {
    data,
    errors: [],
    positionOf: (path, options) =>
      (document ??= parseYamlDocument(text, lineOffset)).positionOf(path, options),
  };
}

/** `parseYamlSource`, by a document that keeps where each value was written. */
export function parseYamlDocument(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter,
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };

  const errors = doc.errors.map((error) => ({
    ...at(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  // `yaml` reports an alias without its anchor only when the data is asked for, by throwing.
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) || !alias.range) return;
      errors.push({
        ...at(alias.range[0]),
        message: `*${alias.source} names no anchor (&${alias.source}) above it`,
      });
    },
  });

  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    positionOf(path, options = {}) {
      let node: unknown = doc.contents;
      let keyNode: unknown;
      for (const part of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isScalar(item.key) && String(item.key.value) === String(part),
          );
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value;
        } else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
          const item: unknown = node.items[Number(part)];
          if (item === undefined) break;
          keyNode = undefined;
          node = item;
        } else {
          break;
        }
      }
      const target = (options.key && keyNode ? keyNode : (node ?? keyNode)) as Node | undefined;
      const range = target?.range;
      return range ? at(range[0]) : undefined;
    },
  };
}
