/**
 * Suppression comments: per file (at the top of the body in MDX or Markdown, or as a comment
 * line in the frontmatter), per line (`hindsight-disable-line`, `hindsight-disable-next-line`,
 * in the body and the frontmatter), for every rule or for listed rule ids and categories.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintPostmortem, parseDirective } from '../../src/lib/lint';
import { repoRoot } from './helpers';

const postmortems = path.join(repoRoot, 'test', 'fixtures', 'lint', 'postmortems');
const rules = defaultRules();

/** Findings of a fixture as `line rule`, easy to compare with the fixture open. */
function lintFixture(name: string): string[] {
  const file = path.join(postmortems, name);
  return lintPostmortem(file, fs.readFileSync(file, 'utf8'), { rules }).map((f) => `${f.line} ${f.rule}`);
}

/** The same fixture with its directives removed, to show what they suppress. */
function lintWithoutDirectives(name: string): string[] {
  const file = path.join(postmortems, name);
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/hindsight-disable(-next-line|-line)?/g, (match) => match.replace('hindsight', 'nothing'));
  return lintPostmortem(file, text, { rules }).map((f) => `${f.line} ${f.rule}`);
}

describe('per file', () => {
  it.each(['suppress-file.mdx', 'suppress-file.md'])(
    '%s: a bare directive (or "blameless") silences every rule',
    (name) => {
      expect(lintWithoutDirectives(name).length).toBeGreaterThan(3);
      expect(lintFixture(name)).toEqual([]);
    },
  );

  it('listed rule ids and categories silence only those rules, in the body and the frontmatter', () => {
    expect(lintWithoutDirectives('suppress-file-rules.mdx')).toEqual([
      '3 counterfactual-should-have',
      '3 counterfactual-failed-to',
      '8 minimiser-just',
      '8 blame-careless',
    ]);
    expect(lintFixture('suppress-file-rules.mdx')).toEqual(['8 blame-careless']);
  });

  it('a comment line in the frontmatter works for the whole file', () => {
    expect(lintFixture('suppress-frontmatter.mdx')).toEqual([
      '4 counterfactual-should-have',
      '7 minimiser-obviously',
    ]);
    expect(lintWithoutDirectives('suppress-frontmatter.mdx')).toEqual([
      '4 minimiser-just',
      '4 counterfactual-should-have',
      '7 minimiser-simply',
      '7 minimiser-just',
      '7 minimiser-obviously',
    ]);
  });
});

describe('per line', () => {
  it('covers the line, the next line, or a whole frontmatter field, for the listed rules', () => {
    expect(lintWithoutDirectives('suppress-lines.mdx')).toEqual([
      '3 minimiser-just',
      '6 minimiser-just',
      '7 counterfactual-should-have',
      '11 counterfactual-should-have',
      '12 minimiser-just',
      '13 counterfactual-should-have',
      '16 minimiser-just',
      '17 minimiser-just',
      '20 counterfactual-should-have',
      '20 minimiser-obviously',
      '21 counterfactual-should-have',
    ]);
    expect(lintFixture('suppress-lines.mdx')).toEqual([
      '12 minimiser-just',
      '13 counterfactual-should-have',
      '17 minimiser-just',
      '20 minimiser-obviously',
      '21 counterfactual-should-have',
    ]);
  });
});

describe('parseDirective', () => {
  it.each([
    [' hindsight-disable ', { scope: 'file', rules: 'all' }],
    ['hindsight-disable blameless', { scope: 'file', rules: 'all' }],
    [
      'hindsight-disable-line minimiser-just,counterfactual',
      { scope: 'line', rules: new Set(['minimiser-just', 'counterfactual']) },
    ],
    [
      'hindsight-disable-next-line minimiser-just -- a quote from the ticket',
      { scope: 'next-line', rules: new Set(['minimiser-just']) },
    ],
    ['hindsight-disable -- the whole file quotes the old review', { scope: 'file', rules: 'all' }],
  ])('reads "%s"', (comment, expected) => {
    expect(parseDirective(comment)).toEqual(expected);
  });

  it.each(['a note to reviewers', 'hindsight-disabled', 'see hindsight-disable'])(
    'ignores "%s"',
    (comment) => {
      expect(parseDirective(comment)).toBeUndefined();
    },
  );
});
