import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { frontmatterJsonSchema } from '../../lib/frontmatter-schema';
import { loadTaxonomy } from '../../lib/taxonomy';
import { CliError } from '../errors';
import { contentOption, contentRootFrom, GUIDE_HELP } from '../options';

/** `hindsight schema`: the frontmatter's JSON Schema, for editors and other tools. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .summary("print the frontmatter's JSON Schema for editors")
    .description(
      "Print the JSON Schema of a postmortem's frontmatter (draft-07), with this site's severities and root causes, for editor completion and validation.",
    )
    .option(
      '-o, --out <file>',
      'write it to this file instead of printing it, such as .vscode/postmortem.schema.json',
    )
    .addOption(contentOption())
    .addHelpText(
      'after',
      `\nRun it again after editing the taxonomies, so the editor offers the new ids.\n\nExamples:\n  npx hindsight schema --out .vscode/postmortem.schema.json\n  npx hindsight schema | jq '.properties.severity'${GUIDE_HELP}`,
    )
    .action((options: { out?: string; content?: string }) => {
      const schema = `${JSON.stringify(frontmatterJsonSchema(loadTaxonomy(contentRootFrom(options))), null, 2)}\n`;
      if (options.out === undefined) {
        process.stdout.write(schema);
        return;
      }
      const file = path.resolve(options.out);
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, schema);
      } catch (error) {
        const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
        throw new CliError(`cannot write ${options.out} (${reason})`);
      }
      process.stdout.write(`Wrote ${path.relative(process.cwd(), file) || file}\n`);
    });
}
