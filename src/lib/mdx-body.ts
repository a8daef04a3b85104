import { mdxToJs } from 'satteri';
import { lineIndex, objectLiteralAround } from './mdx/javascript';
import { mdxReferenceProblems, proseFix, type BodyProblem } from './mdx/references';

export type { BodyProblem };

const POSITION = /^(\d+):(\d+):\s*(.*)$/s;

/** The file with its frontmatter blanked rather than cut, so positions in the body are the file's own. */
function blankFrontmatter(text: string, frontmatter: string): string {
  return frontmatter.replace(/[^\r\n]/g, ' ') + text.slice(frontmatter.length);
}

function compileProblem(blanked: string): BodyProblem | undefined {
  try {
    mdxToJs(blanked);
    return undefined;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const match = POSITION.exec(raw);
    const line = Number(match?.[1] ?? 1);
    const column = Number(match?.[2] ?? 1);
    // `{ "tenant": 1 }` in prose is an object literal, which MDX cannot read as an expression:
    // say that, at its `{`, rather than "Expected `,` or `)`" at the colon.
    const lines = lineIndex(blanked);
    const object = match ? objectLiteralAround(blanked, lines.offset(line, column)) : undefined;
    if (object) {
      return {
        ...lines.position(object.start),
        message: proseFix(blanked.slice(object.start, object.end)),
      };
    }
    const what = (match?.[3] ?? raw).replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '');
    return {
      line,
      column,
      message: `the MDX body does not compile: ${what}. In MDX, write a literal { or < as \\{ or &lt;, or name the file .md to write plain Markdown`,
    };
  }
}

/**
 * Compiles an MDX file's body with Sätteri, the compiler Astro's MDX integration uses, only to
 * find syntax errors (an unclosed `<div>`, a stray `{`) before the build does, and to report them
 * like every other content problem.
 */
export function mdxBodyProblem(text: string, frontmatter: string): BodyProblem | undefined {
  return compileProblem(blankFrontmatter(text, frontmatter));
}

/**
 * Everything in an MDX body that would stop the build: a body that does not compile, or one
 * that compiles but would throw when the page renders (see `mdxReferenceProblems`). `file` is
 * where relative imports are resolved from.
 */
export function mdxBodyProblems(file: string, text: string, frontmatter: string): BodyProblem[] {
  const blanked = blankFrontmatter(text, frontmatter);
  const syntax = compileProblem(blanked);
  return syntax ? [syntax] : mdxReferenceProblems(file, blanked);
}
