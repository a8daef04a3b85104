/**
 * The `hindsight` command's entry point, run by `scripts/hindsight.mjs`: parses the command
 * line and turns every failure into a message and an exit code.
 */
import { reportFailure } from './errors';
import { createProgram } from './index';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}
