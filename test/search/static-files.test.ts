import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from '../../src/lib/static-files';
import { serveStatic, type StaticServer } from '../helpers/serve';
import { testTempDir } from '../helpers/build-site';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-static-'));
  fs.mkdirSync(path.join(root, 'search'));
  fs.mkdirSync(path.join(root, 'pagefind', 'index'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>home</h1>');
  fs.writeFileSync(path.join(root, 'search', 'index.html'), '<h1>search</h1>');
  fs.writeFileSync(path.join(root, 'pagefind', 'index', 'en_1.pf_index'), Buffer.from([0x1f, 0x8b, 8]));
});

afterAll(() => fs.rmSync(root, { recursive: true }));

describe('contentTypeFor', () => {
  it('knows the site’s files and sends Pagefind’s as bytes', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('pagefind/pagefind.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('pagefind/pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('x.wasm')).toBe('application/wasm');
    for (const file of [
      'wasm.en.pagefind',
      'a.pf_meta',
      'b.pf_index',
      'c.pf_fragment',
      'd.pf_filter',
      'noext',
    ]) {
      expect(contentTypeFor(file), file).toBe('application/octet-stream');
    }
  });
});

describe('resolveStaticFile', () => {
  it('maps /dir/ and /dir to dir/index.html', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/search/')).toBe(path.join(root, 'search', 'index.html'));
    expect(resolveStaticFile(root, '/search')).toBe(path.join(root, 'search', 'index.html'));
    expect(resolveStaticFile(root, '/search/?q=disk')).toBe(path.join(root, 'search', 'index.html'));
  });

  it('refuses missing files and paths outside the root', () => {
    expect(resolveStaticFile(root, '/nope/')).toBeUndefined();
    expect(resolveStaticFile(root, '/../etc/passwd')).toBeUndefined();
    expect(resolveStaticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeUndefined();
    expect(resolveStaticFile(root, '/a%00b')).toBeUndefined();
  });
});

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves pages and index files with their content types, and 404s the rest', async () => {
    const page = await fetch(server.url('/search/?q=disk'));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<h1>search</h1>');
    const chunk = await fetch(server.url('/pagefind/index/en_1.pf_index'));
    expect(chunk.headers.get('content-type')).toBe('application/octet-stream');
    // Sent as stored: Pagefind unpacks its gzip data itself.
    expect(chunk.headers.get('content-encoding')).toBeNull();
    expect([...new Uint8Array(await chunk.arrayBuffer())]).toEqual([0x1f, 0x8b, 8]);
    expect((await fetch(server.url('/missing/'))).status).toBe(404);
  });
});
