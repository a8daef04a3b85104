import { mdxToJs } from 'satteri';

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const POSITION = /^(\d+):(\d+):\s*(.*)$/s;

/**
 * Compiles an MDX file's body with Sätteri, the compiler Astro's MDX integration uses, only to
 * find syntax errors (an unclosed `<div>`, a stray `{`) before the build does, and to report them
 * like every other content problem. `frontmatter` is blanked rather than cut, so the compiler's
 * line and column are the file's own.
 */
export function mdxBodyProblem(text: string, frontmatter: string): BodyProblem | undefined {
  const blanked = frontmatter.replace(/[^\r\n]/g, ' ') + text.slice(frontmatter.length);
  try {
    mdxToJs(blanked);
    return undefined;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const match = POSITION.exec(raw);
    const what = (match?.[3] ?? raw).replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '');
    return {
      line: Number(match?.[1] ?? 1),
      column: Number(match?.[2] ?? 1),
      message: `the MDX body does not compile: ${what}. In MDX, write a literal { or < as \\{ or &lt;, or name the file .md to write plain Markdown`,
    };
  }
}
