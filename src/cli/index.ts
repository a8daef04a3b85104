/**
 * `hindsight`: the authoring command line. Each command lives in `commands/<name>.ts` and
 * registers itself on the program; this file only wires them together.
 */
import { Command } from 'commander';
import { registerCheck } from './commands/check';
import { registerImport } from './commands/import';
import { registerNew } from './commands/new';
import { registerSchema } from './commands/schema';
import { GUIDE_HELP } from './options';

/**
 * The program with every command. Commander throws instead of exiting (the settings reach each
 * command registered after them), so `main.ts` decides exit codes, and a usage mistake shows
 * how to get help rather than a stack trace.
 */
export function createProgram(): Command {
  const program = new Command('hindsight')
    .description('Write, check and import incident postmortems for a Hindsight knowledge base.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', GUIDE_HELP);
  registerNew(program);
  registerCheck(program);
  registerImport(program);
  registerSchema(program);
  return program;
}
