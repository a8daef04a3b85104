/**
 * Blameless-language lint for postmortems: warnings, never errors, for phrases that assign
 * blame or narrate counterfactuals ("human error", "should have", "failed to", "just", a person
 * named as the cause), each with a rule id and a suggested rewrite.
 *
 * It lints the prose an author wrote: the free-text frontmatter fields (title, summary,
 * impact.summary, rootCause.summary/trigger/contributingFactors, resolution, timeline text,
 * task titles) and the body, leaving out code, inline code, MDX expressions and imports,
 * HTML, block quotes and anything in quotation marks (quoted speech is someone else's words).
 *
 * Built on unified and retext the way `alex` is built on `retext-equality`: `retextBlameless`
 * (in `retext-blameless.ts`) is the plugin; this module finds the prose, runs the plugin over
 * it and maps every message back to the file. The rules are data: `default-rules.yaml` here,
 * changed by a team's `content/style/blameless.yaml` (see `rules.ts`). Suppression comments
 * are described in `suppress.ts`.
 */
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { lineStarts, positionAt } from './align';
import { looksLikeName } from './person';
import { retextBlameless } from './retext-blameless';
import { loadLintRules, type LintRules } from './rules';
import { extractProse } from './segments';
import { isSuppressed } from './suppress';

export { LINT_SOURCE, retextBlameless, type BlamelessOptions } from './retext-blameless';
export {
  DEFAULT_RULES_FILE,
  TEAM_RULES_PATH,
  defaultRules,
  loadLintRules,
  readLintRules,
  type LintRule,
  type LintRules,
} from './rules';
export { parseDirective, type Directive } from './suppress';

/** One phrase in one place that reads as blame, with what to write instead. */
export interface LintFinding {
  /** The file as given to `lintPostmortem`. */
  file: string;
  /** 1-based position of the phrase in the original file (frontmatter included). */
  line: number;
  column: number;
  /** Frontmatter field path such as `rootCause.summary` or `timeline.2.text`; `body` for the prose. */
  field: string;
  /** The phrase in quotes, why it hurts a blameless review, and an example rewrite. */
  message: string;
  /** The rule's id, as used by `disable:` and `hindsight-disable` comments. */
  rule: string;
  /** An example rewrite, when the rule has one. */
  suggestion?: string;
  /** Lint findings never fail a check: they are for the author and the reviewer. */
  severity: 'warning';
}

/** Where the rules come from: given, or read from a content folder. */
export interface LintOptions {
  /** Rules to use, from `loadLintRules`; default: loaded from `contentRoot`. */
  rules?: LintRules;
  /** The folder holding `style/blameless.yaml`; default `contentDir()`. */
  contentRoot?: string;
}

/**
 * Lints one postmortem's free-text frontmatter fields and its prose body. `text` is the whole
 * file; positions are in it. Findings come sorted by position. Without `rules`, loads them
 * from `contentRoot` and throws a `ContentError` if the team's rules file is invalid; a caller
 * linting many files loads the rules once with `loadLintRules` and passes them.
 */
export function lintPostmortem(file: string, text: string, options: LintOptions = {}): LintFinding[] {
  const rules = options.rules ?? loadLintRules(options.contentRoot);
  const prose = extractProse(file, text);
  const processor = unified()
    .use(retextEnglish)
    .use(retextBlameless, {
      rules: rules.rules,
      people: {
        people: [...rules.people, ...prose.people.filter(looksLikeName)],
        notPeople: [...rules.notPeople, ...prose.things],
      },
    })
    .freeze();
  const categories = new Map(rules.rules.map((rule) => [rule.id, rule.category]));
  const starts = lineStarts(text);
  const lineOf = (offset: number) => positionAt(starts, offset).line;

  const findings: LintFinding[] = [];
  for (const segment of prose.segments) {
    const vfile = new VFile({ path: file, value: segment.text });
    processor.runSync(processor.parse(vfile), vfile);
    for (const message of vfile.messages) {
      const rule = message.ruleId ?? '';
      const offset =
        segment.offsets[message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0];
      const { line, column } = positionAt(starts, offset ?? 0);
      const keyLine = segment.keyOffset === undefined ? undefined : lineOf(segment.keyOffset);
      const suppressible = {
        rule,
        category: categories.get(rule) ?? '',
        line,
        ...(keyLine === undefined ? {} : { keyLine }),
      };
      if (isSuppressed(suppressible, prose.directives, lineOf)) continue;
      const suggestion = message.expected?.[0];
      findings.push({
        file,
        line,
        column,
        field: segment.field,
        message: message.reason,
        rule,
        ...(suggestion === undefined ? {} : { suggestion }),
        severity: 'warning',
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
