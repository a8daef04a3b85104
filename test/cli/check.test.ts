import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, postmortemPath, projectFrom, runCli } from './run-cli';

const GUIDE = /\/guide\//;

describe('hindsight check on valid content', () => {
  it('says so and exits 0', () => {
    const run = runCli(['check'], projectFrom('valid'));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No problems in 2 postmortems.\n');
  });
});

describe('hindsight check on invalid content', () => {
  const project = projectFrom('invalid');
  const run = runCli(['check'], project);
  const lines = run.stdout.split('\n');

  it('reports each mistake at its line, column and field, with what is allowed', () => {
    expect(lines).toContain(
      'content/postmortems/2024-06-01-unknown-severity.mdx:4:11  severity  "SEV1" is not allowed; use one of: P1, P2, P3 (defined in content/taxonomy/severities.yaml)',
    );
    expect(lines).toContain(
      'content/postmortems/2024-06-02-several-mistakes.mdx:4:12  startedAt  must be an ISO 8601 date-time with Z or an offset, such as 2024-05-09T08:00:00Z or 2024-05-09T01:00:00-07:00 (got "2024-06-02 09:00")',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^content\/postmortems\/2024-06-02-several-mistakes\.mdx:9:1 {2}rootcause {2}is not a known field.* Did you mean "rootCause"\?/,
      ),
    );
    expect(lines).toContain(
      'content/postmortems/2024-06-02-several-mistakes.mdx:2:1  title  is required: name the incident in up to 120 characters',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^content\/postmortems\/2024-06-03-bad-yaml\.mdx:4:1 {2}frontmatter is not valid YAML: /,
      ),
    );
  });

  it('reports every problem of every file in one run, sorted by file and line, with the count, and exits 1', () => {
    expect(run.status).toBe(1);
    const reported = lines.filter((line) => line.startsWith('content/'));
    const positions = reported.map((line) => {
      const [, file = '', row = '0'] = /^content\/postmortems\/([^:]+):(\d+)/.exec(line) ?? [];
      return { file, row: Number(row) };
    });
    expect(new Set(positions.map((p) => p.file))).toEqual(
      new Set([
        '2024-06-01-unknown-severity.mdx',
        '2024-06-02-several-mistakes.mdx',
        '2024-06-03-bad-yaml.mdx',
      ]),
    );
    expect(positions).toEqual([...positions].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row));
    expect(lines).toContain(`${reported.length} errors in 3 files.`);
    expect(reported).toHaveLength(6);
    expect(run.stdout).toMatch(GUIDE);
  });

  it('reports only the files it is given, and their count', () => {
    const one = runCli(['check', 'content/postmortems/2024-06-01-unknown-severity.mdx'], project);
    expect(one.status).toBe(1);
    expect(one.stdout.split('\n').filter((line) => line.startsWith('content/'))).toHaveLength(1);
    expect(one.stdout).toContain('1 error in 1 file.');
  });

  it('turns a path that does not exist into one line and exit 2', () => {
    const missing = runCli(['check', 'content/postmortems/2024-06-09-nothing.mdx'], project);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'error: content/postmortems/2024-06-09-nothing.mdx: no such file or folder\n',
    );
  });

  it('refuses a file outside the postmortems folder rather than reporting nothing', () => {
    fs.writeFileSync(path.join(project, 'notes.mdx'), '---\ntitle: x\n---\n');
    const outside = runCli(['check', 'notes.mdx'], project);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(
      /^error: notes\.mdx is not in content\/postmortems, where postmortems live/,
    );
  });
});

describe('hindsight check on a broken taxonomy', () => {
  it('reports the taxonomy file and line, and exits 1', () => {
    const project = projectFrom('valid');
    fs.writeFileSync(path.join(project, 'content', 'taxonomy', 'severities.yaml'), '- id: P1\n  label: P1\n');
    const run = runCli(['check'], project);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/taxonomy\/severities\.yaml:1:3 {2}0\.description {2}/m);
    expect(run.stdout).toContain('1 error in 1 file.');
  });
});

describe('hindsight check warnings', () => {
  const project = projectFrom('warnings');
  const run = runCli(['check'], project);

  it('reports each rule at its line with its id, and exits 0', () => {
    expect(run.status).toBe(0);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('content/'));
    expect(warnings.map((line) => /^(\S+)\s{2}(\S+)\s{2}warning: .*\((\S+)\)$/.exec(line)?.slice(1))).toEqual(
      [
        ['content/postmortems/2024-03-01-disk-wrong-date.mdx:5:12', 'startedAt', 'file-name-date'],
        ['content/postmortems/2024-04-01-timeline-out-of-order.mdx:17:9', 'timeline.1.at', 'timeline-order'],
        ['content/postmortems/2024-04-01-timeline-out-of-order.mdx:23:11', 'related.0', 'related-reciprocal'],
        ['content/postmortems/2024-05-01-unowned-task.mdx:19:5', 'tasks.1', 'task-owner'],
      ],
    );
    expect(run.stdout).toContain('4 warnings in 3 files.');
    expect(run.stdout).toMatch(GUIDE);
  });

  it('exits 1 on the same warnings with --strict', () => {
    const strict = runCli(['check', '--strict'], project);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe(run.stdout);
  });
});

/** `::error file=…,line=…,col=…,title=…::message`, with GitHub's escaping in properties and message. */
const ANNOTATION =
  /^::(error|warning) file=([^,:%\n]+),line=(\d+),col=(\d+),title=((?:[^,:%\n]|%2C|%3A|%25)+)::((?:[^%\r\n]|%25|%0D|%0A)+)$/;

