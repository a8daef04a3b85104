import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, checkPostmortemFile } from '../../src/lib/content-check';
import { ContentError, type Problem } from '../../src/lib/problems';
import { ids, loadTaxonomy } from '../../src/lib/taxonomy';
import { fixturesRoot, schema } from './helpers';
import { testTempDir } from '../helpers/build-site';

const validSite = path.join(fixturesRoot, 'valid-site');
const invalidSite = path.join(fixturesRoot, 'invalid-site');
const invalidTaxonomySite = path.join(fixturesRoot, 'invalid-taxonomy-site');

/** The problems reported for one file of the invalid site, without the file path. */
function problemsIn(problems: readonly Problem[], fileName: string): Omit<Problem, 'file'>[] {
  const file = path.join(invalidSite, 'postmortems', fileName);
  return problems.filter((p) => p.file === file).map(({ file: _file, ...rest }) => rest);
}

describe('checkContent on a valid site', () => {
  const result = checkContent(validSite);

  it('finds no problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('returns every .md and .mdx postmortem, in file name order, with its id and file', () => {
    expect(result.postmortems.map(({ id, file }) => ({ id, file: path.relative(validSite, file) }))).toEqual([
      { id: '2024-01-10-checkout-flag', file: path.join('postmortems', '2024-01-10-checkout-flag.mdx') },
      {
        id: '2024-02-11-checkout-flag-again',
        file: path.join('postmortems', '2024-02-11-checkout-flag-again.md'),
      },
      {
        id: '2024-03-01-draft-in-progress',
        file: path.join('postmortems', '2024-03-01-draft-in-progress.md'),
      },
    ]);
  });

  it('returns the data as the schema outputs it', () => {
    const [checkout, again] = result.postmortems;
    expect(checkout?.data.startedAt).toEqual(new Date('2024-01-10T14:00:00Z'));
    expect(checkout?.data.durationMs).toBe(45 * 60_000);
    expect(checkout?.data.tasks[0]?.due).toBe('2024-02-01');
    expect(checkout?.data.tasks[0]?.status).toBe('open');
    expect(again?.data.startedAt).toEqual(new Date('2024-02-11T17:00:00Z'));
    expect(again?.data.related).toEqual(['2024-01-10-checkout-flag']);
  });
});

describe('checkContent on a site with mistakes', () => {
  const { postmortems, problems } = checkContent(invalidSite);

  it('only returns the postmortems that passed', () => {
    expect(postmortems.map((pm) => pm.id)).toEqual(['2024-04-07-self-related']);
  });

  it('reports a category outside the taxonomy on the line and column of its value', () => {
    expect(problemsIn(problems, '2024-04-01-unknown-category.mdx')).toEqual([
      {
        line: 11,
        column: 13,
        field: 'rootCause.category',
        message: expect.stringContaining(
          `"cosmic-rays" is not allowed; use one of: ${ids(loadTaxonomy(invalidSite).rootCauses).join(', ')} `,
        ),
      },
    ]);
  });

  it('reports a typo key on its own line with a "Did you mean" and the allowed keys', () => {
    const found = problemsIn(problems, '2024-04-02-typo-keys.mdx');
    expect(found).toContainEqual({
      line: 10,
      column: 1,
      field: 'rootcause',
      message: expect.stringMatching(
        /^is not a known field.* Did you mean "rootCause"\? Allowed here: title, summary, /,
      ),
    });
    expect(found).toContainEqual(
      expect.objectContaining({ field: 'rootCause', message: expect.stringMatching(/^is required/) }),
    );
    expect(found).toHaveLength(2);
  });

  it('reports a zoneless timestamp, a nested typo and bad task fields on their lines', () => {
    const found = problemsIn(problems, '2024-04-03-bad-task.mdx');
    expect(found).toContainEqual({
      line: 5,
      column: 12,
      field: 'startedAt',
      message: expect.stringContaining('with Z or an offset'),
    });
    expect(found).toContainEqual({
      line: 13,
      column: 3,
      field: 'rootCause.contributingfactors',
      message: expect.stringContaining('Did you mean "contributingFactors"? Allowed here: category, summary'),
    });
    expect(found).toContainEqual({
      line: 20,
      column: 10,
      field: 'tasks.1.due',
      message: 'must be a date written YYYY-MM-DD, such as 2024-06-30 (got "next week")',
    });
    expect(found).toHaveLength(4);
    expect(found).toContainEqual({
      line: 21,
      column: 11,
      field: 'tasks.1.link',
      message: 'must be an http:// or https:// URL',
    });
    expect(found.map((p) => p.field)).not.toContain('tasks.0.due');
  });

  it('reports invalid YAML with the line of the mistake', () => {
    expect(problemsIn(problems, '2024-04-04-bad-yaml.mdx')).toEqual([
      {
        line: 5,
        column: 1,
        field: '',
        message: expect.stringMatching(/^frontmatter is not valid YAML: .*unique/),
      },
    ]);
  });

  it('reports an alias without its anchor at its line, as invalid YAML', () => {
    const file = 'content/postmortems/2024-04-06-alias.md';
    const text = '---\ntitle: Disk\nservices: *mail\n---\nBody\n';
    expect(checkPostmortemFile(file, text, schema()).problems).toEqual([
      {
        file,
        line: 3,
        column: 11,
        field: '',
        message: 'frontmatter is not valid YAML: *mail names no anchor (&mail) above it',
      },
    ]);
  });

  it('reports a file without frontmatter', () => {
    expect(problemsIn(problems, '2024-04-05-no-frontmatter.md')).toEqual([
      { line: 1, column: 1, field: '', message: 'must start with YAML frontmatter between two --- lines' },
    ]);
  });

  it('reports a related id that names no postmortem, but not one that names an invalid postmortem', () => {
    expect(problemsIn(problems, '2024-04-06-missing-related.mdx')).toEqual([
      {
        line: 15,
        column: 5,
        field: 'related.1',
        message: expect.stringContaining('"2023-12-24-does-not-exist" is not a postmortem'),
      },
    ]);
  });

  it('reports a postmortem that lists itself as related', () => {
    expect(problemsIn(problems, '2024-04-07-self-related.mdx')).toEqual([
      expect.objectContaining({
        field: 'related.1',
        message: expect.stringContaining('names this postmortem itself'),
      }),
    ]);
  });

  it('reports something for every file, collecting all problems rather than stopping at the first', () => {
    const files = new Set(problems.map((p) => path.basename(p.file)));
    expect([...files].sort()).toEqual(fs.readdirSync(path.join(invalidSite, 'postmortems')).sort());
    expect(files.size).toBe(7);
  });
});

