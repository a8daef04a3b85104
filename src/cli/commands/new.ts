import type { Command } from 'commander';

/** `hindsight new`: placeholder until the command lands. */
export function registerNew(program: Command): void {
  program.command('new').description('not built yet');
}
