import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countProblems,
  formatJson,
  formatReport,
  githubAnnotation,
  summaryLine,
  textLine,
} from '../../src/lib/check/report';
import type { Problem } from '../../src/lib/problems';

const root = '/repo';
const file = path.join(root, 'content', 'postmortems', '2024-05-09-mail.mdx');
const error: Problem = {
  file,
  line: 4,
  column: 11,
  field: 'severity',
  message: '"SEV9" is not allowed; use one of: SEV1, SEV2',
};
const warning: Problem = {
  file,
  line: 20,
  column: 9,
  field: 'timeline.1.at',
  message: 'is earlier than the entry above it',
  severity: 'warning',
  rule: 'timeline-order',
};
const lint: Problem = {
  file,
  line: 31,
  column: 14,
  field: 'body',
  message: '"should have" judges with hindsight; say what was known then, e.g. "could have"',
  severity: 'warning',
  rule: 'hindsight-bias',
  suggestion: 'could have',
};
const wholeFile: Problem = {
  file: path.join(root, 'content', 'postmortems', 'b.md'),
  field: '',
  message: 'must start with YAML frontmatter',
};

describe('summaryLine', () => {
  it('counts errors and warnings and the files they are in, in the singular when there is one', () => {
    expect(summaryLine(countProblems([error, warning, lint, wholeFile], 5))).toBe(
      '2 errors and 2 warnings in 2 files.',
    );
    expect(summaryLine(countProblems([error], 5))).toBe('1 error in 1 file.');
    expect(summaryLine(countProblems([warning], 5))).toBe('1 warning in 1 file.');
  });

  it('says how many postmortems were checked when nothing is wrong', () => {
    expect(summaryLine(countProblems([], 13))).toBe('No problems in 13 postmortems.');
    expect(summaryLine(countProblems([], 1))).toBe('No problems in 1 postmortem.');
  });
});

describe('textLine', () => {
  it('is path:line:column  field  message for an error', () => {
    expect(textLine(error, root)).toBe(
      'content/postmortems/2024-05-09-mail.mdx:4:11  severity  "SEV9" is not allowed; use one of: SEV1, SEV2',
    );
  });

  it('marks a warning and ends with its rule', () => {
    expect(textLine(warning, root)).toBe(
      'content/postmortems/2024-05-09-mail.mdx:20:9  timeline.1.at  warning: is earlier than the entry above it (timeline-order)',
    );
    expect(textLine(lint, root)).toBe(
      'content/postmortems/2024-05-09-mail.mdx:31:14  body  warning: "should have" judges with hindsight; say what was known then, e.g. "could have" (hindsight-bias)',
    );
  });

  it('leaves out the position and the field when there are none', () => {
    expect(textLine(wholeFile, root)).toBe('content/postmortems/b.md  must start with YAML frontmatter');
  });
});

describe('githubAnnotation', () => {
  it('is a workflow command with the repository-relative file, line, column and field', () => {
    expect(githubAnnotation(error, root)).toBe(
      '::error file=content/postmortems/2024-05-09-mail.mdx,line=4,col=11,title=severity::"SEV9" is not allowed; use one of: SEV1, SEV2',
    );
    expect(githubAnnotation(warning, root)).toBe(
      '::warning file=content/postmortems/2024-05-09-mail.mdx,line=20,col=9,title=timeline.1.at (timeline-order)::is earlier than the entry above it',
    );
  });

  it("escapes % and line breaks in the message, and also , and : in properties, as GitHub's toolkit does", () => {
    const odd: Problem = {
      file: path.join(root, 'content', 'postmortems', 'a,b:c%.mdx'),
      line: 1,
      column: 1,
      field: 'x:y,z',
      message: '100% sure:\nsecond line\r, third',
    };
    expect(githubAnnotation(odd, root)).toBe(
      '::error file=content/postmortems/a%2Cb%3Ac%25.mdx,line=1,col=1,title=x%3Ay%2Cz::100%25 sure:%0Asecond line%0D, third',
    );
  });

  it('annotates the whole file when there is no line, and titles it when there is no field', () => {
    expect(githubAnnotation(wholeFile, root)).toBe(
      '::error file=content/postmortems/b.md,title=postmortem::must start with YAML frontmatter',
    );
  });
});

describe('formatReport', () => {
  const problems = [error, warning];
  const counts = countProblems(problems, 3);

  it('text: the lines, a blank line, the count and the guide', () => {
    expect(formatReport('text', problems, counts, { cwd: root, root }).split('\n')).toEqual([
      textLine(error, root),
      textLine(warning, root),
      '',
      '1 error and 1 warning in 1 file.',
      expect.stringContaining('/guide/'),
    ]);
  });

  it('text: only the count when all is well', () => {
    expect(formatReport('text', [], countProblems([], 3), { cwd: root, root })).toBe(
      'No problems in 3 postmortems.',
    );
  });

  it('github: annotations relative to the repository root, then the count and the guide', () => {
    const lines = formatReport('github', problems, counts, { cwd: path.join(root, 'content'), root }).split(
      '\n',
    );
    expect(lines.slice(0, 2)).toEqual([githubAnnotation(error, root), githubAnnotation(warning, root)]);
    expect(lines.slice(2)).toEqual(['1 error and 1 warning in 1 file.', expect.stringContaining('/guide/')]);
  });

  it('json: every problem with relative paths and explicit nulls, and the counts', () => {
    expect(JSON.parse(formatJson([lint, wholeFile], countProblems([lint, wholeFile], 2), root))).toEqual({
      problems: [
        {
          file: 'content/postmortems/2024-05-09-mail.mdx',
          line: 31,
          column: 14,
          field: 'body',
          severity: 'warning',
          rule: 'hindsight-bias',
          message: '"should have" judges with hindsight; say what was known then, e.g. "could have"',
          suggestion: 'could have',
        },
        {
          file: 'content/postmortems/b.md',
          line: null,
          column: null,
          field: '',
          severity: 'error',
          rule: null,
          message: 'must start with YAML frontmatter',
          suggestion: null,
        },
      ],
      errors: 1,
      warnings: 1,
      files: 2,
      checked: 2,
      guide: '/guide/',
    });
  });
});
