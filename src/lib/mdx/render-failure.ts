import fs from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { formatProblems, type Problem } from '../problems';

/** The content collection entry whose page failed; `filePath` is relative to the project root. */
export interface RenderedEntry {
  id: string;
  filePath?: string | undefined;
}

const NAME = 'PostmortemRenderError';

export const RENDER_FAILURE_HINT =
  'The error comes from the body of this postmortem: an expression in `{…}` that throws, or a component given something it cannot render. `npm run check:content` finds undefined names, unknown components and bad imports before the build; the components the site provides are listed in README.md.';

/**
 * What went wrong, in the content check's terms when it can tell (in `astro dev` the file may
 * have changed since the check ran at start-up, so a `{tenant}` typed since then is reported
 * at its line with its fix); otherwise the error's own message, against the file.
 */
async function problemsFor(file: string, error: unknown): Promise<Problem[]> {
  const message = error instanceof Error ? error.message : String(error);
  const raw: Problem = { file, field: '', message: `the page failed to render: ${message}` };
  if (!file.toLowerCase().endsWith('.mdx')) return [raw];
  try {
    // Loaded only on failure: the check's parsers have no business in a page that renders.
    const { mdxBodyProblems } = await import('../mdx-body');
    // Sätteri reads the frontmatter block itself, so the file can be checked whole.
    const found = mdxBodyProblems(file, fs.readFileSync(file, 'utf8'), '');
    return found.length ? found.map((problem) => ({ file, ...problem, field: '' })) : [raw];
  } catch {
    return [raw];
  }
}

/**
 * Turns an error thrown while a postmortem's page renders into one that names the file (and the
 * line, when the content check can find it) with a hint, instead of a stack trace into compiled
 * MDX that names neither. Meant for a `catch` around `render(entry)` and around rendering
 * `<Content />`.
 */
export async function renderFailure(error: unknown, entry: RenderedEntry): Promise<Error> {
  if (error instanceof Error && error.name === NAME) return error;
  const file = entry.filePath ? path.resolve(entry.filePath) : entry.id;
  const problems = await problemsFor(file, error);
  const failure = new AstroError(formatProblems(problems), RENDER_FAILURE_HINT);
  failure.name = NAME;
  const first = problems[0];
  // Astro's dev overlay shows the source around `loc`.
  if (first?.line !== undefined)
    Object.assign(failure, { loc: { file, line: first.line, column: first.column ?? 1 } });
  // The message already says where to look; a stack trace into the compiled page would bury it.
  failure.stack = '';
  return failure;
}

/**
 * What a component does with an error thrown while it renders a postmortem's body. A build
 * stops on it. `astro dev` has already sent the top of the page when the body renders, so a
 * thrown error could only cut the page off there (with the report in the terminal alone):
 * instead the report is printed in the terminal and returned, for the page to show it where
 * the body would be.
 */
export async function renderFailed(
  error: unknown,
  entry: RenderedEntry,
  options: { dev: boolean },
): Promise<Error> {
  const failure = await renderFailure(error, entry);
  if (!options.dev) throw failure;
  console.error(`[${failure.name}] ${failure.message}\n  Hint:\n    ${RENDER_FAILURE_HINT}`);
  return failure;
}