describe('checkContent with an invalid taxonomy', () => {
  it('throws a ContentError that names each taxonomy file and the field', () => {
    let error: unknown;
    try {
      checkContent(invalidTaxonomySite);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems).toEqual([
      {
        file: path.join(invalidTaxonomySite, 'taxonomy', 'root-causes.yaml'),
        line: 8,
        column: 7,
        field: '2.id',
        message: 'repeats the id "hardware"',
      },
      expect.objectContaining({
        file: path.join(invalidTaxonomySite, 'taxonomy', 'severities.yaml'),
        line: 5,
        field: '1.label',
      }),
    ]);
    expect((error as ContentError).message).toContain('root-causes.yaml:8:7');
    expect((error as ContentError).message).toContain('severities.yaml:5:3');
  });
});

describe('checkContent on generated sites', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** A content folder with the valid site's taxonomy and the given postmortem files. */
  function site(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-unit-'));
    root = dir;
    fs.mkdirSync(path.join(dir, 'postmortems'));
    fs.cpSync(path.join(validSite, 'taxonomy'), path.join(dir, 'taxonomy'), { recursive: true });
    for (const [name, text] of Object.entries(files))
      fs.writeFileSync(path.join(dir, 'postmortems', name), text);
    return dir;
  }
  const valid = fs.readFileSync(path.join(validSite, 'postmortems', '2024-01-10-checkout-flag.mdx'), 'utf8');

  it('reports a file name that is not a slug', () => {
    const { problems } = checkContent(site({ 'Checkout Flag.mdx': valid }));
    expect(problems).toEqual([
      expect.objectContaining({
        field: '',
        message: expect.stringContaining('"Checkout Flag" must be a lowercase slug'),
      }),
    ]);
  });

  it('reports two files with the same id', () => {
    const dir = site({ 'checkout.md': valid, 'checkout.mdx': valid });
    const { problems } = checkContent(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, 'postmortems', 'checkout.mdx'),
        message: 'has the same id "checkout" as checkout.md; rename one',
      }),
    ]);
  });

  it('skips files starting with _ or . and files that are not Markdown', () => {
    const { postmortems, problems } = checkContent(
      site({ '_template.mdx': '', '.draft.md': '', 'notes.txt': '', 'checkout.mdx': valid }),
    );
    expect(problems).toEqual([]);
    expect(postmortems.map((pm) => pm.id)).toEqual(['checkout']);
  });

  it('keeps line numbers right with Windows line endings and a byte order mark', () => {
    const broken = valid.replace('category: config-change', 'category: gremlins');
    const crlf = `\uFEFF${broken.replace(/\n/g, '\r\n')}`;
    const { problems } = checkContent(site({ 'unix.mdx': broken, 'windows.mdx': crlf }));
    // `category:` is on line 13 of the file; see test/fixtures/unit/valid-site.
    expect(
      problems.map(({ file, line, column, field }) => [path.basename(file), line, column, field]),
    ).toEqual([
      ['unix.mdx', 13, 13, 'rootCause.category'],
      ['windows.mdx', 13, 13, 'rootCause.category'],
    ]);
  });

  it('reports <Internal> in a .md file, where it would show to every reader, at its line', () => {
    const body = `${valid.trimEnd()}\n\nWhat we saw.\n\n<Internal>\nThe host was db-7.\n</Internal>\n`;
    const { problems } = checkContent(
      site({ 'checkout.md': body, 'other.mdx': body.replace('checkout', 'other') }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/checkout\.md$/),
        line: body.split('\n').indexOf('<Internal>') + 1,
        column: 1,
        message: expect.stringMatching(/^<Internal> works only in \.mdx postmortems/),
      }),
    ]);
  });

  it('reports a missing taxonomy file by name', () => {
    const dir = site({ 'checkout.mdx': valid });
    fs.rmSync(path.join(dir, 'taxonomy', 'severities.yaml'));
    expect(() => checkContent(dir)).toThrow(/severities\.yaml\s+is missing/);
  });
});

describe('checkPostmortemFile', () => {
  it('points a missing required field at the top of the frontmatter', () => {
    const text = ['---', 'title: Mail down', 'severity: SEV1', '---', ''].join('\n');
    const { data, problems } = checkPostmortemFile('/x/mail.md', text, schema());
    expect(data).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: '/x/mail.md',
        line: 2,
        field: 'summary',
        message: expect.stringMatching(/^is required/),
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'impact',
      'rootCause',
      'services',
      'startedAt',
      'summary',
    ]);
  });

  it('reports frontmatter that is not a set of fields', () => {
    const { problems } = checkPostmortemFile('/x/list.md', '---\n- a\n- b\n---\n', schema());
    expect(problems).toEqual([
      {
        file: '/x/list.md',
        line: 2,
        column: 1,
        field: '',
        message: 'frontmatter must be a set of key: value fields',
      },
    ]);
  });
});
