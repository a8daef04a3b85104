import type { Command } from 'commander';

/** `hindsight schema`: placeholder until the command lands. */
export function registerSchema(program: Command): void {
  program.command('schema').description('not built yet');
}
