import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testTempDir } from '../helpers/build-site';

// The integration talks to Pagefind's Node API only; a fake stands in for its process.
const index = {
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
};
vi.mock('pagefind', () => ({
  createIndex: vi.fn(),
  close: vi.fn(),
}));

const pagefind = await import('pagefind');
const {
  buildSearchIndex,
  bundlePrefix,
  INCIDENT_PAGES_GLOB,
  INDEX_OPTIONS,
  pagefindIntegration,
  serveBuiltIndex,
} = await import('../../src/integrations/pagefind');

const createIndex = vi.mocked(pagefind.createIndex);

/** The error a promise rejects with; fails the test if it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the build to fail');
}
const close = vi.mocked(pagefind.close);
const logger = { info: vi.fn(), warn: vi.fn() };
const siteDir = path.join(testTempDir(), 'hindsight-site', 'dist');

beforeEach(() => {
  vi.clearAllMocks();
  createIndex.mockResolvedValue({ errors: [], index: index as never });
  index.addDirectory.mockResolvedValue({ errors: [], page_count: 14 });
  index.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => ({
    errors: [],
    outputPath,
  }));
  close.mockResolvedValue(null);
});

describe('buildSearchIndex', () => {
  it('indexes the built site and writes the index into its pagefind/ folder', async () => {
    const result = await buildSearchIndex(siteDir, logger);

    expect(createIndex).toHaveBeenCalledWith(INDEX_OPTIONS);
    expect(index.addDirectory).toHaveBeenCalledWith({ path: siteDir, glob: 'incidents/*/index.html' });
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(siteDir, 'pagefind') });
    expect(result).toEqual({ pageCount: 14, outputPath: path.join(siteDir, 'pagefind') });
    expect(close).toHaveBeenCalledOnce();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Indexed 14 incident pages for search in/),
    );
  });

  it('passes the directory Astro built into, from the astro:build:done hook', async () => {
    const integration = pagefindIntegration();
    const done = integration.hooks['astro:build:done'] as (options: unknown) => Promise<void>;
    await done({ dir: pathToFileURL(`${siteDir}/`), logger, pages: [], assets: new Map() });

    expect(index.addDirectory).toHaveBeenCalledWith({ path: `${siteDir}/`, glob: INCIDENT_PAGES_GLOB });
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(siteDir, 'pagefind') });
  });

  it('warns when nothing was indexed', async () => {
    index.addDirectory.mockResolvedValue({ errors: [], page_count: 0 });
    await buildSearchIndex(siteDir, logger);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('No incident pages were indexed'));
  });

  it.each([
    [
      'createIndex',
      () => createIndex.mockResolvedValue({ errors: ['Bad config: rootSelector'] }),
      'start an index',
    ],
    [
      'addDirectory',
      () =>
        index.addDirectory.mockResolvedValue({
          errors: ['Failed to parse incidents/x/index.html'],
          page_count: 0,
        }),
      `index the pages in ${siteDir}`,
    ],
    [
      'writeFiles',
      () => index.writeFiles.mockResolvedValue({ errors: ['EACCES: permission denied'], outputPath: '' }),
      `write the index to ${path.join(siteDir, 'pagefind')}`,
    ],
  ])('fails the build when %s returns errors, naming the step and each error', async (_step, fail, step) => {
    fail();
    const error = await failureOf(buildSearchIndex(siteDir, logger));

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SearchIndexError');
    expect(error.message).toContain(`Pagefind could not ${step}:`);
    expect(error.message).toMatch(/Bad config: rootSelector|Failed to parse incidents\/x\/index.html|EACCES/);
    expect(close).toHaveBeenCalledOnce();
  });

  it('lists every error Pagefind returns', async () => {
    index.addDirectory.mockResolvedValue({ errors: ['first problem', 'second problem'], page_count: 0 });
    await expect(buildSearchIndex(siteDir, logger)).rejects.toThrow(/first problem\n\s+second problem/);
  });

  it('fails when Pagefind returns no index and no error', async () => {
    createIndex.mockResolvedValue({ errors: [] });
    await expect(buildSearchIndex(siteDir, logger)).rejects.toThrow(
      /start an index:\n\s+Pagefind returned no index/,
    );
    expect(close).toHaveBeenCalledOnce();
  });

  it('turns a crash of the Pagefind process into the same clear error, and still closes it', async () => {
    index.writeFiles.mockRejectedValue(new Error('Pagefind binary exited with code 101'));
    const error = await failureOf(buildSearchIndex(siteDir, logger));

    expect(error.name).toBe('SearchIndexError');
    expect(error.message).toContain('Pagefind could not build the search index:');
    expect(error.message).toContain('Pagefind binary exited with code 101');
    expect(close).toHaveBeenCalledOnce();
  });

  it('does not write an index after a failed step', async () => {
    index.addDirectory.mockResolvedValue({ errors: ['nope'], page_count: 0 });
    await expect(buildSearchIndex(siteDir, logger)).rejects.toThrow();
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('the integration', () => {
  it('is named and hooks into config, the dev server and the end of the build', () => {
    const integration: AstroIntegration = pagefindIntegration();
    expect(integration.name).toBe('hindsight:pagefind');
    expect(Object.keys(integration.hooks).sort()).toEqual([
      'astro:build:done',
      'astro:config:done',
      'astro:server:setup',
    ]);
  });

  it('serves the index under the site base in dev', () => {
    expect(bundlePrefix('/')).toBe('/pagefind/');
    expect(bundlePrefix('/docs')).toBe('/docs/pagefind/');
    expect(bundlePrefix('/docs/')).toBe('/docs/pagefind/');
  });

  it('registers the dev middleware on astro:server:setup', () => {
    const integration = pagefindIntegration();
    const configDone = integration.hooks['astro:config:done'] as (options: unknown) => void;
    const serverSetup = integration.hooks['astro:server:setup'] as (options: unknown) => void;
    configDone({ config: { outDir: pathToFileURL(`${siteDir}/`), base: '/' } });
    const use = vi.fn();
    serverSetup({ server: { middlewares: { use } }, logger });
    expect(use).toHaveBeenCalledOnce();
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('npm run build'));
  });
});

describe('serveBuiltIndex (dev middleware)', () => {
  let dir: string;
  let server: http.Server;
  let origin: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-bundle-'));
    fs.writeFileSync(path.join(dir, 'pagefind.js'), 'export const ok = true;');
    fs.writeFileSync(path.join(dir, 'wasm.en.pagefind'), Buffer.from([1, 2, 3]));
    const middleware = serveBuiltIndex(dir, '/pagefind/');
    server = http.createServer((req, res) =>
      middleware(req, res, () => {
        res.statusCode = 404;
        res.end('passed on');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    origin = `http://127.0.0.1:${address.port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true });
  });

  it('serves the bundle with content types', async () => {
    const js = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export const ok = true;');
    const wasm = await fetch(`${origin}/pagefind/wasm.en.pagefind`);
    expect(wasm.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await wasm.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('passes on other paths, missing files and escapes from the folder', async () => {
    for (const url of ['/search/', '/pagefind/missing.js', '/pagefind/..%2f..%2fetc%2fpasswd']) {
      const response = await fetch(`${origin}${url}`);
      expect(await response.text(), url).toBe('passed on');
    }
  });
});
