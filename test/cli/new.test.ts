import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lineOf, postmortemPath, projectFrom, runCli } from './run-cli';

const TITLE = 'Checkout: errors after the flag rollout';
const NAME = '2024-05-09-checkout-errors-after-the-flag-rollout.mdx';

/** The frontmatter of a file as plain YAML, to see what `new` put there. */
const frontmatterOf = (file: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '') as Record<
    string,
    unknown
  >;

const postmortemsIn = (project: string) => fs.readdirSync(path.join(project, 'content', 'postmortems'));

describe('hindsight new with flags', () => {
  const project = projectFrom('valid');
  const args = [
    'new',
    '--title',
    TITLE,
    '--date',
    '2024-05-09',
    '--severity',
    'P2',
    '--service',
    'checkout',
    '--service',
    'payments',
  ];
  const run = runCli(args, project);
  const file = postmortemPath(project, NAME);

  it('creates content/postmortems/<date>-<slug>.mdx and says what to do next', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Created content/postmortems/${NAME}\n`));
    expect(run.stdout).toContain('npm run check');
    expect(run.stdout).toContain('npm run dev');
    expect(run.stdout).toContain('pull request');
    expect(run.stdout).toContain('/guide/');
    expect(fs.existsSync(file)).toBe(true);
  });

  it('writes every required field, the flags it was given, and status: draft', () => {
    const data = frontmatterOf(file);
    expect(data).toMatchObject({
      title: TITLE,
      status: 'draft',
      severity: 'P2',
      services: ['checkout', 'payments'],
      impact: { summary: expect.stringMatching(/^TODO: /) },
      rootCause: { category: expect.stringMatching(/^TODO: /), summary: expect.stringMatching(/^TODO: /) },
    });
    expect(data['summary']).toMatch(/^TODO: /);
    expect(data['startedAt']).toMatch(/^TODO: .*2024-05-09T/);
  });

  it('refuses to overwrite the file, naming it, and leaves it as it was', () => {
    fs.appendFileSync(file, '\nMy notes.\n');
    const before = fs.readFileSync(file, 'utf8');
    const again = runCli(args, project);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `error: content/postmortems/${NAME} already exists; nothing was written. Edit it, or choose another name with --slug.\n`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('then check fails on each placeholder, at its line and field', () => {
    const check = runCli(['check', `content/postmortems/${NAME}`], project);
    expect(check.status).toBe(1);
    const lines = check.stdout.split('\n').filter((line) => line.startsWith('content/'));
    const reported = lines.map((line) => {
      const [, lineNumber = '0', field = ''] =
        /^content\/postmortems\/[^:]+:(\d+):\d+ {2}(\S+) {2}is still a placeholder/.exec(line) ?? [];
      return { field, text: lineOf(file, Number(lineNumber)) };
    });
    expect(reported.map((entry) => entry.field)).toEqual([
      'summary',
      'startedAt',
      'impact.summary',
      'rootCause.category',
      'rootCause.summary',
    ]);
    for (const { field, text } of reported) {
      expect(text, field).toMatch(new RegExp(`^\\s*${field.split('.').at(-1) ?? ''}: "TODO: `));
    }
    expect(check.stdout).toContain('5 errors in 1 file.');
    expect(check.stdout).toContain('/guide/');
  });
});

describe('hindsight new without a terminal', () => {
  it('fails without --title, naming the flag, and writes nothing', () => {
    const project = projectFrom('valid');
    const before = postmortemsIn(project);
    const run = runCli(['new', '--severity', 'P1'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: --title is required when hindsight new cannot ask/);
    expect(postmortemsIn(project)).toEqual(before);
  });

  it('does not ask in CI either', () => {
    const run = runCli(['new'], projectFrom('valid'), { CI: 'true' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--title is required');
  });

  it('rejects flag values outside the taxonomy or the formats, saying what is allowed', () => {
    const project = projectFrom('valid');
    const run = runCli(
      [
        'new',
        '--title',
        'Mail down',
        '--date',
        '2024-02-30',
        '--severity',
        'SEV1',
        '--category',
        'cosmic-rays',
        '--service',
        'Mail Relay',
      ],
      project,
    );
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      'error: --date must be the day the incident started, written YYYY-MM-DD, such as 2024-05-09 (got "2024-02-30")',
      'error: --severity "SEV1" is not allowed; use one of: P1, P2, P3 (defined in taxonomy/severities.yaml)',
      'error: --category "cosmic-rays" is not allowed; use one of: hardware, config-change, software-bug (defined in taxonomy/root-causes.yaml)',
      'error: --service "Mail Relay" must be a lowercase slug: letters a-z, digits and single hyphens, such as mail-relay',
      '',
    ]);
    expect(postmortemsIn(project)).toHaveLength(2);
  });

  it("dates the file today in the site's zone when --date is left out, and takes --slug", () => {
    const project = projectFrom('valid');
    fs.writeFileSync(
      path.join(project, 'astro.config.mjs'),
      "import { hindsight } from './src/integrations/hindsight.ts';\nexport default { integrations: [hindsight({ timezone: 'Pacific/Kiritimati' })] };\n",
    );
    const today = () =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    const before = today();
    const run = runCli(['new', '--title', 'Mail down', '--slug', 'mail'], project);
    const after = today();
    expect(run.status).toBe(0);
    expect([`${before}-mail.mdx`, `${after}-mail.mdx`]).toContain(
      postmortemsIn(project).find((name) => name.endsWith('-mail.mdx')),
    );
  });

  it('creates the postmortems folder in a project that has none yet', () => {
    const project = projectFrom('valid');
    fs.rmSync(path.join(project, 'content', 'postmortems'), { recursive: true });
    const run = runCli(['new', '--title', 'First incident', '--date', '2024-01-02'], project);
    expect(run.status).toBe(0);
    expect(postmortemsIn(project)).toEqual(['2024-01-02-first-incident.mdx']);
  });

  it('says in one line when it cannot write the file', () => {
    const project = projectFrom('valid');
    const postmortems = path.join(project, 'content', 'postmortems');
    fs.rmSync(postmortems, { recursive: true });
    fs.writeFileSync(postmortems, 'a file where the folder should be');
    const run = runCli(['new', '--title', 'Mail down', '--date', '2024-01-02'], project);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: cannot write content\/postmortems\/2024-01-02-mail-down\.mdx \(E[A-Z]+\); nothing was written\n$/,
    );
  });
});
