/**
 * Runs `hindsight` as an author does, `node scripts/hindsight.mjs …`, in a temporary project
 * folder made from a fixture under `test/fixtures/cli/`, and checks what every run must hold:
 * no stack trace, whatever went wrong.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { projectRoot, testTempDir } from '../helpers/build-site';

export const HINDSIGHT = path.join(projectRoot, 'scripts', 'hindsight.mjs');
export const cliFixtures = path.join(projectRoot, 'test', 'fixtures', 'cli');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A stack frame as Node prints it: `    at fn (file:line:col)`. */
export const STACK_FRAME = /^\s+at .+/m;

/**
 * Runs the command in `cwd` with the pinned Node (`process.execPath` in vitest), stdin a pipe
 * rather than a terminal, and an environment cleared of the variables that change its behaviour
 * unless `env` sets them.
 */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const cleared = new Set([
    'CI',
    'HINDSIGHT_CONTENT_DIR',
    'GITHUB_WORKSPACE',
    'DEBUG',
    'NO_COLOR',
    'FORCE_COLOR',
  ]);
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !cleared.has(name)));
  const result = spawnSync(process.execPath, [HINDSIGHT, ...args], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  expect(run.stdout, 'no stack trace on stdout').not.toMatch(STACK_FRAME);
  expect(run.stderr, 'no stack trace on stderr').not.toMatch(STACK_FRAME);
  return run;
}

/**
 * A fresh project folder holding `content/` copied from `test/fixtures/cli/<fixture>/content`
 * (or an empty one), so a test may add, change and delete files freely.
 */
export function projectFrom(fixture?: string): string {
  const dir = fs.mkdtempSync(path.join(testTempDir(), `cli-${fixture ?? 'empty'}-`));
  if (fixture)
    fs.cpSync(path.join(cliFixtures, fixture, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

/** The postmortem file `name` in a project folder. */
export const postmortemPath = (project: string, name: string) =>
  path.join(project, 'content', 'postmortems', name);

/** Line `line` (1-based) of a file, to see what a reported position points at. */
export const lineOf = (file: string, line: number) =>
  fs.readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
