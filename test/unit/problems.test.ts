import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import { fieldPath, formatProblem, formatProblems, location, type Problem } from '../../src/lib/problems';
import { fixturesRoot } from './helpers';

const cwd = '/site';
const problem = (file: string, line: number | undefined, field: string, message: string): Problem => ({
  file: path.join(cwd, file),
  ...(line === undefined ? {} : { line, column: 3 }),
  field,
  message,
});

describe('location', () => {
  it('is file:line:column relative to the working directory', () => {
    expect(location(problem('content/postmortems/a.mdx', 12, 'title', 'x'), cwd)).toBe(
      'content/postmortems/a.mdx:12:3',
    );
  });

  it('is just the file when the line is not known', () => {
    expect(location(problem('content/postmortems/a.mdx', undefined, '', 'x'), cwd)).toBe(
      'content/postmortems/a.mdx',
    );
  });
});

describe('formatProblem', () => {
  it('puts the field before the message', () => {
    expect(formatProblem(problem('a.mdx', 4, 'tasks.0.due', 'is not a real calendar date'), cwd)).toBe(
      'a.mdx:4:3  tasks.0.due: is not a real calendar date',
    );
  });

  it('leaves the field out for problems with the whole file', () => {
    expect(formatProblem(problem('a.mdx', 1, '', 'must start with YAML frontmatter'), cwd)).toBe(
      'a.mdx:1:3  must start with YAML frontmatter',
    );
  });
});

describe('formatProblems', () => {
  it('counts problems and files, then lists them sorted by file and line', () => {
    const problems = [
      problem('content/postmortems/b.mdx', 9, 'severity', 'nine'),
      problem('content/postmortems/a.mdx', 12, 'title', 'twelve'),
      problem('content/postmortems/b.mdx', 2, 'summary', 'two'),
      problem('content/postmortems/a.mdx', 3, 'status', 'three'),
    ];
    expect(formatProblems(problems, cwd).split('\n')).toEqual([
      '4 problems in 2 files:',
      '  content/postmortems/a.mdx:3:3  status: three',
      '  content/postmortems/a.mdx:12:3  title: twelve',
      '  content/postmortems/b.mdx:2:3  summary: two',
      '  content/postmortems/b.mdx:9:3  severity: nine',
    ]);
  });

  it('sorts line 10 after line 9, numerically', () => {
    const lines = formatProblems([problem('a.mdx', 10, 'x', 'ten'), problem('a.mdx', 9, 'y', 'nine')], cwd);
    expect(lines.split('\n').slice(1)).toEqual(['  a.mdx:9:3  y: nine', '  a.mdx:10:3  x: ten']);
  });

  it('uses the singular for one problem in one file', () => {
    expect(formatProblems([problem('a.mdx', 1, '', 'bad')], cwd).split('\n')[0]).toBe('1 problem in 1 file:');
  });

  it('lists the invalid fixture site in file and line order', () => {
    const site = path.join(fixturesRoot, 'invalid-site');
    const lines = formatProblems(checkContent(site).problems, site).split('\n');
    expect(lines[0]).toMatch(/^\d+ problems in 7 files:$/);
    const positions = lines.slice(1).map((line) => {
      const [, file = '', row = '0'] = /^ {2}postmortems\/([^:\s]+)(?::(\d+))?/.exec(line) ?? [];
      return { file, row: Number(row) };
    });
    const sorted = [...positions].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
    expect(positions).toEqual(sorted);
    expect(positions[0]).toEqual({ file: '2024-04-01-unknown-category.mdx', row: 11 });
    expect(lines).toContain(
      '  postmortems/2024-04-03-bad-task.mdx:21:11  tasks.1.link: must be an http:// or https:// URL',
    );
  });
});

describe('fieldPath', () => {
  it('joins a zod path with dots', () => {
    expect(fieldPath(['tasks', 0, 'due'])).toBe('tasks.0.due');
    expect(fieldPath([])).toBe('');
  });
});
