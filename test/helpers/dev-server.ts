import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import {
  acquireLock,
  ASTRO_BIN,
  astroArgs,
  astroEnv,
  BUILD_LOCK,
  projectRoot,
  testTempDir,
} from './build-site';

export interface DevServer {
  url(pathname: string): string;
  /** Everything the server printed so far. */
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `astro dev` on a content folder, on 127.0.0.1, and resolves once it serves pages.
 * `--ignore-lock` keeps it in the foreground and out of Astro's one-server-per-project lock, so
 * tests run while a developer's own `npm run dev` is up.
 */
export async function startDevServer(contentDir: string, timeoutMs = 60_000): Promise<DevServer> {
  const work = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-dev-'));
  const port = await freePort();
  // Held until the server stops: it rewrites the project's .astro/ files for its content.
  const release = await acquireLock(BUILD_LOCK);
  const child = spawn(
    ASTRO_BIN,
    astroArgs('dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)),
    {
      cwd: projectRoot,
      env: astroEnv(contentDir, path.join(work, 'cache')),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await release();
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await release();
      throw new Error(`astro dev exited (${child.exitCode}):\n${output}`);
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`astro dev did not answer within ${timeoutMs} ms:\n${output}`);
    }
    const ready = await fetch(`${base}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url: (pathname) => `${base}${pathname}`, output: () => output, close };
}
