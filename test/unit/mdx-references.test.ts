import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxReferenceProblems } from '../../src/lib/mdx/references';
import { projectRoot } from '../helpers/build-site';

/** A made-up file in the project's content folder: only its folder matters, for relative imports. */
const file = path.join(projectRoot, 'content/postmortems/2024-01-01-example.mdx');
const check = (body: string) => mdxReferenceProblems(file, body, projectRoot);
const messages = (body: string) => check(body).map((p) => p.message);

describe('mdxReferenceProblems: names an MDX body may use', () => {
  it.each([
    ['arithmetic', 'Two is {1 + 1}.'],
    ['JavaScript globals', 'Peak {Math.max(1, 2)} on {new Date(0).getUTCFullYear()}, {JSON.stringify([1])}.'],
    ["MDX's props", 'From {props.source ?? "the dashboard"}.'],
    ["Astro's frontmatter export", 'This is {frontmatter.title}.'],
    [
      'its own exports',
      'export const peak = 3;\nexport function twice(n) { return 2 * n; }\n\nPeak {twice(peak)}.',
    ],
    [
      'its imports',
      "import { CALLOUT_TYPES } from '../../src/lib/mdx/provided-components.ts';\n\nTypes: {CALLOUT_TYPES.join(', ')}.",
    ],
    [
      'names bound inside the expression',
      'Services: {["a", "b"].map((name, i) => `${i}:${name}`).join(", ")}.',
    ],
    ['comments', '{/* a note for reviewers */}\n\nText.'],
    [
      'inline code and code blocks',
      'Route `/api/{tenant}` and\n\n```js\nconst x = {tenant};\n<Chart />\n```\n',
    ],
    ['escaped braces', 'Route /api/\\{tenant\\}/events.'],
    ['HTML elements and custom elements', '<div class="x"><my-widget /></div>'],
    [
      "the site's components",
      '<Callout type="lesson">Text</Callout>\n\n<Figure caption="A table">x</Figure>',
    ],
    ["the site's components inside an expression", '{true && <Callout>Shown</Callout>}'],
    [
      'spread attributes that are defined',
      'export const common = { type: "note" };\n\n<Callout {...common}>x</Callout>',
    ],
  ])('accepts %s', (_name, body) => {
    expect(check(body)).toEqual([]);
  });
});

describe('mdxReferenceProblems: what would throw when the page renders', () => {
  it('names every undefined name of an expression that is more than a name', () => {
    expect(check('Saw {errors / total} errors.')).toEqual([
      {
        line: 1,
        column: 5,
        message:
          '`{errors / total}` is read as code; write `\\{errors / total\\}` or put it in backticks to show it as text (`errors`, `total` are not defined)',
      },
    ]);
  });

  it('reports an object literal in prose even when every name in it is defined', () => {
    expect(messages('{{ "retries": 3 }}')).toEqual([
      '`{{ "retries": 3 }}` is read as code; write `\\{\\{ "retries": 3 \\}\\}` or put it in backticks to show it as text (it is an object, which cannot be shown as text)',
    ]);
  });

  it('shortens a long or multi-line expression and says how to escape it', () => {
    const [problem] = check(
      '{\n  tenantIdentifierThatIsVeryLongIndeed + anotherQuiteLongName + yetAnotherOne\n}',
    );
    expect(problem?.message).toMatch(
      /^This `\{…\}` is read as code; write its braces as `\\\{` and `\\\}` or put it in backticks/,
    );
  });

  it('reads an expression up to its closing brace, whatever prose follows', () => {
    expect(messages('export const peak = 3;\n\nPeak {peak} > limit, and {tenant} < 5 - x.')).toEqual([
      '`{tenant}` is read as code; write `\\{tenant\\}` or put it in backticks to show it as text',
    ]);
  });

  it('reports a name that is only bound inside another expression', () => {
    expect(messages('{[1].map((n) => n)} and {n}')).toEqual([
      '`{n}` is read as code; write `\\{n\\}` or put it in backticks to show it as text',
    ]);
  });

  it('reports a component used inside an expression at its tag, next to the undefined condition', () => {
    expect(check('Text {ready && <Chart />}')).toEqual([
      {
        line: 1,
        column: 6,
        message:
          '`{ready && <Chart />}` is read as code; write `\\{ready && <Chart />\\}` or put it in backticks to show it as text (`ready` is not defined)',
      },
      {
        line: 1,
        column: 16,
        message:
          '`<Chart>` is not imported; import it or use a component the site provides (Callout, Figure, Internal)',
      },
    ]);
  });

  it('reports a dotted component whose object is not defined', () => {
    expect(messages('<charts.Line />')).toEqual([
      '`<charts.Line>` is not imported; import it or use a component the site provides (Callout, Figure, Internal)',
    ]);
  });

  it("reports the site's components used in an export, where MDX does not provide them", () => {
    expect(messages('export const Box = () => <Callout>x</Callout>;\n\n<Box />')).toEqual([
      "`<Callout>` is not imported; the site's components are provided to the body only, so import it to use it in an export",
    ]);
  });

  it('reports an undefined spread attribute at its brace', () => {
    expect(check('<Callout {...options}>x</Callout>')).toEqual([
      {
        line: 1,
        column: 10,
        message:
          '`<Callout {...options}>` reads `options`, which is not defined; define it (`export const options = …`) or import it, or write the value in quotes',
      },
    ]);
  });

  it('finds attribute expressions after Markdown children that are not JSX', () => {
    expect(check('<Callout type="note" title={heading}>\n\n> A quote with a > sign\n\n</Callout>')).toEqual([
      expect.objectContaining({ line: 1, column: 28, message: expect.stringContaining('reads `heading`') }),
    ]);
  });

  it('counts lines and columns in the whole text, frontmatter included, and with non-ASCII text before', () => {
    const frontmatter = '   \n     \n   \n';
    expect(check(`${frontmatter}\nCafé ☕ {tenant}`)).toEqual([
      expect.objectContaining({ line: 5, column: 8 }),
    ]);
  });

  it('reports a Callout type and a Figure caption only for the site components, not for a component of the same name the file imports', () => {
    expect(messages('<Callout type="tip">x</Callout>')).toEqual([
      '`<Callout type="tip">`: type must be one of note, warning, lesson',
    ]);
    expect(
      check(
        "import Callout from '../../src/components/mdx/Figure.astro';\nimport Figure from '../../src/components/mdx/Callout.astro';\n\n<Callout type=\"tip\">x</Callout>\n\n<Figure />",
      ),
    ).toEqual([]);
  });

  it('reports no names at all when an export uses syntax acorn cannot read, since what it defines is unknown', () => {
    expect(check('export @logged class Budget {}\n\n{Budget.name} and {tenant}')).toEqual([]);
  });

  it('leaves syntax errors to the compile check', () => {
    expect(check('Latency {was high.')).toEqual([]);
  });
});
