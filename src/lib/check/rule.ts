import type { CheckedPostmortem } from '../content-check';
import { fieldPath, type Problem } from '../problems';

/**
 * What a warning rule sees: every postmortem that passed the schema (cross-file rules such as
 * reciprocal links need the others), and the site's default time zone.
 */
export interface RuleContext {
  postmortems: readonly CheckedPostmortem[];
  /** The `timezone` option of `hindsight()`, for postmortems that name no zone of their own. */
  siteTimeZone: string;
}

/**
 * A check beyond the schema whose findings are advice, not errors: the postmortem is valid and
 * builds, but something in it is probably a mistake or will hurt later.
 */
export interface WarningRule {
  /** Stable id printed with each warning, such as `timeline-order`. */
  id: string;
  /** What the rule looks for, in one line, for help texts and the README. */
  description: string;
  check(context: RuleContext): Problem[];
}

/** A warning of `rule` at the value at `at` in a postmortem's frontmatter. */
export function warningAt(
  postmortem: CheckedPostmortem,
  rule: string,
  at: readonly (string | number)[],
  message: string,
): Problem {
  return {
    file: postmortem.file,
    ...postmortem.source.positionOf(at),
    field: fieldPath(at),
    message,
    severity: 'warning',
    rule,
  };
}
