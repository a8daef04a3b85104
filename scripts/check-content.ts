/**
 * `npm run check:content`: checks every postmortem and taxonomy file and lists each problem as
 * `file:line:col field: message`. Authors run it before opening a pull request; the build runs
 * the same check.
 */
import { checkContent } from '../src/lib/content-check';
import { contentDir } from '../src/lib/content-dir';
import { ContentError, formatProblems } from '../src/lib/problems';

try {
  const { postmortems, problems } = checkContent(contentDir());
  if (problems.length) {
    console.error(formatProblems(problems));
    process.exitCode = 1;
  } else {
    console.log(`All ${postmortems.length} postmortems are valid.`);
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
