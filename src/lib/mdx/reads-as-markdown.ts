import { markdownToMdast, mdxToMdast } from 'satteri';

/**
 * Whether an MDX body means exactly what it would mean as Markdown: the MDX parser and the
 * Markdown parser build the same tree from it. Such a body has no imports, exports,
 * expressions or tags (components or HTML), no indented code and nothing else the two
 * languages read differently, so rendering it with the Markdown processor gives the page its
 * author wrote, without compiling a JavaScript module for it. A body MDX cannot parse is not
 * plain: it goes through MDX, which reports the problem as it always has.
 */
export function readsAsMarkdown(body: string): boolean {
  let asMdx: unknown;
  try {
    asMdx = mdxToMdast(body, { position: false });
  } catch {
    return false;
  }
  return JSON.stringify(asMdx) === JSON.stringify(markdownToMdast(body, { position: false }));
}
