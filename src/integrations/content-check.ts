import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent } from '../lib/content-check';
import { contentDir } from '../lib/content-dir';
import { ContentError, formatProblems } from '../lib/problems';

/**
 * Checks every postmortem before Astro loads the collection. Astro's own schema error names
 * the entry but not the file or line, and stops at the first entry; this lists every problem
 * as `file:line:col field: message`. A build stops on problems; `astro dev` reports them and
 * carries on, so an author can fix one file while the others still render.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'hindsight:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        let problems;
        try {
          problems = checkContent(contentDir()).problems;
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          problems = error.problems;
        }
        if (!problems.length) return;
        const report = formatProblems(problems);
        if (command !== 'build') {
          logger.warn(report);
          return;
        }
        const error = new AstroError(
          report,
          'Each line names the file, the field and what is allowed. The frontmatter reference is in README.md.',
        );
        error.name = 'InvalidPostmortem';
        // The problems already say where to look; a stack trace into this hook would only bury them.
        error.stack = '';
        throw error;
      },
    },
  };
}
