import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root, where `astro.config.mjs` lives. */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  /** Folder with the built HTML. */
  outDir: string;
  /** What the build printed, for assertions on messages. */
  output: string;
  /** Reads a built file, e.g. `incidents/x/index.html`. */
  read(file: string): Promise<string>;
  exists(file: string): Promise<boolean>;
}

/**
 * Vitest puts NODE_ENV=test and Vite's own DEV/PROD/MODE/SSR/BASE_URL into process.env; a child
 * `astro build` would read them as import.meta.env and build in development mode, drafts and all.
 */
function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const blocked = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST']);
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !blocked.has(key) && !key.startsWith('VITEST')),
  );
}

export interface BuildFailure {
  code: number;
  output: string;
}

/**
 * Builds the real site from another content folder into a temporary directory, the way CI
 * builds it: through the `astro` CLI in a child process, with the pinned Node.
 */
export async function buildSite(contentDir: string, options: { outDir?: string } = {}): Promise<BuiltSite> {
  const result = await tryBuildSite(contentDir, options);
  if ('code' in result) throw new Error(`astro build failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** Like `buildSite`, but returns the failure instead of throwing, for tests of bad content. */
export async function tryBuildSite(
  contentDir: string,
  options: { outDir?: string } = {},
): Promise<BuiltSite | BuildFailure> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'hindsight-build-'));
  const outDir = options.outDir ?? path.join(work, 'dist');
  const astro = path.join(projectRoot, 'node_modules/.bin/astro');
  const env = {
    ...withoutTestRunnerEnv(process.env),
    HINDSIGHT_CONTENT_DIR: path.resolve(contentDir),
    HINDSIGHT_CACHE_DIR: path.join(work, 'cache'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    // npm scripts put the pinned Node first on PATH; keep it there for the child.
    PATH: `${path.join(projectRoot, 'node_modules/.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
  };
  try {
    const { stdout, stderr } = await run(astro, ['build', '--outDir', outDir], {
      cwd: projectRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const read = (file: string) => fs.readFile(path.join(outDir, file), 'utf8');
    const exists = (file: string) =>
      fs.access(path.join(outDir, file)).then(
        () => true,
        () => false,
      );
    return { outDir, output: `${stdout}\n${stderr}`, read, exists };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}\n${failure.stderr ?? ''}` };
  }
}
