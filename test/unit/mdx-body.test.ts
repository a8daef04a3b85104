import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxBodyProblem, mdxBodyProblems } from '../../src/lib/mdx-body';
import { projectRoot } from '../helpers/build-site';

const frontmatter = '---\ntitle: x\nsummary: y\n---\n';
const file = path.join(projectRoot, 'test/fixtures/2024-01-01-example.mdx');

describe('mdxBodyProblem', () => {
  it('accepts Markdown, GFM tables and JSX', () => {
    const body = '\n## Heading\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<aside>\n\nText\n\n</aside>\n';
    expect(mdxBodyProblem(frontmatter + body, frontmatter)).toBeUndefined();
  });

  it('reports a stray brace at its line and column in the file, frontmatter included', () => {
    const problem = mdxBodyProblem(`${frontmatter}\nFine line.\n\nLatency {was high.\n`, frontmatter);
    expect(problem).toMatchObject({ line: 8, column: 9 });
    expect(problem?.message).toMatch(/^the MDX body does not compile: Unexpected end of file in expression/);
    expect(problem?.message).toContain('write a literal { or < as \\{ or &lt;');
    expect(problem?.message).not.toMatch(/mdx-jsx:/);
  });

  it('reports an unclosed tag', () => {
    const problem = mdxBodyProblem(`${frontmatter}\n<div>\n\nNever closed.\n`, frontmatter);
    expect(problem?.line).toBe(6);
    expect(problem?.message).toContain('Expected a closing tag for `<div>`');
  });

  it('reports an object literal in prose at its opening brace, with the escape, whatever follows it', () => {
    const problem = mdxBodyProblem(
      `${frontmatter}\nThe gateway logged {"tenant": {"id": 7}} <- for each request.\n`,
      frontmatter,
    );
    expect(problem).toEqual({
      line: 6,
      column: 20,
      message:
        '`{"tenant": {"id": 7}}` is read as code; write `\\{"tenant": \\{"id": 7\\}\\}` or put it in backticks to show it as text',
    });
  });

  it('keeps the compiler message for a syntax error that is not an object literal', () => {
    const problem = mdxBodyProblem(`${frontmatter}\nThe ratio was {a b}.\n`, frontmatter);
    expect(problem?.message).toMatch(/^the MDX body does not compile: /);
  });
});

describe('mdxBodyProblems', () => {
  it('reports a syntax error alone: the rest of the body cannot be read', () => {
    const problems = mdxBodyProblems(file, `${frontmatter}\n{tenant}\n\nLatency {was high.\n`, frontmatter);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^the MDX body does not compile/);
  });

  it('reports what would fail to render once the body compiles, at lines of the whole file', () => {
    const problems = mdxBodyProblems(file, `${frontmatter}\n{tenant}\n\n<Chart />\n`, frontmatter);
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 6, column: 1 },
      { line: 8, column: 1 },
    ]);
  });
});
