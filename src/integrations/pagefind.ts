import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { gunzipSync } from 'node:zlib';
import {
  addPageWords,
  incidentPages,
  writeVocabularyFiles,
  type PageVocabulary,
} from '../lib/indexed-vocabulary';
import { FACET_FILES, facetFiles, indexOrder, type FacetRow } from '../lib/search/facet-data';
import { facetRowOf, SEARCH_PAGE_CODE, searchPage, type SearchPage } from '../lib/search/search-document';
import { DiskMemo } from '../lib/disk-memo';
import { contentTypeFor, resolveStaticFile } from '../lib/static-files';

/** Pagefind's folder in the built site; the search page imports `pagefind.js` from it. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Index chunk size, in Pagefind's units (one per stored word position and one per page). The
 * browser downloads every chunk whose range of words holds a query word. At Pagefind's 20,000 a
 * word on every page ("change") shares its chunk with rarer ones ("certificate"), and a query
 * for the rarer word downloads both: at 10,000 postmortems two chunks of over 100 KiB for one
 * word. At 5,000 a common word fills a chunk alone. Pagefind reads it from this environment
 * variable only (1.6.0 has no option for it; a build test checks it still takes effect).
 */
export const INDEX_CHUNK_SIZE = 5_000;
export const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * How Pagefind reads the pages. The build gives it only incident pages (`incidentPages`; left to
 * itself, Pagefind indexes every page of a site where no page has `data-pagefind-body` yet), and
 * of each only its `data-pagefind-body` part. Pagefind already skips `nav`, `footer`, `form`,
 * `label` and `svg`; these selectors also skip text hidden from assistive technology (decorative
 * separators) and heading-anchor labels, which would otherwise put "Section titled …" into
 * every excerpt.
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
  let cacheDir: URL | undefined;
  let base = '/';
  return {
    name: 'hindsight:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        cacheDir = config.cacheDir;
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
        await buildSearchIndex(fileURLToPath(dir), logger, {
          ...(cacheDir ? { cacheDir: fileURLToPath(new URL(SEARCH_PAGES_CACHE, cacheDir)) } : {}),
        });
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

/** Where, under Astro's cache folder, the pages as Pagefind reads them are kept between builds. */
const SEARCH_PAGES_CACHE = 'hindsight-search-pages/';

/**
 * What the kept pages were made by: the code that makes them and its settings. A change to
 * either makes every page again, rather than relying on someone to raise a number.
 */
const SEARCH_PAGE_VERSION = JSON.stringify([SEARCH_PAGE_CODE, INDEX_OPTIONS.excludeSelectors]);

export interface SearchIndexOptions {
  /**
   * A folder to keep each page as Pagefind reads it, by the page's bytes, so a rebuild prepares
   * only the pages that changed (preparing one parses it, which at 10,000 pages took most of
   * the indexing step's time). Nothing is kept without it.
   */
  cacheDir?: string;
}

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind/`, and writes beside it the facet
 * data the search page filters, counts and sorts with (`facet-data.ts`) and the vocabulary it
 * suggests corrections from (`pagefind/vocabulary/`), read from the same pages and the same
 * parts of them. Each page goes to Pagefind as `search-document.ts` prepares it, newest first,
 * one at a time in that order (the facet data relies on it); the next page is prepared while
 * Pagefind indexes the last. Always stops Pagefind's process.
 */
export async function buildSearchIndex(
  siteDir: string,
  logger: Logger,
  { cacheDir }: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, PAGEFIND_DIR);
  // Set before Pagefind's process starts, which reads it; a value set by hand wins.
  process.env[CHUNK_SIZE_ENV] ??= String(INDEX_CHUNK_SIZE);
  try {
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    assertNoErrors('start an index', created.errors);
    const { index } = created;
    if (!index) throw failure('start an index', ['Pagefind returned no index']);

    const rows = indexOrder(
      incidentPages(siteDir).map((file) => ({
        ...facetRowOf(fs.readFileSync(file, 'utf8'), file),
        url: `/${path.relative(siteDir, path.dirname(file)).split(path.sep).join('/')}/`,
        file,
      })),
    );
    const vocabulary: PageVocabulary = { pages: rows.length, counts: new Map() };
    const kept = cacheDir ? new DiskMemo<SearchPage>(cacheDir, SEARCH_PAGE_VERSION) : undefined;
    const prepare = (html: string) => searchPage(html, INDEX_OPTIONS.excludeSelectors);
    let adding: Promise<unknown> = Promise.resolve();
    for (const row of rows) {
      const html = fs.readFileSync(row.file, 'utf8');
      const page = kept ? kept.get(html, () => prepare(html)) : prepare(html);
      addPageWords(vocabulary, page.text);
      await adding;
      const sourcePath = path.relative(siteDir, row.file);
      adding = index.addHTMLFile({ sourcePath, content: page.document }).then((added) => {
        assertNoErrors(`index ${row.file}`, added.errors);
      });
    }
    await adding;
    kept?.prune();

    const written = await index.writeFiles({ outputPath });
    assertNoErrors(`write the index to ${outputPath}`, written.errors);

    const pageCount = rows.length;
    if (pageCount === 0) {
      logger.warn(
        'No incident pages were indexed, so search will find nothing. Is every postmortem a draft?',
      );
    }
    const bundleDir = written.outputPath || outputPath;
    writeFacetFiles(bundleDir, rows);
    const words = writeVocabularyFiles(bundleDir, vocabulary);
    const ms = Math.round(performance.now() - started);
    logger.info(`Indexed ${pageCount} incident pages for search in ${ms} ms.`);
    const trimmed = words.trimmed.length
      ? `; the rarest words of ${words.trimmed.length} of its files were left out to keep each small`
      : '';
    logger.info(
      `"Did you mean" knows ${words.words} words (largest file ${(words.largestGzipBytes / 1000).toFixed(1)} kB compressed${trimmed}).`,
    );
    return { pageCount, outputPath: bundleDir };
  } catch (error) {
    if (error instanceof AstroError) throw error;
    throw failure('build the search index', [error instanceof Error ? error.message : String(error)], error);
  } finally {
    await pagefind.close();
  }
}

/** Prefix of Pagefind's fragment files, before their JSON. */
const FRAGMENT_PREFIX = 'pagefind_dcd';

/**
 * Each page's Pagefind id (the name of its fragment file, which is what `search()` results
 * carry as `id`), by URL, read from the fragments Pagefind wrote.
 */
export function fragmentIds(bundleDir: string): Map<string, string> {
  const dir = path.join(bundleDir, 'fragment');
  const ids = new Map<string, string>();
  if (!fs.existsSync(dir)) return ids;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
    if (!text.startsWith(FRAGMENT_PREFIX))
      throw new Error(`${name} is not a Pagefind fragment this build can read`);
    const { url } = JSON.parse(text.slice(FRAGMENT_PREFIX.length)) as { url: string };
    ids.set(url, name.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}

/** Writes the facet data files into the bundle, replacing an earlier build's. */
function writeFacetFiles(bundleDir: string, rows: readonly FacetRow[]) {
  const files = facetFiles(rows, fragmentIds(bundleDir));
  fs.writeFileSync(path.join(bundleDir, FACET_FILES.facets), JSON.stringify(files.facets));
  fs.writeFileSync(path.join(bundleDir, FACET_FILES.services), JSON.stringify(files.services));
  fs.writeFileSync(path.join(bundleDir, FACET_FILES.durations), JSON.stringify(files.durations));
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
