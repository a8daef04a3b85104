import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import type { HindsightUserConfig } from '../schemas/config';
import { BODY_CACHE_FOLDER } from '../lib/body-cache';
import { buildDate } from '../lib/build-date';
import { ConfigError, resolveConfig } from '../lib/site-config';
import { isSitemapPage } from '../lib/sitemap';
import { contentCheck } from './content-check';
import { explainedError } from './explained-error';
import { leakCheckIntegration } from './leak-check';
import { pagefindIntegration } from './pagefind';
import { verifyBuildIntegration } from './verify-build';

/** The module pages import the resolved configuration from. */
export const CONFIG_MODULE = 'virtual:hindsight/config';

/** The module the loader and pages import the body cache's folder from (see `body-cache.ts`). */
const BODY_CACHE_MODULE = 'virtual:hindsight/body-cache';
/** The module similarity imports its pairs file from (see `src/lib/similarity/pairs-cache.ts`). */
const SIMILARITY_CACHE_MODULE = 'virtual:hindsight/similarity-cache';
/** That file, under Astro's cache directory. */
const SIMILARITY_CACHE_FILE = 'hindsight-similarity.bin';

/**
 * Hindsight as one Astro integration, the way Starlight is one: `hindsight({ title, … })` in
 * `astro.config.mjs` validates the team's settings, applies `site` and `base` (and their
 * `HINDSIGHT_SITE`/`HINDSIGHT_BASE` overrides) to Astro, adds the content check, MDX, the
 * sitemap (when the site has an address), the search index, in public builds the leak check,
 * and the verification of every build, and hands the settings to pages as `virtual:hindsight/config`.
 */
export function hindsight(options?: HindsightUserConfig): AstroIntegration {
  return {
    name: 'hindsight',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger, command }) => {
        const resolved = resolveOrExplain(options);
        checkBuildDate();
        if (!resolved.site && command === 'build') {
          logger.warn(
            'No `site` is configured, so the feed links use http://localhost:4321, and pages have no canonical links, no link-preview URLs and no sitemap. Set `site` in hindsight() or HINDSIGHT_SITE.',
          );
        }
        const names = new Set(config.integrations.map((integration) => integration.name));
        // A sitemap lists absolute URLs, so it needs the site's address; without one there is none.
        const hasSite = Boolean(resolved.site ?? config.site);
        updateConfig({
          ...(resolved.site ? { site: resolved.site } : {}),
          base: resolved.base,
          // The one stylesheet (about 8 kB, 2.4 kB compressed) goes into each page: measured with
          // `npm run lighthouse`, that spares mobile readers a render-blocking request and brings
          // first paint forward by 100-300 ms, for 2.4 kB more per page.
          build: { inlineStylesheets: 'always' },
          // A rebuild renders again only the pages whose cache key (src/lib/cache-key.ts) or code
          // changed, and copies the rest from the last build (kept in Astro's cache directory).
          experimental: { ...config.experimental, incrementalBuild: true },
          integrations: [
            contentCheck(),
            // A team that configures MDX itself keeps its own options.
            ...(names.has('@astrojs/mdx') ? [] : [mdx()]),
            ...(hasSite && !names.has('@astrojs/sitemap') ? [sitemap({ filter: isSitemapPage })] : []),
            pagefindIntegration(),
            // build:done hooks run in this order, and the checks must read the search index
            // (and the sitemap) that the integrations above write.
            leakCheckIntegration(resolved),
            // After the leak check, so a leaky public build is deleted before anything else fails it.
            verifyBuildIntegration(resolved),
          ],
          vite: viteConfig({
            [CONFIG_MODULE]: JSON.stringify(resolved),
            [BODY_CACHE_MODULE]: JSON.stringify(
              fileURLToPath(new URL(`${BODY_CACHE_FOLDER}/`, config.cacheDir)),
            ),
            [SIMILARITY_CACHE_MODULE]: JSON.stringify(
              fileURLToPath(new URL(SIMILARITY_CACHE_FILE, config.cacheDir)),
            ),
          }),
        });
      },
    },
  };
}

function resolveOrExplain(options: unknown) {
  try {
    return resolveConfig(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw explainedError(
      'InvalidHindsightConfig',
      error.message,
      'Fix the options of hindsight() in astro.config.mjs (or the environment variable named); README.md lists every option with its default.',
    );
  }
}

/**
 * Reads `SOURCE_DATE_EPOCH` once before any page does, so a bad value stops the build with one
 * message instead of a stack trace from whichever page asked first.
 */
function checkBuildDate() {
  try {
    buildDate();
  } catch (error) {
    throw explainedError(
      'InvalidBuildDate',
      (error as Error).message,
      'Unset SOURCE_DATE_EPOCH, or set it to whole seconds since 1970, such as $(git log -1 --format=%ct).',
    );
  }
}

function viteConfig(modules: Record<string, string>): ViteUserConfig {
  return {
    plugins: [virtualModules(modules)],
    build: {
      rolldownOptions: {
        // Every MDX entry triggers this warning under Astro 7's bundler (withastro/astro#18087);
        // it is harmless, and a wall of it would hide the warnings that matter.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  };
}

type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/** A Vite plugin that serves each value (JSON) as the default export of its module id. */
function virtualModules(modules: Record<string, string>): VitePlugin {
  const byResolvedId = new Map(Object.entries(modules).map(([id, json]) => [`\0${id}`, json]));
  return {
    name: 'hindsight:config',
    resolveId: (id) => (Object.hasOwn(modules, id) ? `\0${id}` : undefined),
    load: (id) => {
      const json = byResolvedId.get(id);
      return json === undefined ? undefined : `export default ${json};`;
    },
  };
}
