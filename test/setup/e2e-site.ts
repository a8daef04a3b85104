import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's builds of fixture sites, shared by the browser test files. */
    e2eSiteDir: string;
  }
}

/**
 * Gives the browser tests one folder per run for the fixture sites they build, so the first
 * test file that needs a site builds it and the others reuse it (see `test/e2e/site.ts`).
 * Only the sites some test asks for are built. Removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hindsight-e2e-'));
  project.provide('e2eSiteDir', dir);
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
