import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `vitest: N passed, N failed`, which CI systems that do not
 * know vitest's own summary can read. A test file that fails outside its tests (to load, or in a hook) counts as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly unknown[]): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file whose setup threw leaves its tests unrun ("skipped"); the file itself failed.
      failed += failedHere || (module.state() === 'failed' ? 1 : 0);
    }
    const extra = skipped ? `, ${skipped} skipped` : '';
    console.log(`\nvitest: ${passed} passed, ${failed} failed${extra}`);
  }
}
