import type { Command } from 'commander';

/** `hindsight check`: placeholder until the command lands. */
export function registerCheck(program: Command): void {
  program.command('check').description('not built yet');
}
