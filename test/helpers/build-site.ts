import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes a lock shared by every process on the machine: a directory that only one process can
 * create. A lock left by a process that died is taken over. Resolves to its release.
 */
export async function acquireLock(lockDir: string): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockDir)) await fs.rm(lockDir, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  await fs.writeFile(path.join(lockDir, 'pid'), String(process.pid));
  return () => fs.rm(lockDir, { recursive: true, force: true });
}

/** Runs `fn` while holding the lock in `lockDir` (see `acquireLock`). */
export async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const release = await acquireLock(lockDir);
  try {
    return await fn();
  } finally {
    await release();
  }
}

async function isStale(lockDir: string): Promise<boolean> {
  const pid = Number(await fs.readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''));
  if (pid) {
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  // Created but no pid yet: only stale if it has been like that for a while.
  const stat = await fs.stat(lockDir).catch(() => undefined);
  return stat !== undefined && Date.now() - stat.mtimeMs > 30_000;
}

/** The run's scratch folder (removed when the run ends, see test/setup/temp-dir.ts), else the system's. */
export const testTempDir = () => process.env['HINDSIGHT_TEST_TMP'] ?? os.tmpdir();

/** The repository root, where `astro.config.mjs` lives. */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Astro puts its server chunks for an `outDir` outside the working directory in the project's
 * own `.astro/.prerender/`, and writes the map of MDX modules for the content it loads to
 * `.astro/content-modules.mjs`, so two builds (or a build and a dev server) at once break each
 * other ("ENOENT … .astro/.prerender/chunks", "Unexpected error while rendering"). Test files
 * run in parallel; this makes their builds and dev servers take turns.
 */
export const BUILD_LOCK = path.join(
  os.tmpdir(),
  `hindsight-astro-build-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 12)}.lock`,
);

export interface BuiltSite {
  /** Folder with the built HTML. */
  outDir: string;
  /** Astro's cache folder for the build (content store, body cache). */
  cacheDir: string;
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

/** The project's own `astro` CLI. */
export const ASTRO_BIN = path.join(projectRoot, 'node_modules/.bin/astro');

/**
 * The config fixture sites are built with (`test/fixtures/astro.config.mjs`), so a team's own
 * settings in `astro.config.mjs` never change what the tests see.
 */
// Relative: Astro joins `--config` to `--root`.
export const TEST_CONFIG = 'test/fixtures/astro.config.mjs';

/** `astro <command>` arguments that build the project with the test config. */
export const astroArgs = (command: string, ...rest: string[]) => [
  command,
  '--root',
  projectRoot,
  '--config',
  TEST_CONFIG,
  ...rest,
];

/** Options of `hindsight()` and environment for one test build. */
export interface SiteOptions {
  /** Where to write the site; a temporary folder by default. */
  outDir?: string;
  /** Astro's cache folder, to build again on what an earlier build cached; a fresh one by default. */
  cacheDir?: string;
  /** `hindsight()` options over the test defaults (title Hindsight, site https://hindsight.test). */
  config?: Record<string, unknown>;
  /** Extra environment variables, such as `HINDSIGHT_BASE`. */
  env?: Record<string, string>;
  /**
   * Build with the project's own `astro.config.mjs` (a team's settings) instead of the test
   * config: only for the generic checks of `content/`.
   */
  projectConfig?: boolean;
}

/** The environment for an `astro` child process that reads `contentDir` and caches in `cacheDir`. */
export function astroEnv(
  contentDir: string,
  cacheDir: string,
  { config = {}, env = {} }: Pick<SiteOptions, 'config' | 'env'> = {},
): NodeJS.ProcessEnv {
  return {
    ...withoutTestRunnerEnv(process.env),
    // A developer's own overrides must not leak into fixture builds; a test sets them in `env`.
    HINDSIGHT_SITE: '',
    HINDSIGHT_BASE: '',
    HINDSIGHT_AUDIENCE: '',
    HINDSIGHT_TEST_OPTIONS: JSON.stringify(config),
    ...env,
    HINDSIGHT_CONTENT_DIR: path.resolve(contentDir),
    HINDSIGHT_CACHE_DIR: cacheDir,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    // npm scripts put the pinned Node first on PATH; keep it there for the child.
    PATH: `${path.join(projectRoot, 'node_modules/.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
  };
}

export interface BuildFailure {
  code: number;
  output: string;
}

/**
 * Builds the real site from another content folder into a temporary directory, the way CI
 * builds it: through the `astro` CLI in a child process, with the pinned Node.
 */
export async function buildSite(contentDir: string, options: SiteOptions = {}): Promise<BuiltSite> {
  const result = await tryBuildSite(contentDir, options);
  if ('code' in result) throw new Error(`astro build failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** Like `buildSite`, but returns the failure instead of throwing, for tests of bad content. */
export async function tryBuildSite(
  contentDir: string,
  options: SiteOptions = {},
): Promise<BuiltSite | BuildFailure> {
  const work = await fs.mkdtemp(path.join(testTempDir(), 'hindsight-build-'));
  const outDir = options.outDir ?? path.join(work, 'dist');
  const cacheDir = options.cacheDir ?? path.join(work, 'cache');
  const env = astroEnv(contentDir, cacheDir, options);
  try {
    const { stdout, stderr } = await withLock(BUILD_LOCK, () =>
      run(
        ASTRO_BIN,
        options.projectConfig ? ['build', '--outDir', outDir] : astroArgs('build', '--outDir', outDir),
        {
          cwd: projectRoot,
          env,
          maxBuffer: 64 * 1024 * 1024,
        },
      ),
    );
    const read = (file: string) => fs.readFile(path.join(outDir, file), 'utf8');
    const exists = (file: string) =>
      fs.access(path.join(outDir, file)).then(
        () => true,
        () => false,
      );
    return { outDir, cacheDir, output: `${stdout}\n${stderr}`, read, exists };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}\n${failure.stderr ?? ''}` };
  }
}
