/**
 * Suppression comments, so an author can keep a phrase the lint flags when it is right there
 * (a quote the quotation marks do not show, a rule that does not fit the team):
 *
 * - `hindsight-disable` turns rules off for the whole file. Put it at the top of the body
 *   (`{/* hindsight-disable *\/}` in MDX, `<!-- hindsight-disable -->` in Markdown) or as a
 *   comment line in the frontmatter (`# hindsight-disable`).
 * - `hindsight-disable-next-line` turns rules off for the next line; in the frontmatter, a
 *   comment line before a field covers all of that field's value, however many lines it spans.
 * - `hindsight-disable-line` at the end of a line turns rules off for that line
 *   (`resolution: … # hindsight-disable-line`, or `… text {/* hindsight-disable-line *\/}`);
 *   after a frontmatter key it covers all of that field's value.
 *
 * Each takes rule ids or categories, separated by spaces or commas (`hindsight-disable
 * minimiser-just, counterfactual`); none, or `blameless`, means every rule of the lint. Text
 * after ` -- ` is a reason for the reader and is ignored.
 */

/** A suppression comment found in a file. */
export interface Directive {
  /** `file`: the whole file; `line`: the comment's line; `next-line`: the line after it. */
  scope: 'file' | 'line' | 'next-line';
  /** Rule ids and categories it turns off, or `all`. */
  rules: ReadonlySet<string> | 'all';
  /** File offset of the comment. */
  offset: number;
}

const DIRECTIVE = /^\s*hindsight-disable(-next-line|-line)?(?:\s+([\s\S]*?))?\s*$/;

/** Reads a comment's text as a directive, or `undefined` when it is some other comment. */
export function parseDirective(comment: string): Omit<Directive, 'offset'> | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const scope = match[1] === '-next-line' ? 'next-line' : match[1] === '-line' ? 'line' : 'file';
  const list = (match[2] ?? '').split(/\s--\s|^--\s/)[0] ?? '';
  const names = list.split(/[\s,]+/).filter(Boolean);
  const rules = names.length === 0 || names.includes('blameless') ? 'all' : new Set(names);
  return { scope, rules };
}

/** What a finding is, for deciding whether a directive covers it. */
export interface Suppressible {
  rule: string;
  category: string;
  line: number;
  /** The line of its frontmatter field's key, when it is in one. */
  keyLine?: number;
}

/** Whether any directive turns this finding off. `lineOf` turns a file offset into a line. */
export function isSuppressed(
  finding: Suppressible,
  directives: readonly Directive[],
  lineOf: (offset: number) => number,
): boolean {
  return directives.some((directive) => {
    const covers =
      directive.rules === 'all' || directive.rules.has(finding.rule) || directive.rules.has(finding.category);
    if (!covers) return false;
    if (directive.scope === 'file') return true;
    const target = lineOf(directive.offset) + (directive.scope === 'next-line' ? 1 : 0);
    return finding.line === target || finding.keyLine === target;
  });
}
