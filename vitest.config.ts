import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Four projects, so a run can pick what it needs (`npx vitest run --project unit`):
 *
 * - `unit`: plain functions, schemas, the content check, search logic with Pagefind mocked,
 *   and the README; no build, no browser. Seconds.
 * - `cli`: the `hindsight` commands spawned on temporary folders, asserting output and exit
 *   codes.
 * - `build`: runs `astro build` or `astro dev` on fixture sites (and `test/content/` on the
 *   team's own content) and checks the HTML, the search index and the error messages.
 * - `e2e`: the built fixture sites in Chromium. Only this project finds (or installs) the
 *   browser and shares one build per fixture across its files.
 *
 * Every project gets the run's scratch folder (test/setup/temp-dir.ts, in the root config so
 * it is made once) and the summary line of test/reporters/summary.ts.
 */
const project = (
  name: string,
  test: TestProjectInlineConfiguration['test'],
): TestProjectInlineConfiguration => ({
  test: { name, testTimeout: 30_000, hookTimeout: 180_000, ...test },
});

export default defineConfig({
  test: {
    // Builds and browser tests start processes of their own; two cores do not like four of them at once.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './test/reporters/summary.ts'],
    globalSetup: ['./test/setup/temp-dir.ts'],
    projects: [
      project('unit', {
        include: ['test/unit/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/search/**/*.test.ts'],
      }),
      // The `hindsight` command line, spawned as an author runs it, on temporary folders.
      project('cli', { include: ['test/cli/**/*.test.ts'] }),
      project('build', { include: ['test/build/**/*.test.ts', 'test/content/**/*.test.ts'] }),
      project('e2e', {
        include: ['test/e2e/**/*.test.ts'],
        // Finds (or installs) the browser the tests drive, and a folder for the fixture sites
        // they build once per run and share.
        globalSetup: ['./test/setup/browser.ts', './test/setup/e2e-site.ts'],
      }),
    ],
  },
});