describe('hindsight check --format github', () => {
  const project = projectFrom('invalid');
  // One warning among the errors; its `related` id exists only in the warnings fixture, so it goes.
  const warning = fs.readFileSync(
    postmortemPath(projectFrom('warnings'), '2024-04-01-timeline-out-of-order.mdx'),
    'utf8',
  );
  fs.writeFileSync(
    postmortemPath(project, '2024-04-01-timeline-out-of-order.mdx'),
    warning.replace(/^related:.*\n/m, ''),
  );
  const run = runCli(['check', '--format', 'github'], project);
  const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));

  it('prints one well-formed annotation per problem, then the count and the guide, and exits 1', () => {
    expect(run.status).toBe(1);
    expect(annotations.length).toBe(7);
    for (const annotation of annotations) expect(annotation).toMatch(ANNOTATION);
    expect(annotations.filter((line) => line.startsWith('::warning '))).toHaveLength(1);
    const rest = run.stdout.split('\n').filter((line) => line && !line.startsWith('::'));
    expect(rest[0]).toBe('6 errors and 1 warning in 4 files.');
    expect(rest[1]).toMatch(GUIDE);
  });

  it('points each annotation at a real line of a file in the repository', () => {
    for (const annotation of annotations) {
      const [, , file = '', line = '0'] = ANNOTATION.exec(annotation) ?? [];
      expect(lineOf(path.join(project, file), Number(line)), annotation).not.toBe('');
    }
    const severity = annotations.find((line) => line.includes('title=severity::'));
    expect(severity).toBe(
      '::error file=content/postmortems/2024-06-01-unknown-severity.mdx,line=4,col=11,title=severity::"SEV1" is not allowed; use one of: P1, P2, P3 (defined in content/taxonomy/severities.yaml)',
    );
    expect(lineOf(postmortemPath(project, '2024-06-01-unknown-severity.mdx'), 4)).toBe('severity: SEV1');
    const order = annotations.find((line) => line.startsWith('::warning '));
    expect(order).toMatch(
      /^::warning file=content\/postmortems\/2024-04-01-timeline-out-of-order\.mdx,line=17,col=9,title=timeline\.1\.at \(timeline-order\)::is 2024-04-01 08:05 UTC, /,
    );
    expect(lineOf(postmortemPath(project, '2024-04-01-timeline-out-of-order.mdx'), 17)).toBe(
      '  - at: 2024-04-01T08:05:00Z',
    );
  });

  it('makes paths relative to GITHUB_WORKSPACE, the repository checkout, when the site is in a subfolder', () => {
    const workspace = fs.mkdtempSync(path.join(path.dirname(project), 'workspace-'));
    fs.cpSync(path.join(project, 'content'), path.join(workspace, 'site', 'content'), { recursive: true });
    const nested = runCli(['check', '--format', 'github'], path.join(workspace, 'site'), {
      GITHUB_WORKSPACE: workspace,
    });
    expect(nested.stdout).toContain(
      '::error file=site/content/postmortems/2024-06-01-unknown-severity.mdx,line=4,col=11,title=severity::',
    );
  });
});

describe('hindsight check --format json', () => {
  it('prints one JSON object with every problem and the counts', () => {
    const run = runCli(['check', '--format', 'json'], projectFrom('warnings'));
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      problems: { file: string; line: number; field: string; severity: string; rule: string | null }[];
      errors: number;
      warnings: number;
      files: number;
      checked: number;
    };
    expect(report).toMatchObject({ errors: 0, warnings: 4, files: 3, checked: 3 });
    expect(report.problems[0]).toEqual({
      file: 'content/postmortems/2024-03-01-disk-wrong-date.mdx',
      line: 5,
      column: 12,
      field: 'startedAt',
      severity: 'warning',
      rule: 'file-name-date',
      message: expect.stringContaining('the file name says 2024-03-01'),
      suggestion: null,
    });
  });
});

describe('hindsight check and the blameless-language lint', () => {
  it('reports blaming wording as a warning at its line, with the rule that found it', () => {
    const project = projectFrom('valid');
    const file = postmortemPath(project, '2024-01-10-checkout-flag.mdx');
    fs.appendFileSync(file, '\nThe engineer failed to check the flag before the rollout.\n');
    const lastLine = fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;
    const run = runCli(['check', '--format', 'json'], project);
    expect(run.status).toBe(0);
    const { problems } = JSON.parse(run.stdout) as {
      problems: {
        line: number;
        column: number;
        field: string;
        severity: string;
        rule: string;
        message: string;
      }[];
    };
    const finding = problems.find((problem) => problem.line === lastLine);
    expect(finding).toMatchObject({
      field: 'body',
      severity: 'warning',
      rule: expect.stringMatching(/^[a-z]+(-[a-z]+)*$/),
    });
    expect(finding?.message).toContain('failed to');
    expect(lineOf(file, lastLine).slice((finding?.column ?? 0) - 1)).toMatch(/^failed to/);
    expect(runCli(['check', '--strict'], project).status).toBe(1);
  });

  it('reports a broken team rules file as an error in that file', () => {
    const project = projectFrom('valid');
    fs.mkdirSync(path.join(project, 'content', 'style'));
    fs.writeFileSync(path.join(project, 'content', 'style', 'blameless.yaml'), 'disable: [\n');
    const run = runCli(['check'], project);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/style\/blameless\.yaml:\d+:\d+ {2}/m);
  });
});
