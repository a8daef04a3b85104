import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContentCached } from '../lib/check-cache';
import { contentDir } from '../lib/content-dir';
import { ContentError, formatProblems, type Problem } from '../lib/problems';
import { explainedError } from './explained-error';

/**
 * Checks every postmortem before Astro loads the collection. Astro's own schema error names
 * the entry but not the file or line, and stops at the first entry; this lists every problem
 * as `file:line:col field: message`. It stops `astro build`, `astro dev` and `astro check`
 * alike: Astro would refuse to load an invalid collection anyway, and this way the author
 * reads one clear report instead of a stack trace. `astro preview` loads no content, so it is
 * not checked.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'hindsight:content-check',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command === 'preview') return;
        const problems = findProblems(fileURLToPath(new URL(CHECK_CACHE_FILE, config.cacheDir)));
        if (!problems.length) return;
        throw explainedError(
          'InvalidPostmortem',
          formatProblems(problems),
          'Each line names the file, the field or the place in the body, and what to do. README.md has the frontmatter reference and, under "Markdown or MDX", what a body may use; the writing guide at /guide/ explains each field. `npm run check` runs this check alone, and adds warnings.',
        );
      },
    },
  };
}

/** Which files passed the check last time, beside Astro's own cache (see `check-cache.ts`). */
const CHECK_CACHE_FILE = 'hindsight-check.json';

function findProblems(cacheFile: string): Problem[] {
  try {
    return checkContentCached(contentDir(), cacheFile);
  } catch (error) {
    // A broken taxonomy file stops the check before any postmortem is read.
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}
