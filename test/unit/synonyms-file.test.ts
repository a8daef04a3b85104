import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import { runCheck } from '../../src/lib/check';
import { ContentError, sortProblems, type Problem } from '../../src/lib/problems';
import { loadTaxonomy, readTaxonomy, SYNONYMS_FILE } from '../../src/lib/taxonomy';
import { testTempDir } from '../helpers/build-site';
import { fixturesRoot, repoRoot } from './helpers';

const validSite = path.join(fixturesRoot, 'valid-site');
const invalidSynonymsSite = path.join(repoRoot, 'test', 'fixtures', 'synonyms', 'invalid');
const synonymsFile = path.join(invalidSynonymsSite, 'taxonomy', SYNONYMS_FILE);

let root: string | undefined;
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A content folder with the valid unit site's postmortems and taxonomy, plus these taxonomy files. */
function site(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-synonyms-'));
  root = dir;
  fs.cpSync(validSite, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'taxonomy', name), text);
  return dir;
}

/** Problems in reading order, without the file path. */
const withoutFile = (problems: readonly Problem[]) =>
  sortProblems(problems).map(({ file: _file, ...rest }) => rest);

describe('the synonyms file', () => {
  it('is optional: without it there are no synonyms and no problems', () => {
    expect(fs.existsSync(path.join(validSite, 'taxonomy', SYNONYMS_FILE))).toBe(false);
    expect(loadTaxonomy(validSite).synonyms).toEqual([]);
  });

  it('may be empty or hold only comments', () => {
    expect(loadTaxonomy(site({ [SYNONYMS_FILE]: '' })).synonyms).toEqual([]);
    expect(loadTaxonomy(site({ [SYNONYMS_FILE]: '# - [k8s, kubernetes]\n' })).synonyms).toEqual([]);
    expect(loadTaxonomy(site({ [SYNONYMS_FILE]: '[]\n' })).synonyms).toEqual([]);
  });

  it('gives the groups in file order, lowercased, trimmed, one space inside phrases', () => {
    const dir = site({
      [SYNONYMS_FILE]: [
        '# Kubernetes',
        '- [K8s, Kubernetes]',
        "- [oom, '  Out   of memory ']",
        '- [5xx, "503"]',
        '- [db, database]',
        '- [db, postgres]',
        '',
      ].join('\n'),
    });
    expect(loadTaxonomy(dir).synonyms).toEqual([
      ['k8s', 'kubernetes'],
      ['oom', 'out of memory'],
      ['5xx', '503'],
      ['db', 'database'],
      ['db', 'postgres'],
    ]);
  });

  it('accepts groups written as block lists too', () => {
    const dir = site({ [SYNONYMS_FILE]: '- - cert\n  - certificate\n' });
    expect(loadTaxonomy(dir).synonyms).toEqual([['cert', 'certificate']]);
  });
});

