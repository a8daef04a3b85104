import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { WARNING_RULES, runCheck, within } from '../../lib/check';
import { countProblems, formatReport, REPORT_FORMATS, type ReportFormat } from '../../lib/check/report';
import { siteTimeZone } from '../../lib/check/site-time-zone';
import { postmortemsDir, taxonomyDir } from '../../lib/content-dir';
import { EXIT, usageError } from '../errors';
import { contentOption, contentRootFrom, GUIDE_HELP } from '../options';

interface CheckOptions {
  format: ReportFormat;
  strict?: boolean;
  content?: string;
}

/**
 * The paths to report on, made absolute; a path that does not exist, or is not a postmortem
 * or taxonomy of this content folder, is a usage error rather than an empty, reassuring report.
 */
function resolveTargets(paths: readonly string[], root: string, cwd = process.cwd()): string[] {
  const postmortems = postmortemsDir(root);
  return paths.map((given) => {
    const target = path.resolve(cwd, given);
    if (!fs.existsSync(target)) throw usageError(`${given}: no such file or folder`);
    const inContent = within(target, postmortems) || within(target, taxonomyDir(root));
    const holdsContent = fs.statSync(target).isDirectory() && within(postmortems, target);
    if (!inContent && !holdsContent) {
      throw usageError(
        `${given} is not in ${path.relative(cwd, postmortems) || postmortems}, where postmortems live; move it there, or point --content at its content folder`,
      );
    }
    return target;
  });
}

/** `hindsight check [paths…]`: every problem in one run, as text, GitHub annotations or JSON. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary('check postmortems and list every problem')
    .description(
      'Check postmortems and taxonomies against the schema, and warn about likely mistakes. Lists every problem as path:line:column  field  message, then a count. Exits 1 on errors (and on warnings with --strict).',
    )
    .argument('[paths...]', 'postmortem files or folders to report on (default: all)')
    .addOption(
      new Option(
        '--format <format>',
        'text for people, github for annotations on a pull request, json for tools',
      )
        .choices(REPORT_FORMATS)
        .default('text'),
    )
    .option('--strict', 'exit 1 on warnings too, not only on errors')
    .addOption(contentOption())
    .addHelpText(
      'after',
      `\nWarnings (exit 0 unless --strict):\n${WARNING_RULES.map((rule) => `  ${rule.id.padEnd(20)} ${rule.description}`).join('\n')}\n  blameless lint       wording that assigns blame; rules in content/style/\n\nExamples:\n  npm run check\n  npm run check -- content/postmortems/2024-05-09-mail-outage.mdx --strict\n  npx hindsight check --format github${GUIDE_HELP}`,
    )
    .action((paths: string[], options: CheckOptions) => {
      const cwd = process.cwd();
      const root = contentRootFrom(options, cwd);
      const only = paths.length ? resolveTargets(paths, root, cwd) : undefined;
      const report = runCheck({
        contentRoot: root,
        ...(only ? { only } : {}),
        siteTimeZone: siteTimeZone(cwd),
      });
      const counts = countProblems(report.problems, report.files.length);
      const repositoryRoot = process.env['GITHUB_WORKSPACE'] || cwd;
      process.stdout.write(
        `${formatReport(options.format, report.problems, counts, { cwd, root: repositoryRoot })}\n`,
      );
      const failed = counts.errors > 0 || (options.strict === true && counts.warnings > 0);
      process.exitCode = failed ? EXIT.failed : EXIT.ok;
    });
}
