import path from 'node:path';
import { NOUNS, plural } from './labels';

/** One thing wrong with one file, in terms an author can act on. */
export interface Problem {
  /** Absolute path of the file. */
  file: string;
  /** 1-based position of the offending value, when known. */
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `rootCause.category` or `tasks.0.due`; empty for the file itself. */
  field: string;
  /** What is wrong and what is allowed, in plain words. */
  message: string;
  /**
   * `error` (the default when absent) fails the check and the build; `warning` is advice that
   * fails only `hindsight check --strict`. The build never sees warnings.
   */
  severity?: ProblemSeverity;
  /** The id of the rule behind a warning, such as `timeline-order`, to look it up or silence it. */
  rule?: string;
  /** A rewrite the author can take as is, when the rule has one. */
  suggestion?: string;
}

/** How much a problem matters: an `error` stops the build, a `warning` is advice. */
export type ProblemSeverity = 'error' | 'warning';

/** A problem's severity; problems written before warnings existed are errors. */
export const severityOf = (problem: Problem): ProblemSeverity => problem.severity ?? 'error';

/** Problems in reading order: by file, then line, then column; problems without a line first. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Thrown when content is invalid; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
  }
}

/** `content/postmortems/x.mdx:12:3` relative to the working directory, like a compiler. */
export function location(problem: Problem, cwd = process.cwd()): string {
  const file = path.relative(cwd, problem.file) || problem.file;
  if (problem.line === undefined) return file;
  return `${file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
}

/** One problem as the build prints it: `file:line:col  field: message`. */
export function formatProblem(problem: Problem, cwd?: string): string {
  const field = problem.field ? `${problem.field}: ` : '';
  return `${location(problem, cwd)}  ${field}${problem.message}`;
}

/** Every problem under a count, in reading order: what the build stops with. */
export function formatProblems(problems: Problem[], cwd?: string): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const heading = `${plural(problems.length, NOUNS.problem)} in ${plural(files, NOUNS.file)}:`;
  return [heading, ...sortProblems(problems).map((p) => `  ${formatProblem(p, cwd)}`)].join('\n');
}

/** Dotted field path from a zod issue path: `['tasks', 0, 'due']` becomes `tasks.0.due`. */
export function fieldPath(pathParts: readonly PropertyKey[]): string {
  return pathParts.map(String).join('.');
}
