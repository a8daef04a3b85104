/**
 * How the command line fails: a problem with what the user asked for is one line and an exit
 * code, never a stack trace; a bug in hindsight says so and how to report it.
 */
import { CommanderError } from 'commander';
import { ContentError, formatProblems } from '../lib/problems';

/** Exit codes: 1 the content has errors or the command could not do its job, 2 a usage mistake. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Something the user can fix: a flag value, a path, a file in the way. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A flag or argument that cannot be used as given; exit code 2, like commander's own errors. */
export const usageError = (message: string) => new CliError(message, EXIT.usage);

/**
 * Prints why a command stopped and returns the exit code. Commander has already printed its
 * own usage errors (and help, and the version), so those only set the code.
 */
export function reportFailure(
  error: unknown,
  {
    cwd = process.cwd(),
    debug = Boolean(process.env['DEBUG']),
    write = (text: string): unknown => process.stderr.write(text),
  }: { cwd?: string; debug?: boolean; write?: (text: string) => unknown } = {},
): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof CliError) {
    write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ContentError) {
    write(`${formatProblems(error.problems, cwd)}\n`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(
    `error: hindsight failed unexpectedly: ${message}\nThis is a bug; please report it with the command you ran${debug ? '.' : ' and the output of the same command with DEBUG=1.'}\n`,
  );
  if (debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
  return EXIT.failed;
}
