import type { TestProject } from 'vitest/node';
import { ensureBrowser } from '../helpers/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chrome or Chromium the end-to-end tests launch; `''` when there is none. */
    browserPath: string;
    /** Why there is no browser and how to install one; `''` when there is one. */
    browserProblem: string;
  }
}

/**
 * Finds a browser once per run, before any test file starts, and installs Debian's chromium
 * on a Debian-like machine running as root that has none (a fresh CI container). When there
 * is still none, the browser tests fail with the install instructions; tests that need no
 * browser run as usual.
 */
export default function setup(project: TestProject) {
  const { path, problem } = ensureBrowser((line) => console.log(`[browser] ${line}`));
  project.provide('browserPath', path ?? '');
  project.provide('browserProblem', problem ?? '');
}
