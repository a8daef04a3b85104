import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { postmortemIdFromPath, POSTMORTEM_EXTENSIONS, postmortemsDir } from '../../lib/content-dir';
import { siteTimeZone } from '../../lib/check/site-time-zone';
import { scaffoldFileName, scaffoldPostmortem, slugify } from '../../lib/scaffold';
import { canPrompt, dateProblem, idProblem, slugProblem, titleProblem } from '../../lib/scaffold-input';
import { loadTaxonomy, TAXONOMY_FILES, type Taxonomy } from '../../lib/taxonomy';
import { isoDateInZone } from '../../lib/time';
import { usageError, CliError } from '../errors';
import { contentOption, contentRootFrom, GUIDE_HELP } from '../options';
import { askForMissing } from '../prompts';

/** What `new` accepts on the command line; every field may be missing when prompts fill it in. */
export interface NewOptions {
  title?: string;
  date?: string;
  severity?: string;
  category?: string;
  service?: string[];
  slug?: string;
  content?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `hindsight new`: scaffolds a postmortem from a title, by flags or by questions in a terminal. */
export function registerNew(program: Command): void {
  program
    .command('new')
    .summary('create a postmortem to fill in, from a title')
    .description(
      'Create content/postmortems/<date>-<slug>.mdx with every field to fill in, as status: draft. Asks for what is missing when run in a terminal; elsewhere (CI, pipes) takes flags only.',
    )
    .option(
      '-t, --title <title>',
      "the incident's name, as a reader would search for it (required without a terminal)",
    )
    .option(
      '-d, --date <YYYY-MM-DD>',
      "the day the incident started (default: today in the site's time zone)",
    )
    .option('--severity <id>', `a severity id from taxonomy/${TAXONOMY_FILES.severities}`)
    .option('--category <id>', `the root-cause id from taxonomy/${TAXONOMY_FILES.rootCauses}`)
    .option('--service <slug>', 'an affected service, such as email; repeat for several', collect)
    .option('--slug <slug>', 'the file name after the date (default: made from the title)')
    .addOption(contentOption())
    .addHelpText(
      'after',
      `\nExamples:\n  npm run new                      # asks for the title, date, severity, root cause and services\n  npm run new -- --title "Checkout errors after the flag rollout" --severity SEV2 --service checkout\n\nThe file refuses to pass \`npm run check\` until every TODO in it is replaced.${GUIDE_HELP}`,
    )
    .action(async (options: NewOptions) => {
      const root = contentRootFrom(options);
      const taxonomy = loadTaxonomy(root);
      const today = isoDateInZone(new Date(), siteTimeZone(process.cwd()));
      const answers = canPrompt(process.env, process.stdin, process.stdout)
        ? await askForMissing(options, taxonomy, today)
        : options;
      const file = createPostmortem(root, answers, taxonomy, today);
      process.stdout.write(nextSteps(file));
    });
}

/** Checks the answers, writes the file and returns its path; refuses to replace any file. */
function createPostmortem(root: string, options: NewOptions, taxonomy: Taxonomy, today: string): string {
  if (options.title === undefined) {
    throw usageError(
      '--title is required when hindsight new cannot ask (no terminal, or CI is set): hindsight new --title "Checkout errors after the flag rollout"',
    );
  }
  const title = options.title.trim().replace(/\s+/g, ' ');
  const date = options.date ?? today;
  const slug = options.slug ?? slugify(title);
  const problems = [
    ['--title', titleProblem(title)],
    ['--date', dateProblem(date)],
    [
      '--severity',
      options.severity === undefined
        ? undefined
        : idProblem(options.severity, taxonomy.severities, `taxonomy/${TAXONOMY_FILES.severities}`),
    ],
    [
      '--category',
      options.category === undefined
        ? undefined
        : idProblem(options.category, taxonomy.rootCauses, `taxonomy/${TAXONOMY_FILES.rootCauses}`),
    ],
    ...(options.service ?? []).map((service) => ['--service', slugProblem(service)]),
    ['--slug', slugProblem(slug)],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  const [first] = problems;
  if (first) throw usageError(problems.map(([flag, problem]) => `${flag} ${problem}`).join('\nerror: '));
  const dir = postmortemsDir(root);
  const file = path.join(dir, scaffoldFileName(date, slug));
  const id = postmortemIdFromPath(file);
  const existing = POSTMORTEM_EXTENSIONS.map((ext) => path.join(dir, `${id}${ext}`)).find((candidate) =>
    fs.existsSync(candidate),
  );
  if (existing) {
    throw new CliError(
      `${path.relative(process.cwd(), existing)} already exists; nothing was written. Edit it, or choose another name with --slug.`,
    );
  }
  const text = scaffoldPostmortem({
    title,
    date,
    severity: options.severity,
    category: options.category,
    services: options.service,
    taxonomy,
  });
  try {
    fs.mkdirSync(dir, { recursive: true });
    // `wx` fails if the file appeared since the check above, rather than overwriting it.
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot write ${path.relative(process.cwd(), file)} (${code}); nothing was written`);
  }
  return file;
}

/** What to do after `new`, in order. */
function nextSteps(file: string): string {
  const shown = path.relative(process.cwd(), file);
  const id = postmortemIdFromPath(file);
  return `Created ${shown}

Next:
  1. Replace every TODO in it and write the sections; the comments say what goes where.
  2. npm run check      lists what is still missing or wrong, with file:line
  3. npm run dev        once check passes, shows the page at http://localhost:4321/incidents/${id}/
  4. Set status: in-review, commit, and open a pull request; published once it is reviewed.
${GUIDE_HELP.trim()}
`;
}
