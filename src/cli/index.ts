/**
 * `hindsight`: the authoring command line. Each command lives in `commands/<name>.ts` and
 * registers itself on the program; this file only wires them together.
 */
import { Command } from 'commander';
import { registerCheck } from './commands/check';
import { registerImport } from './commands/import';
import { registerNew } from './commands/new';
import { registerSchema } from './commands/schema';

export function createProgram(): Command {
  const program = new Command('hindsight').description(
    'Write, check and import incident postmortems for a Hindsight knowledge base.',
  );
  registerNew(program);
  registerCheck(program);
  registerImport(program);
  registerSchema(program);
  return program;
}
