/**
 * The default blameless-language rules: every rule flags its phrase, at the right line and
 * column, with its suggestion, in the body and in a frontmatter field; the words around a
 * phrase that make it harmless keep it quiet; and the prose of a good postmortem (fixture
 * `test/fixtures/lint/postmortems/good-postmortem.mdx`) produces no warning at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintPostmortem } from '../../src/lib/lint';
import { repoRoot } from './helpers';

const rules = defaultRules();
const postmortems = path.join(repoRoot, 'test', 'fixtures', 'lint', 'postmortems');

/** Lints a file's text with the default rules only, whatever a team put in content/style/. */
const lint = (text: string, file = 'example.mdx') => lintPostmortem(file, text, { rules });

/** 1-based line and column of the first `needle` in `text` at or after `from`. */
function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/**
 * One sentence per default rule, with the phrase it must flag. Adding a default rule without
 * an example here fails the first test.
 */
const EXAMPLES: Record<string, { sentence: string; phrase: string }> = {
  'blame-human-error': {
    sentence: 'The outage was put down to human error at first.',
    phrase: 'human error',
  },
  'blame-careless': { sentence: 'The change was carelessly reviewed.', phrase: 'carelessly' },
  'blame-negligent': { sentence: 'The review called the restart negligent.', phrase: 'negligent' },
  'blame-sloppy': { sentence: 'The configuration was sloppy.', phrase: 'sloppy' },
  'blame-incompetent': { sentence: 'The review called the rollout incompetent.', phrase: 'incompetent' },
  'blame-fault-of': { sentence: 'It was the fault of the release process.', phrase: 'fault of' },
  'blame-to-blame': { sentence: 'The release process was to blame.', phrase: 'to blame' },
  'counterfactual-should-have': { sentence: 'The alert should have paged the team.', phrase: 'should have' },
  'counterfactual-could-have': { sentence: 'We could have seen the lag sooner.', phrase: 'could have' },
  'counterfactual-would-have': { sentence: 'They would have rolled back sooner.', phrase: 'would have' },
  'counterfactual-ought-to-have': { sentence: 'The check ought to have run first.', phrase: 'ought to have' },
  'counterfactual-avoidable': {
    sentence: 'The outage could have been avoided.',
    phrase: 'could have been avoided',
  },
  'counterfactual-failed-to': { sentence: 'The deploy failed to run the migration.', phrase: 'failed to' },
  'counterfactual-forgot-to': {
    sentence: 'The operator forgot to renew the certificate.',
    phrase: 'forgot to',
  },
  'counterfactual-neglected-to': {
    sentence: 'The release neglected to include the fix.',
    phrase: 'neglected to',
  },
  'counterfactual-did-not-bother': {
    sentence: "The team didn't bother with a canary.",
    phrase: "didn't bother",
  },
  'minimiser-just': { sentence: 'The fix was just a restart.', phrase: 'just' },
  'minimiser-simply': { sentence: 'Restarting simply cleared the queue.', phrase: 'simply' },
  'minimiser-obviously': { sentence: 'The cause was obviously the disk.', phrase: 'obviously' },
  'minimiser-clearly': { sentence: 'The graph clearly showed the lag.', phrase: 'clearly' },
  'minimiser-of-course': { sentence: 'Of course the cache was cold.', phrase: 'Of course' },
  'minimiser-trivially': { sentence: 'The fix was trivial.', phrase: 'trivial' },
  'minimiser-easy': { sentence: 'The rollback was easy.', phrase: 'easy' },
  'person-as-cause': { sentence: 'The outage started when Dana deleted the bucket.', phrase: 'Dana deleted' },
};

describe('the default rules', () => {
  it('have an example sentence in this test for every rule, and nothing else', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(rules.rules.map((rule) => rule.id).sort());
  });

  it('each have a category, phrases, a message and a suggestion', () => {
    for (const rule of rules.rules) {
      expect(rule.category, rule.id).toMatch(/^(blame|counterfactual|minimiser|person)$/);
      expect(rule.phrases.length, rule.id).toBeGreaterThan(0);
      expect(rule.message.length, rule.id).toBeGreaterThan(20);
      expect(rule.suggestion?.length, rule.id).toBeGreaterThan(10);
    }
  });

  describe.each(Object.entries(EXAMPLES))('%s', (id, { sentence, phrase }) => {
    const rule = rules.rules.find((candidate) => candidate.id === id);
    const text = [
      '---',
      'title: An example',
      `summary: ${sentence}`,
      '---',
      '',
      '## What happened',
      '',
      sentence,
      '',
    ].join('\n');
    const findings = lint(text);

    it('flags its phrase in a frontmatter field, at its line and column', () => {
      expect(findings.filter((f) => f.field === 'summary')).toEqual([
        {
          file: 'example.mdx',
          ...positionOf(text, phrase),
          field: 'summary',
          rule: id,
          message: expect.stringMatching(new RegExp(`^"${phrase}" `)) as unknown,
          suggestion: rule?.suggestion,
          severity: 'warning',
        },
      ]);
    });

    it('flags its phrase in the body, at its line and column', () => {
      const bodyStart = text.indexOf('## What happened');
      expect(findings.filter((f) => f.field === 'body')).toEqual([
        expect.objectContaining({
          ...positionOf(text, phrase, bodyStart),
          rule: id,
          suggestion: rule?.suggestion,
        }),
      ]);
    });

    it('says why, and gives the rewrite, in the message', () => {
      const finding = findings[0];
      expect(finding?.message).toBe(`"${phrase}" ${rule?.message}, e.g. "${rule?.suggestion}"`);
    });
  });
});

