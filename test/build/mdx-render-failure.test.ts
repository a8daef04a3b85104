import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, testTempDir, tryBuildSite, type BuildFailure } from '../helpers/build-site';
import { startDevServer, type DevServer } from '../helpers/dev-server';

/**
 * What the content check cannot see: an expression that is defined but throws when the page
 * renders. The build, and the page in `astro dev`, name the postmortem's file and give the hint
 * instead of a stack trace into compiled MDX.
 */
const fixture = path.join(projectRoot, 'test/fixtures/mdx/render-failure/content');
const FILE = '2024-07-01-throws-while-rendering.mdx';
const PAGE = '/incidents/2024-07-01-throws-while-rendering/';

describe('astro build over a body that throws while rendering', () => {
  let failure: BuildFailure;

  beforeAll(async () => {
    const result = await tryBuildSite(fixture);
    if (!('code' in result)) throw new Error(`the build succeeded on a body that throws:\n${result.output}`);
    failure = result;
  });

  it('fails, naming the file and what the body threw, with the hint', () => {
    expect(failure.code).not.toBe(0);
    expect(failure.output).toContain(
      `[PostmortemRenderError] 1 problem in 1 file:\n  ${path.relative(projectRoot, path.join(fixture, 'postmortems', FILE))}  the page failed to render: the retry budget is not known yet`,
    );
    expect(failure.output).toMatch(/Hint:\n\s+The error comes from the body of this postmortem/);
  });

  it('prints no stack trace', () => {
    expect(failure.output).not.toMatch(/^\s+at /m);
    expect(failure.output).not.toContain('Stack trace');
  });
});

describe('astro dev over a body that throws while rendering', () => {
  let dev: DevServer;
  let file: string;

  beforeAll(async () => {
    // A copy, because a test below edits the file under the running server.
    const dir = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-dev-render-'));
    await fs.cp(fixture, dir, { recursive: true });
    file = path.join(dir, 'postmortems', FILE);
    dev = await startDevServer(dir);
  });

  afterAll(async () => {
    await dev?.close();
  });

  const alert = async () => {
    const html = await (await fetch(dev.url(PAGE))).text();
    return /<div class="render-failure" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  };

  it('shows the report where the body would be and prints it, rather than cutting the page off', async () => {
    const shown = await alert();
    expect(shown).toContain(`${FILE}  the page failed to render: the retry budget is not known yet`);
    expect(shown).toContain('npm run check:content');
    expect(dev.output()).toContain(`${FILE}  the page failed to render: the retry budget is not known yet`);
    expect(dev.output()).not.toMatch(/^\s+at /m);
  });

  it('reports a mistake typed after the server started at its line, with the fix', async () => {
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(/\{\(\(\) => .*\)\(\)\}/, '{tenant}'));
    const deadline = Date.now() + 20_000;
    let shown = await alert();
    while (!shown.includes('{tenant}') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      shown = await alert();
    }
    expect(shown).toContain(`${FILE}:15:22  \`{tenant}\` is read as code; write \`\\{tenant\\}\``);
  });
});
