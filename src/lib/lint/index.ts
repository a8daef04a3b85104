/**
 * Blameless-language lint for postmortems: warnings, never errors, for phrases that assign
 * blame or narrate counterfactuals, each with a rule id and a suggested rewrite.
 *
 * Work in progress: the signature below is final; the rules land in the following commits.
 */
import type { Problem } from '../problems';

/** The `source` of every message the lint reports, as `retext-equality` uses `retext-equality`. */
export const LINT_SOURCE = 'hindsight-blameless';

/** One phrase in one place that reads as blame, with what to write instead. */
export interface LintFinding {
  /** The file as given to `lintPostmortem`. */
  file: string;
  /** 1-based position of the phrase in the original file (frontmatter included). */
  line: number;
  column: number;
  /** Frontmatter field path such as `rootCause.summary` or `timeline.2.text`; `body` for the prose. */
  field: string;
  /** Why the phrase hurts a blameless review and how to rewrite it. */
  message: string;
  /** The rule's id, as used by `disable:` and `hindsight-disable` comments. */
  rule: string;
  /** A rewrite of the phrase, when the rule has one. */
  suggestion?: string;
  /** Lint findings never fail a check: they are for the author and the reviewer. */
  severity: 'warning';
}

/** The rule set in force: the shipped defaults with a team's `content/style/blameless.yaml` applied. */
export interface LintRules {
  rules: readonly unknown[];
}

export interface LintOptions {
  /** Rules to use; default: loaded from `contentRoot`. */
  rules?: LintRules;
  /** The folder holding `style/blameless.yaml`; default `contentDir()`. */
  contentRoot?: string;
}

/**
 * Loads the default rules and a team's `style/blameless.yaml` under `contentRoot`. Throws a
 * `ContentError` whose problems name the file, line, column and field when that file is invalid.
 */
export function loadLintRules(contentRoot?: string): LintRules {
  void contentRoot;
  return { rules: [] };
}

/** Like `loadLintRules`, but returns the problems instead of throwing. */
export function readLintRules(contentRoot?: string): { rules: LintRules; problems: Problem[] } {
  return { rules: loadLintRules(contentRoot), problems: [] };
}

/**
 * Lints one postmortem's free-text frontmatter fields and its prose body. `text` is the whole
 * file; positions are in it. Throws a `ContentError` if the team's rules file is invalid.
 */
export function lintPostmortem(file: string, text: string, options: LintOptions = {}): LintFinding[] {
  void file;
  void text;
  void options;
  return [];
}
