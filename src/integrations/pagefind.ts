import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { readVocabulary, writeVocabularyFiles } from '../lib/indexed-vocabulary';
import { contentTypeFor, resolveStaticFile } from '../lib/static-files';

/** Pagefind's folder in the built site; the search page imports `pagefind.js` from it. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * The pages to index, relative to the built site: incident pages only. Named explicitly rather
 * than left to `data-pagefind-body`, because when no page has that attribute (a site with no
 * published postmortem yet) Pagefind falls back to indexing every page.
 */
export const INCIDENT_PAGES_GLOB = 'incidents/*/index.html';

/**
 * How Pagefind reads the pages. Only incident pages mark their content with
 * `data-pagefind-body`, so only they are indexed, and only that part of them. Pagefind
 * already skips `nav`, `footer`, `form`, `label` and `svg`; these selectors also skip text
 * hidden from assistive technology (decorative separators) and heading-anchor labels, which
 * would otherwise put "Section titled …" into every excerpt.
 */
export const INDEX_OPTIONS: pagefind.PagefindServiceConfig = {
  excludeSelectors: ['[aria-hidden="true"]', '.heading-anchor', '.anchor-link', '[data-heading-anchor]'],
};

/**
 * Builds the search index as the last step of `astro build`, so one command gives a site whose
 * search works. Any error Pagefind reports fails the build: a site that silently ships without
 * search is worse than a red build. In `astro dev`, serves the index of the last build (from
 * `dist/pagefind/`) so the search page can be worked on without rebuilding for every change.
 */
export function pagefindIntegration(): AstroIntegration {
  let outDir: URL | undefined;
  let base = '/';
  return {
    name: 'hindsight:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!outDir) return;
        const bundleDir = path.join(fileURLToPath(outDir), PAGEFIND_DIR);
        server.middlewares.use(serveBuiltIndex(bundleDir, bundlePrefix(base)));
        if (fs.existsSync(bundleDir)) {
          logger.info(`Search uses the index from the last build (${bundleDir}); rebuild to refresh it.`);
        } else {
          logger.info('Search has no index in dev until `npm run build` has run once.');
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}

/** `/pagefind/`, or `/docs/pagefind/` under `base: '/docs'`. */
export const bundlePrefix = (base: string) => `${base.replace(/\/+$/, '')}/${PAGEFIND_DIR}/`;

export interface SearchIndexResult {
  /** Incident pages indexed. */
  pageCount: number;
  /** Where the index was written. */
  outputPath: string;
}

type Logger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind/`, and writes the vocabulary the
 * search page suggests corrections from into `siteDir/pagefind/vocabulary/`, read from the same
 * pages and the same parts of them. Always stops Pagefind's process.
 */
export async function buildSearchIndex(siteDir: string, logger: Logger): Promise<SearchIndexResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, PAGEFIND_DIR);
  try {
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    assertNoErrors('start an index', created.errors);
    const { index } = created;
    if (!index) throw failure('start an index', ['Pagefind returned no index']);

    const adding = index.addDirectory({ path: siteDir, glob: INCIDENT_PAGES_GLOB });
    // Read while Pagefind indexes in its own process; written once its bundle folder exists.
    const reading = readVocabulary(siteDir, INDEX_OPTIONS.excludeSelectors);
    // Its failure is reported where it is awaited, unless Pagefind's failure stops the build first.
    reading.catch(() => undefined);
    const added = await adding;
    assertNoErrors(`index the pages in ${siteDir}`, added.errors);

    const written = await index.writeFiles({ outputPath });
    assertNoErrors(`write the index to ${outputPath}`, written.errors);

    const pageCount = added.page_count;
    if (pageCount === 0) {
      logger.warn(
        'No incident pages were indexed, so search will find nothing. Is every postmortem a draft?',
      );
    }
    const bundleDir = written.outputPath || outputPath;
    const vocabulary = writeVocabularyFiles(bundleDir, await reading);
    const ms = Math.round(performance.now() - started);
    logger.info(`Indexed ${pageCount} incident pages for search in ${ms} ms.`);
    const trimmed = vocabulary.trimmed.length
      ? `; the rarest words of ${vocabulary.trimmed.length} of its files were left out to keep each small`
      : '';
    logger.info(
      `"Did you mean" knows ${vocabulary.words} words (largest file ${(vocabulary.largestGzipBytes / 1000).toFixed(1)} kB compressed${trimmed}).`,
    );
    return { pageCount, outputPath: bundleDir };
  } catch (error) {
    if (error instanceof AstroError) throw error;
    throw failure('build the search index', [error instanceof Error ? error.message : String(error)], error);
  } finally {
    await pagefind.close();
  }
}

function assertNoErrors(step: string, errors: readonly string[] | undefined) {
  if (errors?.length) throw failure(step, errors);
}

function failure(step: string, errors: readonly string[], cause?: unknown): AstroError {
  const error = new AstroError(
    `Pagefind could not ${step}:\n${errors.map((message) => `  ${message}`).join('\n')}`,
    'The pages were built, but without a search index the search page cannot work, so the build stops here.',
  );
  error.name = 'SearchIndexError';
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * Connect middleware for the dev server: answers requests under `prefix` from `bundleDir`,
 * and passes everything else (and anything missing) on, so the search page can report a
 * missing index itself.
 */
export function serveBuiltIndex(bundleDir: string, prefix: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = resolveStaticFile(bundleDir, pathname.slice(prefix.length));
    if (!file) return next();
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeFor(file));
    // Rebuilds replace the index; never let the browser keep an old copy in dev.
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  };
}
