import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { postmortemsDir } from '../../lib/content-dir';
import { importPostmortem } from '../../lib/import/import-postmortem';
import { formatImportReport } from '../../lib/import/report';
import { parseZone } from '../../lib/import/zones';
import { loadTaxonomy } from '../../lib/taxonomy';
import { EXIT, usageError } from '../errors';
import { contentOption, contentRootFrom, GUIDE_HELP } from '../options';

interface ImportOptions {
  out?: string;
  dryRun?: boolean;
  timezone?: string;
  categoryHint?: string;
  content?: string;
}

const POSTMORTEM_FILE = /\.mdx?$/i;

const within = (file: string, dir: string) => file.startsWith(dir + path.sep);

/** A path as the user would type it: relative to the working folder when inside it, else absolute. */
const display = (file: string, cwd: string) => {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
};

/** Reads a source file, or says in one line why it cannot. */
function readSource(file: string): { text: string } | { error: string } {
  try {
    if (fs.statSync(file).isDirectory()) return { error: 'is a folder; name the files to import' };
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('\u0000')) return { error: 'is not a text file' };
    return { text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'cannot be read (permission denied)' };
    return { error: `cannot be read (${code ?? (error as Error).message})` };
  }
}

/** The next step once the file is written: fill in the placeholders, then check it where it lives. */
function nextStep(target: string, postmortems: string, cwd: string, dryRun: boolean): string {
  const shown = display(target, cwd);
  if (dryRun) return `Dry run: nothing written. Without --dry-run this writes ${shown}.`;
  if (within(target, postmortems)) {
    return `Next: replace every TODO in ${shown}, then run: npm run check -- ${shown}`;
  }
  const home = display(postmortems, cwd);
  return `Next: replace every TODO in ${shown}, move it into ${home}/, then run: npm run check -- ${home}/${path.basename(target)}`;
}

/**
 * `hindsight import <file…>`: turns free-form postmortems (Markdown or plain text) into draft
 * `.mdx` postmortems, printing what it extracted and what needs a person.
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .summary('turn free-form postmortems into draft .mdx files')
    .description(
      'Turn existing postmortems written as Markdown, plain text or e-mail into typed draft .mdx files. Reads the title, summary, times and zone, duration, impact, root cause, timeline and tasks; guesses the root-cause category, timeline kinds and task types (marked in comments); writes a TODO placeholder wherever a value is unknown, so check fails until a person fills it in; keeps the rest of the prose as the body. Never overwrites a file.',
    )
    .argument('<files...>', 'the postmortems to import (.md, .txt, an e-mail saved as text, …)')
    .option(
      '-o, --out <path>',
      'a folder to write into, or a file name (.mdx) for a single input (default: content/postmortems/)',
    )
    .option('--dry-run', 'print the report and the file instead of writing it')
    .option(
      '--timezone <zone>',
      'zone of times the source gives without one: an IANA name (Europe/Berlin) or an abbreviation (PST)',
    )
    .option(
      '--category-hint <id-or-words>',
      'root-cause category id to use, or words to weigh when guessing it',
    )
    .addOption(contentOption())
    .addHelpText(
      'after',
      `\nExamples:\n  npm run import -- notes/2024-mail-outage.md\n  npm run import -- old/*.txt --out content/postmortems/ --timezone Europe/Berlin\n  npx hindsight import outage-email.txt --dry-run${GUIDE_HELP}`,
    )
    .action((files: string[], options: ImportOptions) => {
      const cwd = process.cwd();
      const root = contentRootFrom(options, cwd);
      if (options.timezone && !parseZone(options.timezone)) {
        throw usageError(
          `--timezone ${options.timezone} is not a zone; use an IANA name such as Europe/Berlin, or UTC, PST, CET`,
        );
      }
      const postmortems = postmortemsDir(root);
      const out = options.out ? path.resolve(cwd, options.out) : postmortems;
      const outIsFile = Boolean(options.out && POSTMORTEM_FILE.test(options.out));
      if (outIsFile && files.length > 1) {
        throw usageError(
          `--out ${options.out} names one file, but ${files.length} files were given; give a folder instead`,
        );
      }
      if (options.out && !outIsFile && fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
        throw usageError(`--out ${options.out} is a file; give a folder, or a name ending in .mdx`);
      }
      const taxonomy = loadTaxonomy(root);

      let failed = false;
      const fail = (message: string) => {
        process.stderr.write(`error: ${message}\n`);
        failed = true;
      };
      let printed = 0;
      for (const file of files) {
        const source = readSource(path.resolve(cwd, file));
        if ('error' in source) {
          fail(`${file}: ${source.error}`);
          continue;
        }
        const result = importPostmortem(source.text, {
          rootCauses: taxonomy.rootCauses,
          severities: taxonomy.severities,
          timezone: options.timezone,
          categoryHint: options.categoryHint,
        });
        const target = outIsFile ? out : path.join(out, result.fileName);
        const shown = display(target, cwd);
        if (fs.existsSync(target)) {
          fail(`${shown} already exists; it was not overwritten. Move it, or choose another --out`);
          continue;
        }
        if (!options.dryRun) {
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, result.text, { flag: 'wx' });
        }
        const report = formatImportReport(
          file,
          shown,
          result,
          nextStep(target, postmortems, cwd, Boolean(options.dryRun)),
        );
        process.stdout.write(
          `${printed++ ? '\n' : ''}${options.dryRun ? `${report}\n\n${result.text}` : `${report}\n`}`,
        );
      }
      process.exitCode = failed ? EXIT.failed : EXIT.ok;
    });
}
