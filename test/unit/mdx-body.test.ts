import { describe, expect, it } from 'vitest';
import { mdxBodyProblem } from '../../src/lib/mdx-body';

const frontmatter = '---\ntitle: x\nsummary: y\n---\n';

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
});
