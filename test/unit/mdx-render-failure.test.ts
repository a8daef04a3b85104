import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFailure } from '../../src/lib/mdx/render-failure';

/** Entries as Astro's glob loader gives them: `filePath` relative to the project root, where tests run. */
const entry = (site: string, name: string) => ({
  id: name.replace(/\.mdx?$/, ''),
  filePath: `test/fixtures/mdx/${site}/content/postmortems/${name}`,
});

describe('renderFailure', () => {
  it('names the file and says what the error said when the content check sees nothing wrong', async () => {
    const failing = entry('render-failure', '2024-07-01-throws-while-rendering.mdx');
    const error = await renderFailure(new Error('the retry budget is not known yet'), failing);
    expect(error.name).toBe('PostmortemRenderError');
    expect(error.message).toBe(
      `1 problem in 1 file:\n  ${failing.filePath}  the page failed to render: the retry budget is not known yet`,
    );
    expect((error as Error & { hint?: string }).hint).toContain('npm run check:content');
    expect(error.stack).toBe('');
    expect('loc' in error).toBe(false);
  });

  it("reports the content check's findings, with line and fix, when the file changed under a running dev server", async () => {
    const changed = entry('broken', '2024-05-01-undefined-expression.mdx');
    const error = await renderFailure(new ReferenceError('tenant is not defined'), changed);
    expect(error.message).toContain(
      `${changed.filePath}:15:18  \`{tenant}\` is read as code; write \`\\{tenant\\}\` or put it in backticks`,
    );
    expect((error as Error & { loc?: unknown }).loc).toEqual({
      file: path.resolve(changed.filePath),
      line: 15,
      column: 18,
    });
  });

  it('passes its own error through unchanged, so nested guards do not wrap it twice', async () => {
    const first = await renderFailure(new Error('boom'), entry('render-failure', '2024-07-02-fine.md'));
    expect(await renderFailure(first, entry('render-failure', '2024-07-02-fine.md'))).toBe(first);
  });

  it('reports a Markdown file by its error alone, since Markdown has no code to check', async () => {
    const error = await renderFailure('not an Error', entry('render-failure', '2024-07-02-fine.md'));
    expect(error.message).toContain('2024-07-02-fine.md  the page failed to render: not an Error');
  });
});