describe('positions', () => {
  it('point into a folded multi-line frontmatter value', () => {
    const text = [
      '---',
      'summary: >-',
      '  The first line is fine,',
      '  but we should have known.',
      '---',
      '',
    ].join('\n');
    expect(lint(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, 'should'),
        field: 'summary',
        rule: 'counterfactual-should-have',
      }),
    ]);
  });

  it('point into quoted values, list items and nested fields', () => {
    const text = [
      '---',
      'title: "A \\"title\\" that was just wrong"',
      'rootCause:',
      '  contributingFactors:',
      '    - Fine.',
      "    - 'It''s obviously the disk.'",
      'timeline:',
      '  - at: 2025-01-01T00:00:00Z',
      '    text: The deploy failed to run the migration.',
      'tasks:',
      '  - title: Simply add a check',
      '---',
      '',
    ].join('\n');
    expect(lint(text).map(({ line, column, field, rule }) => ({ line, column, field, rule }))).toEqual([
      { ...positionOf(text, 'just'), field: 'title', rule: 'minimiser-just' },
      {
        ...positionOf(text, 'obviously'),
        field: 'rootCause.contributingFactors.1',
        rule: 'minimiser-obviously',
      },
      { ...positionOf(text, 'failed to'), field: 'timeline.0.text', rule: 'counterfactual-failed-to' },
      { ...positionOf(text, 'Simply'), field: 'tasks.0.title', rule: 'minimiser-simply' },
    ]);
  });

  it('point into lists, emphasis, links and wrapped lines of the body', () => {
    const text = [
      '---',
      'title: Fine',
      '---',
      '',
      '- A list item where *the team should',
      '  have* known, and a [link that was obviously](../x/) right.',
      '',
    ].join('\n');
    expect(lint(text).map(({ line, column, rule }) => ({ line, column, rule }))).toEqual([
      { ...positionOf(text, 'should'), rule: 'counterfactual-should-have' },
      { ...positionOf(text, 'obviously'), rule: 'minimiser-obviously' },
    ]);
  });
});

describe('word variants', () => {
  const rulesFor = (sentence: string) =>
    lint(`---\ntitle: ${sentence}\n---\n`).map((finding) => finding.rule);

  it.each([
    ["We should've known.", 'counterfactual-should-have'],
    ['We Should’ve known.', 'counterfactual-should-have'],
    ["We shouldn't have rolled back.", 'counterfactual-should-have'],
    ['Human errors happen.', 'blame-human-error'],
    ['The carelessness of it.', 'blame-careless'],
    ['It was negligence.', 'blame-negligent'],
    ['The script fails to retry.', 'counterfactual-failed-to'],
    ['The rotation forgets to page.', 'counterfactual-forgot-to'],
    ['It was easily fixed.', 'minimiser-easy'],
    ['It was trivially fixed.', 'minimiser-trivially'],
  ])('"%s" is %s', (sentence, rule) => {
    expect(rulesFor(sentence)).toEqual([rule]);
  });

  it.each([
    'We adjust the timeout and justify each alert.',
    'The failed disk was replaced.',
    'The array failed over to the standby.',
    'The failover worked; the failed-over controller was slower.',
    'The ratio of failed to successful sign-ins rose.',
    'Documents failed to open and save; calendars fail to load.',
    'A customer had just deployed a new integration.',
    'The checklist now verifies routes, not just sessions.',
    'It stopped just before 10:00 and again just after noon.',
    'The signal that would have pointed at the disk did not exist.',
    'This could have affected every user.',
    'Nobody is to blame.',
    'Through no fault of their own, the team was paged twice.',
    'It was not obviously wrong, and it was easy to miss.',
    'Retries caused the spike.',
    'The Scheduler deleted the files.',
    'Then Terraform deleted the bucket.',
    'It was simply because they receive the most webhooks.',
    'The cause was obvious once the lock was found.',
  ])('"%s" is not flagged', (sentence) => {
    expect(rulesFor(sentence)).toEqual([]);
  });
});

describe('a good postmortem', () => {
  const file = path.join(postmortems, 'good-postmortem.mdx');
  const text = fs.readFileSync(file, 'utf8');

  it('holds the words that look like blame and are not', () => {
    for (const words of [
      'adjust',
      'justify',
      'failed disk',
      'failed over',
      'failover',
      'had just',
      'Not just',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('produces no warnings', () => {
    expect(lintPostmortem(file, text, { rules })).toEqual([]);
  });
});
