import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO_BIN, astroEnv, projectRoot, testTempDir } from '../helpers/build-site';
import { startDevServer, type DevServer } from '../helpers/dev-server';

/** `astro dev` is where authors write: drafts show there, and only there. */
let dev: DevServer;

beforeAll(async () => {
  dev = await startDevServer(path.join(projectRoot, 'test/fixtures/basic/content'));
});

afterAll(async () => {
  await dev?.close();
});

const get = (pathname: string) => fetch(dev.url(pathname));

describe('astro dev', () => {
  it('shows drafts, marked as drafts', async () => {
    const response = await get('/incidents/2024-06-01-unfinished-draft/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Draft about a half-understood cache stampede');
    expect(html).toContain('This postmortem is a draft');
  });

  it('lists drafts with the other incidents', async () => {
    const html = await (await get('/incidents/')).text();
    expect(html).toContain('/incidents/2024-06-01-unfinished-draft/');
    expect(html).toContain('/incidents/2024-03-10-queue-backlog/');
  });

  it('refuses to start on an invalid postmortem, with the content report rather than a stack trace', async () => {
    const dir = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-dev-invalid-'));
    await fs.cp(path.join(projectRoot, 'test/fixtures/basic/content'), dir, { recursive: true });
    await fs.writeFile(
      path.join(dir, 'postmortems/2024-07-01-half-written.md'),
      '---\ntitle: Half written\nseverity: SEV9\n---\nBody.\n',
    );
    const failure = await promisify(execFile)(ASTRO_BIN, ['dev', '--ignore-lock', '--port', '0'], {
      cwd: projectRoot,
      env: astroEnv(dir, path.join(dir, '.cache')),
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const output = `${failure?.stdout ?? ''}${failure?.stderr ?? ''}`;
    expect(output).toMatch(/2024-07-01-half-written\.md:3:\d+ +severity: "SEV9" is not allowed/);
    expect(output).toMatch(/2024-07-01-half-written\.md:\d+:\d+ +summary: is required/);
    expect(output).not.toContain('Stack trace');
  });
});
