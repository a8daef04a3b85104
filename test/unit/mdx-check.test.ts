import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import type { Problem } from '../../src/lib/problems';
import { projectRoot } from '../helpers/build-site';

/**
 * The content check on MDX bodies that compile but would not render: each file of the broken
 * fixture holds one kind of mistake, and the valid fixture uses everything that must keep
 * working. Lines count from the top of the file, frontmatter included (it ends on line 13).
 */
const fixture = (name: string) => path.join(projectRoot, 'test/fixtures/mdx', name, 'content');
const broken = checkContent(fixture('broken'));

function problemsIn(fileName: string): Omit<Problem, 'file'>[] {
  const file = path.join(fixture('broken'), 'postmortems', fileName);
  return broken.problems.filter((p) => p.file === file).map(({ file: _file, ...rest }) => rest);
}

describe('the content check on MDX bodies that would not render', () => {
  it('reports an expression that reads an undefined name, with the escape that shows it as text', () => {
    expect(problemsIn('2024-05-01-undefined-expression.mdx')).toEqual([
      {
        line: 15,
        column: 18,
        field: '',
        message: '`{tenant}` is read as code; write `\\{tenant\\}` or put it in backticks to show it as text',
      },
    ]);
  });

  it('reports a JSON object in prose at its opening brace, not where the compiler gave up', () => {
    expect(problemsIn('2024-05-02-object-literal.mdx')).toEqual([
      {
        line: 15,
        column: 20,
        field: '',
        message:
          '`{ "tenant": "acme", "status": 503 }` is read as code; write `\\{ "tenant": "acme", "status": 503 \\}` or put it in backticks to show it as text',
      },
    ]);
  });

  it('reports an unquoted object literal the same way', () => {
    expect(problemsIn('2024-05-03-object-literal-unquoted.mdx')).toEqual([
      {
        line: 15,
        column: 32,
        field: '',
        message:
          '`{retries: 3}` is read as code; write `\\{retries: 3\\}` or put it in backticks to show it as text',
      },
    ]);
  });

  it('reports a component that is neither imported nor provided, naming the ones the site provides', () => {
    expect(problemsIn('2024-05-04-unknown-component.mdx')).toEqual([
      {
        line: 17,
        column: 1,
        field: '',
        message:
          '`<LatencyChart>` is not imported; import it or use a component the site provides (Callout, Figure, Internal)',
      },
    ]);
  });

  it('reports an import that does not resolve at its path, and not the component it imports', () => {
    const missing = path.join('test/fixtures/mdx/broken/content/postmortems/components/LatencyChart.astro');
    expect(problemsIn('2024-05-05-missing-import.mdx')).toEqual([
      {
        line: 14,
        column: 26,
        field: '',
        message: `cannot import "./components/LatencyChart.astro": there is no ${missing}. A path starting with ./ or ../ is relative to this file's folder`,
      },
    ]);
  });

  it("reports the site's components used without what they need, and an undefined attribute value", () => {
    expect(problemsIn('2024-05-06-provided-components.mdx')).toEqual([
      {
        line: 15,
        column: 1,
        field: '',
        message: '`<Callout type="tip">`: type must be one of note, warning, lesson',
      },
      { line: 17, column: 1, field: '', message: '`<Figure>` needs a caption: write `<Figure caption="…">`' },
      {
        line: 25,
        column: 16,
        field: '',
        message:
          '`<Callout title={heading}>` reads `heading`, which is not defined; define it (`export const heading = …`) or import it, or write the value in quotes',
      },
    ]);
  });

  it('reports an undefined name in the JavaScript at the top of the file', () => {
    expect(problemsIn('2024-05-07-export.mdx')).toEqual([
      {
        line: 14,
        column: 22,
        field: '',
        message:
          "`budget` is not defined in this file's JavaScript; define it (`export const budget = …`) or import it",
      },
    ]);
  });

  it('still accepts the frontmatter of every broken body', () => {
    expect(broken.problems.every((p) => p.field === '')).toBe(true);
    expect(broken.postmortems).toHaveLength(7);
  });
});

describe('the content check on MDX that renders', () => {
  it("accepts the file's own exports, imports, globals, props, frontmatter, the site's components, and braces in code", () => {
    expect(checkContent(fixture('valid')).problems).toEqual([]);
  });

  it('accepts an expression that is defined even though it throws when rendered: that is for the render guard', () => {
    expect(checkContent(fixture('render-failure')).problems).toEqual([]);
  });
});
