/**
 * How `hindsight check` prints its findings: lines a person reads in a terminal, annotations
 * GitHub Actions puts on a pull request's diff, or JSON for other tools.
 */
import path from 'node:path';
import { NOUNS, plural, type PluralForms } from '../labels';
import { location, severityOf, type Problem } from '../problems';

/** The output formats `--format` accepts. */
export const REPORT_FORMATS = ['text', 'github', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where a reader learns what each field and section is for; printed whenever there are problems. */
const GUIDE_POINTER =
  'The writing guide explains every field and section: /guide/ on the site (npm run dev, then http://localhost:4321/guide/) and "Writing a postmortem" in README.md.';

/** The report's own nouns, beside the shared `NOUNS` (files, postmortems). */
const NOUN = {
  ...NOUNS,
  error: { one: 'error', other: 'errors' },
  warning: { one: 'warning', other: 'warnings' },
} as const satisfies Record<string, PluralForms>;

/** How many of each, and in how many files; what the last line says and the exit code follows. */
export interface ReportCounts {
  errors: number;
  warnings: number;
  /** Files with at least one problem. */
  files: number;
  /** Postmortems checked. */
  checked: number;
}

/** Counts errors and warnings apart: errors fail the check, warnings only under `--strict`. */
export function countProblems(problems: readonly Problem[], checked: number): ReportCounts {
  const errors = problems.filter((problem) => severityOf(problem) === 'error').length;
  return {
    errors,
    warnings: problems.length - errors,
    files: new Set(problems.map((problem) => problem.file)).size,
    checked,
  };
}

/** "3 errors and 2 warnings in 2 files.", or "No problems in 13 postmortems." */
export function summaryLine({ errors, warnings, files, checked }: ReportCounts): string {
  if (!errors && !warnings) return `No problems in ${plural(checked, NOUN.postmortem)}.`;
  const counts = [errors ? plural(errors, NOUN.error) : '', warnings ? plural(warnings, NOUN.warning) : ''];
  return `${counts.filter(Boolean).join(' and ')} in ${plural(files, NOUN.file)}.`;
}

/**
 * One problem as a line: `path:line:column  field  message`, the field left out for problems
 * with the file itself. Warnings say so and end with their rule id, the name to silence them
 * by. (A rule's suggested rewrite is part of its message already; JSON also has it apart.)
 */
export function textLine(problem: Problem, cwd: string): string {
  const warning = severityOf(problem) === 'warning';
  const rule = problem.rule ? ` (${problem.rule})` : '';
  const message = warning ? `warning: ${problem.message}${rule}` : problem.message;
  return [location(problem, cwd), problem.field, message].filter(Boolean).join('  ');
}

/** The whole report for a terminal: one line a problem, the count, and the guide when needed. */
function formatText(problems: readonly Problem[], counts: ReportCounts, cwd: string): string {
  const lines = problems.map((problem) => textLine(problem, cwd));
  if (lines.length) lines.push('');
  lines.push(summaryLine(counts));
  if (problems.length) lines.push(GUIDE_POINTER);
  return lines.join('\n');
}

/** GitHub's escaping for a workflow command's message. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** GitHub's escaping for a workflow command's properties, where `,` and `:` are separators. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One problem as a GitHub Actions annotation,
 * `::error file=content/postmortems/x.mdx,line=3,col=8,title=severity::message`, so it shows on
 * the pull request's diff at that line. `root` is what the path is relative to: the repository
 * checkout (`GITHUB_WORKSPACE`).
 */
export function githubAnnotation(problem: Problem, root: string): string {
  const file = path.relative(root, problem.file).split(path.sep).join('/');
  const title =
    [problem.field, problem.rule ? `(${problem.rule})` : ''].filter(Boolean).join(' ') || 'postmortem';
  const properties = [
    `file=${escapeProperty(file)}`,
    problem.line === undefined ? '' : `line=${problem.line}`,
    problem.column === undefined ? '' : `col=${problem.column}`,
    `title=${escapeProperty(title)}`,
  ].filter(Boolean);
  return `::${severityOf(problem)} ${properties.join(',')}::${escapeData(problem.message)}`;
}

/** Annotations, then the count and the guide as plain log lines. */
function formatGithub(problems: readonly Problem[], counts: ReportCounts, root: string): string {
  const lines = problems.map((problem) => githubAnnotation(problem, root));
  lines.push(summaryLine(counts));
  if (problems.length) lines.push(GUIDE_POINTER);
  return lines.join('\n');
}

/** The report as one JSON object: every problem with paths relative to `cwd`, and the counts. */
export function formatJson(problems: readonly Problem[], counts: ReportCounts, cwd: string): string {
  return JSON.stringify(
    {
      problems: problems.map((problem) => ({
        file: path.relative(cwd, problem.file).split(path.sep).join('/'),
        line: problem.line ?? null,
        column: problem.column ?? null,
        field: problem.field,
        severity: severityOf(problem),
        rule: problem.rule ?? null,
        message: problem.message,
        suggestion: problem.suggestion ?? null,
      })),
      ...counts,
      guide: '/guide/',
    },
    null,
    2,
  );
}

/** The report in the chosen format. */
export function formatReport(
  format: ReportFormat,
  problems: readonly Problem[],
  counts: ReportCounts,
  { cwd, root }: { cwd: string; root: string },
): string {
  if (format === 'github') return formatGithub(problems, counts, root);
  if (format === 'json') return formatJson(problems, counts, cwd);
  return formatText(problems, counts, cwd);
}
