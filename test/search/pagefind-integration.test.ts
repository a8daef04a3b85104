import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { FacetFile } from '../../src/lib/search/facet-data';
import { testTempDir } from '../helpers/build-site';

// The integration talks to Pagefind's Node API only; a fake stands in for its process. Its
// writeFiles writes a fragment per page added, as Pagefind does, for the facet data to key by.
const index = {
  addHTMLFile: vi.fn(),
  writeFiles: vi.fn(),
};
vi.mock('pagefind', () => ({
  createIndex: vi.fn(),
  close: vi.fn(),
}));

const pagefind = await import('pagefind');
const { buildSearchIndex, bundlePrefix, fragmentIds, INDEX_OPTIONS, pagefindIntegration, serveBuiltIndex } =
  await import('../../src/integrations/pagefind');

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
let siteDir: string;

/** A built incident page as far as the search build reads it. */
function incidentPage(id: string, started: string, words: string) {
  const facets = JSON.stringify({
    rootCause: 'hardware',
    severity: 'SEV2',
    year: started.slice(0, 4),
    followUp: 'open',
    services: ['api'],
    started,
    duration: 30,
  }).replace(/"/g, '&quot;');
  const dir = path.join(siteDir, 'incidents', id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<html><body><article data-pagefind-body><nav>Menu</nav><div hidden data-search-facets="${facets}"><span data-pagefind-meta="title:${id}"></span></div><h1>${id}</h1><div data-search-words><p>${words}</p></div></article></body></html>`,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  siteDir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-site-'));
  incidentPage('older', '2023-01-01T00:00:00.000Z', 'disk disk failed');
  incidentPage('newer', '2024-01-01T00:00:00.000Z', 'network');
  createIndex.mockResolvedValue({ errors: [], index: index as never });
  index.addHTMLFile.mockResolvedValue({ errors: [], file: {} });
  index.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => {
    fs.mkdirSync(path.join(outputPath, 'fragment'), { recursive: true });
    for (const [n, [{ sourcePath }]] of index.addHTMLFile.mock.calls.entries()) {
      const url = `/${path.dirname(sourcePath as string)}/`;
      fs.writeFileSync(
        path.join(outputPath, 'fragment', `en_${n}.pf_fragment`),
        gzipSync(`pagefind_dcd${JSON.stringify({ url })}`),
      );
    }
    return { errors: [], outputPath };
  });
  close.mockResolvedValue(null);
});

afterEach(() => fs.rmSync(siteDir, { recursive: true, force: true }));

describe('buildSearchIndex', () => {
  it('gives Pagefind each incident page newest first, its write-up as distinct words', async () => {
    const result = await buildSearchIndex(siteDir, logger);

    expect(createIndex).toHaveBeenCalledWith(INDEX_OPTIONS);
    const calls = index.addHTMLFile.mock.calls.map(
      ([file]) => file as { sourcePath: string; content: string },
    );
    expect(calls.map((file) => file.sourcePath)).toEqual([
      'incidents/newer/index.html',
      'incidents/older/index.html',
    ]);
    expect(calls[1]?.content).toContain('<p id="search-words">disk failed</p>');
    expect(calls[1]?.content).not.toContain('Menu');
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(siteDir, 'pagefind') });
    expect(result).toEqual({ pageCount: 2, outputPath: path.join(siteDir, 'pagefind') });
    expect(close).toHaveBeenCalledOnce();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Indexed 2 incident pages for search in/),
    );
  });

  it('writes the facet data beside the index, keyed by the fragments Pagefind wrote', async () => {
    await buildSearchIndex(siteDir, logger);
    const bundle = path.join(siteDir, 'pagefind');
    expect(fragmentIds(bundle)).toEqual(
      new Map([
        ['/incidents/newer/', 'en_0'],
        ['/incidents/older/', 'en_1'],
      ]),
    );
    const facets = JSON.parse(fs.readFileSync(path.join(bundle, 'facets.json'), 'utf8')) as FacetFile;
    expect(facets.count).toBe(2);
    expect(facets.check).toEqual([
      [0, 'en_0'],
      [1, 'en_1'],
    ]);
    for (const file of ['services.json', 'durations.json'])
      expect(fs.existsSync(path.join(bundle, file))).toBe(true);
  });

  it('keeps each page as Pagefind reads it, and prepares again only a page that changed', async () => {
    const cacheDir = path.join(siteDir, 'cache');
    await buildSearchIndex(siteDir, logger, { cacheDir });
    const first = index.addHTMLFile.mock.calls.map(([file]) => file as { content: string });
    expect(fs.readdirSync(cacheDir)).toHaveLength(2);
    index.addHTMLFile.mockClear();
    incidentPage('older', '2023-01-01T00:00:00.000Z', 'disk replaced');
    await buildSearchIndex(siteDir, logger, { cacheDir });
    const second = index.addHTMLFile.mock.calls.map(([file]) => file as { content: string });
    // The unchanged page is given to Pagefind exactly as before; the edited one anew.
    expect(second[0]).toEqual(first[0]);
    expect(second[1]?.content).toContain('<p id="search-words">disk replaced</p>');
    // The old version of the edited page is pruned.
    expect(fs.readdirSync(cacheDir)).toHaveLength(2);
  });

  it('passes the directory Astro built into, from the astro:build:done hook', async () => {
    const integration = pagefindIntegration();
    const done = integration.hooks['astro:build:done'] as (options: unknown) => Promise<void>;
    await done({ dir: pathToFileURL(`${siteDir}/`), logger, pages: [], assets: new Map() });

    expect(index.addHTMLFile).toHaveBeenCalledTimes(2);
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: path.join(siteDir, 'pagefind') });
  });

  it('warns when nothing was indexed', async () => {
    fs.rmSync(path.join(siteDir, 'incidents'), { recursive: true });
    await buildSearchIndex(siteDir, logger);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('No incident pages were indexed'));
  });

  it('names the page that lacks its facet values', async () => {
    fs.writeFileSync(path.join(siteDir, 'incidents', 'older', 'index.html'), '<html><body>x</body></html>');
    await expect(buildSearchIndex(siteDir, logger)).rejects.toThrow(
      /incidents\/older\/index\.html has no data-search-facets attribute/,
    );
  });

  it.each([
    [
      'createIndex',
      () => createIndex.mockResolvedValue({ errors: ['Bad config: rootSelector'] }),
      'start an index',
    ],
    [
      'addHTMLFile',
      () => index.addHTMLFile.mockResolvedValue({ errors: ['Failed to parse incidents/x/index.html'] }),
      `index ${path.join(siteDir ?? '', 'incidents')}`,
    ],
    [
      'writeFiles',
      () => index.writeFiles.mockResolvedValue({ errors: ['EACCES: permission denied'], outputPath: '' }),
      'write the index to',
    ],
  ])('fails the build when %s returns errors, naming the step and each error', async (_step, fail, step) => {
    fail();
    const error = await failureOf(buildSearchIndex(siteDir, logger));

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SearchIndexError');
    expect(error.message).toContain(`Pagefind could not ${step.includes('incidents') ? 'index ' : step}`);
    expect(error.message).toMatch(/Bad config: rootSelector|Failed to parse incidents\/x\/index.html|EACCES/);
    expect(close).toHaveBeenCalledOnce();
  });

  it('lists every error Pagefind returns', async () => {
    index.addHTMLFile.mockResolvedValue({ errors: ['first problem', 'second problem'] });
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
    index.addHTMLFile.mockResolvedValue({ errors: ['nope'] });
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
    configDone({ config: { outDir: pathToFileURL(`${path.join(siteDir, 'missing')}/`), base: '/' } });
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
