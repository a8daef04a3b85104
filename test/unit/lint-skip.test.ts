/**
 * What the blameless lint does not read: code blocks, inline code, MDX expressions, imports
 * and exports, JSX attributes, HTML, block quotes and quoted speech. Each fixture holds the
 * flagged phrases in all of those places and one control sentence that must be flagged, so
 * the test fails if the lint stops reading the file as well as if it reads too much.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRules, lintPostmortem } from '../../src/lib/lint';
import { repoRoot } from './helpers';

const postmortems = path.join(repoRoot, 'test', 'fixtures', 'lint', 'postmortems');
const rules = defaultRules();

function lintFixture(name: string) {
  const file = path.join(postmortems, name);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  return lintPostmortem(file, text, { rules }).map((finding) => ({
    rule: finding.rule,
    field: finding.field,
    text: lines[finding.line - 1]?.slice(finding.column - 1),
  }));
}

describe.each(['skipped-prose.mdx', 'skipped-prose.md'])('%s', (name) => {
  it('flags only the control sentence: nothing in code, markup, quotes or expressions', () => {
    expect(lintFixture(name)).toEqual([{ rule: 'minimiser-just', field: 'body', text: 'just a restart.' }]);
  });
});

describe('quoted speech', () => {
  const lint = (body: string) =>
    lintPostmortem('quotes.mdx', `---\ntitle: Quotes\n---\n\n${body}\n`, { rules }).map((f) => f.rule);

  it.each([
    'A customer wrote "you should have warned us" to support.',
    'A customer wrote “you should have warned us” to support.',
    "A customer wrote 'you should have warned us' to support.",
    'A customer wrote ‘you should have warned us’ to support.',
    'The ticket said: "It was obviously careless. You should have known." Support replied.',
  ])('is not flagged: %s', (body) => {
    expect(lint(body)).toEqual([]);
  });

  it('ends where the quotation marks close', () => {
    expect(lint('A customer wrote "you should have warned us", and we should have.')).toEqual([
      'counterfactual-should-have',
    ]);
  });

  it('is not opened by an apostrophe', () => {
    expect(lint("The users' data was fine, but the team didn't bother to check; it was just luck.")).toEqual([
      'counterfactual-did-not-bother',
      'minimiser-just',
    ]);
  });
});

describe('an MDX body the MDX parser cannot read', () => {
  it('is still linted as Markdown, with expressions and imports left out', () => {
    const text = [
      '---',
      'title: Broken MDX',
      '---',
      '',
      "import Chart from './chart.astro';",
      '',
      '<Chart data={[1, 2',
      '',
      'We {/* hindsight-disable-line */} should have known. {just}',
      'It was obviously the disk.',
      '',
    ].join('\n');
    expect(lintPostmortem('broken.mdx', text, { rules }).map(({ line, rule }) => ({ line, rule }))).toEqual([
      { line: 10, rule: 'minimiser-obviously' },
    ]);
  });
});
