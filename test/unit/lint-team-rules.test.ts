/**
 * A team's `style/blameless.yaml`: it disables default rules, changes a message and a
 * suggestion, adds phrases to a rule, adds a rule of its own and names people and non-people;
 * an invalid file is reported with its path, line, column, field and what is allowed.
 * Fixture content roots: `test/fixtures/lint/{team,invalid-schema,invalid-rules}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintPostmortem, loadLintRules, readLintRules } from '../../src/lib/lint';
import { ContentError } from '../../src/lib/problems';
import { testTempDir } from '../helpers/build-site';
import { repoRoot } from './helpers';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');
const teamRoot = path.join(fixtures, 'team');
const rulesFile = (root: string) => path.join(fixtures, root, 'style', 'blameless.yaml');

const body = (text: string) => `---\ntitle: Example\n---\n\n${text}\n`;

describe("a team's rules file", () => {
  const team = loadLintRules(teamRoot);
  const lint = (text: string) => lintPostmortem('example.mdx', body(text), { rules: team });

  it('keeps the defaults it does not mention', () => {
    expect(lint('We should have known.').map((f) => f.rule)).toEqual(['counterfactual-should-have']);
  });

  it('disables the rules it lists', () => {
    const sentence = 'The fix was just a restart, and it was easy.';
    expect(
      lintPostmortem('example.mdx', body(sentence), { rules: defaultRules() }).map((f) => f.rule),
    ).toEqual(['minimiser-just', 'minimiser-easy']);
    expect(lint(sentence)).toEqual([]);
  });

  it('changes the message and suggestion of a default rule and keeps its phrases', () => {
    expect(lint('The deploy failed to run the migration.')).toEqual([
      expect.objectContaining({
        rule: 'counterfactual-failed-to',
        message:
          '"failed to" is how we used to write it; say what the system did, e.g. "the job did not start"',
        suggestion: 'the job did not start',
      }),
    ]);
  });

  it('adds phrases to a default rule', () => {
    expect(
      lint('The rollout was reckless, and careless too.').map((f) => [f.rule, f.message.split('"')[1]]),
    ).toEqual([
      ['blame-careless', 'reckless'],
      ['blame-careless', 'careless'],
    ]);
  });

  it('adds a rule of its own', () => {
    const sentence = 'An engineer went rogue with a cowboy deploy.';
    const suggestion = 'the change skipped review, which the tool allowed';
    expect(lint(sentence)).toEqual([
      expect.objectContaining({ rule: 'blame-cowboy', column: sentence.indexOf('went') + 1, suggestion }),
      expect.objectContaining({ rule: 'blame-cowboy', column: sentence.indexOf('cowboy') + 1, suggestion }),
    ]);
  });

  it('names people and things for the person rule', () => {
    expect(lint('After lunch Morgan deleted the bucket.').map((f) => f.rule)).toEqual(['person-as-cause']);
    expect(lint('After lunch Atlas deleted the bucket.')).toEqual([]);
    // Without the team file, Atlas reads as a name.
    const defaults = lintPostmortem('example.mdx', body('After lunch Atlas deleted the bucket.'), {
      rules: defaultRules(),
    });
    expect(defaults.map((f) => f.rule)).toEqual(['person-as-cause']);
  });

  it('is read from contentRoot when no rules are given', () => {
    const findings = lintPostmortem('example.mdx', body('The fix was just a restart.'), {
      contentRoot: teamRoot,
    });
    expect(findings).toEqual([]);
  });

  it('is optional: a content folder without one gets the defaults', () => {
    const { rules, problems } = readLintRules(path.join(fixtures, 'postmortems'));
    expect(problems).toEqual([]);
    expect(rules).toBe(defaultRules());
  });
});

describe('an invalid rules file', () => {
  it('names unknown fields with a "Did you mean", and wrong values with what is allowed', () => {
    const file = rulesFile('invalid-schema');
    expect(readLintRules(path.join(fixtures, 'invalid-schema')).problems).toEqual([
      {
        file,
        line: 1,
        column: 1,
        field: 'disabel',
        message: expect.stringContaining(
          'is not a known field. Did you mean "disable"? Allowed here: lists, disable',
        ),
      },
      {
        file,
        line: 3,
        column: 9,
        field: 'rules.0.id',
        message: 'must be lowercase words joined by hyphens, such as blame-human-error',
      },
      {
        file,
        line: 4,
        column: 14,
        field: 'rules.0.phrases',
        message: expect.stringContaining('must be a list of phrases'),
      },
      {
        file,
        line: 6,
        column: 5,
        field: 'rules.0.sugestion',
        message: expect.stringContaining('Did you mean "suggestion"?'),
      },
    ]);
  });

  it('names unknown rule ids, bad phrases, incomplete new rules and repeated ids', () => {
    const file = rulesFile('invalid-rules');
    const problems = readLintRules(path.join(fixtures, 'invalid-rules')).problems;
    expect(problems.map(({ line, column, field }) => `${line}:${column} ${field}`)).toEqual([
      '2:5 disable.0',
      '6:15 rules.0.phrases.0',
      '6:37 rules.0.phrases.1',
      '8:9 rules.1.id',
      '10:9 rules.2.id',
      '12:9 rules.3.id',
    ]);
    expect(problems.every((problem) => problem.file === file)).toBe(true);
    const [typo, placeholder, star, noMessage, noPhrases, repeated] = problems.map((p) => p.message);
    expect(typo).toMatch(
      /^"minimizer-just" is not a rule id or category\. Did you mean "minimiser-just"\? Rule ids: .*minimiser-just/,
    );
    expect(placeholder).toBe(
      '"{persn} went rogue" has "{persn}": the only placeholders are {person} and {person}\'s',
    );
    expect(star).toBe('"cow*boy" has "cow*boy": * may only end a word, as in careless*');
    expect(noMessage).toContain('"blame-hero" is a new rule (no rule has this id) and needs a message');
    expect(noPhrases).toContain('needs phrases: the words to flag. Did you mean "blame-careless"?');
    expect(repeated).toBe('"blame-cowboy" is already defined at rules.0; give each rule one entry');
  });

  it('reports YAML syntax errors at their line', () => {
    // Written at run time: Prettier, which checks every file under test/, cannot read broken YAML.
    const root = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-lint-'));
    try {
      fs.mkdirSync(path.join(root, 'style'));
      const file = path.join(root, 'style', 'blameless.yaml');
      fs.writeFileSync(file, 'disable: [minimiser-just\nrules: []\n');
      expect(readLintRules(root).problems).toEqual([
        {
          file,
          line: 2,
          column: 1,
          field: '',
          message: expect.stringMatching(/^is not valid YAML: /) as unknown,
        },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('stops loadLintRules and lintPostmortem with a ContentError that lists every problem', () => {
    const root = path.join(fixtures, 'invalid-rules');
    expect(() => loadLintRules(root)).toThrow(ContentError);
    expect(() => lintPostmortem('example.mdx', body('Fine.'), { contentRoot: root })).toThrow(
      /6 problems in 1 file:\n.*invalid-rules\/style\/blameless\.yaml:2:5 {2}disable\.0: "minimizer-just"/,
    );
  });
});
