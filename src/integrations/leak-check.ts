import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { HindsightConfig } from '../schemas/config';
import { contentDir } from '../lib/content-dir';
import { checkBuiltSite, formatClean, formatLeaks, type LeakCheckResult } from '../lib/leak-check';
import { explainedError } from './explained-error';

/**
 * The leak check of a public build: when Astro, the sitemap and the search index have written
 * everything (this integration is registered after them), it reads every built file,
 * decompressed, for anything of the postmortems a public build must leave out, and fails the
 * build naming each leak. It runs in every build whose audience is `public`; no option turns
 * it off, because the one build where someone would turn it off is the one that leaks.
 */
export function leakCheckIntegration(config: HindsightConfig): AstroIntegration {
  return {
    name: 'hindsight:leak-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (config.audience !== 'public') return;
        const siteDir = path.resolve(fileURLToPath(dir));
        const result = checkBuiltSite({ siteDir, contentDir: contentDir(), config });
        if (result.leaks.length === 0 && result.problems.length === 0) {
          logger.info(formatClean(result));
          return;
        }
        throw leakError(result, siteDir);
      },
    },
  };
}

/**
 * Removes a failed public build, so that a deploy script that ignores the exit code has
 * nothing to publish. Never a folder that holds the project: Astro's `outDir` is a folder of
 * its own, which it empties at the start of every build anyway.
 */
function removeBuild(siteDir: string, cwd = process.cwd()): boolean {
  const relative = path.relative(siteDir, cwd);
  const holdsProject = relative === '' || !relative.startsWith('..');
  if (holdsProject || path.parse(siteDir).root === siteDir) return false;
  fs.rmSync(siteDir, { recursive: true, force: true });
  return true;
}

function leakError(result: LeakCheckResult, siteDir: string) {
  const relative = path.relative(process.cwd(), siteDir);
  const shown = relative && !relative.startsWith('..') ? relative : siteDir;
  const removed = result.leaks.length > 0 && removeBuild(siteDir);
  const report = formatLeaks(result, `The public build in ${shown}/`);
  const after = removed
    ? `\n\n${shown}/ was deleted, so that it cannot be deployed by mistake.`
    : result.leaks.length > 0
      ? `\n\nDo not deploy ${shown}/.`
      : '';
  return explainedError(
    'PublicBuildLeak',
    `${report}${after}`,
    'Each finding names the postmortem (or option) the text comes from, what it is, a quote, and the built files it is in. Usual causes: a public postmortem that links to or quotes an internal one, or a component that shows something of every postmortem. Remove or reword the text, or set `visibility: public` on a postmortem meant to be published. The check runs in every public build and cannot be turned off; README.md, "The leak check", says what it looks for and what it cannot see.',
  );
}
