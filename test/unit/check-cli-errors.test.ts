import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT, reportFailure, usageError } from '../../src/cli/errors';
import { ContentError } from '../../src/lib/problems';

/** What reportFailure prints and returns. */
function report(error: unknown, debug = false) {
  let printed = '';
  const code = reportFailure(error, { cwd: '/site', debug, write: (text) => (printed += text) });
  return { code, printed };
}

describe('reportFailure', () => {
  it("leaves commander's own messages alone: exit 0 after help, 2 after a usage error", () => {
    expect(report(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({
      code: 0,
      printed: '',
    });
    expect(report(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toEqual({
      code: EXIT.usage,
      printed: '',
    });
  });

  it('prints a user mistake as one line with its exit code', () => {
    expect(report(usageError('--date must be YYYY-MM-DD'))).toEqual({
      code: 2,
      printed: 'error: --date must be YYYY-MM-DD\n',
    });
    expect(report(new CliError('x.mdx already exists'))).toEqual({
      code: 1,
      printed: 'error: x.mdx already exists\n',
    });
  });

  it('lists content problems as the build does', () => {
    const problems = [
      {
        file: '/site/content/taxonomy/severities.yaml',
        line: 2,
        column: 3,
        field: '0.label',
        message: 'is required',
      },
    ];
    expect(report(new ContentError(problems))).toEqual({
      code: 1,
      printed: '1 problem in 1 file:\n  content/taxonomy/severities.yaml:2:3  0.label: is required\n',
    });
  });

  it('calls anything else a bug, without a stack trace unless DEBUG is set', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const quiet = report(bug);
    expect(quiet.code).toBe(1);
    expect(quiet.printed).toBe(
      "error: hindsight failed unexpectedly: Cannot read properties of undefined (reading 'id')\nThis is a bug; please report it with the command you ran and the output of the same command with DEBUG=1.\n",
    );
    const loud = report(bug, true);
    expect(loud.printed).toContain('\nTypeError: Cannot read properties');
    expect(loud.printed).toMatch(/^\s+at /m);
  });
});
