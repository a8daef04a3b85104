/**
 * `retextBlameless` as a retext plugin on its own, the way `retext-equality` is used: its
 * messages carry the rule id, the source, the phrase's place, what was written (`actual`) and
 * the rewrite (`expected`), so any unified tool (a reporter, an editor integration) can use them.
 */
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { defaultRules, LINT_SOURCE, retextBlameless } from '../../src/lib/lint';

const rules = defaultRules();

function run(text: string) {
  const processor = unified()
    .use(retextEnglish)
    .use(retextBlameless, { rules: rules.rules, people: { people: ['Dana Whitfield'], notPeople: [] } });
  const file = new VFile(text);
  processor.runSync(processor.parse(file), file);
  return file.messages;
}

describe('retextBlameless', () => {
  it('reports each flagged phrase with rule id, source, place, actual and expected', () => {
    const text = 'Everything was fine.\nThen Dana should’ve checked, and it was Dana’s mistake.';
    const should = rules.rules.find((rule) => rule.id === 'counterfactual-should-have');
    const line = text.split('\n')[1] ?? '';
    const [first, second] = run(text);
    expect(first).toMatchObject({
      ruleId: 'counterfactual-should-have',
      source: LINT_SOURCE,
      actual: 'should’ve',
      expected: [should?.suggestion],
      reason: `"should’ve" ${should?.message}, e.g. "${should?.suggestion}"`,
      place: {
        start: { line: 2, column: line.indexOf('should') + 1 },
        end: { line: 2, column: line.indexOf(' checked') + 1 },
      },
    });
    expect(second).toMatchObject({
      ruleId: 'person-as-cause',
      actual: 'Dana’s mistake',
      place: { start: { line: 2, column: line.indexOf('Dana’s') + 1 } },
    });
  });

  it('reports nothing for blameless prose', () => {
    expect(run('The disk failed at 08:00 and the array failed over to its standby.')).toEqual([]);
  });
});
