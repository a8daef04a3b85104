import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { contentTypeFor, resolveStaticFile } from '../../src/lib/static-files';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  /** Absolute URL for a site path such as `/search/?q=disk`. */
  url(pathname: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Gzip text (level 9) for a client that accepts it, as a static host that compresses does;
   * Pagefind's own files are gzip data already and go out as they are. Default: off.
   */
  gzip?: boolean;
}

/** Types a host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/**
 * Serves a built site the way a static host does: `/dir/` is `dir/index.html`, a missing file
 * is a 404 page, and every file goes out with its content type (Pagefind's index files as
 * bytes). Listens on 127.0.0.1 on a free port.
 */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolveStaticFile(root, pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(file ? 'Method not allowed' : 'Not found');
      return;
    }
    // `/dir` answers with the page for `/dir/`, as most static hosts do after a redirect.
    const type = contentTypeFor(file);
    if (options.gzip) {
      // Whole bodies with their length, so what a client counts is what a host would send.
      const compress =
        COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      let body: Buffer = fs.readFileSync(file);
      if (compress) {
        body = gzipped.get(file) ?? gzipSync(body, { level: 9 });
        gzipped.set(file, body);
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Content-Length': body.length,
        ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).toString(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
