/**
 * `hindsight check`: the schema check the build runs, plus the warnings only authors see
 * (rules in this folder, and the blameless-language lint), for all postmortems or some.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkContent, listPostmortemFiles, type CheckedPostmortem } from '../content-check';
import { postmortemsDir } from '../content-dir';
import { lintPostmortem, readLintRules } from '../lint';
import { ContentError, sortProblems, type Problem } from '../problems';
import { fileNameDate } from './file-name-date';
import { relatedReciprocal } from './related-reciprocal';
import type { WarningRule } from './rule';
import { taskOwner } from './task-owner';
import { timelineOrder } from './timeline-order';

export type { RuleContext, WarningRule } from './rule';

/** Every warning rule, in the order the README lists them. */
export const WARNING_RULES: readonly WarningRule[] = [
  fileNameDate,
  timelineOrder,
  taskOwner,
  relatedReciprocal,
];

/** What to check and how: the content folder, the part of it to report on, the site's zone. */
export interface CheckOptions {
  /** The folder holding `postmortems/` and `taxonomy/`. */
  contentRoot: string;
  /**
   * Files or folders to report on, as absolute paths; everything when absent. The whole
   * folder is still read, because `related` ids and reciprocal links need the other files.
   */
  only?: readonly string[];
  /** The site's default zone, for the file-name date rule. Default `UTC`. */
  siteTimeZone?: string;
}

/** What `runCheck` found, for the command to format and turn into an exit code. */
export interface CheckReport {
  /** Errors and warnings, sorted by file, line and column. */
  problems: Problem[];
  /** The postmortem files the report covers. */
  files: string[];
}

/** Whether `file` is `target` or inside the folder `target` (absolute paths). */
export const within = (file: string, target: string) => file === target || file.startsWith(target + path.sep);

/**
 * Checks a content folder and reports every problem at once: schema errors in postmortems and
 * taxonomies, errors in the team's lint rules file, and warnings. A broken taxonomy stops the
 * postmortem checks (nothing can be checked against it), so only its problems are reported.
 */
export function runCheck({ contentRoot, only, siteTimeZone = 'UTC' }: CheckOptions): CheckReport {
  const all = listPostmortemFiles(postmortemsDir(contentRoot));
  const selected = (file: string) => !only || only.some((target) => within(file, target));
  const files = all.filter(selected);
  let postmortems: CheckedPostmortem[];
  const problems: Problem[] = [];
  try {
    const checked = checkContent(contentRoot);
    postmortems = checked.postmortems;
    problems.push(...checked.problems);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: sortProblems(error.problems), files };
  }
  for (const rule of WARNING_RULES) problems.push(...rule.check({ postmortems, siteTimeZone }));
  problems.push(...lintProblems(contentRoot, files));
  // Problems outside the postmortems folder (taxonomies, the lint rules file) concern every file.
  const reported = problems.filter(
    (problem) => !within(problem.file, postmortemsDir(contentRoot)) || selected(problem.file),
  );
  return { problems: sortProblems(reported), files };
}

/** The blameless-language findings for `files`, or the problems of the team's rules file. */
function lintProblems(contentRoot: string, files: readonly string[]): Problem[] {
  const { rules, problems } = readLintRules(contentRoot);
  if (problems.length) return problems;
  return files.flatMap((file) =>
    lintPostmortem(file, fs.readFileSync(file, 'utf8'), { rules, contentRoot }).map(
      ({ suggestion, ...finding }): Problem => ({ ...finding, ...(suggestion ? { suggestion } : {}) }),
    ),
  );
}
