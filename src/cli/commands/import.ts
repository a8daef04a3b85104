import type { Command } from 'commander';

/** `hindsight import`: placeholder until the command lands. */
export function registerImport(program: Command): void {
  program.command('import').description('not built yet');
}
