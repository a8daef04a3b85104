import { describe, expect, it } from 'vitest';
import { projectFrom, runCli } from './run-cli';

const project = projectFrom('valid');

describe('hindsight --help', () => {
  it('lists the commands and points to the writing guide', () => {
    const run = runCli(['--help'], project);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: hindsight \[options\] \[command\]/);
    for (const command of ['new', 'check', 'schema'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(run.stdout).toContain('/guide/');
  });

  it.each([
    [
      'new',
      [
        '--title <title>',
        '--date <YYYY-MM-DD>',
        '--severity <id>',
        '--category <id>',
        '--service <slug>',
        '--slug <slug>',
        '--content <dir>',
      ],
    ],
    [
      'check',
      [
        '[paths...]',
        '--format <format>',
        '--strict',
        '--content <dir>',
        'timeline-order',
        'related-reciprocal',
      ],
    ],
    ['schema', ['--out <file>', '--content <dir>']],
  ])('hindsight %s --help describes its options and exits 0', (command, expected) => {
    const run = runCli([command, '--help'], project);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: hindsight ${command} `));
    for (const text of expected) expect(run.stdout).toContain(text);
    expect(run.stdout).toContain('/guide/');
  });
});

describe('usage mistakes', () => {
  it('an unknown option exits 2 with one message and a pointer to --help', () => {
    const run = runCli(['check', '--strikt'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "error: unknown option '--strikt'\n(Did you mean --strict?)\n(run with --help for usage)\n",
    );
  });

  it('an unknown command exits 2', () => {
    const run = runCli(['publish'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: unknown command 'publish'/);
  });

  it('a value outside the choices exits 2 and lists them', () => {
    const run = runCli(['check', '--format', 'xml'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Allowed choices are text, github, json');
  });
});
