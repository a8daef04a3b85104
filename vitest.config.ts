import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds and browser tests start processes of their own; two cores do not like four of them at once.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/reporters/summary.ts'],
    // Finds (or installs) the browser the end-to-end search tests drive, and gives them one
    // shared build of content/ per run.
    globalSetup: ['./test/setup/temp-dir.ts', './test/setup/browser.ts', './test/setup/e2e-site.ts'],
  },
});