describe('mistakes in the synonyms file', () => {
  const { problems } = checkContent(invalidSynonymsSite);
  const inSynonyms = withoutFile(problems.filter((problem) => problem.file === synonymsFile));

  it('are each reported at their line and column, all in one run', () => {
    expect(inSynonyms).toEqual([
      {
        line: 3,
        column: 3,
        field: 'group 2',
        message: 'must list at least two terms that mean the same; one term alone changes no search',
      },
      {
        line: 4,
        column: 14,
        field: 'group 3, term 2',
        message: "must be text; put a number in quotes ('503') so it is kept as written",
      },
      {
        line: 5,
        column: 10,
        field: 'group 4, term 2',
        message: 'is empty; write a word or phrase, or remove the item',
      },
      {
        line: 6,
        column: 18,
        field: 'group 5, term 3',
        message: 'repeats "db", already term 1 of this group',
      },
      {
        line: 7,
        column: 9,
        field: 'group 6, term 2',
        message: 'has no letters or digits, so it can never be searched for',
      },
      { line: 8, column: 3, field: 'group 7', message: 'must be a list of terms, such as [k8s, kubernetes]' },
      {
        line: 9,
        column: 3,
        field: 'group 8',
        message: 'has the same terms as the group on line 2; remove one of the two',
      },
    ]);
  });

  it('allow a term in two groups', () => {
    // `db` is in the groups on lines 6 and 10; only its repeat inside one group is a mistake.
    expect(inSynonyms.filter((problem) => problem.line === 10)).toEqual([]);
  });

  it('do not stop the postmortems from being checked, and are reported beside theirs', () => {
    const postmortem = path.join(invalidSynonymsSite, 'postmortems', '2024-02-11-unknown-category.md');
    expect(problems.filter((problem) => problem.file === postmortem)).toEqual([
      expect.objectContaining({
        field: 'rootCause.category',
        message: expect.stringContaining('"gremlins"'),
      }),
    ]);
  });

  it('are reported by hindsight check, whatever files it is asked about', () => {
    const only = [path.join(invalidSynonymsSite, 'postmortems', '2024-01-10-checkout-flag.mdx')];
    const report = runCheck({ contentRoot: invalidSynonymsSite, only });
    expect(report.problems.filter((problem) => problem.file === synonymsFile)).toHaveLength(7);
  });

  it('stop the build like any taxonomy mistake, as the loader throws them', () => {
    expect(() => loadTaxonomy(invalidSynonymsSite)).toThrow(ContentError);
    expect(() => loadTaxonomy(invalidSynonymsSite)).toThrow(
      /synonyms\.yaml:3:3 {2}group 2: must list at least two/,
    );
  });

  it('are reported with a broken root-cause file, which still stops the postmortem checks', () => {
    const dir = site({ [SYNONYMS_FILE]: '- [k8s]\n', 'root-causes.yaml': '[]\n' });
    let error: unknown;
    try {
      checkContent(dir);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map((problem) => path.basename(problem.file))).toEqual([
      'root-causes.yaml',
      SYNONYMS_FILE,
    ]);
  });

  it('include invalid YAML, at its line', () => {
    const dir = site({ [SYNONYMS_FILE]: '- [k8s, kubernetes]\n- [dns, resolver\n' });
    expect(withoutFile(readTaxonomy(dir).problems)).toEqual([
      expect.objectContaining({ line: 3, field: '', message: expect.stringMatching(/^is not valid YAML: /) }),
    ]);
  });

  it('include a file that is not a list of groups', () => {
    const dir = site({ [SYNONYMS_FILE]: 'groups:\n  - [k8s, kubernetes]\n' });
    expect(withoutFile(readTaxonomy(dir).problems)).toEqual([
      {
        line: 1,
        column: 1,
        field: '',
        message: 'must be a list of groups, one a line, such as - [k8s, kubernetes]',
      },
    ]);
  });
});

describe('a misnamed taxonomy file', () => {
  it('is reported with the name it needs, instead of being ignored', () => {
    const dir = site({ 'synonyms.yml': '- [k8s, kubernetes]\n', 'Root-Causes.yaml.bak': '' });
    const { taxonomy, problems } = readTaxonomy(dir);
    expect(taxonomy.synonyms).toEqual([]);
    expect(problems).toEqual([
      {
        file: path.join(dir, 'taxonomy', 'synonyms.yml'),
        field: '',
        message:
          'is not a file Hindsight reads, so what it says is ignored. Did you mean "synonyms.yaml"? Rename it',
      },
    ]);
  });

  it('does not stop the postmortem checks', () => {
    const dir = site({ 'synonym.yaml': '- [k8s, kubernetes]\n' });
    const { postmortems, problems } = checkContent(dir);
    expect(postmortems).toHaveLength(3);
    expect(problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Did you mean "synonyms.yaml"?') }),
    ]);
  });

  it('leaves other files alone', () => {
    const dir = site({ 'README.md': 'Our taxonomies.\n', 'notes.yaml': '- a\n' });
    expect(readTaxonomy(dir).problems).toEqual([]);
  });
});
