import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { HindsightConfig } from '../schemas/config';
import { contentDir } from '../lib/content-dir';
import { formatFailure, formatVerified, verifyBuiltSite } from '../lib/verify';
import { explainedError } from './explained-error';

/**
 * The verification every build ends with (`src/lib/verify/`): each postmortem in the build has
 * one page, one search record and one entry in every list, the feed, the JSON and the sitemap,
 * nothing else does, and no internal link or anchor is broken. Registered after the search
 * index, the sitemap and the leak check: it reads what they write, and a public build that
 * leaks must be stopped (and its output deleted) by the leak check before anything else can
 * fail it. No option turns it off.
 */
export function verifyBuildIntegration(config: HindsightConfig): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'hindsight:verify',
    hooks: {
      'astro:config:done': ({ config: astroConfig }) => {
        base = astroConfig.base;
        site = astroConfig.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const siteDir = path.resolve(fileURLToPath(dir));
        const result = verifyBuiltSite({ siteDir, contentDir: contentDir(), config, base, site });
        if (result.findings.length === 0 && result.brokenLinks.length === 0) {
          logger.info(formatVerified(result));
          return;
        }
        throw explainedError(
          'BuildVerificationFailed',
          formatFailure(result),
          'Each line names what is missing, doubled or broken and where. A postmortem missing from a list, the feed or the search index, or a page for one that is not in the build, is a bug in the pages (or a file changed after the build): report it. A broken link in a postmortem body is fixed in that postmortem; link to another incident relatively, as ../<id>/. README.md, "What every build verifies", has more.',
        );
      },
    },
  };
}
