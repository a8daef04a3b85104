import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tryBuildSite, type BuildFailure } from '../helpers/build-site';

/**
 * One build of a fixture whose MDX bodies all compile but would throw when their pages render.
 * The content check lists them all before Astro renders anything, each at its line and column
 * with the fix, instead of the one `ReferenceError` with a stack trace the build used to end on.
 */
const fixture = path.join(projectRoot, 'test/fixtures/mdx/broken/content');

/** File, line, column and the start of the message the build must print for it. */
const expected: [string, number, number, string][] = [
  [
    '2024-05-01-undefined-expression',
    15,
    18,
    '`{tenant}` is read as code; write `\\{tenant\\}` or put it in backticks to show it as text',
  ],
  ['2024-05-02-object-literal', 15, 20, '`{ "tenant": "acme", "status": 503 }` is read as code; write `\\{'],
  ['2024-05-03-object-literal-unquoted', 15, 32, '`{retries: 3}` is read as code; write `\\{retries: 3\\}`'],
  [
    '2024-05-04-unknown-component',
    17,
    1,
    '`<LatencyChart>` is not imported; import it or use a component the site provides (Callout, Figure, Internal)',
  ],
  ['2024-05-05-missing-import', 14, 26, 'cannot import "./components/LatencyChart.astro": there is no '],
  [
    '2024-05-06-provided-components',
    15,
    1,
    '`<Callout type="tip">`: type must be one of note, warning, lesson',
  ],
  ['2024-05-06-provided-components', 17, 1, '`<Figure>` needs a caption'],
  [
    '2024-05-06-provided-components',
    25,
    16,
    '`<Callout title={heading}>` reads `heading`, which is not defined',
  ],
  ['2024-05-07-export', 14, 22, "`budget` is not defined in this file's JavaScript"],
];

let failure: BuildFailure;

beforeAll(async () => {
  const result = await tryBuildSite(fixture);
  if (!('code' in result))
    throw new Error(`the build succeeded on bodies that cannot render:\n${result.output}`);
  failure = result;
});

describe('a build over MDX bodies that compile but would not render', () => {
  it('fails before rendering any page', () => {
    expect(failure.code).not.toBe(0);
    expect(failure.output).not.toContain('generating static routes');
  });

  it.each(expected.map(([name, line, column, message]) => ({ name, line, column, message })))(
    '$name: names the file, line $line and column $column, and the fix',
    ({ name, line, column, message }) => {
      const printed = failure.output.split('\n').find((l) => l.includes(`${name}.mdx:${line}:${column} `));
      expect(printed, `no line for ${name}.mdx:${line}:${column} in:\n${failure.output}`).toBeDefined();
      expect(printed).toContain(`${name}.mdx:${line}:${column}  ${message}`);
    },
  );

  it('prints no stack trace and no error from rendering', () => {
    expect(failure.output).not.toMatch(/^\s+at /m);
    expect(failure.output).not.toContain('Stack trace');
    expect(failure.output).not.toContain('is not defined\n');
    expect(failure.output).not.toContain('Expected component');
  });
});
