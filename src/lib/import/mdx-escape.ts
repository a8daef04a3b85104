/**
 * Makes Markdown written for plain Markdown safe to compile as MDX, where `{` starts a
 * JavaScript expression, `<` a JSX tag, and a line starting with `import`/`export` a module
 * statement. Imported prose is text, so those characters are escaped wherever they are text
 * (code spans keep them as they are, since MDX reads those literally).
 */

/** Escapes `{`, `}` and `<` outside code spans; characters already escaped stay as they are. */
export function escapeMdxText(line: string): string {
  let out = '';
  let index = 0;
  while (index < line.length) {
    const char = line[index] as string;
    if (char === '\\') {
      // An existing escape: keep it and the character it escapes.
      out += line.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(line.slice(index))?.[0] ?? '`';
      const close = line.indexOf(run, index + run.length);
      if (close > 0) {
        out += line.slice(index, close + run.length);
        index = close + run.length;
        continue;
      }
      out += run;
      index += run.length;
      continue;
    }
    out += char === '{' || char === '}' || char === '<' ? `\\${char}` : char;
    index += 1;
  }
  // "import …" or "export …" at the start of a line would be read as JavaScript.
  return out.replace(
    /^(\s*)(im|ex)(port\b)/,
    (_, space: string, head: string, tail: string) =>
      `${space}&#${head.charCodeAt(0)};${head.slice(1)}${tail}`,
  );
}

/** Escapes every line of a Markdown block, leaving fenced code blocks untouched. */
export function escapeMdxBlock(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return escapeMdxText(line);
    })
    .join('\n');
}

/** A code block as a fenced block: MDX has no indented code, so indented code must be fenced. */
export function fencedCode(value: string, lang: string | null): string {
  const longest = Math.max(2, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang ?? ''}\n${value}\n${fence}`;
}
